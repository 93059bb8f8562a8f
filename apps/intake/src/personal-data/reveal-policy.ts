import type { CaseStage, Role, SERVICE_ROLE } from '@hotline/contracts';

export interface RevealSubject {
  confidential: boolean;
  anonymous: boolean;
  stage: CaseStage;
  departmentIds: readonly string[];
  /** For a 回访员: whether callback says they hold the case's open callback task (asked only for that role). */
  holdsCallbackTask?: boolean;
}

export type RevealDecision = { allowed: true } | { allowed: false; reason: string; message: string };

/**
 * Stages at which a callback agent (回访员) needs the citizen's number: after the reply, 待回访 and
 * 已回访 included (the open task of the round, asked of callback, is what finally decides).
 */
const CALLBACK_STAGES: CaseStage[] = ['replied', 'completed', 'awaitingCallback', 'calledBack'];

/**
 * Who may see a citizen's full name, phone and address (查看完整信息), always with a reason:
 * - duty operators (值守员), for any case — they talk to the district platform and the citizen;
 * - department handlers (科室承办人), for their own department's cases, unless the case is
 *   confidential (保密件): then the identity stays with the bureau;
 * - callback agents (回访员), once the case is replied or completed, and only the agent holding the
 *   case's open callback task (回访任务) — callback answers that, asked by intake with its service token.
 * Nobody else, services included. (Scope — a handler outside the case's departments — is checked before, as NOT_FOUND.)
 */
export function revealDecision(role: Role | typeof SERVICE_ROLE, subject: RevealSubject): RevealDecision {
  switch (role) {
    case 'duty':
      return { allowed: true };
    case 'handler':
      if (subject.confidential) return { allowed: false, reason: 'CONFIDENTIAL_CASE', message: '保密件的来电人信息不向科室公开' };
      return { allowed: true };
    case 'callback':
      if (!CALLBACK_STAGES.includes(subject.stage)) return { allowed: false, reason: 'NOT_YET_FOR_CALLBACK', message: '工单答复后方可查看来电人信息进行回访' };
      if (!subject.holdsCallbackTask) return { allowed: false, reason: 'NO_CALLBACK_TASK', message: '只有承办该工单回访任务的回访员可以查看来电人电话，请先领取回访任务' };
      return { allowed: true };
    default:
      return { allowed: false, reason: 'ROLE_MAY_NOT_REVEAL', message: '当前角色无权查看来电人完整信息' };
  }
}
