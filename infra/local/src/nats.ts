import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import { waitForPort } from './ports';

const CANDIDATES = ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'];

/** Finds Debian's nats-server (or NATS_SERVER_BIN); installs it with apt when root and allowed. */
export function findNatsServer(opts: { install: boolean; log: (m: string) => void }): string {
  const fromEnv = process.env.NATS_SERVER_BIN;
  if (fromEnv) {
    if (!fs.existsSync(fromEnv)) throw new Error(`NATS_SERVER_BIN=${fromEnv} does not exist`);
    return fromEnv;
  }
  const found = () => CANDIDATES.find((c) => fs.existsSync(c));
  let bin = found();
  if (bin) return bin;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (opts.install && isRoot) {
    opts.log('nats-server is missing: installing Debian package nats-server (apt-get update && apt-get install -y nats-server) ...');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'nats-server'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    bin = found();
    if (bin) return bin;
  }
  throw new Error(
    'nats-server was not found. Install it with: sudo apt-get update && sudo apt-get install -y nats-server ' +
      '(or set NATS_SERVER_BIN to the nats-server binary, version 2.9 or newer).',
  );
}

export interface NatsHandle {
  url: string;
  port: number;
  stop(): Promise<void>;
}

/** Starts a real nats-server with JetStream on loopback, its store in `storeDir`. */
export async function startNats(opts: { bin: string; port: number; storeDir: string; log?: (m: string) => void }): Promise<NatsHandle> {
  fs.mkdirSync(opts.storeDir, { recursive: true });
  const child: ChildProcess = spawn(opts.bin, ['-js', '-a', '127.0.0.1', '-p', String(opts.port), '-sd', opts.storeDir], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let exited = false;
  child.on('exit', () => {
    exited = true;
  });
  const onData = (b: Buffer) => opts.log?.(b.toString());
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  try {
    await waitForPort(opts.port, 10_000);
  } catch (e) {
    child.kill('SIGKILL');
    throw new Error(`nats-server did not start on port ${opts.port}: ${(e as Error).message}`, { cause: e });
  }
  return {
    url: `nats://127.0.0.1:${opts.port}`,
    port: opts.port,
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
      }),
  };
}
