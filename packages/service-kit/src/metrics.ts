import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import type { Express, NextFunction, Request, Response } from 'express';
import { timingSafeEqual } from 'node:crypto';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * Prometheus metrics of one service (`GET /metrics`, text format 0.0.4). Labels are bounded
 * sets only — route templates, operation names (capped), error codes, consumer names — and
 * never carry a case id, a user or personal data.
 */
export interface Metrics {
  registry: Registry;
  httpDuration: Histogram<'method' | 'route' | 'status'>;
  graphqlDuration: Histogram<'operation' | 'type' | 'outcome'>;
  consumerEvents: Counter<'consumer' | 'outcome'>;
  consumerBatch: Histogram<'consumer'>;
  consumerHandle: Histogram<'consumer'>;
  outboxPublished: Counter;
  /** The route label of a request path: one of the kit's routes or the service's templates, else `other`. */
  routeOf(path: string): string;
  /** Adds a gauge read at scrape time (outbox depth, consumer lag, ...). */
  gauge(name: string, help: string, labelNames: string[], read: () => Promise<Array<{ labels?: Record<string, string>; value: number }>>): void;
}

export type ConsumerOutcome = 'handled' | 'duplicate' | 'skipped' | 'retried' | 'dead_lettered';

export interface MetricsOptions {
  /**
   * The service's own plain-HTTP routes as templates (besides the kit's /graphql, /healthz,
   * /readyz, /metrics): `/imports` also labels everything below it, `:name` stands for one path
   * segment (`/cases/:id/attachments`). The template is the label.
   */
  routes?: readonly string[];
}

export function createMetrics(service: string, opts: MetricsOptions = {}): Metrics {
  const routes = [...KIT_ROUTES, ...(opts.routes ?? []).map(routeTemplate)];
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry, prefix: 'hotline_' });
  const metrics: Metrics = {
    registry,
    httpDuration: new Histogram({
      name: 'hotline_http_request_duration_seconds',
      help: 'HTTP requests by route template and status',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    graphqlDuration: new Histogram({
      name: 'hotline_graphql_operation_duration_seconds',
      help: 'GraphQL operations by name, type and outcome (ok or the error code)',
      labelNames: ['operation', 'type', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    consumerEvents: new Counter({
      name: 'hotline_consumer_events_total',
      help: 'Events a durable consumer settled, by outcome',
      labelNames: ['consumer', 'outcome'],
      registers: [registry],
    }),
    consumerBatch: new Histogram({
      name: 'hotline_consumer_batch_events',
      help: 'Events committed together in one consumer transaction',
      labelNames: ['consumer'],
      buckets: [1, 2, 4, 8, 16, 32, 64, 128],
      registers: [registry],
    }),
    consumerHandle: new Histogram({
      name: 'hotline_consumer_transaction_seconds',
      help: 'Duration of one consumer transaction (a batch)',
      labelNames: ['consumer'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
      registers: [registry],
    }),
    outboxPublished: new Counter({ name: 'hotline_outbox_published_total', help: 'Events the outbox relay published to NATS', registers: [registry] }),
    routeOf: (path) => routeOf(path, routes),
    gauge(name, help, labelNames, read) {
      new Gauge({
        name,
        help,
        labelNames,
        registers: [registry],
        async collect() {
          this.reset();
          // A scrape must not fail because Postgres or NATS is briefly away: the gauge is left empty.
          const values = await read().catch(() => []);
          for (const v of values) v.labels ? this.set(v.labels, v.value) : this.set(v.value);
        },
      });
    },
  };
  return metrics;
}

type Route = readonly [RegExp, string];

/** The kit's own routes, in every service. */
const KIT_ROUTES: Route[] = [
  [/^\/graphql\/?$/, '/graphql'],
  [/^\/healthz$/, '/healthz'],
  [/^\/readyz$/, '/readyz'],
  [/^\/metrics$/, '/metrics'],
];

/** `/cases/:id/attachments` → a matcher of that path and everything below it, labelled by the template. */
export function routeTemplate(template: string): Route {
  const source = template
    .split('/')
    .map((seg) => (seg.startsWith(':') ? '[^/]+' : seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('\\/');
  return [new RegExp(`^${source}(?:\\/|$)`), template];
}

/** Route templates: a bounded label whatever the path (ids and SPA pages collapse to `other`). */
export const routeOf = (path: string, routes: readonly Route[] = KIT_ROUTES): string => routes.find(([re]) => re.test(path))?.[1] ?? 'other';

/** Express middleware timing every request, and the `/metrics` route (bearer token if configured). */
export function mountMetrics(app: Express, metrics: Metrics, token?: string, expose = true): void {
  app.use((req: Request, res: Response, next: NextFunction) => {
    const end = metrics.httpDuration.startTimer();
    // originalUrl: a mounted router (e.g. /graphql) rewrites req.path to its own remainder.
    res.on('finish', () => end({ method: req.method, route: metrics.routeOf(req.originalUrl.split('?')[0]), status: String(res.statusCode) }));
    next();
  });
  if (!expose) return;
  app.get('/metrics', async (req: Request, res: Response) => {
    if (token) {
      const given = Buffer.from(/^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1] ?? '');
      const wanted = Buffer.from(token);
      if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
        res.status(401).set('www-authenticate', 'Bearer').send('metrics need the METRICS_TOKEN bearer token\n');
        return;
      }
    }
    res.set('content-type', metrics.registry.contentType).send(await metrics.registry.metrics());
  });
}

const MAX_OPERATION_NAMES = 200;

/** Times each GraphQL operation; names beyond the first 200 seen are counted as `other`. */
export function graphqlMetricsPlugin<C extends BaseContext>(metrics: Metrics): ApolloServerPlugin<C> {
  const seen = new Set<string>();
  const nameOf = (raw: string | null | undefined): string => {
    // The gateway names its fetches `<operation>__<subgraph>__<n>`: count them under the operation.
    const name = raw?.replace(/__[a-z0-9_]+__\d+$/i, '');
    if (!name || !/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) return 'anonymous';
    if (seen.has(name)) return name;
    if (seen.size >= MAX_OPERATION_NAMES) return 'other';
    seen.add(name);
    return name;
  };
  return {
    async requestDidStart() {
      const end = metrics.graphqlDuration.startTimer();
      return {
        async willSendResponse({ operationName, operation, errors, response }) {
          const body = response.body.kind === 'single' ? response.body.singleResult : undefined;
          // The formatted errors carry our codes (FORBIDDEN, NOT_FOUND, ...); the raw ones may not.
          const firstError = body?.errors?.[0] ?? errors?.[0];
          const code = firstError?.extensions?.code;
          end({
            operation: nameOf(operationName),
            type: operation?.operation ?? 'unknown',
            outcome: firstError ? (typeof code === 'string' && /^[A-Z_]{1,40}$/.test(code) ? code : 'ERROR') : 'ok',
          });
        },
      };
    },
  };
}
