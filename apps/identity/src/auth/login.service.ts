import type { EntityManager } from '@mikro-orm/postgresql';
import { DomainError, unauthenticated } from '@hotline/service-kit';
import { User } from '../users/user.entity';
import { LoginPolicy } from './login-limiter';
import { dummyHash, verifyPassword } from './passwords';
import { issueToken, TokenSettings } from './tokens';

export interface LoginDeps {
  tokens: TokenSettings;
  limiter: LoginPolicy;
}

/** 登录: username + password → a short-lived token. Failures are counted and rate-limited. */
export async function login(em: EntityManager, deps: LoginDeps, username: string, password: string, ip: string) {
  // A username is at most 64 characters: longer input is refused before it costs memory or a hash.
  if (username.length > 64 || password.length > 256) throw unauthenticated('INVALID_CREDENTIALS', '用户名或密码错误');
  const name = username.trim().toLowerCase();
  const { wait } = deps.limiter.check(name, ip);
  if (wait > 0) throw new DomainError('FORBIDDEN', 'TOO_MANY_ATTEMPTS', `登录失败次数过多，请 ${wait} 秒后再试`);
  const user = await em.findOne(User, { username: name });
  const ok = user ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await dummyHash(), password), false);
  if (!user || !ok || !user.active) {
    deps.limiter.fail(name, ip);
    throw unauthenticated('INVALID_CREDENTIALS', user && ok && !user.active ? '账号已停用，请联系管理员' : '用户名或密码错误');
  }
  deps.limiter.succeed(name, ip);
  const { token, expiresAt } = await issueToken(user, deps.tokens);
  return { token, expiresAt, user };
}
