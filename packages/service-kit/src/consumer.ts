import type { MikroORM, EntityManager } from '@mikro-orm/postgresql';
import { AckPolicy, ConsumerMessages, DeliverPolicy, JetStreamClient, JsMsg, jetstreamManager } from '@nats-io/jetstream';
import { headers, NatsConnection } from '@nats-io/transport-node';
import { deadLetterSubject, EventContractError, EventEnvelope, STREAM, validateEvent } from '@hotline/contracts';
import type { Logger } from './logger';
import type { ConsumerOutcome, Metrics } from './metrics';

/** The message as JSON, or undefined when it is not JSON (it is then dead-lettered as invalid). */
function parseBody(msg: JsMsg): unknown {
  try {
    return msg.json();
  } catch {
    return undefined;
  }
}

export type EventHandler = (event: EventEnvelope, em: EntityManager) => Promise<void>;

export interface ConsumerDefinition {
  /** Durable name, `<service>-<purpose>`. */
  name: string;
  /** One subject filter (nats-server 2.9 allows one per consumer), e.g. `hotline.case.>`. */
  subject: string;
  /** Handlers by event type; types without one are acknowledged and skipped. */
  handlers: Partial<Record<string, EventHandler>>;
  /**
   * Optional: handles the new events of a batch at once, in their order — with exactly the effect
   * of calling `handlers` one by one (it is the fast path for a backlog; when it fails, the
   * events are handled again one at a time through `handlers`). Returning `false` declines this
   * batch: the kit then runs `handlers` one by one, in the same transaction.
   */
  batchHandler?: (events: EventEnvelope[], em: EntityManager) => Promise<boolean | void>;
  /**
   * Event types whose handler is one statement that is idempotent by itself (an `insert … on
   * conflict do nothing`, as `insertIgnore` sends). When a batch holds at most
   * `ALONE_AT_MOST` events and all are of these types, each handler runs on its own, in
   * autocommit, without the inbox row and the transaction around it: a redelivered or
   * re-published event repeats the statement, which changes nothing. That is one round trip to
   * PostgreSQL instead of four (BEGIN, the inbox row, the statement, COMMIT) for the commonest
   * event of a projection consumer at ordinary rates; a larger batch (a backlog) still commits
   * once through the inbox and `batchHandler`. A handler listed here must not write twice or read
   * what it writes: it is not atomic with anything else.
   */
  idempotentTypes?: readonly string[];
}

/** The largest batch whose `idempotentTypes` events run each in autocommit (beyond it, one transaction is cheaper). */
export const ALONE_AT_MOST = 2;

export interface ConsumerOptions {
  /** Lanes handled in parallel; the events of one case always share a lane, so stay in order. */
  concurrency: number;
  /** Deliveries before an event goes to `deadletter.<consumer>`. */
  maxDeliver: number;
  /** Most events of one lane committed in one transaction (1 = a transaction per event). */
  batchSize?: number;
  ackWaitMs?: number;
  /** Test seam: runs after the handler's transaction commits and before the ack. */
  afterCommit?: (event: EventEnvelope) => void | Promise<void>;
  metrics?: Metrics;
}

interface Pending {
  msg: JsMsg;
  /** The message already parsed once (undefined when it is not JSON). */
  body: unknown;
}

interface Lane {
  queue: Pending[];
  running?: Promise<void>;
}

/** What became of one event in a batch. */
type Outcome = { ok: true } | { ok: false; error: unknown };

/** FNV-1a: spreads case ids over the lanes. */
function laneOf(key: string, lanes: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return (h >>> 0) % lanes;
}

/**
 * A durable pull consumer with explicit acks. Events are spread over `concurrency` lanes by case
 * (one case, one lane: its events stay in order); each lane handles what has queued up, up to
 * `batchSize` events, in one transaction that also records their ids in `kit_inbox`. A
 * redelivered or re-published event finds its id there and has no second effect. When an event
 * of a batch fails, the batch is rolled back and its events are handled one transaction each: the
 * failing one is retried with backoff, then dead-lettered, and the consumer goes on. Grouping
 * commits is what drains a backlog (a 13,000-row import) quickly: with a durable disk an event's
 * cost is mostly its commit.
 */
export class DurableConsumer {
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;
  private readonly lanes: Lane[];
  private readonly batchSize: number;
  private readonly idempotent: ReadonlySet<string>;
  private queued = 0;

