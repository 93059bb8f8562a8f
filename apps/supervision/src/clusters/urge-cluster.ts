import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { AuthUser, badInput, isUuid, notFound, parseInput } from '@hotline/service-kit';
import { CaseProjection } from '../cases/case-projection.entity';
import { recordManualUrge } from '../urging/urge-case';
import { Cluster, ClusterMember } from './cluster.entity';

export const UrgeClusterCommand = z.object({
  clusterId: z.string().min(1),
  note: z.string().trim().min(2, '督办说明至少 2 个字').max(200, '督办说明最多 200 个字'),
});

/**
 * 聚类督办: one action urges the lead department of every open case of the cluster (each a manual
 * 催办 on the case's timeline), in one transaction. Cases not yet dispatched or already completed
 * are skipped; a cluster with none open is refused.
 */
export async function urgeCluster(em: EntityManager, user: AuthUser, input: unknown): Promise<number> {
  const cmd = parseInput(UrgeClusterCommand, input);
  return em.transactional(async (tx) => {
    const cluster = isUuid(cmd.clusterId) ? await tx.findOne(Cluster, { id: cmd.clusterId }) : null;
    if (!cluster) throw notFound('CLUSTER_NOT_FOUND', '聚类不存在');
    const ids = (await tx.find(ClusterMember, { clusterId: cluster.id })).map((m) => m.caseId);
    const open = await tx.find(CaseProjection, { id: { $in: ids }, completedAt: null, leadDepartmentId: { $ne: null } }, { orderBy: { receivedAt: 'asc' } });
    if (!open.length) throw badInput('NO_OPEN_CASES', '该聚类没有已分转且未办结的工单，无需督办');
    for (const c of open) await recordManualUrge(tx, user, c, c.leadDepartmentId!, null, cmd.note);
    return open.length;
  });
}
