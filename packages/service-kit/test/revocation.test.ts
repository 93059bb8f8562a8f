import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jetstream } from '@nats-io/jetstream';
import { connect, NatsConnection } from '@nats-io/transport-node';
import { createEvent } from '@hotline/contracts';
import { eventually, Infra, startInfra } from '@hotline/testing';
import { createLogger, ensureStreams, TokenRevocations, type AuthUser } from '../src';

const log = createLogger('test', 'silent');
const revoke = (userId: string, at: Date) =>
  createEvent({
    type: 'hotline.user.tokens-revoked',
    source: 'identity',
    actor: { system: 'identity' },
    data: { userId, notBefore: at.toISOString(), reason: 'disabled' },
  });

describe('token revocations: kept in memory, rebuilt from the stream', () => {
  let infra: Infra;
  let nc: NatsConnection;
  beforeAll(async () => {
    infra = await startInfra('revocation');
    nc = await connect({ servers: infra.natsUrl });
    await ensureStreams(nc);
  });
  afterAll(async () => {
    await nc?.close();
    await infra?.stop();
  });

  const publish = async (e: ReturnType<typeof revoke>) => jetstream(nc).publish(e.type, JSON.stringify(e), { msgID: e.id });

  it('a process that starts after the revocation rebuilds it from the stream before it serves, then follows new ones', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const at = new Date();
    await publish(revoke(a, at));
    const list = new TokenRevocations();
    await list.start(nc, log, 3600);
    const user = (id: string, issuedAt: number): Pick<AuthUser, 'id' | 'issuedAt'> => ({ id, issuedAt });
    // Loaded before start() resolved: no window in which the old token works.
    expect(list.isRevoked(user(a, at.getTime() - 1))).toBe(true);
    expect(list.isRevoked(user(a, at.getTime() + 1))).toBe(false); // a new login afterwards works
    expect(list.isRevoked(user(b, at.getTime() - 1))).toBe(false);
    await publish(revoke(b, new Date()));
    await eventually(() => list.isRevoked(user(b, Date.now() - 10_000)), { what: 'the new revocation followed' });
    await list.stop();
  });

  it("the guard refuses a revoked person's token as UNAUTHENTICATED / TOKEN_REVOKED and leaves service tokens alone", async () => {
    const id = randomUUID();
    const list = new TokenRevocations();
    list.revoke(id, Date.now());
    const person = list.guard(async () => ({ id, username: 'x', displayName: 'x', role: 'duty', issuedAt: Date.now() - 60_000 }));
    await expect(person('t')).rejects.toMatchObject({ code: 'UNAUTHENTICATED', reason: 'TOKEN_REVOKED' });
    const service = list.guard(async () => ({ id, username: 'intake', displayName: '', role: 'service' }));
    await expect(service('t')).resolves.toMatchObject({ role: 'service' });
  });
});
