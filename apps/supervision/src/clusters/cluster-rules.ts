import type { ClusterKind } from '@hotline/contracts';

export interface ClusterThresholds {
  burstMinCases: number;
  burstWindowHours: number;
  groupMinCallers: number;
  groupWindowHours: number;
}

/** The defaults, to confirm with the bureau (待确认). */
export const DEFAULT_CLUSTER_THRESHOLDS: ClusterThresholds = { burstMinCases: 5, burstWindowHours: 72, groupMinCallers: 5, groupWindowHours: 168 };

/** Distinct callers among cases (a case without a caller key — no phone — counts none). */
export function distinctCallers(cases: ReadonlyArray<{ callerKey?: string | null }>): number {
  return new Set(cases.map((c) => c.callerKey).filter((k): k is string => !!k)).size;
}

/** How far back a kind of cluster looks from a case's arrival. */
export function windowStart(kind: ClusterKind, at: Date, t: ClusterThresholds): Date {
  return new Date(at.getTime() - (kind === 'burst' ? t.burstWindowHours : t.groupWindowHours) * 3_600_000);
}

/**
 * Whether the similar cases of one window (same topic, same place, the new case included; counted
 * as cases and distinct callers) make a cluster: 爆发性 at `burstMinCases` cases, 群体性 at `groupMinCallers` distinct callers.
 */
export function thresholdReached(kind: ClusterKind, counts: { cases: number; callers: number }, t: ClusterThresholds): boolean {
  return kind === 'burst' ? counts.cases >= t.burstMinCases : counts.callers >= t.groupMinCallers;
}

/** The place a case is about for clustering: its project, else its community; none: not clustered. */
export function placeOf(d: { projectName?: string | null; community?: string | null }): string | null {
  const p = d.projectName?.trim() || d.community?.trim();
  return p ? p.slice(0, 100) : null;
}
