import fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { calledServices, graphqlUrlVar, SERVICE_GRANTS, subgraphUrlVar } from '@hotline/contracts';
import path from 'node:path';
import { ensureSigningKey } from './keys';
import { findNatsServer, NatsHandle, startNats } from './nats';
import { freePort, onFreePort } from './ports';
import { PostgresHandle, startPostgres } from './postgres';
import { databaseName, SUBGRAPHS, SubgraphName } from './services';
import { DEFAULT_POLICY, SupervisedProcess, superviseService, SupervisorPolicy } from './supervisor';

export interface StackOptions {
  /** The repository root (holds apps/). */
  rootDir: string;
  /** Where Postgres data, the NATS store, keys and logs live. */
  dataDir: string;
  /** Keep Postgres data between runs (npm start) or throw it away (tests). */
  persistent: boolean;
  /** Seed demo departments, users and cases. */
  seedDemo: boolean;
  /** Fixed ports (npm start) or free ones picked by the OS (tests). */
  ports: 'default' | 'free';
  installNats?: boolean;
  /** Extra environment for every service. */
  env?: Record<string, string>;
  onLine?: (service: string, line: string) => void;
  progress?: (message: string) => void;
  /** When a service or the gateway crashes: restart it with backoff, give up after repeated crashes (supervisor.ts). */
  restartPolicy?: SupervisorPolicy;
}

export interface Stack {
  gatewayUrl: string;
  natsUrl: string;
  postgres: PostgresHandle;
  /** Supervised: a crashed one is restarted; `exited` resolves only when its supervisor gives up. */
  subgraphs: Record<SubgraphName, SupervisedProcess>;
  gateway: SupervisedProcess;
  /** Environment the services were started with, for starting one more replica in a test. */
  serviceEnv(name: SubgraphName): Record<string, string>;
  stop(): Promise<void>;
}

const envPort = (name: string, fallback: number) => {
  const v = process.env[name];
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1 || n > 65535) throw new Error(`${name} must be a TCP port (1-65535), got "${v}"`);
  return n;
};

/**
 * Starts the whole system on this machine: real PostgreSQL (one database per service), real
 * nats-server with JetStream, every subgraph, then the gateway. Used by `npm start` and by tests.
 */
