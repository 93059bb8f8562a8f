import type { EntityManager } from '@mikro-orm/postgresql';
import { DISPATCH_ERRORS, type ScriptScope } from '@hotline/contracts';
import { codedError } from '@hotline/service-kit';
import type { DispatchCase } from '../cases/dispatch-case.entity';
import { ClusterCaseProjection, ReplyScriptProjection } from './reply-script.entity';

/** A unified reply script (统一答复口径) offered to the department for a case. */
export interface ReplyScriptOffer {
  scriptId: string;
  version: number;
  scope: ScriptScope;
  title: string;
  text: string;
}

/** What a case is, for matching scripts: its topic, its project and the clusters it belongs to. */
export interface ScriptTarget {
  topic: string;
  projectName?: string | null;
  clusterIds: readonly string[];
}

type Candidate = Pick<ReplyScriptProjection, 'scriptId' | 'version' | 'scope' | 'scopeKey' | 'publishedAt'>;

const SPECIFICITY: Record<ScriptScope, number> = { cluster: 3, project: 2, topic: 1 };

/** Whether a published script's scope covers the case. */
export function scriptApplies(s: Pick<Candidate, 'scope' | 'scopeKey'>, t: ScriptTarget): boolean {
  if (s.scope === 'cluster') return t.clusterIds.includes(s.scopeKey);
  if (s.scope === 'project') return !!t.projectName && s.scopeKey === t.projectName.trim();
  return s.scopeKey === t.topic;
}

/**
 * The matching rule: of the published scripts that cover the case, the most specific — a cluster's
 * over its project's over its topic's; among equals the most recently published. Null when none.
 */
export function pickScript<C extends Candidate>(candidates: readonly C[], t: ScriptTarget): C | null {
  return (
    candidates
      .filter((s) => scriptApplies(s, t))
      .sort(
        (a, b) => SPECIFICITY[b.scope] - SPECIFICITY[a.scope] || b.publishedAt.getTime() - a.publishedAt.getTime() || a.scriptId.localeCompare(b.scriptId),
      )[0] ?? null
  );
}

async function targetOf(em: EntityManager, c: DispatchCase): Promise<ScriptTarget> {
  const clusters = await em.find(ClusterCaseProjection, { caseId: c.id });
  return { topic: c.topic, projectName: c.projectName, clusterIds: clusters.map((x) => x.clusterId) };
}

/**
 * The seam to supervision, which owns reply scripts: dispatch keeps a projection of the published
 * versions (hotline.script.published / .retired) and of cluster membership (hotline.cluster.*).
 */
export interface ReplyScriptSource {
  scriptFor(em: EntityManager, c: DispatchCase): Promise<ReplyScriptOffer | null>;
}

export const projectedReplyScripts: ReplyScriptSource = {
  async scriptFor(em, c) {
    const t = await targetOf(em, c);
    const rows = await em.find(ReplyScriptProjection, {
      status: 'published',
      $or: [
        { scope: 'topic', scopeKey: t.topic },
        ...(t.projectName ? [{ scope: 'project' as const, scopeKey: t.projectName.trim() }] : []),
        ...(t.clusterIds.length ? [{ scope: 'cluster' as const, scopeKey: { $in: [...t.clusterIds] } }] : []),
      ],
    });
    const s = pickScript(rows, t);
    return s ? { scriptId: s.scriptId, version: s.version, scope: s.scope, title: s.title, text: s.text } : null;
  },
};

/**
 * A reply that says it follows a script names a published version that covers the case; an
 * unknown or retired version, or a script for something else, is refused (nothing is written).
 */
export async function assertScriptUsable(em: EntityManager, c: DispatchCase, scriptId: string, version: number | undefined): Promise<number> {
  if (!version) throw codedError(DISPATCH_ERRORS.SCRIPT_VERSION_REQUIRED);
  const s = await em.findOne(ReplyScriptProjection, { scriptId, version });
  if (!s || s.status !== 'published') throw codedError(DISPATCH_ERRORS.SCRIPT_VERSION_UNKNOWN);
  if (!scriptApplies(s, await targetOf(em, c))) throw codedError(DISPATCH_ERRORS.SCRIPT_NOT_APPLICABLE);
  return version;
}
