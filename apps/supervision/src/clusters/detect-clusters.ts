import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CLUSTER_KINDS, ClusterKind, createEvent, EventData, EventEnvelope } from '@hotline/contracts';
import { recordEvent } from '@hotline/service-kit';
import { Cluster, ClusterCase, ClusterMember } from './cluster.entity';
import { placeOf, thresholdReached, windowStart, distinctCallers } from './cluster-rules';
import { clusterThresholds } from './cluster-store';

const actor = { system: 'supervision-clusters' } as const;

/**
 * A received case joins detection: it is recorded, then for each kind the open cluster of its
 * topic and place (its last case within the window) takes it in (`hotline.cluster.updated`), or,
 * when none is open, the window's similar cases are counted against the threshold and may form a
 * new one (`hotline.cluster.detected`). Imported history (arrived completed) is not clustered.
 */
export async function detectClusters(em: EntityManager, e: EventEnvelope): Promise<void> {
  const d = e.data as EventData<'hotline.case.received'>;
  const place = placeOf(d);
  if (!e.caseId || !place || d.completedAt) return;
  const at = new Date(d.receivedAt);
  await em.upsert(ClusterCase, {
    caseId: e.caseId, topic: d.topic.slice(0, 50), place, projectName: d.projectName?.slice(0, 100) ?? null, community: d.community?.slice(0, 100) ?? null,
    callerKey: d.callerKey ?? null, receivedAt: at,
  }, { onConflictAction: 'ignore' });
  // One topic and place at a time: two lanes never open two clusters for the same matter.
  await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`cluster:${d.topic}:${place}`]);
  const t = await clusterThresholds(em);
  for (const kind of CLUSTER_KINDS) await detectKind(em, kind, e.caseId, d.topic.slice(0, 50), place, at, t);
}

async function detectKind(em: EntityManager, kind: ClusterKind, caseId: string, topic: string, place: string, at: Date, t: Awaited<ReturnType<typeof clusterThresholds>>) {
  const from = windowStart(kind, at, t);
  const now = new Date();
  const open = await em.findOne(Cluster, { kind, topic, place, lastCaseAt: { $gte: from } }, { orderBy: { lastCaseAt: 'desc' } });
  if (open) {
    if (await em.count(ClusterMember, { clusterId: open.id, caseId })) return;
    em.create(ClusterMember, { clusterId: open.id, caseId, receivedAt: at });
    await em.flush();
    const members = await em.find(ClusterCase, { caseId: { $in: (await em.find(ClusterMember, { clusterId: open.id })).map((m) => m.caseId) } });
    Object.assign(open, { caseCount: members.length, callerCount: distinctCallers(members), lastCaseAt: at > open.lastCaseAt ? at : open.lastCaseAt, updatedAt: now });
    await em.flush();
    await recordEvent(em, createEvent({
      type: 'hotline.cluster.updated', source: 'supervision', actor,
      data: { clusterId: open.id, kind, caseCount: open.caseCount, callerCount: open.callerCount, addedCaseIds: [caseId], updatedAt: now.toISOString() },
    }));
    return;
  }
  const similar = await em.find(ClusterCase, { topic, place, receivedAt: { $gte: from, $lte: at } }, { orderBy: { receivedAt: 'asc' } });
  if (!thresholdReached(kind, similar, t)) return;
  const first = similar[0];
  const c = em.create(Cluster, {
    id: randomUUID(), kind, topic, place, projectName: first.projectName ?? null, community: first.community ?? null, caseCount: similar.length, callerCount: distinctCallers(similar),
    firstCaseAt: first.receivedAt, lastCaseAt: at, detectedAt: now, updatedAt: now,
  });
  await em.flush(); // no ORM relation orders the inserts: the cluster goes first (foreign key)
  for (const s of similar) em.create(ClusterMember, { clusterId: c.id, caseId: s.caseId, receivedAt: s.receivedAt });
  await em.flush();
  await recordEvent(em, createEvent({
    type: 'hotline.cluster.detected', source: 'supervision', actor,
    data: {
      clusterId: c.id, kind, topic, ...(c.projectName ? { projectName: c.projectName } : {}), ...(c.community ? { community: c.community } : {}),
      caseCount: c.caseCount, callerCount: c.callerCount, caseIds: similar.map((s) => s.caseId), detectedAt: now.toISOString(),
    },
  }));
}
