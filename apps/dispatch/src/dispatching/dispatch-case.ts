import type { EntityManager } from '@mikro-orm/postgresql';
import { DISPATCH_ERRORS } from '@hotline/contracts';
import { AuthUser, codedError, DomainError, parseInput } from '@hotline/service-kit';
import { z } from 'zod';
import { DispatchCase } from '../cases/dispatch-case.entity';
import { assertNotMerged, assertVersion } from '../handling/handling-rules';
import { assign, checkDepartments, Suggester, SuggestionSummary } from './assign';

export const DispatchCommand = z.object({
  caseId: z.uuid('工单无效'),
  leadDepartmentId: z.uuid('主办科室无效'),
  assistDepartmentIds: z.array(z.uuid('协办科室无效')).max(7, '协办科室最多 7 个').default([]),
  note: z.string().trim().max(200, '备注最多 200 个字').optional(),
  expectedVersion: z.number().int().min(1, '版本号无效').nullish(),
});

const noSuggestion: Suggester = async () => ({ source: 'none', confidence: 0 });

/**
 * 分转派单: route a signed case (待分转, first time or after a 退回) to a lead department (主办) and
 * optional assisting ones (协办). Refused, with nothing written, for an unsigned, already
 * dispatched or merged (并单) case or an unknown department.
 */
export async function dispatchCase(em: EntityManager, user: AuthUser, input: unknown, suggest: Suggester = noSuggestion): Promise<DispatchCase> {
  const cmd = parseInput(DispatchCommand, input);
  const assists = [...new Set(cmd.assistDepartmentIds)];
  if (assists.includes(cmd.leadDepartmentId)) throw codedError(DISPATCH_ERRORS.LEAD_ALSO_ASSIST);
  return em.transactional(async (tx) => {
    const c = await tx.findOne(DispatchCase, { id: cmd.caseId });
    if (!c) throw codedError(DISPATCH_ERRORS.CASE_NOT_FOUND);
    assertNotMerged(c);
    assertVersion(c, cmd.expectedVersion);
    if (c.stage === 'received') throw codedError(DISPATCH_ERRORS.CASE_NOT_SIGNED, { externalNo: c.externalNo });
    if (c.stage !== 'signed') throw codedError(DISPATCH_ERRORS.ALREADY_DISPATCHED, { externalNo: c.externalNo });
    await checkDepartments(tx, cmd.leadDepartmentId, assists);
    const suggestion: SuggestionSummary = await suggest(tx, c);
    return assign(tx, user, c, { leadDepartmentId: cmd.leadDepartmentId, assistDepartmentIds: assists, note: cmd.note }, suggestion);
  });
}

/** One line of a bulk dispatch: the case, or why it was refused. */
export interface BulkDispatchOutcome {
  caseId: string;
  case: DispatchCase | null;
  errorCode: string | null;
  reason: string | null;
  message: string | null;
}

const MAX_BULK_DISPATCH = 100;

/** 批量分转: each case in its own transaction; one refusal does not stop the others. */
export async function dispatchCases(em: EntityManager, user: AuthUser, inputs: unknown[], suggest: Suggester = noSuggestion): Promise<BulkDispatchOutcome[]> {
  if (inputs.length === 0 || inputs.length > MAX_BULK_DISPATCH) throw codedError(DISPATCH_ERRORS.BULK_SIZE, { max: MAX_BULK_DISPATCH });
  const out: BulkDispatchOutcome[] = [];
  for (const input of inputs) {
    const caseId = String((input as { caseId?: unknown }).caseId ?? '');
    try {
      out.push({ caseId, case: await dispatchCase(em.fork(), user, input, suggest), errorCode: null, reason: null, message: null });
    } catch (thrown) {
      const e = thrown instanceof Error && thrown.name === 'OptimisticLockError' ? codedError(DISPATCH_ERRORS.CASE_STALE) : thrown;
      if (e instanceof DomainError) out.push({ caseId, case: null, errorCode: e.code, reason: e.reason, message: e.message });
      else throw e;
    }
  }
  return out;
}
