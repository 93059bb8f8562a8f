import { EventType } from '@mikro-orm/core';
import type { MikroORM, EntityManager } from '@mikro-orm/postgresql';
import type { JetStreamClient } from '@nats-io/jetstream';
import { EventEnvelope, validateEvent } from '@hotline/contracts';
import type { Logger } from './logger';
import type { Metrics } from './metrics';

/** Transactions (their EntityManager forks) that wrote outbox rows and have not committed yet. */
const awaitingCommit = new WeakSet<object>();

/**
 * True, once, when the transaction that just committed on `em` recorded events: only those wake
 * the relay (a commit of anything else — the relay's own round included — must not).
 */
export function takeRecordedEvents(em: object): boolean {
  const had = awaitingCommit.has(em);
  awaitingCommit.delete(em);
  return had;
}

/**
 * Writes an event into the outbox inside the caller's transaction, so the state change and the
 * event commit together or not at all. The relay publishes it after commit.
 */
export async function recordEvent(em: EntityManager, event: EventEnvelope): Promise<void> {
  await recordEvents(em, [event]);
}

/**
 * `recordEvent` for many events (an import writes thousands): each is validated the same way,
 * then written with multi-row inserts inside the caller's transaction.
 */
export async function recordEvents(em: EntityManager, events: readonly EventEnvelope[], chunk = 500): Promise<void> {
  if (!em.isInTransaction()) throw new Error('recordEvent(s) must run inside em.transactional(...)');
  for (const e of events) validateEvent(e);
  for (let i = 0; i < events.length; i += chunk) {
    const rows = outboxRows(events.slice(i, i + chunk));
    await em.execute(`insert into kit_outbox (id, subject, case_id, payload) ${rows.values}`, rows.params);
  }
  if (events.length) awaitingCommit.add(em);
}

/**
 * `kit_outbox` rows of events already checked against the catalogue: a `values` list (its columns
 * typed, so that it can also stand as a subquery) and its parameters.
 */
function outboxRows(events: readonly EventEnvelope[]): { values: string; params: unknown[] } {
  return {
    values: `values ${events.map(() => '(?::uuid, ?, ?, ?::jsonb)').join(', ')}`,
    params: events.flatMap((e) => [e.id, e.type, e.caseId ?? null, JSON.stringify(e)]),
  };
}

/**
 * A state change and its events in ONE statement, without a transaction around it: `insert` is an
 * `insert … returning …` (it may insert nothing: `on conflict … do nothing`), and the events go
 * into the outbox only if it returned a row. A statement is atomic, so the row and its events
 * still commit together or not at all — two round trips (BEGIN, COMMIT) and one insert fewer than
 * `em.transactional` + `recordEvent` for a command that writes one row. The relay is woken as
 * after a commit that recorded events (inside a transaction: at that commit). Returns `insert`'s
 * rows. `insert.sql` takes `?` placeholders for `insert.params`, as `em.execute` does.
 */
export async function insertWithEvents<T extends object>(em: EntityManager, insert: Statement, events: readonly EventEnvelope[]): Promise<T[]> {
  for (const e of events) validateEvent(e);
  if (!events.length) return em.execute<T[]>(insert.sql, [...insert.params]);
  const outbox = outboxRows(events);
  const rows = await em.execute<T[]>(
    `with written as (${insert.sql}),
     outbox as (insert into kit_outbox (id, subject, case_id, payload)
       select v.id, v.subject, v.case_id, v.payload from (${outbox.values}) as v(id, subject, case_id, payload)
        where exists (select 1 from written))
     select * from written`,
    [...insert.params, ...outbox.params],
  );
  if (rows.length) {
    awaitingCommit.add(em);
    if (!em.isInTransaction()) await em.getEventManager().dispatchEvent(EventType.afterTransactionCommit, { em });
  }
  return rows;
}

/**
 * `recordEvents` and more writes of the same transaction in a single round trip: each `along`
 * statement (an insert or update; its result is not read) runs as a data-modifying `with` of the
 * outbox insert. All happen, or — the statement failing — none; the caller's transaction commits
 * them. The `along` statements see one snapshot and none sees another's rows, but the foreign keys
 * are checked at the statement's end: a row and rows that reference it may go in together.
 */
