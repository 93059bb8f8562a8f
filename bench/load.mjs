// Speed under load (issue 15): the whole system started here (infra/local, its own data folder,
// free ports, PostgreSQL with fsync on), driven with autocannon (as fast as it answers) and at
// fixed rates by `paced` (evenly spaced arrivals); every figure beside a baseline
// measured in the same run, on the same machine, interleaved run by run so that noise from
// other work hits ours and the baseline alike. Writes bench/out/report.json and report.md.
//   node bench/run.mjs [--quick] [--runs N] [--seconds S]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { caseInputs, cpuMeter, processes, QUEUE_PAGE, QUEUE_PAGE_DIRECT, RECEIVE, settled, signedCases, startBenchStack } from './bench-stack.mjs';
import { generateCases } from './generate-cases.mjs';
import { paced } from './paced.mjs';
import { fmt, pairedRatios, quantile, summarize } from './stats.mjs';

const require = createRequire(import.meta.url);
const { databaseName } = require('@hotline/local');
const { loginAs } = require('@hotline/testing');

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const say = (m) => console.log(`[bench] ${m}`);
const loadavg = () => os.loadavg().map((x) => Math.round(x * 100) / 100);

const caseInput = caseInputs('BENCH');

/** Counts GraphQL answers with `errors` (they come back as HTTP 200). */
function gqlRequest(bodyOf) {
  const counts = { gqlErrors: 0, firstError: null };
  return {
    counts,
    request: {
      method: 'POST',
      setupRequest: (req) => ({ ...req, body: JSON.stringify(bodyOf()) }),
      onResponse: (status, body) => {
        if (status === 200 && body.includes('"errors"')) {
          counts.gqlErrors++;
          counts.firstError ??= body.slice(0, 300);
        }
      },
    },
  };
}

/** Drives `url` with autocannon as fast as it answers: connections, seconds or an amount. */
async function cannon({ url, token, body, connections = 16, seconds, amount }) {
  const g = gqlRequest(body);
  const r = await autocannon({
    url,
    connections,
    ...(amount ? { amount } : { duration: seconds }),
    timeout: 30,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    requests: [g.request],
  });
  const ok = r['2xx'] - g.counts.gqlErrors;
  const failed = r.non2xx + r.errors + r.timeouts + g.counts.gqlErrors;
  if (failed)
    say(
      `  ${failed} failed of ${r.requests.total} (non-2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts}, GraphQL errors ${g.counts.gqlErrors}) ${g.counts.firstError ?? ''}`,
    );
  return { rps: ok / r.duration, p50: r.latency.p50, p99: r.latency.p99, ok, failed };
}

/** Requests at a fixed rate (`paced`), saying how many failed and the first failure, as `cannon` does. */
async function fixedRate(opts) {
  const r = await paced(opts);
  if (r.failed) say(`  ${r.failed} failed of ${r.sent} ${r.firstError ?? ''}`);
  return r;
}

/**
 * The same two inserts intake's receive makes (a case row and an outbox row, one transaction) on
 * the same PostgreSQL and database, from 16 connections, as fast as they go. Into copies of the
 * two tables, so the relay publishes nothing.
 */
