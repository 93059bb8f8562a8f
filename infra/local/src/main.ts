/**
 * `npm start`: the whole system on this machine with embedded PostgreSQL, nats-server and demo
 * data. Data is kept in .local/ between runs; Ctrl-C stops everything cleanly. A service that
 * crashes is restarted with backoff; only repeated crashes within a minute stop the whole run.
 */
import path from 'node:path';
import { playDemoStoryOnce } from './demo-story';
import { startStack } from './stack';

const DEMO_DEPARTMENTS = ['property', 'housing', 'sales', 'construction', 'planning', 'quality', 'municipal', 'office'];

async function main() {
  const rootDir = path.resolve(__dirname, '..', '..', '..');
  const dataDir = process.env.HOTLINE_DATA_DIR ?? path.join(rootDir, '.local');
  const seedDemo = (process.env.SEED_DEMO ?? 'true') !== 'false';
  const t0 = Date.now();
  const say = (m: string) => console.log(`[local] ${m}`);
  const stack = await startStack({
    rootDir,
    dataDir,
    persistent: true,
    seedDemo,
    ports: 'default',
    progress: say,
    onLine: process.env.LOG_LEVEL === 'silent' ? undefined : (name, line) => console.log(`[${name}] ${line}`),
  });
  const secs = ((Date.now() - t0) / 1000).toFixed(1);
  console.log(`
接诉即办 is running (started in ${secs} s)

  Web app        ${stack.gatewayUrl}/
  GraphQL        ${stack.gatewayUrl}/graphql
  Health         ${stack.gatewayUrl}/healthz
  NATS           ${stack.natsUrl}   (stream HOTLINE, subjects hotline.>)
  Subgraphs      ${Object.values(stack.subgraphs)
    .map((s) => `${s.name} ${s.url}`)
    .join(', ')}
  Data           ${dataDir}  (logs in ${path.join(dataDir, 'logs')})
${
  seedDemo
    ? `
  Demo logins (password demo12345 — demo data only):
    admin, duty, supervisor, callback, leader,
    ${DEMO_DEPARTMENTS.map((d) => `handler-${d}`).join(', ')}
`
    : ''
}
Press Ctrl-C to stop.`);

  // The demo's back half (签收 → 办结 → 回访, demo-story.ts), played once on a fresh demo.
  if (seedDemo && process.env.SEED_DEMO_STORY !== 'false') {
    playDemoStoryOnce(`${stack.gatewayUrl}/graphql`, say).then(
      (r) =>
        say(
          r === 'played'
            ? "demo story played: the queues, a case in 二次督办 and the month's 三率 have figures"
            : 'demo story: the demo cases were already worked; left as they are',
        ),
      (e: unknown) => say(`demo story not finished (the system runs; the demo has fewer figures): ${e instanceof Error ? e.message : String(e)}`),
    );
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => {
      say('could not stop cleanly within 60 s; exiting');
      process.exit(1);
    }, 60_000).unref();
    say(`${signal}: stopping gateway, services, NATS and PostgreSQL ...`);
    await stack.stop();
    say('stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  for (const s of [...Object.values(stack.subgraphs), stack.gateway]) {
    void s.exited.then((code) => {
      if (!stopping) {
        // The supervisor restarts a crashed service; it gives up only after repeated crashes.
        say(`${s.name} keeps crashing (last exit code ${code}); stopping everything.`);
        void stop('failure');
      }
    });
  }
}

main().catch((e) => {
  console.error(`[local] could not start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
