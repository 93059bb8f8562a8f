// A CPU profile of the receive path under load: the whole system started as load.mjs does, every
// service and the gateway with --cpu-prof, `--seconds` (default 20) of receiveCase through the
// gateway from `--connections` (default 8), then a few idle seconds for the consumers to drain,
// then a stop (the profiles are written on exit). Prints the window to cut the profiles to.
//   node bench/profile.mjs --out /tmp/prof [--seconds 20] [--connections 8]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const require = createRequire(import.meta.url);
const { startStack } = require('@hotline/local');
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
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-prof-'));
const stack = await startStack({
  rootDir: root,
  dataDir,
  persistent: true,
  seedDemo: true,
  ports: 'free',
  installNats: false,
  progress: (m) => console.log(`[prof] ${m}`),
  env: { LOG_LEVEL: 'warn', SERVICE_NODE_ARGS: `--cpu-prof --cpu-prof-dir=${out}` },
});
let n = 0;
const tag = Date.now().toString(36);
const body = () => {
  n++;
  return JSON.stringify({
    query: 'mutation($i: ReceiveCaseInput!) { receiveCase(input: $i) { id } }',
    variables: {
      i: {
        externalNo: `PROF-${tag}-${n}`,
        channel: 'district',
        citizenName: '王先生',
        citizenPhone: `15${String(n).padStart(9, '0')}`,
        address: `北京市经济技术开发区科创街${n}号`,
        projectName: `科创小区${n % 9973}`,
        topic: ['物业', '施工', '供暖', '噪音'][n % 4],
        street: '荣华街道',
        title: `反映小区问题${n % 97}`,
        content: `市民反映小区内${['电梯故障', '夜间施工噪音', '供暖不热', '垃圾清运不及时'][n % 4]}，已持续数日，希望有关部门尽快处理。`,
        requestType: 'complaint',
      },
    },
  });
};
try {
  const { token } = await loginAs(stack.gatewayUrl, 'duty');
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
  console.log(`[prof] ${r.requests.total} receives in ${seconds} s (${r['2xx']} 2xx), p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms`);
  // The load and the 5 s drain after it, in the profiles' clock (microseconds): cut them to this.
  fs.writeFileSync(path.join(out, 'window.json'), JSON.stringify({ startUs: t0, endUs: t1, receives: r['2xx'], seconds }));
} finally {
  await stack.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
