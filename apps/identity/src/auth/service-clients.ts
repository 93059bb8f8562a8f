import { createHash, timingSafeEqual } from 'node:crypto';
import { SignJWT } from 'jose';
import { SERVICE_GRANTS, SERVICE_ROLE } from '@hotline/contracts';
import type { SigningKey } from './signing-key';

/**
 * 服务凭据 — the services allowed to ask identity for a service token (OAuth 2 client
 * credentials), read from SERVICE_CLIENTS = "intake=<secret>,callback=<secret>". Only the
 * secrets' SHA-256 is kept in memory; a client must also be listed in SERVICE_GRANTS.
 */
export class ServiceClients {
  private readonly hashes = new Map<string, Buffer>();

  constructor(spec: string | undefined) {
    for (const part of (spec ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)) {
      const eq = part.indexOf('=');
      const id = part.slice(0, eq).trim();
      const secret = part.slice(eq + 1).trim();
      if (eq < 1 || !secret) throw new Error(`SERVICE_CLIENTS: "${id || part}" must be written id=secret`);
      if (!SERVICE_GRANTS[id]) throw new Error(`SERVICE_CLIENTS: "${id}" is not a service with grants (see SERVICE_GRANTS in @hotline/contracts)`);
      if (secret.length < 24) throw new Error(`SERVICE_CLIENTS: the secret of "${id}" must be at least 24 characters`);
      this.hashes.set(id, sha256(secret));
    }
  }

  get size(): number {
    return this.hashes.size;
  }

  knows(clientId: string): boolean {
    return this.hashes.has(clientId);
  }

  /** The client's granted scopes when the secret is right, null otherwise (constant-time compare). */
  authenticate(clientId: string, secret: string): readonly string[] | null {
    const expected = this.hashes.get(clientId);
    const given = sha256(secret);
    const ok = expected ? timingSafeEqual(expected, given) : (timingSafeEqual(given, given), false);
    return ok ? (SERVICE_GRANTS[clientId] ?? null) : null;
  }
}

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();

export interface ServiceTokenSettings {
  key: SigningKey;
  issuer: string;
  /** Not the people's audience: the gateway refuses these tokens. */
  audience: string;
  ttlSeconds: number;
}

/** A short-lived ES256 token for one service, carrying exactly its granted scopes. */
export async function issueServiceToken(clientId: string, scopes: readonly string[], s: ServiceTokenSettings, now = new Date()) {
  const iat = Math.floor(now.getTime() / 1000);
  const token = await new SignJWT({ role: SERVICE_ROLE, client_id: clientId, name: `${clientId} 服务`, scope: scopes.join(' ') })
    .setProtectedHeader({ alg: 'ES256', kid: s.key.kid, typ: 'JWT' })
    .setSubject(`service:${clientId}`)
    .setIssuer(s.issuer)
    .setAudience(s.audience)
    .setIssuedAt(iat)
    .setExpirationTime(iat + s.ttlSeconds)
    .sign(s.key.privateKey);
  return { token, expiresIn: s.ttlSeconds };
}