  constructor(
    private readonly def: ConsumerDefinition,
    private readonly orm: MikroORM,
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly log: Logger,
    private readonly opts: ConsumerOptions,
  ) {
    this.lanes = Array.from({ length: Math.max(1, opts.concurrency) }, () => ({ queue: [] }));
    this.batchSize = Math.max(1, opts.batchSize ?? 1);
    this.idempotent = new Set(def.idempotentTypes ?? []);
  }

  /** How many messages may wait in memory, unacknowledged, at once. */
  private get window(): number {
    return this.lanes.length * this.batchSize * 2;
  }

  async start(): Promise<void> {
    const jsm = await jetstreamManager(this.nc);
    const config = {
      durable_name: this.def.name,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: this.def.subject,
      ack_wait: (this.opts.ackWaitMs ?? 30_000) * 1_000_000,
      max_deliver: this.opts.maxDeliver + 1,
      max_ack_pending: Math.max(64, this.window * 2),
    };
    try {
      await jsm.consumers.info(STREAM, this.def.name);
      await jsm.consumers.update(STREAM, this.def.name, {
        ack_wait: config.ack_wait,
        max_deliver: config.max_deliver,
        max_ack_pending: config.max_ack_pending,
      });
    } catch {
      await jsm.consumers.add(STREAM, config);
    }
    const consumer = await this.js.consumers.get(STREAM, this.def.name);
    this.messages = await consumer.consume({ max_messages: Math.max(16, this.window) });
    this.loop = this.run(this.messages);
  }

  private async run(messages: ConsumerMessages): Promise<void> {
    for await (const msg of messages) {
      while (this.queued >= this.window) {
        const busy = this.lanes.map((l) => l.running).filter((r): r is Promise<void> => !!r);
        if (busy.length === 0) break;
        await Promise.race(busy);
      }
      const body = parseBody(msg);
      const caseId = (body as { caseId?: unknown } | undefined)?.caseId;
      const lane = this.lanes[laneOf(typeof caseId === 'string' ? caseId : `seq:${msg.seq}`, this.lanes.length)];
      lane.queue.push({ msg, body });
      this.queued++;
      lane.running ??= this.drain(lane);
    }
  }

  private async drain(lane: Lane): Promise<void> {
    try {
      while (lane.queue.length) {
        const batch = lane.queue.splice(0, this.batchSize);
        try {
          await this.handleBatch(batch);
        } catch (e) {
          // Never leave a lane stuck: whatever was not settled is redelivered after ack_wait.
          this.log.error({ err: e }, 'consumer batch failed unexpectedly');
        } finally {
          this.queued -= batch.length;
        }
      }
    } finally {
      lane.running = undefined;
    }
  }

  private async handleBatch(batch: Pending[]): Promise<void> {
    const work: Array<{ msg: JsMsg; event: EventEnvelope; handler: EventHandler }> = [];
    for (const { msg, body } of batch) {
      let event: EventEnvelope;
      try {
        event = validateEvent(body);
      } catch (e) {
        // A message that breaks the contract will never succeed: dead-letter it at once.
        await this.deadLetter(msg, e);
        continue;
      }
      const handler = this.def.handlers[event.type];
      if (handler) work.push({ msg, event, handler });
      else {
        msg.ack();
        this.count('skipped');
      }
    }
    if (work.length === 0) return;

    // Optimistically, the whole batch in one transaction; if any event fails, the batch is rolled
    // back and each event is handled on its own, so a failure costs only that event.
    let outcomes: Outcome[];
    if (work.length <= ALONE_AT_MOST && work.every((w) => this.idempotent.has(w.event.type))) {
      // Each on its own, in autocommit: idempotent by itself, no inbox row or transaction needed.
      outcomes = [];
      for (const w of work) outcomes.push(await this.attemptAlone(w));
    } else if (work.length === 1) outcomes = [await this.attempt([work[0]])];
    else {
      const together = await this.attempt(work);
      outcomes = together.ok ? work.map(() => together) : [];
      if (!together.ok) for (const w of work) outcomes.push(await this.attempt([w]));
    }
    for (let i = 0; i < work.length; i++) {
      const { msg, event } = work[i];
      let outcome = outcomes[i];
      if (outcome.ok) {
        try {
          await this.opts.afterCommit?.(event);
          msg.ack();
          continue;
        } catch (e) {
          outcome = { ok: false, error: e };
        }
      }
      await this.retryOrDeadLetter(msg, event, outcome.error);
    }
  }

