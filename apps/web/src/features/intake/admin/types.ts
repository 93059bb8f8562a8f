import type { RequestType } from '../../../shared/types';
import type { FeedbackAttempt } from '../repeats/types';

export interface Topic {
  code: string;
  name: string;
  parentCode?: string | null;
  sort: number;
  active: boolean;
  description?: string | null;
}

export interface IntakeRules {
  simpleRequestTypes: RequestType[];
  difficultTopics: string[];
  difficultRepeatCount: number;
  difficultClusterSize: number;
  urgentKeywords: string[];
  timelyKeywords: string[];
  repeatWindowDays: number;
  textSimilarityThreshold: number;
}

export interface Open311Key {
  id: string;
  name: string;
  keyPrefix: string;
  createdAt: string;
  revokedAt?: string | null;
  lastUsedAt?: string | null;
}

export interface FeedbackRecord {
  id: string;
  caseId: string;
  externalNo: string;
  masterCaseId?: string | null;
  result: string;
  replySummary: string;
  replyText?: string | null;
  departmentName?: string | null;
  repliedAt?: string | null;
  receivedAt: string;
  completedAt: string;
  state: string;
  attempts: number;
  nextAttemptAt?: string | null;
  lastError?: string | null;
  deliveredAt?: string | null;
  createdAt: string;
  attemptLog: FeedbackAttempt[];
}

export interface FeedbackWebhook {
  url?: string | null;
  source: string;
}

/** Topics as a tree (parents first, by sort then code). */
export interface TopicNode extends Topic {
  children?: TopicNode[];
}

export function topicTree(topics: Topic[]): TopicNode[] {
  const byCode = new Map<string, TopicNode>(topics.map((t) => [t.code, { ...t }]));
  const roots: TopicNode[] = [];
  for (const node of byCode.values()) {
    const parent = node.parentCode ? byCode.get(node.parentCode) : undefined;
    if (parent && parent !== node) (parent.children ??= []).push(node);
    else roots.push(node);
  }
  const sort = (list: TopicNode[]) => {
    list.sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code));
    list.forEach((n) => n.children && sort(n.children));
  };
  sort(roots);
  return roots;
}

/** Topic names usable for a case: active topics, with their parent's name for context. */
export function topicOptions(topics: Topic[]): { value: string; label: string }[] {
  const names = new Map(topics.map((t) => [t.code, t.name]));
  return topics
    .filter((t) => t.active)
    .sort((a, b) => a.sort - b.sort || a.code.localeCompare(b.code))
    .map((t) => ({ value: t.name, label: t.parentCode && names.get(t.parentCode) ? `${names.get(t.parentCode)} / ${t.name}` : t.name }));
}
