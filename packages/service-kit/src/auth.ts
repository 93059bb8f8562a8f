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
  /** identity verifies its own tokens with its public key, without a JWKS round trip. */
  key?: KeyLike | Uint8Array;
  issuer: string;
  /** The audience of people's tokens (the web client, through the gateway). */
  audience: string;
  /**
   * The audience of service tokens. Subgraphs set it and accept both kinds; the gateway leaves it
   * out, so a service token presented at the edge is refused.
   */
  serviceAudience?: string;
}

export type TokenVerifier = (token: string) => Promise<AuthUser>;

/**
 * Verifies an ES256 JWT against identity's JWKS (cached and refreshed by jose). Any other
 * algorithm, `alg: none` included, an expired token, or a wrong issuer/audience is refused.
 */
export function createTokenVerifier(opts: TokenVerifierOptions): TokenVerifier {
  const keySource: JWTVerifyGetKey | KeyLike | Uint8Array | undefined =
    opts.key ?? (opts.jwksUrl ? createRemoteJWKSet(new URL(opts.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 600_000 }) : undefined);
  if (!keySource) throw new Error('createTokenVerifier needs jwksUrl or key');
  const audiences = opts.serviceAudience ? [opts.audience, opts.serviceAudience] : [opts.audience];
  const invalid = () => codedError(COMMON_ERRORS.TOKEN_INVALID);
  return async (token: string) => {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, keySource as JWTVerifyGetKey, {
        issuer: opts.issuer,
        audience: audiences,
        algorithms: ['ES256'],
        clockTolerance: 5,
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
        id: payload.sub,
        username: String(payload.client_id ?? ''),
        displayName: String(payload.name ?? ''),
        role: SERVICE_ROLE,
        scopes: typeof payload.scope === 'string' ? payload.scope.split(' ').filter(Boolean) : [],
      };
    }
    const role = payload.role as Role;
    if (!ROLES.includes(role) || aud.length !== 1 || aud[0] !== opts.audience) throw invalid();
    return {
      id: payload.sub,
      username: String(payload.username ?? ''),
      displayName: String(payload.name ?? ''),
      role,
      departmentId: typeof payload.departmentId === 'string' ? payload.departmentId : undefined,
      issuedAt: typeof payload.iatMs === 'number' ? payload.iatMs : typeof payload.iat === 'number' ? payload.iat * 1000 : undefined,
    };
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
