import { SignJWT } from 'jose';
import type { User } from '../users/user.entity';
import type { SigningKey } from './signing-key';

export interface TokenSettings {
  key: SigningKey;
  issuer: string;
  audience: string;
  ttlSeconds: number;
}

/** A short-lived ES256 JWT that every subgraph verifies on its own. */
export async function issueToken(user: User, s: TokenSettings, now = new Date()): Promise<{ token: string; expiresAt: Date }> {
  const iat = Math.floor(now.getTime() / 1000);
  const exp = iat + s.ttlSeconds;
  const token = await new SignJWT({
    username: user.username,
    name: user.displayName,
    role: user.role,
    ...(user.departmentId ? { departmentId: user.departmentId } : {}),
    // When it was issued to the millisecond: a revocation (hotline.user.tokens-revoked) refuses
    // tokens issued before it, and a login a moment after it must not count as before.
    iatMs: now.getTime(),
  })
    .setProtectedHeader({ alg: 'ES256', kid: s.key.kid, typ: 'JWT' })
    .setSubject(user.id)
    .setIssuer(s.issuer)
    .setAudience(s.audience)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(s.key.privateKey);
  return { token, expiresAt: new Date(exp * 1000) };
}
