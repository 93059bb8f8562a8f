import { ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** The subgraphs, in the order their default ports follow. The gateway comes last. */
export const SUBGRAPHS = [
  { name: 'identity', port: 4101 },
  { name: 'intake', port: 4102 },
  { name: 'dispatch', port: 4103 },
  { name: 'supervision', port: 4104 },
] as const;
export type SubgraphName = (typeof SUBGRAPHS)[number]['name'];

export const databaseName = (service: string) => `hotline_${service}`;

export interface ServiceProcess {
  name: string;
  port: number;
  url: string;
  /** The last lines the process wrote, for error messages. */
  tail(): string;
  stop(): Promise<void>;
  exited: Promise<number | null>;
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
  const child: ChildProcess = spawn(process.execPath, ['--enable-source-maps', entry], {
    cwd: path.join(opts.rootDir, 'apps', opts.name),
    env: { ...process.env, ...opts.env, PORT: String(opts.port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
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
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => { log?.end(); resolve(code); }));
  let hasExited = false;
  void exited.then(() => { hasExited = true; });

  const url = `http://127.0.0.1:${opts.port}`;
  const until = Date.now() + (opts.readyTimeoutMs ?? 30_000);
  for (;;) {
    if (hasExited) throw new Error(`${opts.name} exited during start:\n${lines.join('\n')}`);
    try {
      const res = await fetch(`${url}/readyz`);
      if (res.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`${opts.name} was not ready within ${opts.readyTimeoutMs ?? 30_000} ms:\n${lines.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    name: opts.name,
    port: opts.port,
    url,
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
