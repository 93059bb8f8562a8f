import http from 'node:http';
import fs from 'node:fs';
import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { GraphQLClient } from '@hotline/testing';
import { as, gatewayUrl } from './helpers';

/**
 * A user of this test's own, so that locking it out leaves no state another test file trips over
 * (the whole suite shares one system).
 */
async function throwawayUser(prefix: string): Promise<string> {
  const admin = await as('admin');
  const username = `${prefix}-${Math.random().toString(36).slice(2, 10)}`;
  await admin.request('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
    i: { username, displayName: '锁定测试', password: 'demo12345', role: 'leader' },
  });
  return username;
}

const claims = { username: 'duty', name: '值守员', role: 'duty' };
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** Tokens a subgraph must refuse. */
async function badTokens(): Promise<Record<string, string>> {
  const realKey = createPrivateKey(fs.readFileSync(inject('keyFile')));
  const otherKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey;
  const now = Math.floor(Date.now() / 1000);
  const base = (key: typeof realKey, iat: number, exp: number) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('00000000-0000-4000-8000-000000000001')
      .setIssuer('hotline-identity')
      .setAudience('hotline')
      .setIssuedAt(iat)
      .setExpirationTime(exp)
      .sign(key);
  const valid = await base(realKey, now, now + 600);
  const [h, p] = valid.split('.');
  return {
    forged: await base(otherKey, now, now + 600), // right claims, signed by someone else
    expired: await base(realKey, now - 7200, now - 3600), // our key, but expired an hour ago
    'alg none': `${b64({ alg: 'none', typ: 'JWT' })}.${p}.`,
    tampered: `${h}.${b64({ ...JSON.parse(Buffer.from(p, 'base64url').toString()), role: 'admin' })}.${valid.split('.')[2]}`,
    'wrong audience': await new SignJWT(claims)
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('x')
      .setIssuer('hotline-identity')
      .setAudience('other')
      .setIssuedAt(now)
      .setExpirationTime(now + 600)
      .sign(realKey),
  };
}

