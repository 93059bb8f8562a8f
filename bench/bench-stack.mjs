// What the load benchmarks share: the whole system started for a run (infra/local, its own data
// folder, free ports, PostgreSQL with fsync on, the demo seed) and the work orders they receive.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { execSync } from 'node:child_process';

export const RECEIVE = 'mutation($i: ReceiveCaseInput!) { receiveCase(input: $i) { id } }';
/** The 待分转 page of 50 as the duty desk reads it: dispatch's queue, intake's fields, supervision's clocks. */
export const QUEUE_PAGE =
  '{ dispatchQueueSummary { count } dispatchQueue(limit: 50) { id externalNo title topic urgency stage receivedAt dispatchDueAt handling { state version returnCount } clocks { kind state } } }';
/** The same page's dispatch fields, asked of dispatch directly. */
export const QUEUE_PAGE_DIRECT = '{ dispatchQueueSummary { count } dispatchQueue(limit: 50) { id dispatchDueAt handling { state version returnCount } } }';
const WAVE = { projectName: '林肯公园', address: '北京市经济技术开发区荣京东街3号院5号楼', topic: '物业' };

/**
 * Work orders as the district platform pushes them, numbered `<prefix>-<run tag>-<n>`: a distinct
 * caller and address each, or (`wave`) one more of a housing project's wave at `WAVE`.
 */
export function caseInputs(prefix) {
  let seq = 0;
  const tag = Date.now().toString(36);
  return (wave = false) => {
    const n = ++seq;
    return {
      externalNo: `${prefix}-${tag}-${n}`,
      channel: 'district',
      citizenName: '王先生',
      citizenPhone: `15${String(n).padStart(9, '0')}`,
      ...(wave ? WAVE : { address: `北京市经济技术开发区科创街${n}号`, projectName: `科创小区${n % 9973}`, topic: ['物业', '施工', '供暖', '噪音'][n % 4] }),
      street: '荣华街道',
      title: wave ? '小区电梯停运' : `反映小区问题${n % 97}`,
      content: wave
        ? '林肯公园5号楼电梯停运三天，老人上下楼困难，请尽快督促物业维修。'
        : `市民反映小区内${['电梯故障', '夜间施工噪音', '供暖不热', '垃圾清运不及时'][n % 4]}，已持续数日，希望有关部门尽快处理。`,
      requestType: 'complaint',
    };
  };
}

/**
 * The system of the checkout at `root`, started in a new temporary folder `hotline-<name>-*`
 * (removed again when the start fails). The caller stops it and removes `dataDir`.
 */
export async function startBenchStack(root, name, { progress = () => {}, env = {} } = {}) {
  const { startStack } = createRequire(path.join(root, 'bench', 'load.mjs'))('@hotline/local');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `hotline-${name}-`));
  const stack = await startStack({
    rootDir: root,
    dataDir,
    persistent: true,
    seedDemo: true,
    ports: 'free',
    installNats: false,
    progress,
    env: { LOG_LEVEL: 'warn', ...env },
  }).catch((e) => {
    fs.rmSync(dataDir, { recursive: true, force: true });
    throw e;
  });
  return { stack, dataDir };
}

/**
 * `n` distinct work orders received and signed through the gateway, then waited for until
 * dispatch's projection has them all signed (what its 待分转 queue lists). Returns their ids.
 */
export async function signedCases(stack, token, n) {
  const require = createRequire(import.meta.url);
  const pg = require('pg');
  const { databaseName } = require('@hotline/local');
  const gql = `${stack.gatewayUrl}/graphql`;
  const call = (body) =>
    fetch(gql, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) }).then((x) =>
      x.json(),
    );
  const input = caseInputs('QUEUE');
  const ids = [];
  for (let k = 0; k < n; k++) ids.push((await call({ query: RECEIVE, variables: { i: input() } })).data.receiveCase.id);
  await call({ query: 'mutation($ids: [ID!]!) { signCases(ids: $ids) { id } }', variables: { ids } });
  const c = new pg.Client({ connectionString: stack.postgres.url(databaseName('dispatch')) });
  await c.connect();
  try {
    for (let waited = 0; waited < 30_000; waited += 200) {
      const { rows } = await c.query(`select count(*)::int as n from dispatch_case where id = any($1::uuid[]) and stage = 'signed'`, [ids]);
      if (rows[0].n === ids.length) break;
      await new Promise((res) => setTimeout(res, 200));
    }
  } finally {
    await c.end();
  }
  return ids;
}