async function insertBaseline(url, seconds, connections = 16) {
  const pool = new pg.Pool({ connectionString: url, max: connections });
  try {
    await pool.query('create table if not exists bench_case (like intake_case including all)');
    await pool.query(`create table if not exists bench_outbox (seq bigserial primary key, id uuid not null unique, subject text not null,
      case_id text, payload jsonb not null, created_at timestamptz not null default now(), published_at timestamptz)`);
    await pool.query('create index if not exists bench_outbox_unpublished on bench_outbox (seq) where published_at is null');
    await pool.query('create index if not exists bench_outbox_case on bench_outbox (case_id, seq) where case_id is not null');
    const until = performance.now() + seconds * 1000;
    let done = 0;
    const lat = [];
    const worker = async () => {
      const client = await pool.connect();
      try {
        while (performance.now() < until) {
          const c = caseInput();
          const id = randomUUID();
          const t0 = performance.now();
          await client.query('begin');
          await client.query(
            `insert into bench_case (id, external_no, channel, title, content, search_text, request_type, topic, urgency, tier, stage, received_at,
               citizen_name, citizen_phone, address, project_name, street, created_at, updated_at)
             values ($1, $2, $3, $4, $5, $6, $7, $8, 'normal', 'general', 'received', now(), $9, $10, $11, $12, $13, now(), now())`,
            [
              id,
              c.externalNo,
              c.channel,
              c.title,
              c.content,
              `${c.title}\n${c.content}`,
              c.requestType,
              c.topic,
              c.citizenName,
              c.citizenPhone,
              c.address,
              c.projectName,
              c.street,
            ],
          );
          const event = {
            id: randomUUID(),
            type: 'hotline.case.received',
            version: 1,
            source: 'intake',
            caseId: id,
            occurredAt: new Date().toISOString(),
            data: { externalNo: c.externalNo, title: c.title, contentDigest: c.content.slice(0, 60), topic: c.topic },
          };
          await client.query('insert into bench_outbox (id, subject, case_id, payload) values ($1, $2, $3, $4)', [
            event.id,
            event.type,
            id,
            JSON.stringify(event),
          ]);
          await client.query('commit');
          lat.push(performance.now() - t0);
          done++;
        }
      } finally {
        client.release();
      }
    };
    const t0 = performance.now();
    await Promise.all(Array.from({ length: connections }, worker));
    return { tps: done / ((performance.now() - t0) / 1000), p50: quantile(lat, 0.5), p99: quantile(lat, 0.99) };
  } finally {
    await pool.end();
  }
}

/**
 * From `hotline.case.received` committed to the case in dispatch's projection (what its queues read):
 * receives sent at a fixed rate through the gateway; dispatch's table polled every 10 ms. The start
 * is the moment the receive's answer arrives (after intake's commit), so the lag is measured short
 * by the answer's way back through the gateway (a few ms).
 */