describe('every subgraph checks the token itself', () => {
  let tokens: Record<string, string>;
  beforeAll(async () => {
    tokens = await badTokens();
  });

  const queries: Record<string, string> = {
    identity: '{ departments { id } }',
    intake: '{ unsignedCases { id } }',
    dispatch: '{ dispatchQueue { id } }',
    supervision: '{ calendarYears { year } }',
  };

  for (const name of ['identity', 'intake', 'dispatch', 'supervision', 'gateway']) {
    it(`${name}, reached directly, refuses forged, expired, alg:none, tampered and wrong-audience tokens`, async () => {
      const url = name === 'gateway' ? `${gatewayUrl()}/graphql` : `${inject('subgraphUrls')[name]}/graphql`;
      const query = queries[name] ?? '{ departments { id } }';
      for (const [kind, token] of Object.entries(tokens)) {
        const r = await new GraphQLClient(url, token).raw(query);
        expect(r.status, `${name} with a ${kind} token`).toBe(401);
        expect(r.errors?.[0].extensions?.code, `${name} with a ${kind} token`).toBe('UNAUTHENTICATED');
        expect(r.data, `${name} with a ${kind} token`).toBeUndefined();
      }
    });
  }

  it('a subgraph reached directly without a token answers UNAUTHENTICATED and no data', async () => {
    for (const [name, query] of Object.entries(queries)) {
      const r = await new GraphQLClient(`${inject('subgraphUrls')[name]}/graphql`).raw(query);
      expect(r.errors?.[0].extensions?.code, name).toBe('UNAUTHENTICATED');
      expect(r.data ?? null, name).toBeNull();
    }
  });

  it('the valid token of a user works directly on a subgraph too (the check is real, not a blanket refusal)', async () => {
    const duty = await as('duty');
    const r = await new GraphQLClient(`${inject('subgraphUrls').intake}/graphql`, duty.token).raw('{ unsignedCases { id } }');
    expect(r.errors).toBeUndefined();
    expect(Array.isArray((r.data as { unsignedCases: unknown[] }).unsignedCases)).toBe(true);
  });

  it('roles are enforced in the services: a handler may not sign or dispatch, a duty operator may not reply', async () => {
    const handler = await as('handler-property');
    const duty = await as('duty');
    const sign = await handler.raw('mutation { signCase(id: "00000000-0000-4000-8000-000000000001") { id } }');
    expect(sign.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const queue = await handler.raw('{ dispatchQueue { id } }');
    expect(queue.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const reply = await duty.raw(
      'mutation { replyCase(input: { caseId: "00000000-0000-4000-8000-000000000001", result: solved, text: "值守员不能答复" }) { id } }',
    );
    expect(reply.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const users = await duty.raw('{ users { id } }');
    expect(users.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });

  it('login refuses a wrong password with a coded error and limits repeated failures', async () => {
    const anon = new GraphQLClient(`${gatewayUrl()}/graphql`);
    const username = await throwawayUser('lockout');
    const q = 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }';
    const first = await anon.raw(q, { u: username, p: 'wrong-password' });
    expect(first.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(first.errors?.[0].message).toBe('用户名或密码错误');
    for (let i = 0; i < 5; i++) await anon.raw(q, { u: username, p: 'wrong-password' });
    const locked = await anon.raw(q, { u: username, p: 'demo12345' });
    expect(locked.errors?.[0].extensions?.reason).toBe('TOO_MANY_ATTEMPTS');
  });

  it('the gateway limits query depth and body size', async () => {
    const duty = await as('duty');
    const ok = await duty.raw('{ unsignedCases { timeline { actor { department { id } } } } }');
    expect(ok.errors).toBeUndefined();
    const tooDeep = await duty.raw(`{ me ${'{ a '.repeat(12)}${'} '.repeat(12)}}`);
    // Apollo reports every validation failure as GRAPHQL_VALIDATION_FAILED; ours names the depth
    expect(tooDeep.errors?.some((e) => e.extensions?.code === 'GRAPHQL_VALIDATION_FAILED' && e.message.includes('嵌套层级 13 超过上限 10'))).toBe(true);
    const res = await fetch(`${gatewayUrl()}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${duty.token}` },
      body: JSON.stringify({ query: '{ me { id } }', variables: { pad: 'x'.repeat(2 * 1024 * 1024) } }),
    });
    expect(res.status).toBe(413);
    expect((await res.json()).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('login limits that cannot be outlasted', () => {
  /**
   * A login from a client of its own: another loopback address (127.0.0.0/8 is all local on
   * Linux), with whatever X-Forwarded-For it cares to write — the gateway believes none.
   */
  const login = (username: string, password: string, from: string, spoofed?: string) =>
    new Promise<{ data?: { login?: { token: string } }; errors?: Array<{ message: string; extensions?: { code?: string; reason?: string } }> }>(
      (resolve, reject) => {
        const u = new URL(gatewayUrl());
        const body = JSON.stringify({
          query: 'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }',
          variables: { u: username, p: password },
        });
        const req = http.request(
          {
            host: u.hostname,
            port: u.port,
            path: '/graphql',
            method: 'POST',
            localAddress: from,
            headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...(spoofed ? { 'x-forwarded-for': spoofed } : {}) },
          },
          (res) => {
            let text = '';
            res.on('data', (c) => {
              text += c;
            });
            res.on('end', () => resolve(JSON.parse(text)));
          },
        );
        req.on('error', reject);
        req.end(body);
      },
    );
  const reason = (r: Awaited<ReturnType<typeof login>>) => r.errors?.[0].extensions?.reason;

  it('a spoofed X-Forwarded-For is ignored: the locked address stays locked whatever it claims to be', async () => {
    const username = await throwawayUser('spoofed');
    for (let i = 0; i < 5; i++) expect(reason(await login(username, 'wrong-password', '127.0.0.5', `203.0.113.${i}`))).toBe('INVALID_CREDENTIALS');
    const again = await login(username, 'demo12345', '127.0.0.5', '198.51.100.77');
    expect(reason(again)).toBe('TOO_MANY_ATTEMPTS');
    expect(again.data?.login ?? null).toBeNull();
  });

  it('guesses from many addresses meet a per-user delay; the user still signs in at once from their usual client', async () => {
    const username = await throwawayUser('spread');
    expect((await login(username, 'demo12345', '127.0.0.6')).data?.login?.token).toBeTruthy(); // the user's own client
    // Ten wrong guesses from ten addresses: five are checked, the sixth on meet the delay.
    const answers = [];
    for (let i = 0; i < 10; i++) answers.push(reason(await login(username, 'wrong-password', `127.0.1.${i + 1}`)));
    expect(answers.slice(0, 5)).toEqual(Array(5).fill('INVALID_CREDENTIALS'));
    expect(answers.slice(5)).toContain('TOO_MANY_ATTEMPTS');
    // A new client with the right password waits too — the guesser gains nothing by moving ...
    expect(reason(await login(username, 'demo12345', '127.0.2.1'))).toBe('TOO_MANY_ATTEMPTS');
    // ... but nobody locked the user out: their usual client signs in at once.
    const mine = await login(username, 'demo12345', '127.0.0.6');
    expect(mine.errors).toBeUndefined();
    expect(mine.data?.login?.token).toBeTruthy();
  });
});

describe('pass-through paths stay under their prefix', () => {
  /** A raw request: fetch would normalise the dot segments before sending. */
  const raw = (path: string) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const u = new URL(gatewayUrl());
      const req = http.request({ host: u.hostname, port: u.port, path, method: 'GET' }, (res) => {
        let body = '';
        res.on('data', (c) => {
          body += c;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      });
      req.on('error', reject);
      req.end();
    });

  it('dot segments and encoded slashes or dots are refused, never forwarded to intake', async () => {
    for (const path of [
      '/imports/../metrics',
      '/open311/%2e%2e/graphql',
      '/open311/v2/%2E%2E/%2e%2e/metrics',
      '/cases/0b5a9f2e-127a-4f16-b43d-cb76dcaa0be9/attachments/%2e%2e/%2e%2e/%2e%2e/graphql',
      '/imports/..%2fmetrics',
    ]) {
      const r = await raw(path);
      expect(r.status, path).toBe(400);
      expect(r.body, path).not.toContain('hotline_');
    }
    expect((await raw('/open311/v2/discovery.json')).status).toBe(200);
  });
});
