import { LockMode } from '@mikro-orm/core';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { createEvent, REPLY_RESULT_LABELS, ReplyResult } from '@hotline/contracts';
import { Logger, recordEvent } from '@hotline/service-kit';
import { Case } from '../cases/case.entity';
import { FeedbackEndpoint, loadEndpoint } from './endpoint';
import { FeedbackAttempt, FeedbackRecord } from './feedback.entity';
import { FeedbackPayload, nextDelayMs, signPayload } from './webhook';
import { replyFetchError, ReplySource } from './completion-reply';

export interface DeliveryOptions {
  maxAttempts: number;
  retryBaseMs: number;
  pollMs: number;
  timeoutMs?: number;
  config: { FEEDBACK_WEBHOOK_URL?: string; FEEDBACK_WEBHOOK_SECRET?: string };
  /** Where the full reply text comes from (dispatch). */
  replies: ReplySource;
}

/**
 * Fills in the reply's full text, department and times from dispatch, once: a record that has
 * them keeps them. A merged case (并单) carries its master's reply.
 */
export async function ensureReply(r: FeedbackRecord, replies: ReplySource): Promise<void> {
  if (r.replyText != null) return;
  const reply = await replies(r.masterCaseId ?? r.caseId, r.completedAt);
  r.replyText = reply.text;
  r.departmentName = reply.departmentName || null;
  r.repliedAt = reply.repliedAt;
  r.contactedAt = reply.contactedAt;
}

/**
 * What the district platform receives for one case: the reply as the department wrote it (the
 * platform owns the order and its citizen), never the citizen's name, phone or address from
 * intake's own records.
 */
export async function payloadOf(em: EntityManager, r: FeedbackRecord): Promise<FeedbackPayload> {
  if (r.replyText == null) throw new Error(`feedback ${r.id} has no reply text yet`);
  const master = r.masterCaseId ? await em.findOne(Case, { id: r.masterCaseId }) : null;
  return {
    externalNo: r.externalNo,
    result: r.result,
    resultLabel: REPLY_RESULT_LABELS[r.result as ReplyResult] ?? r.result,
    replyText: r.replyText,
    replySummary: r.replySummary,
    departmentName: r.departmentName ?? null,
    receivedAt: r.receivedAt.toISOString(),
    contactedAt: r.contactedAt?.toISOString() ?? null,
    repliedAt: r.repliedAt?.toISOString() ?? null,
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
  private round?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly log: Logger,
    private readonly opts: DeliveryOptions,
  ) {}

  start(): void {
    const tick = async () => {
      if (this.stopped) return;
      if (!this.running) {
        this.running = true;
        this.round = this.runOnce().then(
          () => undefined,
          (e) => this.log.warn({ err: e }, 'feedback delivery round failed'),
        );
        await this.round;
        this.running = false;
      }
      this.timer = setTimeout(tick, this.opts.pollMs);
      this.timer.unref();
    };
    void tick();
  }

  /** Stops the loop and waits for a round in progress, so its attempts are recorded before the database closes. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.round;
  }

  /** Fills in the reply from dispatch if missing; the bureau-readable reason when it could not (details logged). */
  private async readReply(r: FeedbackRecord): Promise<string | null> {
    try {
      await ensureReply(r, this.opts.replies);
      return null;
    } catch (e) {
      this.log.warn({ err: e, feedbackId: r.id, externalNo: r.externalNo }, 'could not read the reply from dispatch; will retry');
      return replyFetchError(e);
    }
  }

  /** POSTs one record, signed; a network failure or a non-2xx answer is an error, not a throw. */
  private async post(tx: EntityManager, r: FeedbackRecord, endpoint: FeedbackEndpoint): Promise<{ statusCode: number | null; error: string | null }> {
    const body = JSON.stringify(await payloadOf(tx, r));
    const timestamp = String(Math.floor(Date.now() / 1000));
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
      await res.arrayBuffer().catch(() => undefined);
      return { statusCode: res.status, error: res.ok ? null : `HTTP ${res.status}` };
    } catch (e) {
      return { statusCode: null, error: (e as Error).message.slice(0, 300) };
    }
  }

  /** One round; returns how many records it tried. */
  async runOnce(batch = 10): Promise<number> {
    const endpoint = await loadEndpoint(this.orm.em.fork(), this.opts.config);
    // Nothing to send to: records wait for a webhook or the export — complete, with the reply.
    if (!endpoint) return this.completeReplies(batch);
    return this.orm.em.fork().transactional(async (tx) => {
      const due = await tx.find(
        FeedbackRecord,
        { state: 'pending', nextAttemptAt: { $lte: new Date() } },
        {
          orderBy: { nextAttemptAt: 'asc' },
          limit: batch,
          lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE /* skip locked */,
        },
      );
      for (const r of due) await this.deliver(tx, r, endpoint);
      return due.length;
    });
  }

  /**
   * Without a webhook, pending records still get their reply text from dispatch, so the bureau's
   * screen and the export show it in full. A failure is noted and tried again a minute later; it
   * is not a delivery attempt.
   */
  private async completeReplies(batch: number): Promise<number> {
    return this.orm.em.fork().transactional(async (tx) => {
      const due = await tx.find(
        FeedbackRecord,
        { state: { $in: ['pending', 'failed'] }, replyText: null, $or: [{ nextAttemptAt: null }, { nextAttemptAt: { $lte: new Date() } }] },
        {
          orderBy: { nextAttemptAt: 'asc' },
          limit: batch,
          lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE,
        },
      );
      for (const r of due) {
        const error = await this.readReply(r);
        r.lastError = error;
        if (error) r.nextAttemptAt = new Date(Date.now() + 60_000);
      }
      await tx.flush();
      return due.length;
    });
  }

  private async deliver(tx: EntityManager, r: FeedbackRecord, endpoint: FeedbackEndpoint): Promise<void> {
    const t0 = Date.now();
    // dispatch unreachable or credentials missing: an attempt like any other, retried with backoff
    const replyError = await this.readReply(r);
    const { statusCode, error } = replyError ? { statusCode: null, error: replyError } : await this.post(tx, r, endpoint);
    r.attempts += 1;
    tx.create(FeedbackAttempt, { feedbackId: r.id, attempt: r.attempts, at: new Date(), statusCode, error, durationMs: Date.now() - t0 });
    if (!error) {
      r.state = 'delivered';
      r.deliveredAt = new Date();
      r.nextAttemptAt = null;
      r.lastError = null;
      await tx.flush();
      await recordEvent(
        tx,
        createEvent({
          type: 'hotline.case.feedback-delivered',
          source: 'intake',
          actor: { system: 'intake-feedback' },
          caseId: r.caseId,
          data: { externalNo: r.externalNo, channel: 'webhook', state: 'delivered', attempts: r.attempts, deliveredAt: r.deliveredAt.toISOString() },
        }),
      );
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
