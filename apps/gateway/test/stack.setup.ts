import http from 'node:http';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort, startService, startTestStack } from '@hotline/testing';

declare module 'vitest' {
  export interface ProvidedContext {
    gatewayUrl: string;
    natsUrl: string;
    subgraphUrls: Record<string, string>;
    keyFile: string;
    /** intake's client secret at identity (服务凭据), fresh per run. */
    intakeClientSecret: string;
    /** dispatch's client secret at identity (reads case texts from intake), fresh per run. */
    dispatchClientSecret: string;
    /** callback's client secret at identity (asks whether a user is an active 回访员), fresh per run. */
    callbackClientSecret: string;
    /** callback's environment, to start a replica of it that cannot reach identity. */
    callbackEnv: Record<string, string>;
    /** supervision's environment, to start more replicas of it against the same database. */
    supervisionEnv: Record<string, string>;
    rootDir: string;
    /** POST /supervision/stop and /supervision/start: restarts the stack's own supervision (a restart test). */
    controlUrl: string;
  }
}

/** One real system for the whole suite: Postgres, nats-server, every subgraph and the gateway. */
export default async function setup(project: TestProject) {
  const t0 = Date.now();
  const rootDir = path.resolve(__dirname, '..', '..', '..');
  const stack = await startTestStack(rootDir);
  console.log(`[stack] up in ${Date.now() - t0} ms at ${stack.gatewayUrl} (data ${stack.dataDir})`);
  project.provide('gatewayUrl', stack.gatewayUrl);
  project.provide('natsUrl', stack.natsUrl);
  project.provide('subgraphUrls', Object.fromEntries(Object.values(stack.subgraphs).map((s) => [s.name, s.url])));
  project.provide('intakeClientSecret', stack.serviceEnv('intake').SERVICE_CLIENT_SECRET);
  project.provide('dispatchClientSecret', stack.serviceEnv('dispatch').SERVICE_CLIENT_SECRET);
  project.provide('callbackClientSecret', stack.serviceEnv('callback').SERVICE_CLIENT_SECRET);
  project.provide('keyFile', path.join(stack.dataDir, 'keys', 'identity-es256.pem'));
  project.provide('supervisionEnv', stack.serviceEnv('supervision'));
  project.provide('callbackEnv', stack.serviceEnv('callback'));
  project.provide('rootDir', rootDir);

  // The stack's supervision can be stopped and started again on its port (the gateway keeps its URL).
  // Supervised at first (restarted after a crash); once stopped and started here, a plain process.
  let supervision: Awaited<ReturnType<typeof startService>> = stack.subgraphs.supervision;
  const control = http.createServer((req, res) => {
    const done = (p: Promise<unknown>) =>
      p.then(
        () => res.end('ok'),
        (e) => {
          res.statusCode = 500;
          res.end(String(e));
        },
      );
    if (req.method === 'POST' && req.url === '/supervision/stop') return done(supervision.stop());
    if (req.method === 'POST' && req.url === '/supervision/start') {
      return done(
        startService({
          rootDir,
          name: 'supervision',
          port: supervision.port,
          env: stack.serviceEnv('supervision'),
          logFile: path.join(stack.dataDir, 'logs', 'supervision.log'),
        }).then((p) => {
          supervision = p;
        }),
      );
    }
    res.statusCode = 404;
    res.end();
  });
  const controlPort = await freePort();
  await new Promise<void>((r) => control.listen(controlPort, '127.0.0.1', r));
  project.provide('controlUrl', `http://127.0.0.1:${controlPort}`);
  return async () => {
    control.close();
    await supervision.stop();
    await stack.stop();
  };
}
