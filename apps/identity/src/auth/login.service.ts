import type { EntityManager } from '@mikro-orm/postgresql';
import { IDENTITY_ERRORS } from '@hotline/contracts';
import { codedError } from '@hotline/service-kit';
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
  if (username.length > 64 || password.length > 256) throw codedError(IDENTITY_ERRORS.INVALID_CREDENTIALS);
  const name = username.trim().toLowerCase();
  const { wait } = deps.limiter.check(name, ip);
  if (wait > 0) throw codedError(IDENTITY_ERRORS.TOO_MANY_ATTEMPTS, { seconds: wait });
  const user = await em.findOne(User, { username: name });
  const ok = user ? await verifyPassword(user.passwordHash, password) : (await verifyPassword(await dummyHash(), password), false);
  if (!user || !ok || !user.active) {
    deps.limiter.fail(name, ip);
    throw codedError(user && ok && !user.active ? IDENTITY_ERRORS.ACCOUNT_DISABLED : IDENTITY_ERRORS.INVALID_CREDENTIALS);
  }
  deps.limiter.succeed(name, ip);
  const { token, expiresAt } = await issueToken(user, deps.tokens);
  return { token, expiresAt, user };
}
