import type { OfferedReplyScriptQuery, ReplyScriptFieldsFragment, ReplyScriptScope } from '../../gql/graphql';

/** 统一答复口径 — the types are generated from the API schema (src/gql) for the documents in queries.ts. */
export type ScriptScope = ReplyScriptScope;
export type ReplyScript = ReplyScriptFieldsFragment;
export type ReplyScriptVersion = ReplyScript['versions'][number];
export type ReplyScriptOffer = NonNullable<OfferedReplyScriptQuery['case']['offeredReplyScript']>;
export type ScriptStatus = 'draft' | 'approved' | 'published' | 'retired';

export const SCOPE_LABELS: Record<ScriptScope, string> = { topic: '按问题类型', project: '按项目', cluster: '按聚类' };
export const SCOPE_KEY_LABELS: Record<ScriptScope, string> = { topic: '问题类型', project: '项目名称', cluster: '聚类编号' };
export const STATUS_COLORS: Record<ScriptStatus, string> = { draft: 'default', approved: 'blue', published: 'green', retired: 'red' };
/** A version's tag colour (the status is a plain string in the API). */
export const statusColor = (status: string): string => STATUS_COLORS[status as ScriptStatus] ?? 'default';

/** The version waiting for the next step (draft → approve, approved → publish), if any. */
export function pendingVersion(s: ReplyScript): ReplyScriptVersion | undefined {
  return s.versions.find((v) => v.status === 'draft' || v.status === 'approved');
}
