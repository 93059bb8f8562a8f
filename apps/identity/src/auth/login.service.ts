import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, unauthenticated } from '@hotline/service-kit';
import { User } from '../users/user.entity';
import { LoginLimiter } from './login-limiter';
import { dummyHash, verifyPassword } from './passwords';
import { issueToken, TokenSettings } from './tokens';

export interface LoginDeps {
  tokens: TokenSettings;
  limiter: LoginLimiter;
}

/** 登录: username + password → a short-lived token. Failures are counted and rate-limited. */
export async function login(em: EntityManager, deps: LoginDeps, username: string, password: string, ip: string) {
  // A username is at most 64 characters: longer input is refused before it costs memory or a hash.
  if (username.length > 64 || password.length > 256) throw unauthenticated('INVALID_CREDENTIALS', '用户名或密码错误');
  const key = `${username.trim().toLowerCase()}|${ip}`;
  const wait = deps.limiter.blockedFor(key);
  if (wait > 0) throw new DomainError('FORBIDDEN', 'TOO_MANY_ATTEMPTS', `登录失败次数过多，请 ${wait} 秒后再试`);
  const user = await em.findOne(User, { username: username.trim().toLowerCase() });
  const ok = user ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await dummyHash(), password), false);
  if (!user || !ok || !user.active) {
    deps.limiter.fail(key);
    throw unauthenticated('INVALID_CREDENTIALS', user && ok && !user.active ? '账号已停用，请联系管理员' : '用户名或密码错误');
  }
  deps.limiter.succeed(key);
  const { token, expiresAt } = await issueToken(user, deps.tokens);
  return { token, expiresAt, user };
}
