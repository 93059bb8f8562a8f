// A CPU profile of the receive path under load: the whole system started as load.mjs does, every
// service and the gateway with --cpu-prof, `--seconds` (default 20) of receiveCase through the
// gateway from `--connections` (default 8), then a few idle seconds for the consumers to drain,
// then a stop (the profiles are written on exit). Prints the window to cut the profiles to.
// With `--work queue`: instead of receives, the 待分转 page the load benchmark reads through the
// gateway (dispatch + intake + supervision), after 60 cases were received and signed.
//   node bench/profile.mjs --out /tmp/prof [--seconds 20] [--connections 8] [--work receive|queue]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { caseInputs, QUEUE_PAGE, RECEIVE, signedCases, startBenchStack } from './bench-stack.mjs';

const require = createRequire(import.meta.url);
const { loginAs } = require('@hotline/testing');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : dflt;
};
const out = path.resolve(arg('out', path.join(os.tmpdir(), 'hotline-prof')));
const seconds = Number(arg('seconds', 20));
const connections = Number(arg('connections', 8));
fs.mkdirSync(out, { recursive: true });
const { stack, dataDir } = await startBenchStack(root, 'prof', {
  progress: (m) => console.log(`[prof] ${m}`),
  env: { SERVICE_NODE_ARGS: `--cpu-prof --cpu-prof-dir=${out}` },
});
const work = arg('work', 'receive');
const input = caseInputs('PROF');
const receiveBody = () => JSON.stringify({ query: RECEIVE, variables: { i: input() } });
const body = work === 'queue' ? () => JSON.stringify({ query: QUEUE_PAGE }) : receiveBody;
try {
  const { token } = await loginAs(stack.gatewayUrl, 'duty');
  if (work === 'queue') await signedCases(stack, token, 60);
  const run = (duration) =>
    autocannon({
      url: `${stack.gatewayUrl}/graphql`,
      connections,
      duration,
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      requests: [{ method: 'POST', setupRequest: (req) => ({ ...req, body: body() }) }],
    });
  await run(3); // warm-up
  await new Promise((r) => setTimeout(r, 3000));
  const us = () => Number(process.hrtime.bigint() / 1000n); // CLOCK_MONOTONIC, as V8's profile timestamps
  const t0 = us();
  const r = await run(seconds);
  await new Promise((r) => setTimeout(r, 5000));
  const t1 = us();
  console.log(
    `[prof] ${r.requests.total} ${work === 'queue' ? 'queue pages' : 'receives'} in ${seconds} s (${r['2xx']} 2xx), p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms`,
  );
  // The load and the 5 s drain after it, in the profiles' clock (microseconds): cut them to this.
  fs.writeFileSync(path.join(out, 'window.json'), JSON.stringify({ startUs: t0, endUs: t1, receives: r['2xx'], seconds }));
} finally {
  await stack.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
