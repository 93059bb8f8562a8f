import { z } from 'zod';
import { defineEvent, EventDefinition, iso } from './shared';

/**
 * 统一答复口径 scope: the most specific applies to a case — a cluster's script over its project's
 * (楼盘/项目) over its topic's (see dispatch's matching rule).
 */
export const SCRIPT_SCOPES = ['topic', 'project', 'cluster'] as const;
export type ScriptScope = (typeof SCRIPT_SCOPES)[number];
export const SCRIPT_SCOPE_LABELS: Record<ScriptScope, string> = { topic: '按问题类型', project: '按项目', cluster: '按聚类' };

/** 聚类类型: 爆发性 (a burst of similar cases) or 群体性 (many distinct callers, one matter). */
export const CLUSTER_KINDS = ['burst', 'group'] as const;
export type ClusterKind = (typeof CLUSTER_KINDS)[number];
export const CLUSTER_KIND_LABELS: Record<ClusterKind, string> = { burst: '爆发性', group: '群体性' };

const scriptId = z.string().min(1).max(64);
const version = z.number().int().min(1);
const clusterId = z.string().min(1);

/** Events supervision publishes about reply scripts and clusters. */
export const SCRIPT_EVENTS = {
  /**
   * 口径发布: an approved version of a script is now the one departments are offered (the script's
   * earlier published version, if any, is retired by `hotline.script.retired`). Title and text
   * are redacted (no personal data); `scopeKey` is the topic, the project name or the cluster id.
   */
  'hotline.script.published': defineEvent({
    label: '答复口径发布',
    versions: {
      1: z.object({
        scriptId,
        version,
        scope: z.enum(SCRIPT_SCOPES),
        scopeKey: z.string().min(1).max(100),
        title: z.string().min(1).max(100),
        text: z.string().min(1).max(2000),
        publishedAt: iso,
      }),
    },
    summary: (d) => `${SCRIPT_SCOPE_LABELS[d.scope]}：${d.title}（第 ${d.version} 版）`,
  }),
  /** 口径停用: this version may no longer be used in a reply (withdrawn, or replaced by a newer one). */
  'hotline.script.retired': defineEvent({
    label: '答复口径停用',
    versions: { 1: z.object({ scriptId, version, retiredAt: iso, reason: z.enum(['withdrawn', 'superseded']) }) },
    summary: (d) => `第 ${d.version} 版${d.reason === 'superseded' ? '已被新版本替代' : '已停用'}`,
  }),
  /**
   * 聚类发现: enough similar cases (爆发性) or distinct callers (群体性) about one topic at one
   * project or community within the window. Callers are counted from intake's keyed hash, never a phone.
   */
  'hotline.cluster.detected': defineEvent({
    label: '发现聚类',
    versions: {
      1: z.object({
        clusterId,
        kind: z.enum(CLUSTER_KINDS),
        topic: z.string().min(1),
        projectName: z.string().optional(),
        community: z.string().optional(),
        caseCount: z.number().int().min(1),
        callerCount: z.number().int().min(0),
        caseIds: z.array(z.string().min(1)).min(1),
        detectedAt: iso,
      }),
    },
    summary: (d) => `${CLUSTER_KIND_LABELS[d.kind]}：${d.projectName ?? d.community ?? ''}${d.topic}，${d.caseCount} 件`,
  }),
  /** 聚类更新: more cases joined the cluster (the ids of the ones added). */
  'hotline.cluster.updated': defineEvent({
    label: '聚类更新',
    versions: {
      1: z.object({
        clusterId,
        kind: z.enum(CLUSTER_KINDS),
        caseCount: z.number().int().min(1),
        callerCount: z.number().int().min(0),
        addedCaseIds: z.array(z.string().min(1)).min(1),
        updatedAt: iso,
      }),
    },
    summary: (d) => `${CLUSTER_KIND_LABELS[d.kind]}聚类增至 ${d.caseCount} 件`,
  }),
} as const satisfies Record<string, EventDefinition>;
