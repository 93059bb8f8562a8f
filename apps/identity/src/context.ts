import type { ServiceContext } from '@hotline/service-kit';
import type { LoginDeps } from './auth/login.service';

/** What identity's resolvers receive besides the kit's context. */
export type IdentityContext = ServiceContext & {
  /** 登录: the signing key and settings, and the failed-login policy (one per process). */
  login: LoginDeps;
};