async function eventLag({ gatewayUrl, token, dispatchDb, rate, seconds }) {
  const client = new pg.Client({ connectionString: dispatchDb });
  await client.connect();
  const pending = new Map(); // id → answered at
  const lags = [];
  let polling = true,
    stopAt = Infinity;
  const poll = (async () => {
    while (polling || pending.size) {
      if (pending.size) {
        const ids = [...pending.keys()];
        const { rows } = await client.query('select id from dispatch_case where id = any($1::uuid[])', [ids]);
        const now = performance.now();
        for (const { id } of rows) {
          lags.push(Math.max(0, now - pending.get(id)));
          pending.delete(id);
        }
      }
      if (!polling && performance.now() > stopAt + 30_000) break; // give up on stragglers after 30 s
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  // At most 64 receives waiting: a system slower than the rate is measured at the rate it achieves.
  const sent = await fixedRate({
    url: `${gatewayUrl}/graphql`,
    token,
    body: () => ({ query: RECEIVE, variables: { i: caseInput() } }),
    rate,
    seconds,
    inFlight: 64,
    onAnswer: (text, at) => {
      const id = JSON.parse(text)?.data?.receiveCase?.id;
      if (id) pending.set(id, at);
    },
  });
  polling = false;
  stopAt = performance.now();
  await poll;
  await client.end();
  return {
    sent: sent.sent,
    skipped: sent.skipped,
    achievedRate: sent.achievedRate,
    seen: lags.length,
    failed: sent.failed,
    lost: pending.size,
    p50: quantile(lags, 0.5),
    p99: quantile(lags, 0.99),
    max: Math.max(...lags),
  };
}

/**
 * Memory (MB) a process holds: its proportional set size (PSS: private pages plus its share of
 * pages it shares), so PostgreSQL's backends, which all map the same shared buffers, add up to
 * what the cluster really holds (their RSS would count the shared buffers once per backend).
 */
function pssMb(pid) {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}
/**
 * Seconds each service and the gateway have spent in garbage collection since they started (the
 * `nodejs_gc_duration_seconds` sums of their /metrics, all kinds).
 */
async function gcSeconds(stack) {
  const out = {};
  for (const [name, url] of [...Object.entries(stack.subgraphs).map(([n, s]) => [n, s.url]), ['gateway', stack.gatewayUrl]]) {
    const text = await (await fetch(`${url}/metrics`)).text();
    out[name] = [...text.matchAll(/^hotline_nodejs_gc_duration_seconds_sum\{[^}]*\}\s+(\S+)$/gm)].reduce((a, m) => a + Number(m[1]), 0);
  }
  return out;
}

function footprint(stack, dataDir) {
  const out = {};
  for (const s of [...Object.values(stack.subgraphs), stack.gateway]) out[s.name] = pssMb(s.pid);
  const all = processes();
  const postmaster = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  out.postgres = pssMb(postmaster) + all.filter((p) => p.ppid === postmaster).reduce((a, p) => a + pssMb(p.pid), 0);
  const nats = all.find((p) => p.cmd.includes('nats-server') && p.cmd.includes(dataDir));
  out.nats = nats ? pssMb(nats.pid) : 0;
  const total = Object.values(out).reduce((a, b) => a + b, 0);
  return { pss_mb: Object.fromEntries(Object.entries(out).map(([k, v]) => [k, Math.round(v)])), total_mb: Math.round(total) };
}

/** A share (0.05) as a percentage ("5 %"), or "–" when not measured. */
const pct = (v) => (v == null ? '–' : `${fmt(v * 100, 0)} %`);

const row = (name, s, unit = '', d = 1) =>
  s?.median == null
    ? `| ${name} | – | | |`
    : `| ${name} | ${fmt(s.median, d)}${unit} | ${fmt(s.min, d)}–${fmt(s.max, d)} | ${fmt((s.spread ?? 0) * 100, 0)} % |`;

function markdown(r) {
  const L = [];
  L.push(`# Load benchmark — ${r.mode} (${r.at})`, '');
  L.push(
    `Node ${r.node}, ${r.cpus} cores; load average at start ${r.loadavg.start.join(' / ')}, at end ${r.loadavg.end.join(' / ')}; ${r.runs} runs of ${r.seconds} s each, median and range over the runs; fsync on.`,
    '',
  );
  L.push('| figure | median | range | spread |', '|---|---|---|---|');
  const i = r.intake;
  L.push(row('intake through the gateway, saturation (16 connections), requests/s', i.gateway.rps));
  L.push(row('… p50', i.gateway.p50, ' ms'), row('… p99', i.gateway.p99, ' ms'));
  L.push(row('intake subgraph directly, saturation, requests/s', i.direct.rps));
  for (const [rate, f] of Object.entries(i.fixed)) {
    L.push(row(`fixed ${rate}/s: achieved requests/s`, f.rps), row(`fixed ${rate}/s: p50`, f.p50, ' ms'), row(`fixed ${rate}/s: p99`, f.p99, ' ms'));
  }
  L.push(row('wave: 200+ earlier cases at one project and address, requests/s', i.wave.rps), row('wave p99', i.wave.p99, ' ms'));
  L.push(row('baseline: gateway `{ __typename }`, requests/s', i.passthrough.rps));
  L.push(row('baseline: case row + outbox row insert transactions/s (16 connections)', i.pgbench.tps));
  L.push(
    row('queue through the gateway (dispatch + intake + supervision), requests/s', r.queue.gateway.rps),
    row('queue from dispatch directly, requests/s', r.queue.direct.rps),
  );
  L.push('', '| ratio | median | range | spread | target | met |', '|---|---|---|---|---|---|');
  for (const t of r.targets) {
    const s = t.summary;
    L.push(
      `| ${t.name} | ${s?.median == null ? '–' : fmt(s.median, 3)} | ${s?.median == null ? '' : `${fmt(s.min, 3)}–${fmt(s.max, 3)}`} | ${s?.spread == null ? '' : `${fmt(s.spread * 100, 0)} %`} | ${t.target} | ${t.met == null ? '–' : t.met ? 'yes' : 'no'} |`,
    );
  }
  L.push(
    '',
    ...[r.event_lag_ms, r.event_lag_ms.at40]
      .filter(Boolean)
      .map(
        (l) =>
          `Event lag at ${l.rate}/s (achieved ${fmt(l.achievedRate, 1)}/s, ${l.seen} of ${l.sent} seen): p50 ${fmt(l.p50, 0)} ms, p99 ${fmt(l.p99, 0)} ms, max ${fmt(l.max, 0)} ms.`,
      ),
    '',
  );
  L.push(
    `Start (fresh data folder: initdb, migrations, demo seed, every service ready): ${fmt(r.footprint.start_ms / 1000, 1)} s. Memory after the load (PSS, shared pages counted once): ${Object.entries(
      r.footprint.pss_mb,
    )
      .map(([k, v]) => `${k} ${v} MB`)
      .join(', ')}; total ${r.footprint.total_mb} MB.`,
    '',
  );
  L.push(
    '| cases in the database | intake requests/s (gateway, saturation) | p50 | p99 | CPU per receive, whole system | the machine meanwhile: other work, stolen | generated in |',
    '|---|---|---|---|---|---|---|',
  );
  for (const [n, g] of Object.entries(r.growth))
    L.push(
      `| ${Number(n).toLocaleString('en')} | ${fmt(g.rps.median, 1)} (${fmt(g.rps.min, 1)}–${fmt(g.rps.max, 1)}) | ${fmt(g.p50.median, 1)} ms | ${fmt(g.p99.median, 1)} ms | ${g.cpuMsPerReceive == null ? '–' : `${fmt(g.cpuMsPerReceive, 1)} ms`} | ${pct(g.machine?.others)}, ${pct(g.machine?.steal)} | ${fmt(g.generateMs / 1000, 1)} s |`,
    );
  return L.join('\n') + '\n';
}

export async function load({ quick = false, runs, seconds, growth: sizes } = {}) {
  runs ??= quick ? 3 : 5;
  seconds ??= quick ? 5 : 15;
  // Cases in intake's table for the growth figures, in the order generated (each adds to the last).
  sizes ??= quick ? [10_000] : [10_000, 1_000_000];
  if (!sizes.length || sizes.some((n, i) => !Number.isInteger(n) || n <= (sizes[i - 1] ?? 0)))
    throw new Error('--growth: increasing whole numbers, e.g. 10000,1000000');
  const report = {
    at: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    node: process.version,
    cpus: os.cpus().length,
    runs,
    seconds,
    loadavg: { start: loadavg() },
  };
  say(`starting the system; load average ${report.loadavg.start.join(' ')}`);
  const t0 = performance.now();
  const { stack, dataDir } = await startBenchStack(root, 'bench', { progress: (m) => say(`  ${m}`) });
  say(`data in ${dataDir}`);
  const startMs = performance.now() - t0;
  say(`started in ${fmt(startMs / 1000, 1)} s`);
  try {
    const gql = `${stack.gatewayUrl}/graphql`;
    const intakeDirect = `${stack.subgraphs.intake.url}/graphql`;
    const intakeDb = stack.postgres.url(databaseName('intake'));
    const token = async () => (await loginAs(stack.gatewayUrl, 'duty')).token;
    let duty = await token();
    const receive =
      (wave = false) =>
      () => ({ query: RECEIVE, variables: { i: caseInput(wave) } });
    // Every phase (and every run of the first) starts once the consumers have caught up with what
    // the one before it received: otherwise its first seconds, and the baselines measured next to
    // it, share the CPU with that backlog.
    const settle = async () => say(`  consumers caught up in ${fmt((await settled(stack)) / 1000, 1)} s`);
    say('warm-up');
    await cannon({ url: gql, token: duty, body: receive(), seconds: 3 });
    await cannon({ url: intakeDirect, token: duty, body: receive(), seconds: 2 });

    const m = { gw: [], direct: [], pass: [], pgb: [], fixed: { 40: [], 200: [] } };
    for (let r = 1; r <= runs; r++) {
      await settle();
      say(`intake run ${r}/${runs} (load average ${loadavg().join(' ')})`);
      duty = await token();
      m.pass.push(await cannon({ url: gql, token: duty, body: () => ({ query: '{ __typename }' }), seconds }));
      m.pgb.push(await insertBaseline(intakeDb, seconds));
      m.gw.push(await cannon({ url: gql, token: duty, body: receive(), seconds }));
      // A saturated phase leaves the consumers a backlog: the next phase starts once it is done,
      // or it measures its latency against that backlog (fixed 40/s, still in autocannon's
      // bursts: p99 270–339 ms with it, 158–243 ms without, 2026-12-07).
      await settle();
      m.direct.push(await cannon({ url: intakeDirect, token: duty, body: receive(), seconds }));
      for (const rate of [40, 200]) {
        await settle();
        m.fixed[rate].push(await fixedRate({ url: gql, token: duty, body: receive(), seconds, rate }));
      }
      say(
        `  gateway ${fmt(m.gw.at(-1).rps)}/s (p99 ${m.gw.at(-1).p99} ms), direct ${fmt(m.direct.at(-1).rps)}/s, __typename ${fmt(m.pass.at(-1).rps)}/s, inserts ${fmt(m.pgb.at(-1).tps)}/s; 200/s → ${fmt(m.fixed[200].at(-1).rps)}/s p99 ${fmt(m.fixed[200].at(-1).p99, 0)} ms`,
      );
    }
    const perf = (xs) => ({
      rps: summarize(xs.map((x) => x.rps)),
      p50: summarize(xs.map((x) => x.p50)),
      p99: summarize(xs.map((x) => x.p99)),
      failed: xs.reduce((a, x) => a + x.failed, 0),
    });

    await settle();
    say('wave: 200 earlier cases at one project and address');
    duty = await token();
    await cannon({ url: gql, token: duty, body: receive(true), connections: 4, amount: 200 });
    const wave = [],
      distinct = [];
    for (let r = 1; r <= runs; r++) {
      await settle();
      distinct.push(await cannon({ url: gql, token: duty, body: receive(), seconds }));
      await settle();
      wave.push(await cannon({ url: gql, token: duty, body: receive(true), seconds }));
      say(`  run ${r}: wave ${fmt(wave.at(-1).rps)}/s vs distinct ${fmt(distinct.at(-1).rps)}/s`);
    }

    say('queue: 待分转 through the gateway vs dispatch directly');
    duty = await token();
    await signedCases(stack, duty, 60);
    await settle();
    const dispatchDb = stack.postgres.url(databaseName('dispatch'));
    const qg = [],
      qd = [];
    // Warm-up of both routes, as for the receives, so that neither run 1 pays for V8 compiling its
    // route's code. (The climb seen before, direct 54 → 80 → 152 pages/s at 23:11 UTC, was the
    // wave's backlog: the settle above is what removed it.)
    await cannon({ url: gql, token: duty, body: () => ({ query: QUEUE_PAGE }), connections: 8, seconds: 3 });
    await cannon({ url: `${stack.subgraphs.dispatch.url}/graphql`, token: duty, body: () => ({ query: QUEUE_PAGE_DIRECT }), connections: 8, seconds: 3 });
    for (let r = 1; r <= runs; r++) {
      qg.push(await cannon({ url: gql, token: duty, body: () => ({ query: QUEUE_PAGE }), connections: 8, seconds }));
      qd.push(
        await cannon({ url: `${stack.subgraphs.dispatch.url}/graphql`, token: duty, body: () => ({ query: QUEUE_PAGE_DIRECT }), connections: 8, seconds }),
      );
      say(`  run ${r}: gateway ${fmt(qg.at(-1).rps)}/s vs direct ${fmt(qd.at(-1).rps)}/s`);
    }

    await settle();
    duty = await token();
    // At the target's 100/s, and at 40/s, a rate this machine keeps up with (fixed 40/s above).
    const lags = {};
    for (const rate of [100, 40]) {
      await settle();
      say(`event lag at ${rate} receives/s`);
      lags[rate] = await eventLag({ gatewayUrl: stack.gatewayUrl, token: duty, dispatchDb, rate, seconds: quick ? 10 : 30 });
      say(`  p50 ${fmt(lags[rate].p50, 0)} ms, p99 ${fmt(lags[rate].p99, 0)} ms (${lags[rate].seen}/${lags[rate].sent})`);
    }
    const lag = lags[100];

    await new Promise((res) => setTimeout(res, 2000));
    const fp = footprint(stack, dataDir);
    say(`footprint ${JSON.stringify(fp.pss_mb)} total ${fp.total_mb} MB`);

    const growth = {};
    const cpu = cpuMeter(root, dataDir);
    for (const n of sizes) {
      say(`growth: ${n.toLocaleString('en')} cases`);
      const g = await generateCases(intakeDb, n, { log: say });
      duty = await token();
      await cannon({ url: gql, token: duty, body: receive(), seconds: 2 });
      await settle();
      const xs = [];
      // The whole system's CPU for these receives and the consumers' work they cause (up to the
      // consumers catching up): a size's cost, which other work on the machine hardly moves.
      const before = cpu.snap();
      const gcBefore = await gcSeconds(stack);
      for (let r = 1; r <= runs; r++) xs.push(await cannon({ url: gql, token: duty, body: receive(), seconds }));
      await settled(stack);
      const after = cpu.snap();
      const gcAfter = await gcSeconds(stack);
      const byProcess = cpu.spent(before, after);
      const received = xs.reduce((a, x) => a + x.ok, 0);
      const msEach = (s) => (received ? (s * 1000) / received : null);
      // What else the machine did meanwhile, as shares of all its CPU time: a size whose receives
      // cost more while other work or the hypervisor took more of the cores is the machine's doing.
      const m = cpu.machine(before, after);
      const share = (v) => (m.total > 0 ? v / m.total : null);
      growth[n] = {
        ...perf(xs),
        generateMs: g.ms,
        cpuMsPerReceive: msEach(Object.values(byProcess).reduce((a, b) => a + b, 0)),
        cpuMsPerReceiveByProcess: Object.fromEntries(Object.entries(byProcess).map(([k, v]) => [k, msEach(v)])),
        // Of each Node process's CPU above, the part spent collecting garbage.
        gcMsPerReceiveByProcess: Object.fromEntries(Object.keys(gcAfter).map((k) => [k, msEach(gcAfter[k] - (gcBefore[k] ?? 0))])),
        machine: {
          seconds: m.total,
          busy: share(m.busy),
          system: share(m.system),
          loadGenerator: share(m.driver),
          others: share(m.others),
          steal: share(m.steal),
        },
      };
      say(
        `  ${fmt(growth[n].rps.median)}/s, p99 ${fmt(growth[n].p99.median)} ms, ${fmt(growth[n].cpuMsPerReceive, 1)} ms of CPU per receive (${Object.entries(
          growth[n].cpuMsPerReceiveByProcess,
        )
          .map(([k, v]) => `${k} ${fmt(v, 1)}`)
          .join(', ')}); of it GC: ${Object.entries(growth[n].gcMsPerReceiveByProcess)
          .map(([k, v]) => `${k} ${fmt(v, 2)}`)
          .join(', ')}; the machine: ${pct(growth[n].machine.busy)} busy — the system ${pct(growth[n].machine.system)}, the load generator ${pct(
          growth[n].machine.loadGenerator,
        )}, other work ${pct(growth[n].machine.others)} — and ${pct(growth[n].machine.steal)} stolen`,
      );
    }

    report.intake = {
      gateway: perf(m.gw),
      direct: perf(m.direct),
      passthrough: perf(m.pass),
      pgbench: { tps: summarize(m.pgb.map((x) => x.tps)), p50: summarize(m.pgb.map((x) => x.p50)), p99: summarize(m.pgb.map((x) => x.p99)) },
      fixed: Object.fromEntries(Object.entries(m.fixed).map(([k, xs]) => [k, perf(xs)])),
      wave: perf(wave),
      distinct_beside_wave: perf(distinct),
    };
    report.queue = { gateway: perf(qg), direct: perf(qd) };
    report.event_lag_ms = { rate: 100, ...lag, at40: { rate: 40, ...lags[40] } };
    report.footprint = { start_ms: Math.round(startMs), ...fp };
    report.growth = growth;
    report.ratios = {
      intake_vs_pgbench: pairedRatios(
        m.gw.map((x) => x.rps),
        m.pgb.map((x) => x.tps),
      ),
      intake_vs_passthrough: pairedRatios(
        m.gw.map((x) => x.rps),
        m.pass.map((x) => x.rps),
      ),
      intake_gateway_vs_direct: pairedRatios(
        m.gw.map((x) => x.rps),
        m.direct.map((x) => x.rps),
      ),
      wave_vs_distinct: pairedRatios(
        wave.map((x) => x.rps),
        distinct.map((x) => x.rps),
      ),
      queue_gateway_vs_direct: pairedRatios(
        qg.map((x) => x.rps),
        qd.map((x) => x.rps),
      ),
      ...(growth[1_000_000] ? { growth_1m_vs_10k: pairedRatios(growth[1_000_000].rps.runs, growth[10_000].rps.runs) } : {}),
    };
    const f200 = report.intake.fixed[200];
    const met = (s, ok) => (s?.median == null ? null : ok(s.median));
    report.targets = [
      {
        name: 'ratios.intake_vs_pgbench',
        target: '≥ 0.10',
        summary: report.ratios.intake_vs_pgbench,
        met: met(report.ratios.intake_vs_pgbench, (v) => v >= 0.1),
      },
      { name: 'p99 at a fixed 200 receives/s (ms)', target: '< 100', summary: f200.p99, met: met(f200.p99, (v) => v < 100) && f200.rps.median >= 190 },
      { name: 'ratios.wave_vs_distinct', target: '≥ 0.80', summary: report.ratios.wave_vs_distinct, met: met(report.ratios.wave_vs_distinct, (v) => v >= 0.8) },
      {
        name: 'ratios.queue_gateway_vs_direct',
        target: '≥ 0.50',
        summary: report.ratios.queue_gateway_vs_direct,
        met: met(report.ratios.queue_gateway_vs_direct, (v) => v >= 0.5),
      },
      {
        name: 'event_lag_ms.p99 at 100/s',
        target: '≤ 250',
        summary: summarize([lag.p99]),
        met: lag.lost === 0 && lag.failed === 0 && lag.skipped === 0 && lag.p99 <= 250,
      },
      {
        name: 'ratios.growth_1m_vs_10k',
        target: '≥ 0.80',
        summary: report.ratios.growth_1m_vs_10k ?? null,
        met: report.ratios.growth_1m_vs_10k ? report.ratios.growth_1m_vs_10k.median >= 0.8 : null,
      },
      { name: 'footprint.total_mb', target: '< 1536', summary: summarize([fp.total_mb]), met: fp.total_mb < 1536 },
    ];
  } finally {
    report.loadavg.end = loadavg();
    say('stopping the system');
    await stack.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const out = path.join(here, 'out');
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'report.json'), JSON.stringify(report, null, 2));
  fs.writeFileSync(path.join(out, 'report.md'), markdown(report));
  say(`report written to ${path.join(out, 'report.json')} and report.md`);
  console.log('\n' + markdown(report));
  return report;
}
