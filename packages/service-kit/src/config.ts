import { z } from 'zod';

const bool = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** What every service reads from its environment. A service adds its own keys with `extend`. */
export const BaseConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(1).max(65535),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL'),
  NATS_URL: z
    .string()
    .regex(/^nats:\/\//, 'must be a nats:// URL')
    .default('nats://127.0.0.1:4222'),
  NATS_USER: z.string().optional(),
  NATS_PASSWORD: z.string().optional(),
  IDENTITY_JWKS_URL: z.url(),
  JWT_ISSUER: z.string().default('hotline-identity'),
  JWT_AUDIENCE: z.string().default('hotline'),
  /** Audience of service tokens (服务间调用); the gateway does not accept it. */
  JWT_SERVICE_AUDIENCE: z.string().default('hotline-internal'),
  /** This service's client id and secret at identity, for calls to other services (optional). */
  SERVICE_CLIENT_ID: z.string().optional(),
  SERVICE_CLIENT_SECRET: z.string().min(24, 'must be at least 24 characters').optional(),
  /** identity's token endpoint (default: beside IDENTITY_JWKS_URL, at /oauth/token). */
  IDENTITY_TOKEN_URL: z.url().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  SEED_DEMO: bool.default(false),
  /** Max concurrent events a consumer handles at once. */
  CONSUMER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(8),
  /** Most events a consumer lane commits in one transaction (each in its own savepoint). */
  CONSUMER_BATCH_SIZE: z.coerce.number().int().min(1).max(500).default(32),
  /** Deliveries of one event before it goes to the dead-letter subject. */
  CONSUMER_MAX_DELIVER: z.coerce.number().int().min(1).max(100).default(5),
  BODY_LIMIT: z.string().default('1mb'),
  /**
   * Bounds on one GraphQL operation at this subgraph (the gateway has its own, a little tighter):
   * nesting depth, estimated cost (objects returned × list sizes, aliases included) and the
   * longest string in any argument.
   */
  MAX_QUERY_DEPTH: z.coerce.number().int().min(2).max(50).default(12),
  MAX_QUERY_COST: z.coerce.number().int().min(100).default(300_000),
  MAX_STRING_LENGTH: z.coerce.number().int().min(100).default(20_000),
  /** How far back token revocations are read at start: longer than any token lives (JWT_TTL_SECONDS). */
  TOKEN_REVOCATION_LOOKBACK_SECONDS: z.coerce.number().int().min(60).default(86_400),
  /**
   * Which peers may tell the client's address in X-Forwarded-For (Express "trust proxy"):
   * `loopback` (the local run: the gateway on 127.0.0.1), `loopback, uniquelocal` in a private
   * network, `false` for none. The login rate limit counts per client address.
   */
  TRUST_PROXY: z.string().default('loopback'),
  /** When set, `GET /metrics` asks for `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** Replicas of the streams when a service has to create them (3 in a NATS cluster). */
  NATS_STREAM_REPLICAS: z.coerce.number().int().min(1).max(5).default(1),
});
export type BaseConfig = z.infer<typeof BaseConfigSchema>;

export class ConfigError extends Error {}

/**
 * Reads and validates the environment once, at boot. Every problem is reported with the name of
 * the variable, then the process stops (see `loadConfigOrExit`).
 */
export function loadConfig<S extends z.ZodObject>(schema: S, env: NodeJS.ProcessEnv = process.env): z.infer<S> {
  const parsed = schema.safeParse(env, { error: z.locales.en().localeError }); // operators read these: English
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}

export function loadConfigOrExit<S extends z.ZodObject>(service: string, schema: S): z.infer<S> {
  try {
    return loadConfig(schema);
  } catch (e) {
    process.stderr.write(`${service}: ${(e as Error).message}\n`);
    process.exit(78); // EX_CONFIG
  }
}