/**
 * Waits until every durable consumer of the event stream has nothing left to deliver or to be
 * acknowledged, twice in a row half a second apart (a handled event may publish more): the work
 * an earlier phase of a benchmark left queued is done before the next phase measures. Returns the
 * milliseconds waited; throws after `timeoutMs`.
 */
export async function settled(stack, { timeoutMs = 180_000 } = {}) {
  const require = createRequire(import.meta.url);
  const { connect } = require('@nats-io/transport-node');
  const { jetstreamManager } = require('@nats-io/jetstream');
  const { STREAM } = require('@hotline/contracts');
  const nc = await connect({ servers: stack.natsUrl });
  const t0 = Date.now();
  try {
    const jsm = await jetstreamManager(nc);
    const idle = async () => {
      for await (const c of jsm.consumers.list(STREAM)) if (c.num_pending > 0 || c.num_ack_pending > 0) return false;
      return true;
    };
    let quiet = 0;
    while (quiet < 2) {
      if (Date.now() - t0 > timeoutMs) throw new Error(`the consumers still had events pending after ${timeoutMs} ms`);
      quiet = (await idle()) ? quiet + 1 : 0;
      await new Promise((res) => setTimeout(res, 500));
    }
    return Date.now() - t0;
  } finally {
    await nc.close();
  }
}

/** Every process on the machine: its pid, its parent's pid and its command line (from /proc). */
export function processes() {
  return fs
    .readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map((pid) => {
      try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        return { pid: Number(pid), ppid, cmd: fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ') };
      } catch {
        return null;
      }
    })
    .filter(Boolean);
}

/** The machine's own counters in a snapshot (a symbol: `spent` walks the processes only). */
const MACHINE = Symbol('machine');

/**
 * The CPU time (user + system, from /proc) of every process of a bench system: each service and
 * the gateway of the checkout at `root`, PostgreSQL (postmaster and backends) and nats-server of
 * `dataDir`. `snap()` takes a snapshot; `spent(a, b)` gives the CPU seconds by process name between
 * two. CPU used, not wall time: much less disturbed than throughput by other work on the machine.
 * `machine(a, b)` says what else the machine did meanwhile: its CPU seconds in all (cores × time),
 * busy, stolen by the hypervisor, used by this benchmark's own process (the load generator), and
 * used by everything else — other work that shares the cores and their caches with the system.
 */
export function cpuMeter(root, dataDir) {
  const tck = Number(execSync('getconf CLK_TCK').toString());
  const procs = () => {
    const out = {};
    const all = processes();
    for (const { pid, cmd } of all) {
      const svc = cmd.match(new RegExp(`${root}/apps/([a-z]+)/dist/main\\.js`));
      if (svc) out[pid] = svc[1];
      else if (cmd.includes(dataDir) && /postgres|postmaster/.test(cmd)) out[pid] = 'postgres';
      else if (cmd.includes(dataDir) && /nats/.test(cmd)) out[pid] = 'nats';
    }
    // postgres backends: children of the postmaster
    const pm = Number(Object.entries(out).find(([, n]) => n === 'postgres')?.[0]);
    if (pm) for (const { pid, ppid } of all) if (ppid === pm) out[pid] = 'postgres';
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
  const machineNow = () => {
    // /proc/stat's first line: user nice system idle iowait irq softirq steal (ticks, all cores).
    const f = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1, 9).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = f; // idle and iowait count only in the total
    const own = process.cpuUsage();
    return {
      total: f.reduce((x, y) => x + y, 0) / tck,
      busy: (user + nice + system + irq + softirq) / tck,
      steal: steal / tck,
      driver: (own.user + own.system) / 1e6,
    };
  };
  const snap = () => {
    const p = procs();
    const s = { [MACHINE]: machineNow() };
    for (const [pid, n] of Object.entries(p)) s[pid] = { n, t: cpu(pid) };
    return s;
  };
  /** CPU seconds by process name between two snapshots. */
  const spent = (a, b) => {
    const per = {};
    for (const [pid, { n, t }] of Object.entries(b)) {
      if (t == null) continue;
      per[n] = (per[n] ?? 0) + t - (a[pid]?.t ?? 0);
    }
    return per;
  };
  /** CPU seconds of the whole machine between two snapshots: in all, busy, stolen, the load generator's, and the rest's. */
  const machine = (a, b) => {
    const [x, y] = [a[MACHINE], b[MACHINE]];
    const ours = Object.values(spent(a, b)).reduce((p, q) => p + q, 0);
    const driver = y.driver - x.driver;
    const busy = y.busy - x.busy;
    return { total: y.total - x.total, busy, steal: y.steal - x.steal, system: ours, driver, others: Math.max(0, busy - ours - driver) };
  };
  return { snap, spent, machine };
}
