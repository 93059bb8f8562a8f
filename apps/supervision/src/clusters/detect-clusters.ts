import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CLUSTER_KINDS, ClusterKind, createEvent, EventData, EventEnvelope } from '@hotline/contracts';
import { recordEvent } from '@hotline/service-kit';
import { Cluster, ClusterCase, ClusterMember } from './cluster.entity';
import { ClusterThresholds, distinctCallers, placeOf, thresholdReached, windowStart } from './cluster-rules';
import { THRESHOLDS_COLUMNS_SQL, thresholdsOf } from './cluster-store';

const actor = { system: 'supervision-clusters' } as const;

/**
 * A received case joins detection: it is recorded, then for each kind the open cluster of its
 * topic and place (its last case within the window) takes it in (`hotline.cluster.updated`), or,
 * when none is open, the window's similar cases are counted against the threshold and may form a
 * new one (`hotline.cluster.detected`). Imported history (arrived completed) is not clustered.
 */
export async function detectClusters(em: EntityManager, e: EventEnvelope): Promise<void> {
  const matter = matterOf(e);
  if (!matter) return;
  const { caseId, d, place } = matter;
  const at = new Date(d.receivedAt);
  const row: ClusterCase = {
    caseId,
    topic: d.topic.slice(0, 50),
    place,
    projectName: d.projectName?.slice(0, 100) ?? null,
    community: d.community?.slice(0, 100) ?? null,
    callerKey: d.callerKey ?? null,
    receivedAt: at,
  };
  // One topic and place at a time: two lanes never open two clusters for the same matter.
  const { added, t } = await recordUnderLock(em, row, matter.lockKey);
  const c = added ? row : await em.findOneOrFail(ClusterCase, { caseId }); // the row already there wins
  // What each kind needs, read for both kinds at once, in one statement (the open clusters and the
  // windows' counts): nothing a kind writes changes what the other reads — another kind's
  // cluster, never the cases of the window.
  const from = new Map(CLUSTER_KINDS.map((kind) => [kind, windowStart(kind, c.receivedAt, t)]));
  const { open, counts } = await openClustersAndCounts(em, c.topic, c.place, from, c.receivedAt);
  for (const kind of CLUSTER_KINDS) await detectKind(em, kind, c, t, open.get(kind) ?? null, open.get(kind) ? undefined : counts.get(kind));
}

/**
 * The matter (topic and place) of a received case that joins detection, with its advisory lock's
 * key; null for a case without a place, or imported history (arrived completed).
 */
function matterOf(e: EventEnvelope): { caseId: string; d: EventData<'hotline.case.received'>; place: string; lockKey: string } | null {
  if (e.type !== 'hotline.case.received' || !e.caseId) return null;
  const d = e.data as EventData<'hotline.case.received'>;
  const place = placeOf(d);
  if (!place || d.completedAt) return null;
  return { caseId: e.caseId, d, place, lockKey: `cluster:${d.topic}:${place}` };
}

/**
 * Before a batch of received cases is detected in one transaction: the locks of all its matters,
 * in one order (by the lock's number). Each case then takes its matter's lock again (a transaction may hold an
 * advisory lock more than once); without this, two lanes' batches took their matters' locks in
 * the order of their cases and deadlocked each other (seen in a backlog of imported cases).
 */
export async function lockMattersOf(em: EntityManager, events: readonly EventEnvelope[]): Promise<void> {
  const keys = new Set(events.map((e) => matterOf(e)?.lockKey).filter((k): k is string => !!k));
  if (!keys.size) return;
  // In the order of the locks themselves (two keys may share a hash: the same lock).
  await em.execute(
    `select pg_advisory_xact_lock(h) from (select distinct hashtext(k) as h from unnest(array[${[...keys].map(() => '?').join(', ')}]::text[]) as k order by h) as ordered`,
    [...keys],
  );
}

/**
 * Records the case under the lock of its matter and reads the thresholds in force, in one
 * statement (it runs for every received case). The transaction's advisory lock is taken in the
 * insert's source, so before the row is written, and held to the commit. The thresholds are read
 * with the statement's snapshot (taken before any wait for the lock); what the lock guards — the
 * open clusters, the window's cases — is read by the statements after it. `added` is false when
 * the case was recorded already.
 */
async function recordUnderLock(em: EntityManager, row: ClusterCase, lockKey: string): Promise<{ added: boolean; t: ClusterThresholds }> {
  const [r] = await em.execute<Array<{ added: number } & Parameters<typeof thresholdsOf>[0]>>(
    `with added as (
       insert into sup_cluster_case (case_id, topic, place, project_name, community, caller_key, received_at)
       select ?, ?, ?, ?, ?, ?, ? from (select pg_advisory_xact_lock(hashtext(?))) as locked
       on conflict (case_id) do nothing returning case_id)
     select (select count(*) from added)::int as added, ${THRESHOLDS_COLUMNS_SQL}
       from (select 1) as one left join sup_cluster_settings s on s.id = 1`,
    [row.caseId, row.topic, row.place, row.projectName, row.community, row.callerKey, row.receivedAt, lockKey],
  );
  return { added: r.added > 0, t: thresholdsOf(r) };
}

