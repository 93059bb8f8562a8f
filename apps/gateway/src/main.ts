process.env.APOLLO_TELEMETRY_DISABLED = 'true'; // before @apollo/gateway loads: no phoning home
import fs from 'node:fs';
import path from 'node:path';
import express from 'express';
import { ApolloGateway, RemoteGraphQLDataSource } from '@apollo/gateway';
import {
  authenticate,
  connectNats,
  contextError,
  createHttpServer,
  createLogger,
  createMetrics,
  createTokenVerifier,
  loadConfigOrExit,
  TokenRevocations,
} from '@hotline/service-kit';
import { httpPathMatcher, LIVE_SERVICES, subgraphUrlVar } from '@hotline/contracts';
import { GatewayConfigSchema, SubgraphUrlsSchema } from './config';
import { depthLimit } from './depth-limit';
import { baseUrlOf, passThrough } from './open311-proxy';
import { spaFallback } from './spa-fallback';
import { createSubgraphFetcher } from './subgraph-fetch';
import { SUBGRAPHS, supergraphPath } from './subgraphs';

interface GatewayContext {
  authorization?: string;
  requestId?: string;
  /** The client's address (TRUST_PROXY decides whose X-Forwarded-For counts). */
  clientIp?: string;
}

/** Passes the caller's token on: every subgraph checks it again itself. */
class AuthForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: Parameters<NonNullable<RemoteGraphQLDataSource<GatewayContext>['willSendRequest']>>[0]) {
    if (context.authorization) request.http?.headers.set('authorization', context.authorization);
    if (context.requestId) request.http?.headers.set('x-request-id', context.requestId);
    // The subgraphs see the gateway as the peer; they learn the client from this (login limits).
    if (context.clientIp) request.http?.headers.set('x-forwarded-for', context.clientIp);
  }
}

