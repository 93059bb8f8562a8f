import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent, DISPATCH_ERRORS } from '@hotline/contracts';
import { actorOf, AuthUser, codedError, recordEvent } from '@hotline/service-kit';
import { AssistTask } from '../assists/assist-task.entity';
import { DispatchCase } from '../cases/dispatch-case.entity';
import { handlingDeadline } from '../deadlines/handling-limit';
import { DepartmentProjection } from '../departments/department.entity';
import { ExtensionRequest } from '../extensions/extension-request.entity';
import { touch } from '../handling/case-access';
import { heldMinutes, heldSeconds } from '../handling/handling-rules';
import { eventText } from '../privacy/public-text';
import { AssignmentRecord } from './assignment-record.entity';

/** What the dispatch screen suggested for a case (see suggestions/), recorded with the dispatch. */
export interface SuggestionSummary {
  source: 'rule' | 'model' | 'none';
  confidence: number;
  leadDepartmentId?: string | null;
  ruleId?: string | null;
}

/** Computes the suggestion for a case inside the dispatch transaction. */
export type Suggester = (tx: EntityManager, c: DispatchCase) => Promise<SuggestionSummary>;

/** Refuses a lead that is also an assist, and departments that are unknown or inactive. */
export async function checkDepartments(tx: EntityManager, lead: string, assists: string[]): Promise<void> {
  if (assists.includes(lead)) throw codedError(DISPATCH_ERRORS.LEAD_ALSO_ASSIST);
  const wanted = [lead, ...assists];
  const known = await tx.find(DepartmentProjection, { id: { $in: wanted }, active: true });
  const missing = wanted.filter((id) => !known.some((d) => d.id === id));
  if (!missing.length) return;
  // A department the projection knows but is inactive is named; one it never heard of, by its id.
  const inactive = await tx.find(DepartmentProjection, { id: { $in: missing } });
  const departments = missing.map((id) => inactive.find((d) => d.id === id)?.name ?? id).join('、');
  throw codedError(DISPATCH_ERRORS.UNKNOWN_DEPARTMENT, { departments }, { departmentIds: missing });
}

/**
 * Closes what belonged to the current routing when it ends (退回, 改派, a dispatch after a 退回,
 * 并单): every assist task of that routing is superseded — open ones are also withdrawn, reported
 * ones keep their report for the record — and a pending extension is withdrawn. A later routing
 * creates fresh assist tasks, and only tasks not superseded count (协办反馈, 主办答复), so a
 * department that assists again reports again.
 */
export async function withdrawOpenWork(tx: EntityManager, caseId: string, now = new Date(), note = '工单已改派或退回，申请自动撤销'): Promise<void> {
  for (const t of await tx.find(AssistTask, { caseId, supersededAt: null })) {
    if (t.status === 'open') t.status = 'withdrawn';
    t.supersededAt = now;
  }
  for (const x of await tx.find(ExtensionRequest, { caseId, status: 'pending' })) {
    x.status = 'withdrawn';
    x.decidedAt = now;
    x.decisionNote = note;
  }
}

/**
 * Routes a case to a lead and assisting departments — first dispatch, dispatch after a 退回, or
 * 改派 — and records it: the case, the assist tasks, the audit record, the event.
 */
export async function assign(
  tx: EntityManager,
  user: AuthUser,
  c: DispatchCase,
  cmd: { leadDepartmentId: string; assistDepartmentIds: string[]; note?: string; reason?: string },
  suggestion: SuggestionSummary,
): Promise<DispatchCase> {
  const now = new Date();
  const from = c.stage === 'signed' ? null : (c.leadDepartmentId ?? null);
  const held = from && c.dispatchedAt ? heldMinutes(c.dispatchedAt, now) : null;
  const heldSecs = from && c.dispatchedAt ? heldSeconds(c.dispatchedAt, now) : null;
  const redispatch = from !== null || c.returnCount > 0;
  await withdrawOpenWork(tx, c.id, now);

  c.leadDepartmentId = cmd.leadDepartmentId;
  c.assistDepartmentIds = cmd.assistDepartmentIds;
  c.dispatchedAt = now;
  c.dispatchedBy = user.id;
  c.handleDeadlineAt = handlingDeadline(now, c.urgency, c.upstreamDeadlineAt, c.tier);
  c.stage = 'dispatched';
  c.acceptedAt = null;
  c.acceptedBy = null;
  touch(c, user, now);
  for (const d of cmd.assistDepartmentIds) tx.create(AssistTask, { caseId: c.id, departmentId: d, status: 'open', assignedAt: now });
  const followed = suggestion.source !== 'none' && suggestion.leadDepartmentId ? suggestion.leadDepartmentId === cmd.leadDepartmentId : undefined;
  tx.create(AssignmentRecord, {
    caseId: c.id,
    kind: from ? 'redispatch' : 'dispatch',
    fromDepartmentId: from,
    toDepartmentId: cmd.leadDepartmentId,
    assistDepartmentIds: cmd.assistDepartmentIds,
    heldMinutes: held,
    heldSeconds: heldSecs,
    reason: cmd.reason ?? cmd.note ?? null,
    suggestionSource: suggestion.source,
    suggestionRuleId: suggestion.ruleId ?? null,
    suggestionConfidence: suggestion.confidence,
    suggestionFollowed: followed ?? null,
    at: now,
    byUser: user.id,
    byRole: user.role,
  });
  await tx.flush();
  // The note or 改派 reason is kept in full in the assignment log; the event carries it scrubbed.
  const note = eventText(cmd.reason ?? cmd.note ?? '', 200, c);
  await recordEvent(
    tx,
    createEvent({
      type: 'hotline.case.dispatched',
      source: 'dispatch',
      actor: actorOf(user),
      caseId: c.id,
      data: {
        externalNo: c.externalNo,
        leadDepartmentId: cmd.leadDepartmentId,
        assistDepartmentIds: cmd.assistDepartmentIds,
        dispatchedAt: now.toISOString(),
        handleDeadlineAt: c.handleDeadlineAt.toISOString(),
        suggestion: {
          source: suggestion.source,
          confidence: Math.min(1, Math.max(0, suggestion.confidence)),
          ...(suggestion.ruleId ? { ruleId: suggestion.ruleId } : {}),
          ...(followed !== undefined ? { followed } : {}),
        },
        redispatch,
        ...(from ? { fromDepartmentId: from, heldMinutes: held ?? 0 } : {}),
        ...(note ? { note } : {}),
      },
    }),
  );
  return c;
}
