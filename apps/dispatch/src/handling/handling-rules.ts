import { AuthUser, codedError, assertInScope } from '@hotline/service-kit';
import { CASE_STAGE_LABELS, DISPATCH_ERRORS } from '@hotline/contracts';
import type { DispatchStage } from '../cases/dispatch-case.entity';

/** What can be done to a case, by whom, from which stage (the department-work state machine). */
export type HandlingAction =
  'dispatch' | 'redispatch' | 'accept' | 'return' | 'contact' | 'request-extension' | 'decide-extension' | 'assist-report' | 'reply' | 'review';

export const ACTION_STAGES: Record<HandlingAction, readonly DispatchStage[]> = {
  dispatch: ['signed'],
  redispatch: ['dispatched', 'accepted'],
  accept: ['dispatched'],
  return: ['dispatched', 'accepted'],
  contact: ['dispatched', 'accepted', 'replied'],
  'request-extension': ['dispatched', 'accepted'],
  'decide-extension': ['dispatched', 'accepted', 'replied'],
  'assist-report': ['dispatched', 'accepted'],
  reply: ['dispatched', 'accepted'],
  review: ['replied'],
};

const ACTION_LABELS: Record<HandlingAction, string> = {
  dispatch: '分转',
  redispatch: '改派',
  accept: '接收',
  return: '退回',
  contact: '登记联系',
  'request-extension': '申请延期',
  'decide-extension': '审批延期',
  'assist-report': '协办反馈',
  reply: '答复',
  review: '审核',
};

/** dispatch's states are stages of the case lifecycle: their labels are the lifecycle's. */
export const STAGE_LABELS: Record<DispatchStage, string> = CASE_STAGE_LABELS;

/** Refuses (CONFLICT WRONG_STAGE) an action the case's stage does not allow. */
export function assertStage(action: HandlingAction, c: { stage: DispatchStage; externalNo: string }): void {
  if (!ACTION_STAGES[action].includes(c.stage)) {
    throw codedError(DISPATCH_ERRORS.WRONG_STAGE, { externalNo: c.externalNo, stage: STAGE_LABELS[c.stage], action: ACTION_LABELS[action] });
  }
}

/**
 * A case merged into a master (并单) is handled only through its master: every action on it —
 * dispatch, 改派, the department's work, 局审核 — is refused with CONFLICT CASE_MERGED.
 */
export function assertNotMerged(c: { externalNo: string; mergedIntoCaseId?: string | null; mergedIntoExternalNo?: string | null }): void {
  if (!c.mergedIntoCaseId) return;
  const master = c.mergedIntoExternalNo ? ` ${c.mergedIntoExternalNo}` : '';
  throw codedError(DISPATCH_ERRORS.CASE_MERGED, { externalNo: c.externalNo, master }, { masterCaseId: c.mergedIntoCaseId });
}

/** A stale `expectedVersion` means someone else acted first: CONFLICT, nothing written. */
export function assertVersion(c: { version: number }, expectedVersion?: number | null): void {
  if (expectedVersion != null && expectedVersion !== c.version) throw codedError(DISPATCH_ERRORS.CASE_STALE);
}

interface Routed {
  leadDepartmentId?: string | null;
  assistDepartmentIds: string[];
  departmentIds(): string[];
}

/** The handler's department must hold the case (else NOT_FOUND) and lead it (else FORBIDDEN). */
export function assertLead(user: AuthUser, c: Routed, what = '此操作'): string {
  assertInScope(user, c.departmentIds());
  if (!user.departmentId || c.leadDepartmentId !== user.departmentId) throw codedError(DISPATCH_ERRORS.NOT_LEAD_DEPARTMENT, { action: what });
  return user.departmentId;
}

/** The handler's department must be one of the case's assisting departments. */
export function assertAssist(user: AuthUser, c: Routed): string {
  assertInScope(user, c.departmentIds());
  if (!user.departmentId || !c.assistDepartmentIds.includes(user.departmentId)) throw codedError(DISPATCH_ERRORS.NOT_ASSIST_DEPARTMENT);
  return user.departmentId;
}

/** Whole minutes between two instants: the time a department held a case, charged to it. */
export function heldMinutes(since: Date, until: Date): number {
  return Math.max(0, Math.floor((until.getTime() - since.getTime()) / 60_000));
}

export function heldSeconds(since: Date, until: Date): number {
  return Math.max(0, Math.round((until.getTime() - since.getTime()) / 1000));
}

/** 延期 rules: asked before the deadline, to a later time, at most `maxDays` beyond it. */
export function checkExtensionRequest(now: Date, deadline: Date | null | undefined, requestedUntil: Date, maxDays = 30): Date {
  if (!deadline) throw codedError(DISPATCH_ERRORS.NO_DEADLINE);
  if (now.getTime() >= deadline.getTime()) throw codedError(DISPATCH_ERRORS.DEADLINE_PASSED);
  // A time already past is a mistake (a mistyped date), not a wish for the shortest extension: say so.
  if (requestedUntil.getTime() <= now.getTime()) throw codedError(DISPATCH_ERRORS.EXTENSION_IN_PAST);
  if (requestedUntil.getTime() <= deadline.getTime()) throw codedError(DISPATCH_ERRORS.EXTENSION_NOT_LATER);
  if (requestedUntil.getTime() > deadline.getTime() + maxDays * 86_400_000) throw codedError(DISPATCH_ERRORS.EXTENSION_TOO_LONG, { maxDays });
  return deadline;
}

/** 主办/协办 closure rule: the lead replies only after every assisting department has reported. */
export function assertAssistsClosed(tasks: ReadonlyArray<{ departmentId: string; status: string }>): void {
  const open = tasks.filter((t) => t.status === 'open').map((t) => t.departmentId);
  if (open.length) throw codedError(DISPATCH_ERRORS.ASSIST_OPEN, {}, { departmentIds: open });
}

/** 科室工作台 buckets. */
export const INBOX_BUCKETS = ['new', 'inProgress', 'dueSoon', 'overdue', 'returned'] as const;
export type InboxBucket = (typeof INBOX_BUCKETS)[number];

/**
 * Where a case sits in a department's inbox: overdue (past its deadline), due soon (less than
 * `dueSoonShare` of its handling time left — the 80% reminder), new (not yet accepted) or in
 * progress. 'returned' is not a state of a held case: it lists the cases the department gave back.
 */
export const DUE_SOON_SHARE = 0.2;

export function inboxBucketOf(
  c: { stage: DispatchStage; dispatchedAt?: Date | null; handleDeadlineAt?: Date | null },
  now: Date,
  dueSoonShare = DUE_SOON_SHARE,
): Exclude<InboxBucket, 'returned'> {
  const deadline = c.handleDeadlineAt?.getTime();
  if (deadline != null && c.stage !== 'replied') {
    if (now.getTime() > deadline) return 'overdue';
    const total = deadline - (c.dispatchedAt?.getTime() ?? deadline);
    if (deadline - now.getTime() <= total * dueSoonShare) return 'dueSoon';
  }
  return c.stage === 'dispatched' ? 'new' : 'inProgress';
}
