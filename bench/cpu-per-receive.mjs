// CPU time per received case, per process: N receives through the gateway at C connections,
// then a wait until dispatch's projection has them all and 3 s more; utime+stime deltas from
// /proc of every service, the gateway, PostgreSQL (postmaster and backends) and nats-server. CPU
// consumed, not wall time: much less sensitive than throughput to other work on a shared machine.
//   node bench/cpu-per-receive.mjs [rootDir (default: this checkout)] [N = 400] [C = 8]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
const root = process.argv[2] || path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const N = Number(process.argv[3] ?? 400);
const C = Number(process.argv[4] ?? 8);
const require = createRequire(path.join(root, 'bench/load.mjs'));
const { startStack, databaseName } = require('@hotline/local');
const { loginAs } = require('@hotline/testing');
const pg = require('pg');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-cpu-'));
const stack = await startStack({
  rootDir: root,
  dataDir,
  persistent: true,
  seedDemo: true,
  ports: 'free',
  installNats: false,
  progress: () => {},
  env: { LOG_LEVEL: 'warn' },
});
const tck = Number(execSync('getconf CLK_TCK').toString());
const procs = () => {
  const out = {};
  for (const line of execSync('ps -eo pid=,ppid=,args=').toString().split('\n')) {
    const m = line.trim().match(/^(\d+)\s+(\d+)\s+(.*)$/);
    if (!m) continue;
    const [, pid, , args] = m;
    const svc = args.match(new RegExp(`${root}/apps/([a-z]+)/dist/main\\.js`));
    if (svc) out[pid] = svc[1];
    else if (args.includes(dataDir) && /postgres|postmaster/.test(args)) out[pid] = 'postgres';
    else if (args.includes(dataDir) && /nats/.test(args)) out[pid] = 'nats';
  }
  // postgres backends: children of the postmaster
  const pm = Object.entries(out).find(([, n]) => n === 'postgres')?.[0];
  if (pm) for (const line of execSync(`ps -o pid= --ppid ${pm}`).toString().split('\n')) if (line.trim()) out[line.trim()] = 'postgres';
  return out;
};
const cpu = (pid) => {
  try {
    const f = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(f[11]) + Number(f[12])) / tck;
  } catch {
    return null;
  }
};
const snap = () => {
  const p = procs();
  const s = {};
  for (const [pid, n] of Object.entries(p)) s[pid] = { n, t: cpu(pid) };
  return s;
};
try {
  const { token } = await loginAs(stack.gatewayUrl, 'duty');
  let k = 0;
  const tag = Date.now().toString(36);
  const recv = async () => {
    const n = ++k;
    const r = await fetch(`${stack.gatewayUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: 'mutation($i: ReceiveCaseInput!) { receiveCase(input: $i) { id } }',
        variables: {
          i: {
            externalNo: `CPU-${tag}-${n}`,
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
      }),
    });
    const j = await r.json();
    if (j.errors) throw new Error(JSON.stringify(j.errors));
  };
  const drive = async (n) => {
    let left = n;
    await Promise.all(
      Array.from({ length: C }, async () => {
        while (left-- > 0) await recv();
      }),
    );
  };
  await drive(60); // warm-up
  const db = new pg.Client({ connectionString: stack.postgres.url(databaseName('dispatch')) });
  await db.connect();
  const count = async () => Number((await db.query('select count(*) from dispatch_case')).rows[0].count);
  const settle = async (target) => {
    while ((await count()) < target) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 3000));
  };
  await settle(await count());
  const base = await count();
  const a = snap();
  const t0 = Date.now();
  await drive(N);
  const t1 = Date.now();
  await settle(base + N);
  const b = snap();
  const per = {};
  for (const [pid, { n, t }] of Object.entries(b)) {
    if (t == null) continue;
    per[n] = (per[n] ?? 0) + t - (a[pid]?.t ?? 0);
  }
  const total = Object.values(per).reduce((x, y) => x + y, 0);
  console.log(
    JSON.stringify({
      root,
      N,
      C,
      receiveSeconds: (t1 - t0) / 1000,
      loadavg: os.loadavg(),
      msPerReceive: Object.fromEntries(Object.entries(per).map(([k, v]) => [k, Math.round((v * 1000 * 10) / N) / 10])),
      totalMsPerReceive: Math.round((total * 1000 * 10) / N) / 10,
    }),
  );
  await db.end();
} finally {
  await stack.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
