import { LIVE_SUBGRAPHS, subgraphUrlVar } from '@hotline/contracts';
import { z } from 'zod';

const url = z.url();
export const GatewayConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  IDENTITY_JWKS_URL: url.default('http://127.0.0.1:4101/.well-known/jwks.json'),
  JWT_ISSUER: z.string().default('hotline-identity'),
  JWT_AUDIENCE: z.string().default('hotline'),
  SUPERGRAPH_FILE: z.string().optional(),
  WEB_DIST_DIR: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT: z.string().default('1mb'),
  MAX_QUERY_DEPTH: z.coerce.number().int().min(2).max(50).default(10),
  /** Estimated cost of one operation: objects returned × list sizes, aliases included (query-limits.ts in the kit). */
  MAX_QUERY_COST: z.coerce.number().int().min(100).default(250_000),
  /** Longest string in any argument or variable (the longest free text a command takes is 5,000). */
  MAX_STRING_LENGTH: z.coerce.number().int().min(100).default(20_000),
  /**
   * Whose X-Forwarded-For sets the client address (Express "trust proxy"). None by default: the
   * gateway is the edge, and believing a header any client can write would let a guesser choose
   * its address (issue 17). Behind a load balancer or ingress, name exactly those hops ("1").
   */
  TRUST_PROXY: z.string().default('false'),
  /** NATS, for one subject only: `hotline.user.tokens-revoked` (tokens that die with the user). */
  NATS_URL: z
    .string()
    .regex(/^nats:\/\//, 'must be a nats:// URL')
    .default('nats://127.0.0.1:4222'),
  NATS_USER: z.string().optional(),
  NATS_PASSWORD: z.string().optional(),
  TOKEN_REVOCATION_LOOKBACK_SECONDS: z.coerce.number().int().min(60).default(86_400),
  /** When set, `GET /metrics` asks for `Authorization: Bearer <METRICS_TOKEN>`. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
});
export type GatewayConfig = z.infer<typeof GatewayConfigSchema>;

/** `SUBGRAPH_<NAME>_URL` of each registered subgraph (packages/contracts services.ts): where the gateway finds it. */
export const SubgraphUrlsSchema = z.object(Object.fromEntries(LIVE_SUBGRAPHS.map((s) => [subgraphUrlVar(s.name), url.optional()])));
