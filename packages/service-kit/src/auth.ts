import { createRemoteJWKSet, jwtVerify, JWTVerifyGetKey, KeyLike } from 'jose';
import { Role, ROLES } from '@hotline/contracts';
import type { AuthChecker } from 'type-graphql';
import { DomainError, notFound, unauthenticated } from './errors';

/** The caller, as the token identity signed says. */
export interface AuthUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  /** Set for department handlers: the 科室 they work for. */
  departmentId?: string;
}

export interface TokenVerifierOptions {
  jwksUrl?: string;
  /** identity verifies its own tokens with its public key, without a JWKS round trip. */
  key?: KeyLike | Uint8Array;
  issuer: string;
  audience: string;
}

export type TokenVerifier = (token: string) => Promise<AuthUser>;

/**
 * Verifies an ES256 JWT against identity's JWKS (cached and refreshed by jose). Any other
 * algorithm, `alg: none` included, an expired token, or a wrong issuer/audience is refused.
 */
export function createTokenVerifier(opts: TokenVerifierOptions): TokenVerifier {
  const keySource: JWTVerifyGetKey | KeyLike | Uint8Array | undefined = opts.key ?? (opts.jwksUrl ? createRemoteJWKSet(new URL(opts.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 600_000 }) : undefined);
  if (!keySource) throw new Error('createTokenVerifier needs jwksUrl or key');
  return async (token: string) => {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, keySource as JWTVerifyGetKey, { issuer: opts.issuer, audience: opts.audience, algorithms: ['ES256'], clockTolerance: 5 }));
    } catch (e) {
      const expired = (e as { code?: string }).code === 'ERR_JWT_EXPIRED';
      throw unauthenticated(expired ? 'TOKEN_EXPIRED' : 'TOKEN_INVALID', expired ? '登录已过期，请重新登录' : '身份令牌无效，请重新登录');
    }
    const role = payload.role as Role;
    if (typeof payload.sub !== 'string' || !ROLES.includes(role)) throw unauthenticated('TOKEN_INVALID', '身份令牌无效，请重新登录');
    return {
      id: payload.sub,
      username: String(payload.username ?? ''),
      displayName: String(payload.name ?? ''),
      role,
      departmentId: typeof payload.departmentId === 'string' ? payload.departmentId : undefined,
    };
  };
}

/** Reads `Authorization: Bearer …`. No header → anonymous (null); a malformed one is refused. */
export async function authenticate(header: string | undefined, verify: TokenVerifier): Promise<AuthUser | null> {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!m) throw unauthenticated('TOKEN_INVALID', '身份令牌格式错误');
  return verify(m[1]);
}

export interface AuthContext {
  user: AuthUser | null;
}

/** type-graphql's checker: `@Authorized()` = any signed-in user, `@Authorized(['duty'])` = those roles. */
export const authChecker: AuthChecker<AuthContext> = ({ context }, roles) => {
  if (!context.user) throw unauthenticated();
  return roles.length === 0 || roles.includes(context.user.role);
};

export function requireUser(ctx: AuthContext): AuthUser {
  if (!ctx.user) throw unauthenticated();
  return ctx.user;
}

/**
 * The departments whose cases a user may see: a handler only their own; the bureau-wide roles
 * all ('all'). A case outside the scope is reported as NOT_FOUND, never FORBIDDEN.
 */
export function departmentScope(user: AuthUser): 'all' | string[] {
  if (user.role === 'handler') {
    if (!user.departmentId) throw new DomainError('FORBIDDEN', 'NO_DEPARTMENT', '账号未绑定科室');
    return [user.departmentId];
  }
  return 'all';
}

/** Throws NOT_FOUND unless one of the case's departments is in the user's scope. */
export function assertInScope(user: AuthUser, caseDepartmentIds: readonly string[], what = '工单'): void {
  const scope = departmentScope(user);
  if (scope === 'all') return;
  if (!caseDepartmentIds.some((d) => scope.includes(d))) throw notFound('NOT_FOUND', `${what}不存在或无权查看`);
}

/** The envelope's `actor` for a person acting through the API. */
export function actorOf(user: AuthUser): { userId: string; role: AuthUser['role']; departmentId?: string } {
  return { userId: user.id, role: user.role, ...(user.departmentId ? { departmentId: user.departmentId } : {}) };
}
