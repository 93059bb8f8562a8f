import { ApolloServer, ApolloServerPlugin, BaseContext } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import express, { Express } from 'express';
import { GraphQLError, GraphQLSchema, ValidationRule } from 'graphql';
import http from 'node:http';
import { DomainError, formatError } from './errors';
import type { Logger } from './logger';
import { graphqlMetricsPlugin, Metrics, mountMetrics } from './metrics';
import { requestLimitsPlugin, RequestLimitOptions } from './query-limits';

/** Maps a refusal thrown while building the context (e.g. a forged token) to an HTTP error. */
export function contextError(e: unknown): never {
  if (e instanceof DomainError) {
    const status = e.code === 'UNAUTHENTICATED' ? 401 : e.code === 'FORBIDDEN' ? 403 : 400;
    throw new GraphQLError(e.message, { extensions: { code: e.code, reason: e.reason, http: { status } } });
  }
  throw e;
}

export interface HttpServerOptions<C extends BaseContext> {
  schema?: GraphQLSchema;
  /** An @apollo/gateway instance (the gateway app), instead of a schema. */
  gateway?: unknown;
  context: (req: express.Request) => Promise<C>;
  log: Logger;
  bodyLimit: string;
  production: boolean;
  validationRules?: ValidationRule[];
  /** Bounds on each operation: cost, string length, and (subgraphs) the token (query-limits.ts). */
  limits?: RequestLimitOptions;
  /** Schema introspection; default: outside production. Subgraphs never offer it. */
  introspection?: boolean;
  plugins?: ApolloServerPlugin<C>[];
  /** Extra routes mounted before /graphql (health, JWKS, Open311, static files, ...). */
  routes?: (app: Express) => void;
  /** Inline tracing is for gateways that want it; off on subgraphs by default. */
  inlineTrace?: boolean;
  /** Prometheus metrics: request timing and `GET /metrics` (bearer `metricsToken` if set). */
  metrics?: Metrics;
  metricsToken?: string;
  /** Serve `GET /metrics` (default true); the gateway, facing the public, may keep it closed. */
  metricsRoute?: boolean;
  /** Express "trust proxy": whose X-Forwarded-For sets `req.ip` (TRUST_PROXY). */
  trustProxy?: string;
}

/** TRUST_PROXY as Express takes it: `false`/`true`, a hop count, or a list of addresses/names. */
export function trustProxySetting(value: string | undefined): boolean | number | string {
  const v = (value ?? 'loopback').trim();
  if (v === 'false' || v === '') return false;
  if (v === 'true') return true;
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}

export interface HttpServer {
  app: Express;
  server: http.Server;
  apollo: ApolloServer<BaseContext>;
  listen(port: number, host: string): Promise<void>;
  close(): Promise<void>;
}

/** Express + Apollo Server, the same way in every service and in the gateway. */
export async function createHttpServer<C extends BaseContext>(opts: HttpServerOptions<C>): Promise<HttpServer> {
  const app = express();
  app.disable('x-powered-by');
  // No ETag of a hash of every API answer (GraphQL POSTs are never revalidated); static files and
  // downloads set their own.
  app.set('etag', false);
  app.set('trust proxy', trustProxySetting(opts.trustProxy));
  const server = http.createServer(app);
  // Keep idle connections open longer than the callers' keep-alive pools (the gateway's fetch
  // agent), so a reused socket is never closed under a request ("socket hang up").
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const apollo = new ApolloServer<C>({
    ...(opts.gateway ? { gateway: opts.gateway } : { schema: opts.schema! }),
    introspection: opts.introspection ?? !opts.production,
    includeStacktraceInErrorResponses: false,
    csrfPrevention: true,
    validationRules: opts.validationRules,
    formatError: formatError((err) => opts.log.error({ err }, 'unexpected error in a resolver')),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer: server }),
      // No schema sets cache hints and no answer is cached: without this, Apollo's default
      // cache-control plugin runs a hook for every resolved field (a page of 50 cases: hundreds).
      ApolloServerPluginCacheControlDisabled(),
      ...(opts.inlineTrace ? [] : [ApolloServerPluginInlineTraceDisabled()]),
      ...(opts.metrics ? [graphqlMetricsPlugin<C>(opts.metrics)] : []),
      ...(opts.limits ? [requestLimitsPlugin<C>(opts.limits)] : []),
      ...(opts.plugins ?? []),
    ],
  } as ConstructorParameters<typeof ApolloServer<C>>[0]);
  await apollo.start();
  if (opts.metrics) mountMetrics(app, opts.metrics, opts.metricsToken, opts.metricsRoute ?? true);
  opts.routes?.(app);
  app.use('/graphql', express.json({ limit: opts.bodyLimit }), expressMiddleware(apollo, { context: async ({ req }) => opts.context(req) }));
  // Body too large or malformed JSON: a coded answer, not an HTML page.
  app.use((err: { type?: string; status?: number }, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    if (err?.type === 'entity.too.large') return res.status(413).json({ errors: [{ message: '请求内容过大', extensions: { code: 'PAYLOAD_TOO_LARGE' } }] });
    if (err?.type === 'entity.parse.failed') return res.status(400).json({ errors: [{ message: '请求格式有误', extensions: { code: 'BAD_REQUEST' } }] });
    return next(err);
  });
  return {
    app,
    server,
    apollo: apollo as unknown as ApolloServer<BaseContext>,
    listen: (port, host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve());
      }),
    close: () => apollo.stop(),
  };
}
