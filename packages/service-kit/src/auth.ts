import { createRemoteJWKSet, jwtVerify, JWTVerifyGetKey, KeyLike } from 'jose';
import { Actor, COMMON_ERRORS, Role, ROLES, SERVICE_ROLE } from '@hotline/contracts';
import type { AuthChecker } from 'type-graphql';
import { codedError } from './errors';

/** The caller, as the token identity signed says. */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  /** A person's role, or `service` for another service calling with a service token. */
  role: Role | typeof SERVICE_ROLE;
  /** Set for department handlers: the 科室 they work for. */
  departmentId?: string;
  /** Service tokens only: what the calling service was granted (see SERVICE_GRANTS). */
  scopes?: string[];
  /** People's tokens: when the token was issued, in ms (revocations compare it). */
  issuedAt?: number;
}

export interface TokenVerifierOptions {
  jwksUrl?: string;
  /** identity verifies its own tokens with its public key, without a JWKS round trip (or a key lookup of one's own). */
  key?: KeyLike | Uint8Array | JWTVerifyGetKey;
  issuer: string;
  /** The audience of people's tokens (the web client, through the gateway). */
  audience: string;
  /**
   * The audience of service tokens. Subgraphs set it and accept both kinds; the gateway leaves it
   * out, so a service token presented at the edge is refused.
   */
  serviceAudience?: string;
  /**
   * How long a verified token is remembered (ms; 0 = never): the same token again within it skips
   * the signature check, never its expiry. Default 60 s — shorter than jose keeps a JWKS (10 min),
   * so a key withdrawn at identity is not honoured longer than before. Revocations are checked on
   * every request by `TokenRevocations.guard`, outside this cache.
   */
  cacheMs?: number;
  /** Tokens remembered at most (the oldest is forgotten first). Default 10,000. */
  cacheMax?: number;
  /** Test seam: the cache's clock (ms). */
  now?: () => number;
}

export type TokenVerifier = (token: string) => Promise<AuthUser>;

/** Seconds of clock difference allowed between identity and this process. */
const CLOCK_TOLERANCE_S = 5;

/**
 * Verifies an ES256 JWT against identity's JWKS (cached and refreshed by jose). Any other
 * algorithm, `alg: none` included, an expired token, or a wrong issuer/audience is refused. A
 * token that passed is remembered for `cacheMs` (its expiry still checked on every use).
 */
export function createTokenVerifier(opts: TokenVerifierOptions): TokenVerifier {
  const keySource: JWTVerifyGetKey | KeyLike | Uint8Array | undefined =
    opts.key ?? (opts.jwksUrl ? createRemoteJWKSet(new URL(opts.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 600_000 }) : undefined);
  if (!keySource) throw new Error('createTokenVerifier needs jwksUrl or key');
  const audiences = opts.serviceAudience ? [opts.audience, opts.serviceAudience] : [opts.audience];
  const invalid = () => codedError(COMMON_ERRORS.TOKEN_INVALID);

  /** The full check: signature, algorithm, issuer, audience, expiry; then role against audience. */
  const check = async (token: string): Promise<{ user: AuthUser; exp?: number }> => {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, keySource as JWTVerifyGetKey, {
        issuer: opts.issuer,
        audience: audiences,
        algorithms: ['ES256'],
        clockTolerance: CLOCK_TOLERANCE_S,
      }));
    } catch (e) {
      const expired = (e as { code?: string }).code === 'ERR_JWT_EXPIRED';
      throw codedError(expired ? COMMON_ERRORS.TOKEN_EXPIRED : COMMON_ERRORS.TOKEN_INVALID);
    }
    if (typeof payload.sub !== 'string') throw invalid();
    const aud = Array.isArray(payload.aud) ? payload.aud : [payload.aud];
    // A token is either a person's or a service's, never both: the role must match the audience.
    if (payload.role === SERVICE_ROLE) {
      if (!opts.serviceAudience || aud.length !== 1 || aud[0] !== opts.serviceAudience) throw invalid();
      return {
        exp: payload.exp,
        user: {
          id: payload.sub,
          username: String(payload.client_id ?? ''),
          displayName: String(payload.name ?? ''),
          role: SERVICE_ROLE,
          scopes: typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [],
        },
      };
    }
    const role = payload.role as Role;
    if (!ROLES.includes(role) || aud.length !== 1 || aud[0] !== opts.audience) throw invalid();
    return {
      exp: payload.exp,
      user: {
        id: payload.sub,
        username: String(payload.username ?? ''),
        displayName: String(payload.name ?? ''),
        role,
        departmentId: typeof payload.departmentId === 'string' ? payload.departmentId : undefined,
        issuedAt: typeof payload.iatMs === 'number' ? payload.iatMs : typeof payload.iat === 'number' ? payload.iat * 1000 : undefined,
      },
    };
  };

  // Tokens that passed the check: a client sends the same token with every request, and the ES256
  // check is most of a small request's cost at the gateway (docs/performance.md). An entry is used
  // until the token expires (with the same tolerance) or it is `cacheMs` old, whichever is first.
  const cacheMs = opts.cacheMs ?? 60_000;
  const cacheMax = opts.cacheMax ?? 10_000;
  const now = opts.now ?? Date.now;
  const cache = new Map<string, { user: AuthUser; validUntil: number; usableUntil: number }>();
  const copy = (u: AuthUser): AuthUser => ({ ...u, ...(u.scopes ? { scopes: [...u.scopes] } : {}) });
  return async (token: string) => {
    const hit = cache.get(token);
    if (hit) {
      const t = now();
      if (t < hit.validUntil && t < hit.usableUntil) return copy(hit.user);
      cache.delete(token);
      if (t >= hit.validUntil) throw codedError(COMMON_ERRORS.TOKEN_EXPIRED);
    }
    const { user, exp } = await check(token);
    if (cacheMs > 0 && typeof exp === 'number') {
      if (cache.size >= cacheMax) cache.delete(cache.keys().next().value!);
      cache.set(token, { user: copy(user), validUntil: (exp + CLOCK_TOLERANCE_S) * 1000, usableUntil: now() + cacheMs });
    }
    return user;
  };
}

