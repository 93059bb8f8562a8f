// Shapes of the dispatch service's case fields (see apps/gateway/supergraph.graphql).
import type { DepartmentRef, UserRef } from '../../../shared/types';

export interface Handling {
  /** dispatch's own handling state (what may be done now); the case's stage is Case.stage. */
  state: string;
  version: number;
  acceptedAt?: string | null;
  acceptedBy?: UserRef | null;
  contactedAt?: string | null;
  contactChannel?: string | null;
  completedAt?: string | null;
  returnCount: number;
  inboxBucket?: string | null;
  /** 办理轮次: 2 and more after a 二次督办 (回访 unresolved or dissatisfied). */
  round?: number;
}

export interface AssistTask {
  id: string;
  departmentId: string;
  department?: DepartmentRef | null;
  status: string;
  assignedAt: string;
  reportText?: string | null;
  reportedAt?: string | null;
  reportedByUser?: UserRef | null;
}

export interface ExtensionRequest {
  id: string;
  departmentId: string;
  department?: DepartmentRef | null;
  reason: string;
  requestedUntil: string;
  currentDeadlineAt: string;
  requestedAt: string;
  status: string;
  decidedAt?: string | null;
  decisionNote?: string | null;
  requestedByUser?: UserRef | null;
  decidedByUser?: UserRef | null;
}

export interface AssignmentRecord {
  id: string;
  caseId: string;
  kind: string;
  fromDepartmentId?: string | null;
  fromDepartment?: DepartmentRef | null;
  toDepartmentId?: string | null;
  toDepartment?: DepartmentRef | null;
  assistDepartmentIds: string[];
  heldMinutes?: number | null;
  reasonCode?: string | null;
  reason?: string | null;
  at: string;
  byRole: string;
  by?: UserRef | null;
  externalNo?: string;
  title?: string;
}

export interface ReviewedReply {
  id: string;
  departmentId: string;
  department?: DepartmentRef | null;
  result: string;
  text: string;
  repliedAt: string;
  scriptId?: string | null;
  reviewStatus: string;
  reviewedAt?: string | null;
  reviewNote?: string | null;
  reviewedByUser?: UserRef | null;
  repliedByUser?: UserRef | null;
}

/** The dispatch-side fields of a case, loaded by CASE_HANDLING_QUERY. */
export interface CaseDispatchView {
  id: string;
  externalNo: string;
  stage: string;
  handling?: Handling | null;
  assignment?: {
    leadDepartmentId: string;
    leadDepartment?: DepartmentRef | null;
    assistDepartmentIds: string[];
    dispatchedAt?: string | null;
    deadlineAt?: string | null;
  } | null;
  assistTasks: AssistTask[];
  extensions: ExtensionRequest[];
  assignmentHistory: AssignmentRecord[];
  replies: ReviewedReply[];
}
