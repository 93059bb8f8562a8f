import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import type { Express, Request } from 'express';
import type { MikroORM, EntityManager, Options } from '@mikro-orm/postgresql';
import { jetstream, JetStreamClient, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { z } from 'zod';
import { STREAM } from '@hotline/contracts';
import { authenticate, AuthUser, createTokenVerifier, TokenVerifier } from './auth';
import { BaseConfig, loadConfigOrExit } from './config';
import { ConsumerDefinition, DurableConsumer } from './consumer';
import { contextError, createHttpServer } from './http';
import { createLogger, Logger } from './logger';
import { connectNats, ensureStreams } from './nats';
import { MigrationClass, openOrm } from './orm';
import { OutboxRelay } from './outbox';
import { FederatedSchema } from './schema';
import { createServiceClient, ServiceClient } from './service-client';
import { createMetrics, Metrics } from './metrics';
import { depthLimit } from './query-limits';
import { TokenRevocations } from './revocation';

/** What a resolver receives: its own EntityManager fork, the caller, a logger. */
export interface ServiceContext {
  em: EntityManager;
  user: AuthUser | null;
  log: Logger;
  requestId: string;
  /** The caller's address as the HTTP server saw it. */
  ip: string;
}

/**
 * What a service's `context` function adds for its resolvers: its own context type (e.g.
 * `type DispatchContext = ServiceContext & { model: DispatchModel; ... }`) minus the kit's fields.
 * Declaring `context: (deps): ContextExtras<DispatchContext> => ({ ... })` makes the compiler
 * check that the resolvers get what their context type promises — no casts from
 * `Record<string, unknown>`.
 */
export type ContextExtras<T extends ServiceContext> = Omit<T, keyof ServiceContext>;

export interface ServiceDeps<C extends BaseConfig> {
  config: C;
  log: Logger;
  orm: MikroORM;
  nc: NatsConnection;
  js: JetStreamClient;
  relay: OutboxRelay;
  /** Verifies people's and service tokens (for routes outside GraphQL). */
  verify: TokenVerifier;
  /** Calls to other services with this service's own token (see service-client.ts). */
  services: ServiceClient;
  /** Prometheus metrics (`GET /metrics`); a service may add its own. */
  metrics: Metrics;
}

/**
 * A service's definition. `setup` builds the service's own long-lived objects once (a signing key,
 * clients, a background loop not yet started); its typed result `X` is handed to every later hook —
 * the token verifier, consumers, context, routes, start and stop — instead of module-level `let`s.
 */
export interface ServiceDefinition<S extends z.ZodObject, X = undefined, C extends BaseConfig = z.infer<S> & BaseConfig> {
  name: string;
  /** BaseConfigSchema, possibly extended with the service's own keys. */
  configSchema: S;
  entities: Options['entities'];
  migrations: Array<{ name: string; class: MigrationClass }>;
  schema: () => Promise<FederatedSchema>;
  /** Runs once after migrations, before anything else of the service: its result reaches every hook below. */
  setup?: (deps: ServiceDeps<C>) => X | Promise<X>;
  consumers?: (deps: ServiceDeps<C>, setup: X) => ConsumerDefinition[];
  /** Replaces JWKS verification (identity verifies with its own key). */
  tokenVerifier?: (deps: ServiceDeps<C>, setup: X) => Promise<TokenVerifier>;
  routes?: (app: Express, deps: ServiceDeps<C>, setup: X) => void;
  /** Templates of those routes for the metrics' `route` label (`/imports`, `/cases/:id/attachments`); other paths count as `other`. */
  routeTemplates?: readonly string[];
  /** Service-level objects every resolver needs (settings, clients); merged into the context. */
  context?: (deps: ServiceDeps<C>, setup: X) => Record<string, unknown>;
  /** Root fields a caller without a token may use (identity: `login`); everything else needs a valid token. */
  anonymousOperations?: readonly string[];
  /** Runs once after migrations, before the service reports ready (demo seed, ...). */
  onStart?: (deps: ServiceDeps<C>, setup: X) => Promise<void>;
  /** Runs at shutdown after HTTP stops taking requests, before consumers, NATS and the database close (background loops end here). */
  onStop?: (deps: ServiceDeps<C>, setup: X) => Promise<void>;
}

export interface RunningService<C extends BaseConfig> {
  deps: ServiceDeps<C>;
  url: string;
  stop(): Promise<void>;
}

/**
 * Boots a subgraph: config → logger → NATS (streams) → Postgres (migrations) → outbox relay →
 * consumers → GraphQL over HTTP with /healthz and /readyz → graceful shutdown on SIGTERM/SIGINT.
 */
export async function runService<S extends z.ZodObject, X = undefined>(def: ServiceDefinition<S, X>): Promise<RunningService<z.infer<S> & BaseConfig>> {
  type C = z.infer<S> & BaseConfig;
  const config = loadConfigOrExit(def.name, def.configSchema) as C;
  const log = createLogger(def.name, config.LOG_LEVEL);
  let ready = false;
  let relay: OutboxRelay | undefined;

  const nc = await connectNats({ url: config.NATS_URL, name: def.name, user: config.NATS_USER, pass: config.NATS_PASSWORD });
  await ensureStreams(nc, { replicas: config.NATS_STREAM_REPLICAS });
  const js = jetstream(nc);
  const orm = await openOrm({ url: config.DATABASE_URL, entities: def.entities, migrations: def.migrations, onCommit: () => relay?.kick() });
  const metrics = createMetrics(def.name, { routes: def.routeTemplates });
  relay = new OutboxRelay(orm, js, log, { metrics });
  const services = createServiceClient({
    tokenUrl: config.IDENTITY_TOKEN_URL ?? new URL('/oauth/token', config.IDENTITY_JWKS_URL).toString(),
    clientId: config.SERVICE_CLIENT_ID ?? def.name,
    clientSecret: config.SERVICE_CLIENT_SECRET,
  });
  const deps: ServiceDeps<C> = {
    config,
    log,
    orm,
    nc,
    js,
    relay,
    services,
    metrics,
    verify: () => Promise.reject(new Error('token verifier not ready')),
  };
  relay.start();
  const setup = (await def.setup?.(deps)) as X;

  const consumerDefs = def.consumers?.(deps, setup) ?? [];
  const consumers = consumerDefs.map(
    (c) =>
      new DurableConsumer(c, orm, nc, js, log, {
        concurrency: config.CONSUMER_CONCURRENCY,
        maxDeliver: config.CONSUMER_MAX_DELIVER,
        batchSize: config.CONSUMER_BATCH_SIZE,
        metrics,
      }),
  );
  for (const c of consumers) await c.start();
  registerBacklogGauges(
    deps,
    consumerDefs.map((c) => c.name),
  );

  // Tokens that die with the user: the revocations of the last day are read before anything is served.
  const revocations = new TokenRevocations();
  await revocations.start(nc, log, config.TOKEN_REVOCATION_LOOKBACK_SECONDS);
  const verify = revocations.guard(
    def.tokenVerifier
      ? await def.tokenVerifier(deps, setup)
      : createTokenVerifier({
          jwksUrl: config.IDENTITY_JWKS_URL,
          issuer: config.JWT_ISSUER,
          audience: config.JWT_AUDIENCE,
          serviceAudience: config.JWT_SERVICE_AUDIENCE,
        }),
  );
  deps.verify = verify;
  const { schema } = await def.schema();
  const shared = def.context?.(deps, setup) ?? {};
  const http = await createHttpServer<ServiceContext>({
    schema,
    log,
    bodyLimit: config.BODY_LIMIT,
    production: config.NODE_ENV === 'production',
    metrics,
    metricsToken: config.METRICS_TOKEN,
    trustProxy: config.TRUST_PROXY,
    // The gateway is not the only door: a subgraph reached directly bounds depth, cost and string
    // length itself, offers no introspection, and runs nothing for a caller without a valid token
    // but the operations the service names (identity's login).
    introspection: false,
    validationRules: [depthLimit(config.MAX_QUERY_DEPTH)],
    limits: { maxCost: config.MAX_QUERY_COST, maxStringLength: config.MAX_STRING_LENGTH, anonymousFields: def.anonymousOperations ?? [] },
    context: async (req: Request) => {
      const user = await authenticate(req.headers.authorization, verify).catch(contextError);
      return { ...shared, em: orm.em.fork(), user, log, requestId: String(req.headers['x-request-id'] ?? randomUUID()), ip: req.ip ?? '' };
    },
    routes: (app) => {
      app.get('/healthz', (_req, res) => {
        res.json({ status: 'ok', service: def.name });
      });
      app.get('/readyz', async (_req, res) => {
        const db = await orm.em
          .fork()
          .execute('select 1')
          .then(
            () => true,
            () => false,
          );
        const natsOk = !nc.isClosed();
        const ok = ready && db && natsOk;
        res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'not-ready', service: def.name, db, nats: natsOk, started: ready });
      });
      def.routes?.(app, deps, setup);
    },
  });

  if (def.onStart) await def.onStart(deps, setup);
  await http.listen(config.PORT, config.HOST);
  ready = true;
  const url = `http://${config.HOST}:${config.PORT}`;
  log.info({ url }, `${def.name} ready`);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      ready = false;
      log.info('shutting down');
      await http.close().catch((e) => log.warn({ err: e }, 'http close'));
      await def.onStop?.(deps, setup).catch((e) => log.warn({ err: e }, 'onStop'));
      for (const c of consumers) await c.stop().catch((e) => log.warn({ err: e }, 'consumer stop'));
      await revocations.stop().catch((e) => log.warn({ err: e }, 'revocations stop'));
      await relay!.stop();
      await relay!.publishBatch().catch(() => 0); // last committed events out before we go
      await nc.drain().catch(() => undefined);
      await orm.close(true);
      log.info('stopped');
    })());
  for (const sig of ['SIGTERM', 'SIGINT'] as const) {
    process.once(sig, () => {
      const hard = setTimeout(() => process.exit(1), 10_000);
      hard.unref();
      void stop().then(() => process.exit(0));
    });
  }
  return { deps, url, stop };
}