/** Reads `Authorization: Bearer …`. No header → anonymous (null); a malformed one is refused. */
export async function authenticate(header: string | undefined, verify: TokenVerifier): Promise<AuthUser | null> {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!m) throw codedError(COMMON_ERRORS.TOKEN_MALFORMED);
  return verify(m[1]);
}

export interface AuthContext {
  user: AuthUser | null;
}

/**
 * type-graphql's checker: `@Authorized()` = any signed-in person, `@Authorized(['duty'])` = those
 * roles. A service token passes only where a rule names one of its scopes
 * (`@Authorized([scopeRule('dispatch.reply:read')])`) — never through `@Authorized()` or a role.
 */
export const authChecker: AuthChecker<AuthContext> = ({ context }, rules) => {
  if (isAllowed(context.user, rules)) return true;
  // Refused yourself: type-graphql would call a refused bare @Authorized() "unauthenticated",
  // which is wrong for a valid service token.
  throw context.user?.role === SERVICE_ROLE ? serviceRefused() : codedError(COMMON_ERRORS.FORBIDDEN);
};

export function isAllowed(user: AuthUser | null, rules: readonly string[]): boolean {
  if (!user) throw codedError(COMMON_ERRORS.UNAUTHENTICATED);
  if (user.role === SERVICE_ROLE) return rules.some((r) => r.startsWith('scope:') && (user.scopes ?? []).includes(r.slice('scope:'.length)));
  return rules.length === 0 || rules.includes(user.role);
}

/**
 * The person calling. A service token is refused here (FORBIDDEN): it may only reach resolvers
 * that name its scope, never code written for people — reference resolvers included.
 */
export function requireUser(ctx: AuthContext): AuthUser {
  if (!ctx.user) throw codedError(COMMON_ERRORS.UNAUTHENTICATED);
  if (ctx.user.role === SERVICE_ROLE) throw serviceRefused();
  return ctx.user;
}

const serviceRefused = () => codedError(COMMON_ERRORS.SERVICE_SCOPE);

/**
 * The departments whose cases a user may see: a handler only their own; the bureau-wide roles
 * all ('all'). A case outside the scope is reported as NOT_FOUND, never FORBIDDEN.
 */
export function departmentScope(user: AuthUser): 'all' | string[] {
  if (user.role === SERVICE_ROLE) throw serviceRefused();
  if (user.role === 'handler') {
    if (!user.departmentId) throw codedError(COMMON_ERRORS.NO_DEPARTMENT);
    return [user.departmentId];
  }
  return 'all';
}

/** Throws NOT_FOUND unless one of the case's departments is in the user's scope. */
export function assertInScope(user: AuthUser, caseDepartmentIds: readonly string[], what = '工单'): void {
  const scope = departmentScope(user);
  if (scope === 'all') return;
  if (!caseDepartmentIds.some((d) => scope.includes(d))) throw codedError(COMMON_ERRORS.NOT_FOUND, { what });
}

/** The envelope's `actor`: a person acting through the API, or a service acting on its own. */
export function actorOf(user: AuthUser): Actor {
  if (user.role === SERVICE_ROLE) return { system: user.username };
  return { userId: user.id, role: user.role, ...(user.departmentId ? { departmentId: user.departmentId } : {}) };
}
