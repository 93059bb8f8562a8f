import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { AuthUser, isUuid, parseInput } from '@hotline/service-kit';
import { Cluster, ClusterSettings } from './cluster.entity';
import { ClusterThresholds, DEFAULT_CLUSTER_THRESHOLDS } from './cluster-rules';

export const clusterExists = async (em: EntityManager, clusterId: string): Promise<boolean> =>
  isUuid(clusterId) && (await em.count(Cluster, { id: clusterId })) > 0;

/** The thresholds in force (the defaults until the administrator sets them). */
export async function clusterThresholds(em: EntityManager): Promise<ClusterThresholds & { updatedAt: Date | null; updatedBy: string | null }> {
  const s = await em.findOne(ClusterSettings, { id: 1 });
  return s
    ? {
        burstMinCases: s.burstMinCases,
        burstWindowHours: s.burstWindowHours,
        groupMinCallers: s.groupMinCallers,
        groupWindowHours: s.groupWindowHours,
        updatedAt: s.updatedAt,
        updatedBy: s.updatedBy,
      }
    : { ...DEFAULT_CLUSTER_THRESHOLDS, updatedAt: null, updatedBy: null };
}

/** The thresholds' columns of `sup_cluster_settings s` as a select list (nulls when never set): see thresholdsOf. */
export const THRESHOLDS_COLUMNS_SQL = `s.burst_min_cases as "burstMinCases", s.burst_window_hours as "burstWindowHours",
  s.group_min_callers as "groupMinCallers", s.group_window_hours as "groupWindowHours"`;

/** The thresholds in force from THRESHOLDS_COLUMNS_SQL's row (the defaults until the administrator sets them). */
export function thresholdsOf(s: { [K in keyof ClusterThresholds]: number | null }): ClusterThresholds {
  return s.burstMinCases === null
    ? { ...DEFAULT_CLUSTER_THRESHOLDS }
    : { burstMinCases: s.burstMinCases, burstWindowHours: s.burstWindowHours!, groupMinCallers: s.groupMinCallers!, groupWindowHours: s.groupWindowHours! };
}

const count = (what: string, max: number) => z.number().int(`${what}须为整数`).min(2, `${what}至少为 2`).max(max, `${what}最多为 ${max}`);
const hours = (what: string) =>
  z
    .number()
    .int(`${what}须为整数`)
    .min(1, `${what}至少 1 小时`)
    .max(24 * 90, `${what}最多 90 天`);
export const ClusterThresholdsCommand = z.object({
  burstMinCases: count('爆发性件数阈值', 1000),
  burstWindowHours: hours('爆发性时间窗口'),
  groupMinCallers: count('群体性来电人数阈值', 1000),
  groupWindowHours: hours('群体性时间窗口'),
});

/** 聚类阈值 set by the administrator; applies to cases received from now on. */
export async function setClusterThresholds(em: EntityManager, user: AuthUser, input: unknown): Promise<void> {
  const cmd = parseInput(ClusterThresholdsCommand, input);
  await em.transactional(async (tx) => {
    await tx.upsert(ClusterSettings, { id: 1, ...cmd, updatedAt: new Date(), updatedBy: user.username });
  });
}