/**
 * For one topic and place: each kind's open cluster (the one whose last case is latest within the
 * kind's window, as a managed entity) and the cases and distinct callers within each kind's window
 * up to `to` (counted in SQL: a burst can hold thousands) — one statement, a row per candidate
 * cluster (or one row without a cluster), the counts repeated on each.
 */
async function openClustersAndCounts(
  em: EntityManager,
  topic: string,
  place: string,
  from: Map<ClusterKind, Date>,
  to: Date,
): Promise<{ open: Map<ClusterKind, Cluster>; counts: Map<ClusterKind, { cases: number; callers: number }> }> {
  const kinds = [...from.keys()];
  const earliest = new Date(Math.min(...kinds.map((k) => from.get(k)!.getTime())));
  const rows = await em.execute<Array<Record<string, unknown>>>(
    `select w.*, k.*
       from (select ${kinds.map((_, i) => `count(*) filter (where received_at >= ?) as cases${i}, count(distinct caller_key) filter (where received_at >= ?) as callers${i}`).join(', ')}
               from sup_cluster_case where topic = ? and place = ? and received_at >= ? and received_at <= ?) as w
       left join lateral (select * from sup_cluster
                           where topic = ? and place = ? and (${kinds.map(() => '(kind = ? and last_case_at >= ?)').join(' or ')})
                           order by last_case_at desc, id asc) as k on true`,
    [...kinds.flatMap((k) => [from.get(k)!, from.get(k)!]), topic, place, earliest, to, topic, place, ...kinds.flatMap((k) => [k, from.get(k)!])],
  );
  const counts = new Map(kinds.map((k, i) => [k, { cases: Number(rows[0][`cases${i}`]), callers: Number(rows[0][`callers${i}`]) }]));
  const open = new Map<ClusterKind, Cluster>();
  for (const row of rows) {
    if (row.id == null || open.has(row.kind as ClusterKind)) continue;
    const cluster = Object.fromEntries(Object.entries(row).filter(([col]) => !/^(cases|callers)\d+$/.test(col)));
    open.set(row.kind as ClusterKind, em.map(Cluster, cluster));
  }
  return { open, counts };
}

async function detectKind(
  em: EntityManager,
  kind: ClusterKind,
  c: ClusterCase,
  t: ClusterThresholds,
  open: Cluster | null,
  counts: { cases: number; callers: number } | undefined,
) {
  const { topic, place, receivedAt: at } = c;
  const from = windowStart(kind, at, t);
  const now = new Date();
  if (open) {
    if (await em.count(ClusterMember, { clusterId: open.id, caseId: c.caseId })) return;
    // A new caller only if no member case has this caller's key: from the caller's few cases (indexed), not the whole cluster.
    const known = c.callerKey
      ? (
          await em.execute(
            'select 1 from sup_cluster_case k join sup_cluster_member m on m.case_id = k.case_id and m.cluster_id = ? where k.caller_key = ? limit 1',
            [open.id, c.callerKey],
          )
        ).length > 0
      : true;
    em.create(ClusterMember, { clusterId: open.id, caseId: c.caseId, receivedAt: at });
    Object.assign(open, {
      caseCount: open.caseCount + 1,
      callerCount: open.callerCount + (known ? 0 : 1),
      lastCaseAt: at > open.lastCaseAt ? at : open.lastCaseAt,
      updatedAt: now,
    });
    await em.flush();
    await recordEvent(
      em,
      createEvent({
        type: 'hotline.cluster.updated',
        source: 'supervision',
        actor,
        data: { clusterId: open.id, kind, caseCount: open.caseCount, callerCount: open.callerCount, addedCaseIds: [c.caseId], updatedAt: now.toISOString() },
      }),
    );
    return;
  }
  if (!counts || !thresholdReached(kind, counts, t)) return;
  const similar = await em.find(ClusterCase, { topic, place, receivedAt: { $gte: from, $lte: at } }, { orderBy: { receivedAt: 'asc', caseId: 'asc' } });
  const first = similar[0];
  const cluster = em.create(Cluster, {
    id: randomUUID(),
    kind,
    topic,
    place,
    projectName: first.projectName ?? null,
    community: first.community ?? null,
    caseCount: similar.length,
    callerCount: distinctCallers(similar),
    firstCaseAt: first.receivedAt,
    lastCaseAt: at,
    detectedAt: now,
    updatedAt: now,
  });
  await em.flush(); // no ORM relation orders the inserts: the cluster goes first (foreign key)
  for (const s of similar) em.create(ClusterMember, { clusterId: cluster.id, caseId: s.caseId, receivedAt: s.receivedAt });
  await em.flush();
  await recordEvent(
    em,
    createEvent({
      type: 'hotline.cluster.detected',
      source: 'supervision',
      actor,
      data: {
        clusterId: cluster.id,
        kind,
        topic,
        ...(cluster.projectName ? { projectName: cluster.projectName } : {}),
        ...(cluster.community ? { community: cluster.community } : {}),
        caseCount: cluster.caseCount,
        callerCount: cluster.callerCount,
        caseIds: similar.map((s) => s.caseId),
        detectedAt: now.toISOString(),
      },
    }),
  );
}
