import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { LIVE_SERVICES, LiveServiceName, serviceNamed } from '@hotline/contracts';

/** The live services of the registry (packages/contracts services.ts), in port order. The gateway comes last. */
export const SUBGRAPHS = LIVE_SERVICES;
export type SubgraphName = LiveServiceName;

export const databaseName = (service: string) => serviceNamed(service).database;

export interface ServiceProcess {
  name: string;
  port: number;
  url: string;
  /** The operating system's process id (of the current process, when supervised). */
  readonly pid: number | undefined;
  /** The last lines the process wrote, for error messages. */
  tail(): string;
  stop(): Promise<void>;
  exited: Promise<number | null>;
}

/** A service's V8 heap budget when none is set: the largest old space it may grow (MB). */
export const DEFAULT_HEAP_MB = 384;

/**
 * The memory budget of a service: `--max-old-space-size` from `<NAME>_HEAP_MB` (e.g.
 * INTAKE_HEAP_MB), else `SERVICE_HEAP_MB`, else DEFAULT_HEAP_MB; `0` leaves it to Node. Node
 * otherwise lets each heap grow towards a quarter of the machine's memory before collecting hard,
 * and seven services on one machine add up (docs/performance.md).
 */
export function heapBudget(name: string, env: Record<string, string | undefined>): string[] {
  const raw = env[`${name.toUpperCase()}_HEAP_MB`] ?? env.SERVICE_HEAP_MB ?? String(DEFAULT_HEAP_MB);
  const mb = Number(raw);
  if (!Number.isInteger(mb) || mb < 0)
    throw new Error(`${name.toUpperCase()}_HEAP_MB / SERVICE_HEAP_MB must be a whole number of MB (0 = Node's default), got "${raw}"`);
  return mb ? [`--max-old-space-size=${mb}`] : [];
}

/**
 * Extra Node flags for every service and the gateway from `SERVICE_NODE_ARGS` (space-separated),
 * for flags NODE_OPTIONS refuses, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` (bench/profile.mjs).
 */
export function extraNodeArgs(env: Record<string, string | undefined>): string[] {
  return (env.SERVICE_NODE_ARGS ?? '').split(' ').filter(Boolean);
}

/** Starts `node apps/<name>/dist/main.js` and resolves once its /readyz answers 200. */
export async function startService(opts: {
  rootDir: string;
  name: string;
  port: number;
  env: Record<string, string>;
  onLine?: (name: string, line: string) => void;
  logFile?: string;
  readyTimeoutMs?: number;
}): Promise<ServiceProcess> {
  const entry = path.join(opts.rootDir, 'apps', opts.name, 'dist', 'main.js');
  if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: build first (pnpm turbo run build)`);
  const child: ChildProcess = spawn(
    process.execPath,
    ['--enable-source-maps', ...heapBudget(opts.name, { ...process.env, ...opts.env }), ...extraNodeArgs({ ...process.env, ...opts.env }), entry],
    {
      cwd: path.join(opts.rootDir, 'apps', opts.name),
      env: { ...process.env, ...opts.env, PORT: String(opts.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const lines: string[] = [];
  const log = opts.logFile ? fs.createWriteStream(opts.logFile, { flags: 'a' }) : undefined;
  const onChunk = (b: Buffer) => {
    log?.write(b);
    for (const line of b.toString().split('\n')) {
      if (!line.trim()) continue;
      lines.push(line);
      if (lines.length > 40) lines.shift();
      opts.onLine?.(opts.name, line);
    }
  };
  child.stdout?.on('data', onChunk);
  child.stderr?.on('data', onChunk);
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      log?.end();
      resolve(code);
    }),
  );
  let hasExited = false;
  void exited.then(() => {
    hasExited = true;
  });

  const url = `http://127.0.0.1:${opts.port}`;
  // Generous: a service that fails exits at once (reported above); only a slow start waits this long,
  // and on a busy 2-core machine intake once took more than 30 s to answer /readyz.
  const readyTimeoutMs = opts.readyTimeoutMs ?? 90_000;
  const until = Date.now() + readyTimeoutMs;
  for (;;) {
    if (hasExited) throw new Error(`${opts.name} exited during start:\n${lines.join('\n')}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`${opts.name} was not ready within ${readyTimeoutMs} ms:\n${lines.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    name: opts.name,
    port: opts.port,
    url,
    pid: child.pid,
    tail: () => lines.join('\n'),
    exited,
    stop: async () => {
      if (hasExited) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 8_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
