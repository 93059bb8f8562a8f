import { LINK_KIND_LABELS as CONTRACT_LINK_KIND_LABELS, type LinkKind as ContractLinkKind } from '@hotline/contracts/browser';
import type { CaseStage } from '../../../shared/types';

export type LinkKind = ContractLinkKind;

export interface UnsignedSummary {
  count: number;
  oldestReceivedAt?: string | null;
  oldestWaitMinutes?: number | null;
}

export interface CandidateCase {
  id: string;
  externalNo: string;
  title: string;
  topic: string;
  projectName?: string | null;
  stage: CaseStage;
  receivedAt: string;
  replyResult?: string | null;
  completedAt?: string | null;
}

export interface RepeatCandidate {
  score: number;
  reasons: string[];
  case: CandidateCase;
}

export interface FeedbackAttempt {
  id: string;
  attempt: number;
  statusCode?: number | null;
  error?: string | null;
  at: string;
  durationMs: number;
}

export interface CaseFeedback {
  id: string;
  state: string;
  result: string;
  /** 答复内容 as sent to the district platform (masked here); null until read from dispatch. */
  replyText?: string | null;
  departmentName?: string | null;
  repliedAt?: string | null;
  attempts: number;
  lastError?: string | null;
  deliveredAt?: string | null;
  nextAttemptAt?: string | null;
  attemptLog: FeedbackAttempt[];
}

/** 附件: an external link (id null) or a file uploaded to intake (downloaded with the token). */
export interface CaseAttachment {
  id?: string | null;
  name: string;
  url: string;
  contentType?: string | null;
  size?: number | null;
}

export interface LinkedCase {
  id: string;
  externalNo: string;
  title: string;
  stage: CaseStage;
  receivedAt: string;
  linkKind?: LinkKind | null;
  linkScore?: number | null;
}

export interface CaseIntake {
  id: string;
  externalNo: string;
  stage: CaseStage;
  anonymous: boolean;
  confidential: boolean;
  districtDispatchedAt?: string | null;
  firstContactAt?: string | null;
  completedAt?: string | null;
  replyResult?: string | null;
  community?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  attachments: CaseAttachment[];
  repeatCount: number;
  clusterCount: number;
  masterCaseId?: string | null;
  linkKind?: LinkKind | null;
  linkScore?: number | null;
  linkedCases: LinkedCase[];
  feedback: CaseFeedback[];
}

export const LINK_KIND_LABELS: Record<string, string> = CONTRACT_LINK_KIND_LABELS;

/** 已等待 95 分钟 → 1 小时 35 分钟. */
export function formatWait(minutes: number): string {
  if (minutes < 60) return `${Math.max(0, minutes)} 分钟`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h < 24) return m ? `${h} 小时 ${m} 分钟` : `${h} 小时`;
  const d = Math.floor(h / 24);
  return `${d} 天 ${h % 24} 小时`;
}