export async function startStack(opts: StackOptions): Promise<Stack> {
  const progress = opts.progress ?? (() => undefined);
  const logsDir = path.join(opts.dataDir, 'logs');
  fs.mkdirSync(logsDir, { recursive: true });
  const pick = async (envName: string, def: number) => (opts.ports === 'free' ? freePort() : envPort(envName, def));

  const natsBin = findNatsServer({ install: opts.installNats ?? true, log: progress });
  const pgPort = await pick('PG_PORT', 5433);
  const natsPort = await pick('NATS_PORT', 4222);
  const stopped: Array<() => Promise<void>> = [];
  // Last started, first stopped; a step that hangs is abandoned after 15 s so Ctrl-C always ends.
  const withTimeout = (p: Promise<void>) => Promise.race([p.catch(() => undefined), new Promise<void>((r) => setTimeout(r, 15_000).unref())]);
  const stopAll = async () => {
    for (const s of stopped.splice(0).reverse()) await withTimeout(s());
  };
  try {
    progress(`starting PostgreSQL on 127.0.0.1:${pgPort}`);
    const pgLog = fs.createWriteStream(path.join(logsDir, 'postgres.log'), { flags: 'a' });
    const postgres = await startPostgres({ dataDir: opts.dataDir, port: pgPort, persistent: opts.persistent, log: (m) => pgLog.write(m + '\n') });
    stopped.push(() => postgres.stop());
    progress(`starting nats-server (JetStream) on 127.0.0.1:${natsPort}`);
    const natsLog = fs.createWriteStream(path.join(logsDir, 'nats.log'), { flags: 'a' });
    const nats: NatsHandle = await startNats({ bin: natsBin, port: natsPort, storeDir: path.join(opts.dataDir, 'nats'), log: (m) => natsLog.write(m) });
    stopped.push(() => nats.stop());

    const ports = {} as Record<SubgraphName, number>;
    for (const s of SUBGRAPHS) ports[s.name] = await pick(`${s.name.toUpperCase()}_PORT`, s.port);
    const keyFile = ensureSigningKey(opts.dataDir);
    const common: Record<string, string> = {
      HOST: '127.0.0.1',
      NATS_URL: nats.url,
      IDENTITY_JWKS_URL: `http://127.0.0.1:${ports.identity}/.well-known/jwks.json`,
      SEED_DEMO: String(opts.seedDemo),
      NODE_ENV: process.env.NODE_ENV ?? 'development',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'info',
      ...opts.env,
    };
    // 服务凭据: a fresh client secret per run for each service that calls another (SERVICE_GRANTS);
    // identity learns them all, each service its own.
    const clientSecrets = Object.fromEntries(
      SUBGRAPHS.filter((s) => SERVICE_GRANTS[s.name]).map((s) => [s.name, randomBytes(24).toString('base64url')]),
    ) as Partial<Record<SubgraphName, string>>;
    const serviceEnv = (name: SubgraphName): Record<string, string> => ({
      ...common,
      DATABASE_URL: postgres.url(databaseName(name)),
      // The service's own folder for files (publicity's typical-case materials).
      DATA_DIR: path.join(opts.dataDir, 'services', name),
      ...(name === 'identity'
        ? {
            JWT_PRIVATE_KEY_FILE: keyFile,
            SERVICE_CLIENTS: Object.entries(clientSecrets)
              .map(([id, secret]) => `${id}=${secret}`)
              .join(','),
          }
        : {}),
      ...(clientSecrets[name] ? { SERVICE_CLIENT_ID: name, SERVICE_CLIENT_SECRET: clientSecrets[name]! } : {}),
      // The services it calls with its service token (the owners of its grants), e.g. intake → DISPATCH_GRAPHQL_URL.
      ...Object.fromEntries(
        calledServices(SUBGRAPHS.find((s) => s.name === name)!).map((t) => [graphqlUrlVar(t), `http://127.0.0.1:${ports[t as SubgraphName]}/graphql`]),
      ),
    });

    for (const s of SUBGRAPHS) await postgres.ensureDatabase(databaseName(s.name));
    progress(`starting subgraphs: ${SUBGRAPHS.map((s) => `${s.name} :${ports[s.name]}`).join(', ')}`);
    const started = await Promise.all(
      SUBGRAPHS.map((s) =>
        superviseService({
          policy: opts.restartPolicy ?? DEFAULT_POLICY,
          say: progress,
          rootDir: opts.rootDir,
          name: s.name,
          port: ports[s.name],
          env: serviceEnv(s.name),
          onLine: opts.onLine,
          logFile: path.join(logsDir, `${s.name}.log`),
        }).then((p) => {
          stopped.push(() => p.stop());
          return p;
        }),
      ),
    );
    const subgraphs = Object.fromEntries(started.map((p) => [p.name, p])) as Record<SubgraphName, SupervisedProcess>;

    // Nothing else needs the gateway's port in advance: chosen only now, after the subgraphs are up
    // (not 10 s before), and chosen again if it was taken before the gateway bound it.
    const startGateway = (gatewayPort: number) => {
      progress(`starting gateway on 127.0.0.1:${gatewayPort}`);
      return superviseService({
        policy: opts.restartPolicy ?? DEFAULT_POLICY,
        say: progress,
        rootDir: opts.rootDir,
        name: 'gateway',
        port: gatewayPort,
        env: {
          ...common,
          ...Object.fromEntries(SUBGRAPHS.filter((s) => s.subgraph).map((s) => [subgraphUrlVar(s.name), `${subgraphs[s.name].url}/graphql`])),
          WEB_DIST_DIR: path.join(opts.rootDir, 'apps', 'web', 'dist'),
        },
        onLine: opts.onLine,
        logFile: path.join(logsDir, 'gateway.log'),
      });
    };
    const gateway = await onFreePort(() => pick('GATEWAY_PORT', 4000), startGateway, opts.ports === 'free' ? 3 : 1, progress);
    stopped.push(() => gateway.stop());
    return {
      gatewayUrl: gateway.url,
      natsUrl: nats.url,
      postgres,
      subgraphs,
      gateway,
      serviceEnv,
      stop: stopAll,
    };
  } catch (e) {
    await stopAll();
    throw e;
  }
}
