import { describe, expect, it } from 'vitest';
import { createTokenVerifier } from '@hotline/service-kit';
import { loadSigningKey } from '../src/auth/signing-key';
import { issueToken } from '../src/auth/tokens';
import { User } from '../src/users/user.entity';

describe('tokens', () => {
  it('issues an ES256 token the kit verifier accepts, carrying role and department', async () => {
    const key = await loadSigningKey(undefined);
    const user = Object.assign(new User(), {
      username: 'handler-property',
      displayName: '物业管理科承办人',
      role: 'handler',
      departmentId: '6f1c0d5e-7c1b-4c9e-9a57-1d2e3f4a5b6c',
    });
    const { token, expiresAt } = await issueToken(user, { key, issuer: 'i', audience: 'a', ttlSeconds: 600 });
    expect(expiresAt.getTime()).toBeGreaterThan(Date.now() + 590_000);
    const verify = createTokenVerifier({ key: key.publicKey, issuer: 'i', audience: 'a' });
    expect(await verify(token)).toEqual({
      id: user.id,
      username: 'handler-property',
      displayName: '物业管理科承办人',
      role: 'handler',
      departmentId: user.departmentId,
      issuedAt: expect.any(Number),
    });
    expect(key.jwks.keys[0]).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', kid: key.kid });
    expect(key.jwks.keys[0]).not.toHaveProperty('d'); // never the private part
  });
  it('a token from another key or past its expiry is refused', async () => {
    const [a, b] = [await loadSigningKey(undefined), await loadSigningKey(undefined)];
    const user = Object.assign(new User(), { username: 'duty', displayName: 'd', role: 'duty' });
    const { token } = await issueToken(user, { key: a, issuer: 'i', audience: 'a', ttlSeconds: 600 });
    await expect(createTokenVerifier({ key: b.publicKey, issuer: 'i', audience: 'a' })(token)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const old = await issueToken(user, { key: a, issuer: 'i', audience: 'a', ttlSeconds: 60 }, new Date(Date.now() - 3_600_000));
    await expect(createTokenVerifier({ key: a.publicKey, issuer: 'i', audience: 'a' })(old.token)).rejects.toMatchObject({ reason: 'TOKEN_EXPIRED' });
  });
});
