import { LockMode } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { createEvent, REPLY_RESULT_LABELS, ReplyResult } from '@hotline/contracts';
import { Logger, recordEvent } from '@hotline/service-kit';
import { Case } from '../cases/case.entity';
import { FeedbackEndpoint, loadEndpoint } from './endpoint';
import { FeedbackAttempt, FeedbackRecord } from './feedback.entity';
import { FeedbackPayload, nextDelayMs, signPayload } from './webhook';

export interface DeliveryOptions {
  maxAttempts: number;
  retryBaseMs: number;
  pollMs: number;
  timeoutMs?: number;
  config: { FEEDBACK_WEBHOOK_URL?: string; FEEDBACK_WEBHOOK_SECRET?: string };
}

/** What the district platform receives for one case. No name, phone or address. */
export async function payloadOf(em: EntityManager, r: FeedbackRecord): Promise<FeedbackPayload> {
  const master = r.masterCaseId ? await em.findOne(Case, { id: r.masterCaseId }) : null;
  return {
    externalNo: r.externalNo,
    result: r.result,
    resultLabel: REPLY_RESULT_LABELS[r.result as ReplyResult] ?? r.result,
    replySummary: r.replySummary,
    receivedAt: r.receivedAt.toISOString(),
    completedAt: r.completedAt.toISOString(),
    ...(master ? { masterExternalNo: master.externalNo } : {}),
  };
}

/**
 * The webhook loop: every `pollMs`, claims due pending records (FOR UPDATE SKIP LOCKED, so
 * replicas share the work), posts each signed, logs the attempt, and either marks it delivered
 * (with `hotline.case.feedback-delivered`) or schedules the next try with backoff — failed after
 * `maxAttempts`. All state is in Postgres: a restart loses nothing.
 */
export class FeedbackDelivery {
  private timer?: NodeJS.Timeout;
  private running = false;
  private stopped = false;

  constructor(private readonly orm: MikroORM, private readonly log: Logger, private readonly opts: DeliveryOptions) {}

  start(): void {
    const tick = async () => {
      if (this.stopped) return;
      if (!this.running) {
        this.running = true;
        await this.runOnce().catch((e) => this.log.warn({ err: e }, 'feedback delivery round failed'));
        this.running = false;
      }
      this.timer = setTimeout(tick, this.opts.pollMs);
      this.timer.unref();
    };
    void tick();
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
  }

  /** One round; returns how many records it tried. */
  async runOnce(batch = 10): Promise<number> {
    const endpoint = await loadEndpoint(this.orm.em.fork(), this.opts.config);
    if (!endpoint) return 0; // nothing to send to: records wait (or are exported by hand)
    return this.orm.em.fork().transactional(async (tx) => {
      const due = await tx.find(FeedbackRecord, { state: 'pending', nextAttemptAt: { $lte: new Date() } }, {
        orderBy: { nextAttemptAt: 'asc' }, limit: batch, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE /* skip locked */,
      });
      for (const r of due) await this.deliver(tx, r, endpoint);
      return due.length;
    });
  }

  private async deliver(tx: EntityManager, r: FeedbackRecord, endpoint: FeedbackEndpoint): Promise<void> {
    const body = JSON.stringify(await payloadOf(tx, r));
    const timestamp = String(Math.floor(Date.now() / 1000));
    const t0 = Date.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-hotline-timestamp': timestamp,
          'x-hotline-signature': signPayload(endpoint.secret, timestamp, body),
          'x-hotline-delivery': r.id,
        },
        body,
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 10_000),
      });
      statusCode = res.status;
      if (!res.ok) error = `HTTP ${res.status}`;
      await res.arrayBuffer().catch(() => undefined);
    } catch (e) {
      error = (e as Error).message.slice(0, 300);
    }
    r.attempts += 1;
    tx.create(FeedbackAttempt, { feedbackId: r.id, attempt: r.attempts, at: new Date(), statusCode, error, durationMs: Date.now() - t0 });
    if (!error) {
      r.state = 'delivered';
      r.deliveredAt = new Date();
      r.nextAttemptAt = null;
      r.lastError = null;
      await tx.flush();
      await recordEvent(tx, createEvent({
        type: 'hotline.case.feedback-delivered', source: 'intake', actor: { system: 'intake-feedback' }, caseId: r.caseId,
        data: { externalNo: r.externalNo, channel: 'webhook', state: 'delivered', attempts: r.attempts, deliveredAt: r.deliveredAt.toISOString() },
      }));
    } else {
      r.lastError = error;
      if (r.attempts >= this.opts.maxAttempts) {
        r.state = 'failed';
        r.nextAttemptAt = null;
        this.log.warn({ feedbackId: r.id, externalNo: r.externalNo, attempts: r.attempts }, 'feedback delivery gave up; export it for manual upload');
      } else {
        r.nextAttemptAt = new Date(Date.now() + nextDelayMs(r.attempts, this.opts.retryBaseMs));
      }
      await tx.flush();
    }
  }
}