async function start() {
  const config = loadConfigOrExit('gateway', GatewayConfigSchema);
  const log = createLogger('gateway', config.LOG_LEVEL);
  const urls = loadConfigOrExit('gateway', SubgraphUrlsSchema) as Record<string, string | undefined>;
  const overrides = Object.fromEntries(SUBGRAPHS.map((s) => [s.name, urls[subgraphUrlVar(s.name)]]));
  const supergraphSdl = fs.readFileSync(config.SUPERGRAPH_FILE ?? supergraphPath, 'utf8');
  // Subgraph calls over kept-alive node:http connections — not the default make-fetch-happen
  // (cache and retry layers the gateway does not use) nor Node's fetch (see subgraph-fetch.ts).
  const subgraphs = createSubgraphFetcher();
  const gateway = new ApolloGateway({
    supergraphSdl,
    buildService: ({ name, url }) => new AuthForwardingDataSource({ url: overrides[name] ?? url, fetcher: subgraphs.fetcher }),
    logger: { debug: () => undefined, info: (m) => log.info(String(m)), warn: (m) => log.warn(String(m)), error: (m) => log.error(String(m)) },
  });
  // The gateway refuses a revoked token too (disabled user, changed role or department, reset
  // password), from the same revocation list every subgraph keeps.
  const nc = await connectNats({ url: config.NATS_URL, name: 'gateway', user: config.NATS_USER, pass: config.NATS_PASSWORD });
  const revocations = new TokenRevocations();
  await revocations.start(nc, log, config.TOKEN_REVOCATION_LOOKBACK_SECONDS);
  const verify = revocations.guard(createTokenVerifier({ jwksUrl: config.IDENTITY_JWKS_URL, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE }));
  const webDir = config.WEB_DIST_DIR ?? path.resolve(__dirname, '..', '..', 'web', 'dist');

  const http = await createHttpServer<GatewayContext>({
    gateway,
    log,
    bodyLimit: config.BODY_LIMIT,
    production: config.NODE_ENV === 'production',
    validationRules: [depthLimit(config.MAX_QUERY_DEPTH)],
    // Cost (aliases × list sizes) and string length are refused here before any fan-out; the
    // subgraphs check them again, and refuse callers without a token themselves.
    limits: { maxCost: config.MAX_QUERY_COST, maxStringLength: config.MAX_STRING_LENGTH },
    // The services' pass-through paths (the registry's templates) are the gateway's routes too.
    metrics: createMetrics('gateway', { routes: LIVE_SERVICES.flatMap((s) => s.httpPaths.map((p) => p.replace(':uuid', ':id'))) }),
    metricsToken: config.METRICS_TOKEN,
    trustProxy: config.TRUST_PROXY,
    // The gateway faces the public: in production its /metrics needs METRICS_TOKEN, or stays closed.
    metricsRoute: config.NODE_ENV !== 'production' || !!config.METRICS_TOKEN,
    context: async (req) => {
      // Refuse a forged or expired token here already; subgraphs check it again.
      await authenticate(req.headers.authorization, verify).catch(contextError);
      return { authorization: req.headers.authorization, requestId: req.headers['x-request-id'] as string | undefined, clientIp: req.ip };
    },
    routes: (app) => {
      // Plain HTTP paths of the services (the registry's httpPaths: intake's Open311, file imports
      // and attachments), served from this origin too. 附件: only /cases/<uuid>/attachments and
      // below go to intake; every other /cases/… path is a page of the web app (e.g.
      // /cases/<uuid>) and falls through to the SPA below.
      for (const s of LIVE_SERVICES.filter((x) => x.httpPaths.length > 0)) {
        const target = baseUrlOf(overrides[s.name] ?? SUBGRAPHS.find((g) => g.name === s.name)?.url ?? `http://127.0.0.1:${s.port}`);
        passThrough(app, { prefixes: s.httpPaths.map(httpPathMatcher), target, log });
      }
      app.get('/healthz', (_req, res) => {
        res.json({ status: 'ok', service: 'gateway' });
      });
      app.get('/readyz', async (_req, res) => {
        const checks = await Promise.all(
          SUBGRAPHS.map(async (s) => {
            const base = new URL(overrides[s.name] ?? s.url);
            const ok = await fetch(new URL('/healthz', base), { signal: AbortSignal.timeout(2_000) }).then(
              (r) => r.ok,
              () => false,
            );
            return [s.name, ok] as const;
          }),
        );
        const ok = checks.every(([, v]) => v);
        res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'not-ready', subgraphs: Object.fromEntries(checks) });
      });
      if (fs.existsSync(path.join(webDir, 'index.html'))) {
        app.use(express.static(webDir, { index: false, maxAge: '1h' }));
        // The web app routes on the client: any other GET that is not an API path gets index.html.
        app.get(spaFallback(), (_req, res) => {
          res.set('cache-control', 'no-cache').sendFile(path.join(webDir, 'index.html'));
        });
      } else {
        app.get('/', (_req, res) => {
          res
            .type('html')
            .send(
              '<!doctype html><meta charset="utf-8"><title>接诉即办</title><p>网页端尚未构建：请运行 <code>npm start</code>（会自动构建），或 <code>pnpm --filter @hotline/web build</code>。GraphQL 接口位于 <a href="/graphql">/graphql</a>。</p>',
            );
        });
      }
    },
  });
  await http.listen(config.PORT, config.HOST);
  log.info({ url: `http://${config.HOST}:${config.PORT}` }, 'gateway ready');

  let stopping = false;
  for (const sig of ['SIGTERM', 'SIGINT'] as const) {
    process.once(sig, () => {
      if (stopping) return;
      stopping = true;
      setTimeout(() => process.exit(1), 10_000).unref();
      void http
        .close()
        .then(() => subgraphs.close())
        .then(() => revocations.stop())
        .then(() => nc.drain())
        .catch(() => undefined)
        .then(() => process.exit(0));
    });
  }
}

start().catch((e) => {
  process.stderr.write(`gateway: failed to start: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
