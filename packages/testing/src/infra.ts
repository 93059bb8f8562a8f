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
      if (process.env.HOTLINE_KEEP_TEST_DATA !== '1') fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
