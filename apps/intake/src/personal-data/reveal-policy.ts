import { INTAKE_ERRORS, type CaseStage, type ErrorEntry, type Role, type SERVICE_ROLE } from '@hotline/contracts';

export interface RevealSubject {
  confidential: boolean;
  anonymous: boolean;
  stage: CaseStage;
  departmentIds: readonly string[];
  /** For a 回访员: whether callback says they hold the case's open callback task (asked only for that role). */
  holdsCallbackTask?: boolean;
}

/** A refusal names its entry of intake's reason list (its reason and message too, for a reader). */
export type RevealDecision = { allowed: true } | { allowed: false; refusal: ErrorEntry; reason: string; message: string };

const refused = (refusal: ErrorEntry): RevealDecision => ({ allowed: false, refusal, reason: refusal.reason, message: refusal.message });

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
      if (subject.confidential) return refused(INTAKE_ERRORS.CONFIDENTIAL_CASE);
      return { allowed: true };
    case 'callback':
      if (!CALLBACK_STAGES.includes(subject.stage)) return refused(INTAKE_ERRORS.NOT_YET_FOR_CALLBACK);
      if (!subject.holdsCallbackTask) return refused(INTAKE_ERRORS.NO_CALLBACK_TASK);
      return { allowed: true };
    default:
      return refused(INTAKE_ERRORS.ROLE_MAY_NOT_REVEAL);
  }
}
