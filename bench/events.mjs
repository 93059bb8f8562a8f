// The event pipeline: N events written through the transactional outbox, published by the relay,
// and handled once by a durable consumer with its inbox — against the raw baseline of N plain
// JetStream publishes read by a plain pull consumer with explicit acks, on the same servers.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { median, fmt } from './stats.mjs';

const require = createRequire(import.meta.url);
const { startInfra } = require('@hotline/testing');
const kit = require('@hotline/service-kit');
const { createEvent } = require('@hotline/contracts');
const { EntitySchema } = require('@mikro-orm/core');
const { Migration } = require('@mikro-orm/migrations');
const { connect } = require('@nats-io/transport-node');
const { jetstream, jetstreamManager, AckPolicy, DeliverPolicy } = require('@nats-io/jetstream');

const Effect = new EntitySchema({ name: 'Effect', tableName: 'bench_effect', properties: { caseId: { type: 'string', primary: true } } });
class CreateEffect extends Migration {
  async up() { this.addSql('create table bench_effect (case_id text primary key)'); }
}
const waitFor = async (cond) => { while (!(await cond())) await new Promise((r) => setTimeout(r, 5)); };

async function rawRun(nc, n, run) {
  const js = jetstream(nc);
  const jsm = await jetstreamManager(nc);
  const subject = `hotline.case.signed`;
  const name = `bench-raw-${run}`;
  await jsm.consumers.add('HOTLINE', { durable_name: name, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.New, filter_subject: subject });
  const consumer = await js.consumers.get('HOTLINE', name);
  let seen = 0;
  const iter = await consumer.consume({ max_messages: 64 });
  const done = (async () => { for await (const m of iter) { m.json(); m.ack(); if (++seen === n) break; } })();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const e = { id: randomUUID(), i };
    await js.publish(subject, JSON.stringify(e), { msgID: e.id });
  }
  await done;
  const ms = performance.now() - t0;
  await iter.close();
  await jsm.consumers.delete('HOTLINE', name);
  return ms;
}

async function pipelineRun(orm, nc, n, run, log) {
  const js = jetstream(nc);
  const jsm = await jetstreamManager(nc);
  const name = `bench-kit-${run}`;
  const handled = { count: 0 };
  const consumer = new kit.DurableConsumer({
    name, subject: 'hotline.case.signed',
    handlers: { 'hotline.case.signed': async (e, em) => { await em.execute('insert into bench_effect (case_id) values (?)', [e.caseId]); handled.count++; } },
  }, orm, nc, js, log, { concurrency: 8, maxDeliver: 5 });
  // start from now: skip what earlier runs left in the stream
  await jsm.consumers.add('HOTLINE', { durable_name: name, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.New, filter_subject: 'hotline.case.signed' });
  await consumer.start();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const e = createEvent({ type: 'hotline.case.signed', source: 'bench', actor: { system: 'bench' }, caseId: randomUUID(), data: { externalNo: `B-${i}`, signedAt: new Date().toISOString() } });
    await orm.em.fork().transactional((em) => kit.recordEvent(em, e)); // one business transaction per event, as in real use
  }
  await waitFor(async () => handled.count >= n);
  const ms = performance.now() - t0;
  await consumer.stop();
  await jsm.consumers.delete('HOTLINE', name);
  return ms;
}

export async function events({ runs, events: n }) {
  console.log(`\n== event pipeline: ${n} events, ${runs} runs (outbox → relay → durable consumer + inbox vs raw publish + pull consume)`);
  const infra = await startInfra('bench');
  const log = kit.createLogger('bench', 'silent');
  try {
    await infra.ensureDatabase('bench');
    const nc = await connect({ servers: infra.natsUrl });
    await kit.ensureStreams(nc);
    let relay;
    const orm = await kit.openOrm({ url: infra.databaseUrl('bench'), entities: [Effect], migrations: [{ name: 'Migration20260101000000_bench', class: CreateEffect }], onCommit: () => relay?.kick() });
    relay = new kit.OutboxRelay(orm, jetstream(nc), log, { pollMs: 200 });
    relay.start();
    await rawRun(nc, 100, 'warm'); await pipelineRun(orm, nc, 100, 'warm', log); // warm-up, not counted
    const raw = [], ours = [];
    for (let r = 0; r < runs; r++) {
      raw.push(await rawRun(nc, n, r));
      ours.push(await pipelineRun(orm, nc, n, r, log));
      console.log(`  run ${r + 1}: raw ${fmt(raw[r])} ms, pipeline ${fmt(ours[r])} ms`);
    }
    await relay.stop();
    await orm.close(true);
    await nc.close();
    const result = {
      events: n,
      rawMedianMs: median(raw), pipelineMedianMs: median(ours),
      rawPerSecond: (n / median(raw)) * 1000, pipelinePerSecond: (n / median(ours)) * 1000,
      ratio: median(ours) / median(raw),
    };
    console.log(`  median: raw ${fmt(result.rawMedianMs)} ms (${fmt(result.rawPerSecond, 0)}/s), pipeline ${fmt(result.pipelineMedianMs)} ms (${fmt(result.pipelinePerSecond, 0)}/s), ratio ${fmt(result.ratio, 2)}×`);
    return result;
  } finally {
    await infra.stop();
  }
}
