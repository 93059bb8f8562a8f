import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findNatsServer, freePort, startNats, startPostgres, startStack, Stack } from '@hotline/local';

/** A throw-away folder for one test run's Postgres data, NATS store and logs. */
export function tempDataDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `hotline-${prefix}-`));
  fs.chmodSync(dir, 0o755); // the postgres user must be able to enter it when we run as root
  return dir;
}

export interface Infra {
  databaseUrl(name: string): string;
  ensureDatabase(name: string): Promise<void>;
  natsUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Real PostgreSQL + real nats-server on free ports, for tests that need no services. */
export async function startInfra(prefix = 'infra', opts: { durable?: boolean } = {}): Promise<Infra> {
  const dataDir = tempDataDir(prefix);
  const bin = findNatsServer({ install: true, log: (m) => console.log(m) });
  const pg = await startPostgres({ dataDir, port: await freePort(), persistent: false, durable: opts.durable });
  const nats = await startNats({ bin, port: await freePort(), storeDir: path.join(dataDir, 'nats') }).catch(async (e) => {
    await pg.stop();
    throw e;
  });
  return {
    databaseUrl: pg.url,
    ensureDatabase: pg.ensureDatabase,
    natsUrl: nats.url,
    dataDir,
    stop: async () => {
      await nats.stop();
      await pg.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The whole system, as `npm start` runs it, on free ports with the demo seed. */
export async function startTestStack(rootDir: string): Promise<Stack & { dataDir: string }> {
  const dataDir = tempDataDir('stack');
  const stack = await startStack({
    rootDir,
    dataDir,
    persistent: false,
    seedDemo: true,
    ports: 'free',
    env: { NODE_ENV: 'test', LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' },
  }).catch((e) => {
    console.error(`[stack] could not start; logs kept in ${path.join(dataDir, 'logs')}`);
    throw e;
  });
  return {
    ...stack,
    dataDir,
    // Throw the data away after the run; HOTLINE_KEEP_TEST_DATA=1 keeps it (and the services' logs) for a look.
    stop: async () => {
      await stack.stop();
      // The logs go with the data; what the services warned about stays in the test output.
      const digest = logDigest(path.join(dataDir, 'logs'));
      if (digest.length) console.log(['[stack] what the services logged at warn or above, by message:', ...digest].join('\n'));
      if (process.env.HOTLINE_KEEP_TEST_DATA !== '1') fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The warnings and errors in the services' JSON logs, counted by service and message, with the
 * first error message of each (a retried event's reason, say). A CI run prints only the end of
 * its output and keeps no files: this is what is left to read when a test failed on an event that
 * never arrived. Only each entry's message and its error's message are shown, not its fields.
 */
export function logDigest(logsDir: string): string[] {
  const counts = new Map<string, { n: number; example?: string }>();
  if (!fs.existsSync(logsDir)) return [];
  const files = fs.readdirSync(logsDir).filter((f) => f.endsWith('.log'));
  for (const file of files.sort()) {
    for (const line of fs.readFileSync(path.join(logsDir, file), 'utf8').split('\n')) {
      if (!line.startsWith('{')) continue; // PostgreSQL's and NATS's own lines are not JSON
      let entry: { level?: number; service?: string; msg?: string; err?: { message?: string } };
      try {
        entry = JSON.parse(line);
      } catch {
        continue;
      }
      if (typeof entry.level !== 'number' || entry.level < 40) continue;
      const key = `${entry.service ?? file.replace(/\.log$/, '')} ${entry.level >= 50 ? 'error' : 'warn'}: ${entry.msg ?? '(no message)'}`;
      const seen = counts.get(key) ?? { n: 0 };
      seen.n++;
      seen.example ??= entry.err?.message?.slice(0, 160);
      counts.set(key, seen);
    }
  }
  return [...counts].map(([key, { n, example }]) => `  ${String(n).padStart(5)} × ${key}${example ? ` (${example})` : ''}`);
}
