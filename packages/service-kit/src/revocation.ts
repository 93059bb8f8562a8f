import { randomUUID } from 'node:crypto';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { COMMON_ERRORS, STREAM, validateEvent } from '@hotline/contracts';
import { AuthUser, TokenVerifier } from './auth';
import { codedError } from './errors';
import type { Logger } from './logger';

export const TOKENS_REVOKED = 'hotline.user.tokens-revoked';

/**
 * Tokens that die with the user (令牌作废). identity publishes `hotline.user.tokens-revoked`
 * (user id + not-before time) when a user is disabled, changes role or department, or has the
 * password reset. Every service and the gateway keep the latest not-before per user in memory and
 * refuse a person's token issued before it.
 *
 * Each process reads the subject itself through an ephemeral consumer (not a shared durable one:
 * every replica needs every revocation), starting `lookbackSeconds` back — longer than any token
 * lives — so a restart rebuilds the list from the stream before the process reports ready.
 */
export class TokenRevocations {
  private readonly notBefore = new Map<string, number>();
  private stopFn?: () => Promise<void>;

  /** Records a revocation (the later time wins). */
  revoke(userId: string, notBeforeMs: number): void {
    if ((this.notBefore.get(userId) ?? 0) < notBeforeMs) this.notBefore.set(userId, notBeforeMs);
  }

  /** A person's token issued (ms) before the user's not-before time is revoked; one without an issue time too. */
  isRevoked(user: Pick<AuthUser, 'id' | 'issuedAt'>): boolean {
    const nb = this.notBefore.get(user.id);
    if (nb === undefined) return false;
    return user.issuedAt === undefined || user.issuedAt < nb;
  }

  get size(): number {
    return this.notBefore.size;
  }

  /** Reads the revocations of the last `lookbackSeconds`, then keeps following; resolves once caught up. */
  async start(nc: NatsConnection, log: Logger, lookbackSeconds: number): Promise<void> {
    const jsm = await jetstreamManager(nc);
    const info = await jsm.consumers.add(STREAM, {
      // Named, so the create request is CONSUMER.CREATE.HOTLINE.<name>.<filter> (the services' NATS permissions).
      name: `tokens-revoked-${randomUUID()}`,
      filter_subject: TOKENS_REVOKED,
      ack_policy: AckPolicy.None,
      deliver_policy: DeliverPolicy.StartTime,
      opt_start_time: new Date(Date.now() - lookbackSeconds * 1000).toISOString(),
      inactive_threshold: 60_000_000_000, // 60 s after the process is gone, the server drops it
    });
    const consumer = await jetstream(nc).consumers.get(STREAM, info.name);
    const messages = await consumer.consume();
    let caughtUp!: () => void;
    const ready = new Promise<void>((resolve) => {
      caughtUp = resolve;
    });
    if (info.num_pending === 0) caughtUp();
    const loop = (async () => {
      for await (const m of messages) {
        try {
          const e = validateEvent(m.json());
          const d = e.data as { userId: string; notBefore: string };
          this.revoke(d.userId, new Date(d.notBefore).getTime());
        } catch (err) {
          log.error({ err, subject: m.subject }, 'unreadable token revocation');
        }
        if (m.info.pending === 0) caughtUp();
      }
    })();
    this.stopFn = async () => {
      await messages.close();
      await loop;
    };
    await ready;
    log.info({ users: this.size }, 'token revocations loaded');
  }

  async stop(): Promise<void> {
    await this.stopFn?.();
  }

  /** A verifier that also refuses revoked tokens (UNAUTHENTICATED / TOKEN_REVOKED). */
  guard(verify: TokenVerifier): TokenVerifier {
    return async (token) => {
      const user = await verify(token);
      if (user.role !== 'service' && this.isRevoked(user)) throw codedError(COMMON_ERRORS.TOKEN_REVOKED);
      return user;
    };
  }
}