/**
 * Gauges read at scrape time: the outbox's unpublished events and the age of the oldest (the
 * relay is behind or NATS is away), and each durable consumer's backlog on the stream.
 */
function registerBacklogGauges(deps: ServiceDeps<BaseConfig>, consumerNames: string[]): void {
  const { metrics, orm, nc } = deps;
  metrics.gauge('hotline_outbox_unpublished_events', 'Events committed but not yet published to NATS', [], async () => {
    const rows = await orm.em.fork().execute<Array<{ n: string }>>('select count(*) as n from kit_outbox where published_at is null');
    return [{ value: Number(rows[0]?.n ?? 0) }];
  });
  metrics.gauge('hotline_outbox_oldest_unpublished_seconds', 'Age of the oldest unpublished event (0 when none)', [], async () => {
    const rows = await orm.em
      .fork()
      .execute<Array<{ age: string | null }>>('select extract(epoch from now() - min(created_at)) as age from kit_outbox where published_at is null');
    return [{ value: Number(rows[0]?.age ?? 0) }];
  });
  if (consumerNames.length === 0) return;
  metrics.gauge(
    'hotline_consumer_backlog_events',
    'Events on the stream a durable consumer has not yet acknowledged (pending + in flight)',
    ['consumer'],
    async () => {
      const jsm = await jetstreamManager(nc);
      return Promise.all(
        consumerNames.map(async (name) => {
          const info = await jsm.consumers.info(STREAM, name);
          return { labels: { consumer: name }, value: info.num_pending + info.num_ack_pending };
        }),
      );
    },
  );
}

/** For `src/main.ts`: run, and exit non-zero with a readable line when start fails. */
export function main<S extends z.ZodObject, X = undefined>(def: ServiceDefinition<S, X>): void {
  runService(def).catch((e) => {
    process.stderr.write(`${def.name}: failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
