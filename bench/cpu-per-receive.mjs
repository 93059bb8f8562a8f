// CPU time per received case, per process: N receives through the gateway at C connections,
// then a wait until dispatch's projection has them all and 3 s more; utime+stime deltas from
// /proc of every service, the gateway, PostgreSQL (postmaster and backends) and nats-server. CPU
// consumed, not wall time: much less sensitive than throughput to other work on a shared machine.
//   node bench/cpu-per-receive.mjs [rootDir (default: this checkout)] [N = 400] [C = 8] [--statements]
// With --statements, after the CPU measure: PostgreSQL's log_statement = all for 50 more receives
// (and the consumers' work they cause), then the statements per received case by database
// (STATEMENTS_LOG=file keeps those log lines).
// With --work queue: instead of receives, the 待分转 page of 50 the load benchmark reads (60 cases
// received and signed first), N pages through the gateway and then N from dispatch directly: the
// CPU per page of each, by process, and `cpuRatio` = direct ÷ gateway (the CPU counterpart of
// ratios.queue_gateway_vs_direct: on a CPU-bound machine the throughputs relate as the inverse).
// With --work queue-parts: the same page taken apart, each part asked N times on its own and the
// parts interleaved over 3 rounds (median by process): the page through the gateway, dispatch's
// part directly, intake's and supervision's `_entities` for the page's 50 cases as the gateway
// asks them, the same two with only `id` asked (what resolving the 50 references costs), and a bare
// `{ __typename }` of intake (what any subgraph request costs).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { caseInputs, cpuMeter, QUEUE_PAGE, QUEUE_PAGE_DIRECT, RECEIVE, signedCases, startBenchStack } from './bench-stack.mjs';
import { median } from './stats.mjs';
const statements = process.argv.includes('--statements');
const workAt = process.argv.indexOf('--work');
const work = workAt > 0 ? process.argv[workAt + 1] : 'receive';
if (!['receive', 'queue', 'queue-parts'].includes(work)) throw new Error(`--work receive|queue|queue-parts, not ${work}`);
process.argv = process.argv.filter((a, i) => a !== '--statements' && (workAt < 0 || (i !== workAt && i !== workAt + 1)));
const root = path.resolve(process.argv[2] || path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
const N = Number(process.argv[3] ?? 400);
const C = Number(process.argv[4] ?? 8);
const require = createRequire(path.join(root, 'bench/load.mjs'));
const { databaseName } = require('@hotline/local');
const { loginAs } = require('@hotline/testing');
const pg = require('pg');
const { stack, dataDir } = await startBenchStack(root, 'cpu');
const { snap, spent } = cpuMeter(root, dataDir);
const msEach = (per, n) => Object.fromEntries(Object.entries(per).map(([k, v]) => [k, Math.round((v * 1000 * 10) / n) / 10]));
const sum = (per) => Object.values(per).reduce((x, y) => x + y, 0);
const msTotal = (per, n) => Math.round((sum(per) * 1000 * 10) / n) / 10;

/** One GraphQL POST with the token; its data, or an Error with what came back. */
async function post(url, token, body) {
  const r = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
  const j = await r.json();
  if (j.errors || !j.data) throw new Error(JSON.stringify(j.errors ?? j).slice(0, 500));
  return j.data;
}

/** `call` n times in all, from C connections at once. */
async function drive(n, call) {
  let left = n;
  await Promise.all(
    Array.from({ length: C }, async () => {
      while (left-- > 0) await call();
    }),
  );
}

/** N pages through the gateway, then N from dispatch directly, each from C connections. */
async function queuePages(token) {
  await signedCases(stack, token, 60);
  const page = (url, query) => async () => {
    if (!(await post(url, token, { query })).dispatchQueue?.length) throw new Error('the queue page came back empty');
  };
  const gateway = page(`${stack.gatewayUrl}/graphql`, QUEUE_PAGE);
  const direct = page(`${stack.subgraphs.dispatch.url}/graphql`, QUEUE_PAGE_DIRECT);
  await drive(40, gateway); // warm-up
  await drive(40, direct);
  await new Promise((r) => setTimeout(r, 2000));
  const a = snap();
  const t0 = Date.now();
  await drive(N, gateway);
  const t1 = Date.now();
  const b = snap();
  await drive(N, direct);
  const t2 = Date.now();
  const c = snap();
  const viaGateway = spent(a, b);
  const directly = spent(b, c);
  console.log(
    JSON.stringify({
      root,
      work,
      N,
      C,
      loadavg: os.loadavg(),
      gateway: { seconds: (t1 - t0) / 1000, msPerPage: msEach(viaGateway, N), totalMsPerPage: msTotal(viaGateway, N) },
      direct: { seconds: (t2 - t1) / 1000, msPerPage: msEach(directly, N), totalMsPerPage: msTotal(directly, N) },
      cpuRatio: Math.round((sum(directly) / sum(viaGateway)) * 1000) / 1000,
    }),
  );
}

/** The queue page's parts, each N times from C connections, interleaved over `rounds`; the median CPU per request by process. */
async function queueParts(token, rounds = 3) {
  await signedCases(stack, token, 60);
  const sub = (name) => `${stack.subgraphs[name].url}/graphql`;
  const page = (await post(sub('dispatch'), token, { query: QUEUE_PAGE_DIRECT })).dispatchQueue;
  // What the gateway sends each subgraph for the page (its query plan: the `_entities` fetches).
  const representations = page.map((c) => ({ __typename: 'Case', id: c.id }));
  const entities = (fields) => ({
    query: `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Case { ${fields} } } }`,
    variables: { representations },
  });
  const parts = {
    gateway: () => post(`${stack.gatewayUrl}/graphql`, token, { query: QUEUE_PAGE }),
    dispatchDirect: () => post(sub('dispatch'), token, { query: QUEUE_PAGE_DIRECT }),
    intakeEntities: () => post(sub('intake'), token, entities('externalNo title topic urgency stage receivedAt')),
    supervisionEntities: () => post(sub('supervision'), token, entities('clocks { kind state }')),
    // The same references with no field of their own: what resolving 50 references costs.
    intakeReferences: () => post(sub('intake'), token, entities('id')),
    supervisionReferences: () => post(sub('supervision'), token, entities('id')),
    bareRequest: () => post(sub('intake'), token, { query: '{ __typename }' }),
  };
  for (const call of Object.values(parts)) await drive(40, call); // warm-up
  const runs = Object.fromEntries(Object.keys(parts).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++)
    for (const [name, call] of Object.entries(parts)) {
      await new Promise((res) => setTimeout(res, 1000));
      const a = snap();
      await drive(N, call);
      runs[name].push(spent(a, snap()));
    }
  const result = {};
  for (const [name, xs] of Object.entries(runs)) {
    const procs = [...new Set(xs.flatMap((x) => Object.keys(x)))];
    const byProcess = Object.fromEntries(procs.map((p) => [p, Math.round((median(xs.map((x) => x[p] ?? 0)) * 10000) / N) / 10]));
    result[name] = {
      totalMs: Math.round((median(xs.map(sum)) * 10000) / N) / 10,
      totalMsRuns: xs.map((x) => Math.round((sum(x) * 10000) / N) / 10),
      msByProcess: Object.fromEntries(Object.entries(byProcess).filter(([, v]) => v >= 0.2)),
    };
  }
  console.log(JSON.stringify({ root, work, N, C, rounds, loadavg: os.loadavg(), msPerRequest: result }));
}

/** N receives through the gateway (after 60 for warm-up) and the consumers' work they cause. */
async function receives(token) {
  const input = caseInputs('CPU');
  const recv = () => post(`${stack.gatewayUrl}/graphql`, token, { query: RECEIVE, variables: { i: input() } });
  await drive(60, recv); // warm-up
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
  await drive(N, recv);
  const t1 = Date.now();
  await settle(base + N);
  const b = snap();
  const per = spent(a, b);
  let statementsPerReceive;
  if (statements) {
    // Every statement logged with its database, for S receives and the consumers' work after them.
    const S = 50;
    const admin = new pg.Client({ connectionString: stack.postgres.url('postgres') });
    await admin.connect();
    const logFile = path.join(dataDir, 'logs', 'postgres.log');
    await admin.query(`alter system set log_line_prefix = '@@%d@@ '`);
    await admin.query(`alter system set log_statement = 'all'`);
    await admin.query('select pg_reload_conf()');
    await new Promise((r) => setTimeout(r, 500));
    const from = fs.statSync(logFile).size;
    const before = await count();
    await drive(S, recv);
    await settle(before + S);
    const to = fs.statSync(logFile).size;
    await admin.query('alter system reset log_statement');
    await admin.query('alter system reset log_line_prefix');
    await admin.query('select pg_reload_conf()');
    await admin.end();
    const text = Buffer.alloc(to - from);
    const fd = fs.openSync(logFile, 'r');
    fs.readSync(fd, text, 0, to - from, from);
    fs.closeSync(fd);
    if (process.env.STATEMENTS_LOG) fs.writeFileSync(process.env.STATEMENTS_LOG, text);
    const byDb = {};
    for (const m of text.toString().matchAll(/@@([a-z_]+)@@ LOG:\s+statement:/g)) byDb[m[1]] = (byDb[m[1]] ?? 0) + 1;
    statementsPerReceive = Object.fromEntries(Object.entries(byDb).map(([k, v]) => [k, Math.round((v * 10) / S) / 10]));
  }
  console.log(
    JSON.stringify({
      root,
      N,
      C,
      receiveSeconds: (t1 - t0) / 1000,
      loadavg: os.loadavg(),
      msPerReceive: msEach(per, N),
      totalMsPerReceive: msTotal(per, N),
      ...(statementsPerReceive ? { statementsPerReceive } : {}),
    }),
  );
  await db.end();
}

try {
  const { token } = await loginAs(stack.gatewayUrl, 'duty');
  if (work === 'queue') await queuePages(token);
  else if (work === 'queue-parts') await queueParts(token);
  else await receives(token);
} finally {
  await stack.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
