export type ScriptScope = 'topic' | 'project' | 'cluster';

export interface ReplyScriptVersion {
  version: number;
  title: string;
  text: string;
  status: 'draft' | 'approved' | 'published' | 'retired';
  statusLabel: string;
  createdAt: string;
  approvedAt?: string | null;
  publishedAt?: string | null;
  retiredAt?: string | null;
  uses: number;
  lastUsedAt?: string | null;
}

export interface ReplyScript {
  id: string;
  scope: ScriptScope;
  scopeLabel: string;
  scopeKey: string;
  title: string;
  publishedVersion?: number | null;
  uses: number;
  createdAt: string;
  versions: ReplyScriptVersion[];
}

export interface ReplyScriptOffer {
  scriptId: string;
  version: number;
  scope: ScriptScope;
  title: string;
  text: string;
}

export const SCOPE_LABELS: Record<ScriptScope, string> = { topic: '按问题类型', project: '按项目', cluster: '按聚类' };
export const SCOPE_KEY_LABELS: Record<ScriptScope, string> = { topic: '问题类型', project: '项目名称', cluster: '聚类编号' };
export const STATUS_COLORS: Record<ReplyScriptVersion['status'], string> = { draft: 'default', approved: 'blue', published: 'green', retired: 'red' };

/** The version waiting for the next step (draft → approve, approved → publish), if any. */
export function pendingVersion(s: ReplyScript): ReplyScriptVersion | undefined {
  return s.versions.find((v) => v.status === 'draft' || v.status === 'approved');
}
