import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startTestStack } from '@hotline/testing';

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
  }
}

/** One real system for the whole suite: Postgres, nats-server, every subgraph and the gateway. */
export default async function setup(project: TestProject) {
  const t0 = Date.now();
  const stack = await startTestStack(path.resolve(__dirname, '..', '..', '..'));
  console.log(`[stack] up in ${Date.now() - t0} ms at ${stack.gatewayUrl} (data ${stack.dataDir})`);
  project.provide('gatewayUrl', stack.gatewayUrl);
  project.provide('natsUrl', stack.natsUrl);
  project.provide('subgraphUrls', Object.fromEntries(Object.values(stack.subgraphs).map((s) => [s.name, s.url])));
  project.provide('intakeClientSecret', stack.serviceEnv('intake').SERVICE_CLIENT_SECRET);
  project.provide('dispatchClientSecret', stack.serviceEnv('dispatch').SERVICE_CLIENT_SECRET);
  project.provide('keyFile', path.join(stack.dataDir, 'keys', 'identity-es256.pem'));
  return async () => {
    await stack.stop();
  };
}