  /**
   * One transaction for these events: their ids go into `kit_inbox` in one statement, and the
   * handler runs for each id that was not there yet (a redelivered or re-published event, or a
   * second copy in the same batch, has no second effect).
   */
  private async attempt(items: Array<{ event: EventEnvelope; handler: EventHandler }>): Promise<Outcome> {
    const end = this.opts.metrics?.consumerHandle.startTimer({ consumer: this.def.name });
    let handled = 0;
    try {
      await this.orm.em.fork().transactional(async (em) => {
        handled = 0;
        const rows = await em.execute<Array<{ event_id: string }>>(
          `insert into kit_inbox (consumer, event_id, subject) values ${items.map(() => '(?, ?, ?)').join(', ')} on conflict do nothing returning event_id`,
          items.flatMap(({ event }) => [this.def.name, event.id, event.type]),
        );
        const fresh = new Set(rows.map((r) => r.event_id));
        // Handled before, or a copy earlier in this batch: no second effect.
        const todo = items.filter(({ event }) => fresh.delete(event.id));
        if (
          todo.length > 1 &&
          this.def.batchHandler &&
          (await this.def.batchHandler(
            todo.map((t) => t.event),
            em,
          )) !== false
        ) {
          await em.flush();
          handled = todo.length;
          return;
        }
        for (const { event, handler } of todo) {
          await handler(event, em);
          // Each handler sees the database as the previous one left it, never a stale identity map.
          await em.flush();
          em.clear();
          handled++;
        }
      });
      end?.();
      this.opts.metrics?.consumerBatch.observe({ consumer: this.def.name }, items.length);
      this.count('handled', handled);
      this.count('duplicate', items.length - handled);
      return { ok: true };
    } catch (error) {
      return { ok: false, error };
    }
  }

  /** One `idempotentTypes` event: its one statement in autocommit (see `idempotentTypes`). */
  private async attemptAlone({ event, handler }: { event: EventEnvelope; handler: EventHandler }): Promise<Outcome> {
    const end = this.opts.metrics?.consumerHandle.startTimer({ consumer: this.def.name });
    try {
      const em = this.orm.em.fork();
      await handler(event, em);
      await em.flush();
      end?.();
      this.opts.metrics?.consumerBatch.observe({ consumer: this.def.name }, 1);
      this.count('handled');
      return { ok: true };
    } catch (error) {
      return { ok: false, error };
    }
  }

  private async retryOrDeadLetter(msg: JsMsg, event: EventEnvelope, error: unknown): Promise<void> {
    const deliveries = msg.info.deliveryCount;
    if (deliveries >= this.opts.maxDeliver) {
      await this.deadLetter(msg, error);
    } else {
      this.log.warn({ err: error, eventId: event.id, type: event.type, deliveries }, 'event handling failed; will retry');
      msg.nak(Math.min(30_000, 200 * 2 ** (deliveries - 1)));
      this.count('retried');
    }
  }

  private count(outcome: ConsumerOutcome, n = 1): void {
    if (n > 0) this.opts.metrics?.consumerEvents.inc({ consumer: this.def.name, outcome }, n);
  }

  private async deadLetter(msg: JsMsg, error: unknown): Promise<void> {
    const reason =
      error instanceof EventContractError ? `${error.message}: ${error.issues.join('; ')}` : error instanceof Error ? error.message : String(error);
    try {
      await this.js.publish(deadLetterSubject(this.def.name), msg.data, {
        msgID: `${this.def.name}:${msg.seq}`,
        headers: this.deadLetterHeaders(msg, reason),
      });
      // No reason with the term: nats-server 2.9 (Debian's) does not parse "+TERM <reason>" and
      // would leave the message pending until ack_wait, then deliver it again. The reason travels
      // in the dead letter's headers and the log instead.
      msg.term();
      this.count('dead_lettered');
      this.log.error({ subject: msg.subject, seq: msg.seq, reason }, 'event dead-lettered');
    } catch (e) {
      this.log.error({ err: e }, 'could not dead-letter; will be redelivered');
      msg.nak(5_000);
    }
  }

  private deadLetterHeaders(msg: JsMsg, reason: string) {
    const h = headers();
    h.set('Hotline-Consumer', this.def.name);
    h.set('Hotline-Original-Subject', msg.subject);
    h.set('Hotline-Stream-Seq', String(msg.seq));
    h.set('Hotline-Deliveries', String(msg.info.deliveryCount));
    h.set('Hotline-Error', reason.slice(0, 500).replace(/[\r\n]+/g, ' '));
    return h;
  }

  async stop(): Promise<void> {
    if (this.messages) await this.messages.close();
    await this.loop;
    await Promise.allSettled(this.lanes.map((l) => l.running));
  }
}
