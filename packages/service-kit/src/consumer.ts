import type { MikroORM, EntityManager } from '@mikro-orm/postgresql';
import { AckPolicy, ConsumerMessages, DeliverPolicy, JetStreamClient, JsMsg, jetstreamManager } from '@nats-io/jetstream';
import { headers, NatsConnection } from '@nats-io/transport-node';
import { deadLetterSubject, EventContractError, EventEnvelope, STREAM, validateEvent } from '@hotline/contracts';
import type { Logger } from './logger';

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
}

export interface ConsumerOptions {
  /** How many events are handled at once (events of one case stay in order). */
  concurrency: number;
  /** Deliveries before an event goes to `deadletter.<consumer>`. */
  maxDeliver: number;
  ackWaitMs?: number;
  /** Test seam: runs after the handler's transaction commits and before the ack. */
  afterCommit?: (event: EventEnvelope) => void | Promise<void>;
}

/**
 * A durable pull consumer with explicit acks. Each event is handled in one transaction that also
 * records its id in `kit_inbox`; a redelivered or re-published event finds its id there and has no
 * second effect. A failing event is retried with backoff, then dead-lettered, and the consumer
 * goes on with the next one.
 */
export class DurableConsumer {
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly chains = new Map<string, Promise<void>>();

  constructor(
    private readonly def: ConsumerDefinition,
    private readonly orm: MikroORM,
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly log: Logger,
    private readonly opts: ConsumerOptions,
  ) {}

  async start(): Promise<void> {
    const jsm = await jetstreamManager(this.nc);
    const config = {
      durable_name: this.def.name,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: this.def.subject,
      ack_wait: (this.opts.ackWaitMs ?? 30_000) * 1_000_000,
      max_deliver: this.opts.maxDeliver + 1,
      max_ack_pending: Math.max(64, this.opts.concurrency * 8),
    };
    try {
      await jsm.consumers.info(STREAM, this.def.name);
      await jsm.consumers.update(STREAM, this.def.name, { ack_wait: config.ack_wait, max_deliver: config.max_deliver, max_ack_pending: config.max_ack_pending });
    } catch {
      await jsm.consumers.add(STREAM, config);
    }
    const consumer = await this.js.consumers.get(STREAM, this.def.name);
    this.messages = await consumer.consume({ max_messages: this.opts.concurrency * 2 });
    this.loop = this.run(this.messages);
  }

  private async run(messages: ConsumerMessages): Promise<void> {
    for await (const msg of messages) {
      while (this.inFlight.size >= this.opts.concurrency) await Promise.race(this.inFlight);
      const body = parseBody(msg);
      const caseId = (body as { caseId?: unknown } | undefined)?.caseId;
      // Events about one case are handled one after another; others in parallel.
      const key = typeof caseId === 'string' ? `case:${caseId}` : `seq:${msg.seq}`;
      const previous = this.chains.get(key) ?? Promise.resolve();
      const task: Promise<void> = previous.then(() => this.handle(msg, body)).finally(() => {
        this.inFlight.delete(task);
        if (this.chains.get(key) === task) this.chains.delete(key);
      });
      this.chains.set(key, task);
      this.inFlight.add(task);
    }
  }

  /** `body` is the message already parsed once (undefined when it is not JSON). */
  private async handle(msg: JsMsg, body: unknown): Promise<void> {
    let event: EventEnvelope;
    try {
      event = validateEvent(body);
    } catch (e) {
      // A message that breaks the contract will never succeed: dead-letter it at once.
      await this.deadLetter(msg, e);
      return;
    }
    const handler = this.def.handlers[event.type];
    if (!handler) {
      msg.ack();
      return;
    }
    try {
      await this.orm.em.fork().transactional(async (em) => {
        const fresh = await em.execute<Array<{ event_id: string }>>(
          'insert into kit_inbox (consumer, event_id, subject) values (?, ?, ?) on conflict do nothing returning event_id',
          [this.def.name, event.id, event.type],
        );
        if (fresh.length === 0) return; // already handled: no second effect
        await handler(event, em);
      });
      await this.opts.afterCommit?.(event);
      msg.ack();
    } catch (e) {
      const deliveries = msg.info.deliveryCount;
      if (deliveries >= this.opts.maxDeliver) {
        await this.deadLetter(msg, e);
      } else {
        this.log.warn({ err: e, eventId: event.id, type: event.type, deliveries }, 'event handling failed; will retry');
        msg.nak(Math.min(30_000, 200 * 2 ** (deliveries - 1)));
      }
    }
  }

  private async deadLetter(msg: JsMsg, error: unknown): Promise<void> {
    const reason = error instanceof EventContractError ? `${error.message}: ${error.issues.join('; ')}` : error instanceof Error ? error.message : String(error);
    try {
      await this.js.publish(deadLetterSubject(this.def.name), msg.data, {
        msgID: `${this.def.name}:${msg.seq}`,
        headers: this.deadLetterHeaders(msg, reason),
      });
      msg.term(reason.slice(0, 200));
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
    await Promise.allSettled([...this.inFlight]);
  }
}
