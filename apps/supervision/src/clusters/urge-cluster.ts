import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { AuthUser, isUuid, parseInput, codedError } from '@hotline/service-kit';
import { CaseProjection } from '../cases/case-projection.entity';
import { recordManualUrge } from '../urging/urge-case';
import { Cluster, ClusterMember } from './cluster.entity';
import { SUPERVISION_ERRORS } from '@hotline/contracts';

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
    if (!cluster) throw codedError(SUPERVISION_ERRORS.CLUSTER_NOT_FOUND);
    const ids = (await tx.find(ClusterMember, { clusterId: cluster.id })).map((m) => m.caseId);
    const open = await tx.find(CaseProjection, { id: { $in: ids }, completedAt: null, leadDepartmentId: { $ne: null } }, { orderBy: { receivedAt: 'asc' } });
    if (!open.length) throw codedError(SUPERVISION_ERRORS.NO_OPEN_CASES);
    for (const c of open) await recordManualUrge(tx, user, c, c.leadDepartmentId!, null, cmd.note);
    return open.length;
  });
}
