import { AuthUser, badInput, conflict, DomainError, forbidden, assertInScope } from '@hotline/service-kit';
import { CASE_STAGE_LABELS } from '@hotline/contracts';
import type { DispatchStage } from '../cases/dispatch-case.entity';

/** What can be done to a case, by whom, from which stage (the department-work state machine). */
export type HandlingAction =
  | 'dispatch' | 'redispatch' | 'accept' | 'return' | 'contact' | 'request-extension' | 'decide-extension' | 'assist-report' | 'reply' | 'review';

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
  dispatch: '分转', redispatch: '改派', accept: '接收', return: '退回', contact: '登记联系', 'request-extension': '申请延期',
  'decide-extension': '审批延期', 'assist-report': '协办反馈', reply: '答复', review: '审核',
};

/** dispatch's states are stages of the case lifecycle: their labels are the lifecycle's. */
export const STAGE_LABELS: Record<DispatchStage, string> = CASE_STAGE_LABELS;

/** Refuses (CONFLICT WRONG_STAGE) an action the case's stage does not allow. */
export function assertStage(action: HandlingAction, c: { stage: DispatchStage; externalNo: string }): void {
  if (!ACTION_STAGES[action].includes(c.stage)) {
    throw conflict('WRONG_STAGE', `工单 ${c.externalNo} 当前为「${STAGE_LABELS[c.stage]}」，不能${ACTION_LABELS[action]}`);
  }
}

/**
 * A case merged into a master (并单) is handled only through its master: every action on it —
 * dispatch, 改派, the department's work, 局审核 — is refused with CONFLICT CASE_MERGED.
 */
export function assertNotMerged(c: { externalNo: string; mergedIntoCaseId?: string | null; mergedIntoExternalNo?: string | null }): void {
  if (!c.mergedIntoCaseId) return;
  const master = c.mergedIntoExternalNo ? ` ${c.mergedIntoExternalNo}` : '';
  throw new DomainError('CONFLICT', 'CASE_MERGED', `工单 ${c.externalNo} 已并单至主工单${master}，请办理主工单`, { masterCaseId: c.mergedIntoCaseId });
}

/** A stale `expectedVersion` means someone else acted first: CONFLICT, nothing written. */
export function assertVersion(c: { version: number }, expectedVersion?: number | null): void {
  if (expectedVersion != null && expectedVersion !== c.version) throw conflict('STALE_VERSION', '工单已被他人更新，请刷新后重试');
}

interface Routed { leadDepartmentId?: string | null; assistDepartmentIds: string[]; departmentIds(): string[] }

/** The handler's department must hold the case (else NOT_FOUND) and lead it (else FORBIDDEN). */
export function assertLead(user: AuthUser, c: Routed, what = '此操作'): string {
  assertInScope(user, c.departmentIds());
  if (!user.departmentId || c.leadDepartmentId !== user.departmentId) throw forbidden('NOT_LEAD_DEPARTMENT', `只有主办科室可以${what}，协办科室请向主办科室反馈`);
  return user.departmentId;
}

/** The handler's department must be one of the case's assisting departments. */
export function assertAssist(user: AuthUser, c: Routed): string {
  assertInScope(user, c.departmentIds());
  if (!user.departmentId || !c.assistDepartmentIds.includes(user.departmentId)) throw forbidden('NOT_ASSIST_DEPARTMENT', '只有协办科室可以提交协办反馈');
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
  if (!deadline) throw conflict('NO_DEADLINE', '工单没有办理时限，无需延期');
  if (now.getTime() >= deadline.getTime()) throw conflict('DEADLINE_PASSED', '办理时限已过，不能再申请延期；延期须在时限届满前申请');
  // A time already past is a mistake (a mistyped date), not a wish for the shortest extension: say so.
  if (requestedUntil.getTime() <= now.getTime()) throw badInput('EXTENSION_IN_PAST', '申请延至的时间已经过去，请选择当前办理时限之后的时间');
  if (requestedUntil.getTime() <= deadline.getTime()) throw badInput('EXTENSION_NOT_LATER', '申请延至的时间须晚于当前办理时限');
  if (requestedUntil.getTime() > deadline.getTime() + maxDays * 86_400_000) throw badInput('EXTENSION_TOO_LONG', `一次延期最多 ${maxDays} 天`);
  return deadline;
}

/** 主办/协办 closure rule: the lead replies only after every assisting department has reported. */
export function assertAssistsClosed(tasks: ReadonlyArray<{ departmentId: string; status: string }>): void {
  const open = tasks.filter((t) => t.status === 'open').map((t) => t.departmentId);
  if (open.length) throw new DomainError('CONFLICT', 'ASSIST_OPEN', '仍有协办科室未反馈，主办科室暂不能答复', { departmentIds: open });
}

/** 科室工作台 buckets. */
export const INBOX_BUCKETS = ['new', 'inProgress', 'dueSoon', 'overdue', 'returned'] as const;
export type InboxBucket = (typeof INBOX_BUCKETS)[number];

/**
 * Where a case sits in a department's inbox: overdue (past its deadline), due soon (less than
 * `dueSoonShare` of its handling time left — the 80% reminder), new (not yet accepted) or in
 * progress. 'returned' is not a state of a held case: it lists the cases the department gave back.
 */
export function inboxBucketOf(
  c: { stage: DispatchStage; dispatchedAt?: Date | null; handleDeadlineAt?: Date | null },
  now: Date,
  dueSoonShare = 0.2,
): Exclude<InboxBucket, 'returned'> {
  const deadline = c.handleDeadlineAt?.getTime();
  if (deadline != null && c.stage !== 'replied') {
    if (now.getTime() > deadline) return 'overdue';
    const total = deadline - (c.dispatchedAt?.getTime() ?? deadline);
    if (deadline - now.getTime() <= total * dueSoonShare) return 'dueSoon';
  }
  return c.stage === 'dispatched' ? 'new' : 'inProgress';
}
