import 'reflect-metadata';
import { ContextExtras, createTokenVerifier, main } from '@hotline/service-kit';
import { LoginLimiter, LoginPolicy } from './auth/login-limiter';
import { loadSigningKey } from './auth/signing-key';
import { ServiceClients } from './auth/service-clients';
import { tokenRoutes } from './auth/token.routes';
import { IdentityConfigSchema } from './config';
import type { IdentityContext } from './context';
import { Department } from './departments/department.entity';
import { ensureDepartments } from './departments/department.service';
import { migrations } from './migrations';
import { buildIdentitySchema } from './schema';
import { departmentsFromFile, seedDemo } from './seed/demo';
import { User } from './users/user.entity';

main({
  name: 'identity',
  configSchema: IdentityConfigSchema,
  entities: [Department, User],
  migrations,
  schema: buildIdentitySchema,
  anonymousOperations: ['login'],
  // The signing key, read once: it verifies tokens, signs them at login and is published as JWKS.
  setup: async ({ config }) => ({ key: await loadSigningKey(config.JWT_PRIVATE_KEY_FILE) }),
  tokenVerifier: async ({ config }, { key }) => {
    return createTokenVerifier({ key: key.publicKey, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE, serviceAudience: config.JWT_SERVICE_AUDIENCE });
  },
  context: ({ config }, { key }): ContextExtras<IdentityContext> => ({
    login: {
      tokens: { key, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE, ttlSeconds: config.JWT_TTL_SECONDS },
      limiter: new LoginPolicy({
        maxFailuresPerClient: config.LOGIN_MAX_FAILURES,
        maxFailuresPerAddress: config.LOGIN_MAX_FAILURES_PER_ADDRESS,
        windowMs: config.LOGIN_WINDOW_SECONDS * 1000,
        userDelayAfter: config.LOGIN_MAX_FAILURES,
        maxUserDelayMs: config.LOGIN_MAX_DELAY_SECONDS * 1000,
        userWindowMs: 3_600_000,
        knownClientMs: 30 * 86_400_000,
      }),
    },
  }),
  routeTemplates: ['/oauth/token', '/.well-known/jwks.json'],
  routes: (app, { config, log }, { key }) => {
    app.get('/.well-known/jwks.json', (_req, res) => {
      res.set('cache-control', 'public, max-age=300').json(key.jwks);
    });
    const clients = new ServiceClients(config.SERVICE_CLIENTS); // validated with the config
    log.info({ clients: clients.size }, 'service clients configured');
    tokenRoutes(app, {
      clients,
      tokens: { key, issuer: config.JWT_ISSUER, audience: config.JWT_SERVICE_AUDIENCE, ttlSeconds: config.SERVICE_TOKEN_TTL_SECONDS },
      limiter: new LoginLimiter(config.LOGIN_MAX_FAILURES, config.LOGIN_WINDOW_SECONDS * 1000),
      log,
    });
  },
  onStart: async ({ orm, config, log }) => {
    if (config.DEPARTMENTS_FILE) await ensureDepartments(orm.em.fork(), departmentsFromFile(config.DEPARTMENTS_FILE));
    if (config.SEED_DEMO) {
      await seedDemo(orm.em.fork());
      log.info('demo departments and users seeded');
    }
  },
});