export async function recordEventsAlong(
  em: EntityManager,
  events: readonly EventEnvelope[],
  along: Statement | readonly (Statement | null)[] | null,
): Promise<void> {
  const writes = ((Array.isArray(along) ? along : [along]) as readonly (Statement | null)[]).filter((w): w is Statement => !!w);
  if (!writes.length) return recordEvents(em, events);
  if (!events.length && writes.length === 1) {
    await em.execute(writes[0].sql, [...writes[0].params]);
    return;
  }
  if (!em.isInTransaction()) throw new Error('recordEventsAlong must run inside em.transactional(...)');
  for (const e of events) validateEvent(e);
  const withs = writes.map((w, i) => `along${i} as (${w.sql})`).join(', ');
  const params = writes.flatMap((w) => [...w.params]);
  if (!events.length) {
    await em.execute(`with ${withs} select 1`, params);
    return;
  }
  const outbox = outboxRows(events);
  await em.execute(`with ${withs} insert into kit_outbox (id, subject, case_id, payload) ${outbox.values}`, [...params, ...outbox.params]);
  awaitingCommit.add(em);
}

/** A statement with `?` placeholders and its values, as `em.execute` takes them. */
export interface Statement {
  sql: string;
  params: readonly unknown[];
}

interface OutboxRow {
  id: string;
  subject: string;
  payload: EventEnvelope | string;
}

/**
 * Publishes committed outbox rows to JetStream, oldest first, with the event id as Nats-Msg-Id
 * (the server drops a second copy within the duplicate window). Rows are claimed with
 * FOR UPDATE SKIP LOCKED, so several replicas can share the work without publishing twice.
 */
export class OutboxRelay {
  private timer?: NodeJS.Timeout;
  private running = false;
  private again = false;
  private stopped = false;
  private idle?: Promise<void>;

  constructor(
    private readonly orm: MikroORM,
    private readonly js: JetStreamClient,
    private readonly log: Logger,
    private readonly opts: { batchSize?: number; pollMs?: number; metrics?: Metrics } = {},
  ) {}

  start(): void {
    this.stopped = false;
    const poll = () => {
      this.kick();
      this.timer = setTimeout(poll, this.opts.pollMs ?? 1_000);
      this.timer.unref();
    };
    poll();
  }

  /** Asks for a publish round now (called after every commit). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = true;
    this.idle = (async () => {
      try {
        do {
          this.again = false;
          while ((await this.publishBatch()) === (this.opts.batchSize ?? 200)) {
            /* drain */
          }
        } while (this.again && !this.stopped);
      } catch (e) {
        this.log.warn({ err: e }, 'outbox relay round failed; retrying on next poll');
      } finally {
        this.running = false;
      }
    })();
  }

  /** Publishes one batch; returns how many rows it published. */
  async publishBatch(): Promise<number> {
    const em = this.orm.em.fork();
    return em.transactional(async (tx) => {
      // Claimed and marked in one statement; the mark is seen only if this transaction commits,
      // which it does only after every publish was acknowledged (a failed publish rolls it back,
      // and the rows are published again on the next round).
      const rows = await tx.execute<Array<OutboxRow & { seq: string | number }>>(
        `update kit_outbox o set published_at = now()
           from (select seq from kit_outbox where published_at is null order by seq limit ? for update skip locked) claimed
          where o.seq = claimed.seq
          returning o.seq, o.id, o.subject, o.payload`,
        [this.opts.batchSize ?? 200],
      );
      if (rows.length === 0) return 0;
      rows.sort((a, b) => Number(a.seq) - Number(b.seq)); // RETURNING keeps no order
      // Pipelined: one connection keeps the publish order; we wait for every ack before committing.
      await Promise.all(
        rows.map((row) => this.js.publish(row.subject, typeof row.payload === 'string' ? row.payload : JSON.stringify(row.payload), { msgID: row.id })),
      );
      this.opts.metrics?.outboxPublished.inc(rows.length);
      return rows.length;
    });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.idle;
  }
}
