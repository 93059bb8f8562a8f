// TypeScript shapes of the GraphQL API as served by the gateway.
import type { CaseStage, QueueSort } from '@hotline/contracts/browser';

export type { CaseStage, QueueSort };

export type Role = 'admin' | 'duty' | 'handler' | 'supervisor' | 'callback' | 'leader';
export type RequestType = 'consultation' | 'help' | 'complaint' | 'report' | 'suggestion' | 'praise';
export type Urgency = 'normal' | 'timely' | 'urgent' | (string & {});
export type Channel = 'district' | 'import' | 'open311' | 'manual' | (string & {});
export type Tier = 'simple' | 'general' | 'difficult';
export type ReplyResult = 'solved' | 'partly' | 'explained' | 'unsolvable';

export interface Department {
  id: string;
  code: string;
  name: string;
  active: boolean;
}

export interface User {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId?: string | null;
  department?: Pick<Department, 'id' | 'name' | 'code'> | null;
  active: boolean;
}

export type UserRef = Pick<User, 'id' | 'displayName'>;
export type DepartmentRef = Pick<Department, 'id' | 'name'>;

export interface TimelineEntry {
  id: string;
  /** Event type, e.g. hotline.case.signed */
  type: string;
  /** Chinese description of the step. */
  label: string;
  occurredAt: string;
  actor?: UserRef | null;
  /** Role of the person, or the service for automatic steps. */
  actorRole?: string | null;
  department?: DepartmentRef | null;
  /** Details (the why), without personal data. */
  detail?: string | null;
}

export interface Assignment {
  leadDepartmentId: string;
  leadDepartment?: DepartmentRef | null;
  assistDepartmentIds: string[];
  assistDepartments?: DepartmentRef[] | null;
  dispatchedAt: string;
  dispatchedBy?: UserRef | null;
  status: string;
  deadlineAt?: string | null;
}

export interface Reply {
  id: string;
  departmentId: string;
  department?: DepartmentRef | null;
  result: ReplyResult;
  text: string;
  repliedAt: string;
  repliedByUser?: UserRef | null;
}

/** The fields every list shows. */
export interface CaseSummary {
  id: string;
  externalNo: string;
  title: string;
  requestType: RequestType;
  topic: string;
  urgency: Urgency;
  stage: CaseStage;
  receivedAt: string;
  signedAt?: string | null;
  deadlineAt?: string | null;
  dispatchDueAt?: string | null;
  assignment?: Assignment | null;
}

export interface CaseDetail extends CaseSummary {
  channel: Channel;
  content: string;
  tier: Tier;
  citizenName: string;
  citizenPhone: string;
  address?: string | null;
  projectName?: string | null;
  street?: string | null;
  timeline: TimelineEntry[];
  replies: Reply[];
}
