import { generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { scopeRule } from '@hotline/contracts';
import { actorOf, AuthUser, createTokenVerifier, DomainError, isAllowed } from '../src';

const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const now = () => Math.floor(Date.now() / 1000);
const sign = (claims: Record<string, unknown>, aud: string | string[], sub = 'u-1') =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256' })
    .setSubject(sub)
    .setIssuer('hotline-identity')
    .setAudience(aud)
    .setIssuedAt(now())
    .setExpirationTime(now() + 300)
    .sign(privateKey);

const subgraphVerify = createTokenVerifier({ key: publicKey, issuer: 'hotline-identity', audience: 'hotline', serviceAudience: 'hotline-internal' });
const gatewayVerify = createTokenVerifier({ key: publicKey, issuer: 'hotline-identity', audience: 'hotline' });
const serviceClaims = { role: 'service', client_id: 'intake', name: 'intake 服务', scope: 'dispatch.reply:read' };

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (e: DomainError) => `${e.code}/${e.reason}`,
  );

describe('token verification: people and services', () => {
  it('a subgraph accepts a person token and a service token, each with its own audience', async () => {
    const person = await subgraphVerify(await sign({ role: 'handler', username: 'h', name: '承办人', departmentId: 'd-1' }, 'hotline'));
    expect(person).toEqual({ id: 'u-1', username: 'h', displayName: '承办人', role: 'handler', departmentId: 'd-1', issuedAt: expect.any(Number) });
    const service = await subgraphVerify(await sign(serviceClaims, 'hotline-internal', 'service:intake'));
    expect(service).toEqual({ id: 'service:intake', username: 'intake', displayName: 'intake 服务', role: 'service', scopes: ['dispatch.reply:read'] });
  });

  it('the gateway (no service audience) refuses a service token', async () => {
    expect(await refusal(gatewayVerify(await sign(serviceClaims, 'hotline-internal', 'service:intake')))).toBe('UNAUTHENTICATED/TOKEN_INVALID');
  });

  it('role and audience must agree; a token for both audiences is refused', async () => {
    expect(await refusal(subgraphVerify(await sign(serviceClaims, 'hotline')))).toBe('UNAUTHENTICATED/TOKEN_INVALID');
    expect(await refusal(subgraphVerify(await sign({ role: 'duty', username: 'd' }, 'hotline-internal')))).toBe('UNAUTHENTICATED/TOKEN_INVALID');
    expect(await refusal(subgraphVerify(await sign(serviceClaims, ['hotline', 'hotline-internal'])))).toBe('UNAUTHENTICATED/TOKEN_INVALID');
    expect(await refusal(subgraphVerify(await sign({ role: 'duty', username: 'd' }, ['hotline', 'hotline-internal'])))).toBe('UNAUTHENTICATED/TOKEN_INVALID');
    expect(await refusal(subgraphVerify(await sign({ role: 'root' }, 'hotline')))).toBe('UNAUTHENTICATED/TOKEN_INVALID');
  });
});

describe('verified tokens remembered', () => {
  it('a remembered token is still refused once it expires, and is checked again after cacheMs', async () => {
    let clock = Date.now();
    const verify = createTokenVerifier({ key: publicKey, issuer: 'hotline-identity', audience: 'hotline', cacheMs: 60_000, now: () => clock });
    const token = await new SignJWT({ role: 'duty', username: 'd' })
      .setProtectedHeader({ alg: 'ES256' })
      .setSubject('u-9')
      .setIssuer('hotline-identity')
      .setAudience('hotline')
      .setIssuedAt(now())
      .setExpirationTime(now() + 30)
      .sign(privateKey);
    const first = await verify(token);
    expect(first).toMatchObject({ id: 'u-9', role: 'duty' });
    // What a caller does to its copy does not reach the next request's.
    first.role = 'admin';
    clock += 20_000;
    expect(await verify(token)).toMatchObject({ id: 'u-9', role: 'duty' });
    // 30 s of life and 5 s of tolerance: at +36 s the remembered token is expired.
    clock += 16_000;
    expect(await refusal(verify(token))).toBe('UNAUTHENTICATED/TOKEN_EXPIRED');
  });

  it('a refused token is not remembered; an entry older than cacheMs is checked in full again', async () => {
    let clock = Date.now();
    let keyLookups = 0;
    const key = async () => {
      keyLookups++;
      return publicKey;
    };
    const verify = createTokenVerifier({ key, issuer: 'hotline-identity', audience: 'hotline', cacheMs: 1_000, now: () => clock });
    const wrongAudience = await sign({ role: 'duty', username: 'd' }, 'hotline-internal');
    expect(await refusal(verify(wrongAudience))).toBe('UNAUTHENTICATED/TOKEN_INVALID');
    expect(await refusal(verify(wrongAudience))).toBe('UNAUTHENTICATED/TOKEN_INVALID');
    expect(keyLookups).toBe(2);
    const fresh = await sign({ role: 'duty', username: 'd' }, 'hotline', 'u-7');
    await verify(fresh);
    await verify(fresh);
    expect(keyLookups).toBe(3); // the second from memory
    clock += 2_000; // past cacheMs: checked in full again
    expect(await verify(fresh)).toMatchObject({ id: 'u-7' });
    expect(keyLookups).toBe(4);
  });
});

describe('authorization rules', () => {
  const service: AuthUser = { id: 'service:intake', username: 'intake', displayName: '', role: 'service', scopes: ['dispatch.reply:read'] };
  const duty: AuthUser = { id: 'u-2', username: 'duty', displayName: '值守员', role: 'duty' };

  it('a service passes only a rule naming one of its scopes — never a bare @Authorized() or a role', () => {
    expect(isAllowed(service, [scopeRule('dispatch.reply:read')])).toBe(true);
    expect(isAllowed(service, [])).toBe(false);
    expect(isAllowed(service, ['duty', 'admin'])).toBe(false);
    expect(isAllowed({ ...service, scopes: [] }, [scopeRule('dispatch.reply:read')])).toBe(false);
    expect(isAllowed(service, ['service'])).toBe(false);
  });

  it('people pass by role; a scope rule lets no person through', () => {
    expect(isAllowed(duty, [])).toBe(true);
    expect(isAllowed(duty, ['duty'])).toBe(true);
    expect(isAllowed(duty, ['admin'])).toBe(false);
    expect(isAllowed(duty, [scopeRule('dispatch.reply:read')])).toBe(false);
    expect(() => isAllowed(null, [])).toThrow(DomainError);
  });

  it('a service acts as a system actor in events', () => {
    expect(actorOf(service)).toEqual({ system: 'intake' });
    expect(actorOf(duty)).toEqual({ userId: 'u-2', role: 'duty' });
  });
});
