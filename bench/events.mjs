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
  async up() {
    this.addSql('create table bench_effect (case_id text primary key)');
  }
}
const waitFor = async (cond) => {
  while (!(await cond())) await new Promise((r) => setTimeout(r, 5));
};

async function rawRun(nc, n, run) {
  const js = jetstream(nc);
  const jsm = await jetstreamManager(nc);
  const subject = `hotline.case.signed`;
  const name = `bench-raw-${run}`;
  await jsm.consumers.add('HOTLINE', { durable_name: name, ack_policy: AckPolicy.Explicit, deliver_policy: DeliverPolicy.New, filter_subject: subject });
  const consumer = await js.consumers.get('HOTLINE', name);
  let seen = 0;
  const iter = await consumer.consume({ max_messages: 64 });
  const done = (async () => {
    for await (const m of iter) {
      m.json();
      m.ack();
      if (++seen === n) break;
    }
  })();
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
  const consumer = new kit.DurableConsumer(
    {
      name,
      subject: 'hotline.case.signed',
      handlers: {
        'hotline.case.signed': async (e, em) => {
          await em.execute('insert into bench_effect (case_id) values (?)', [e.caseId]);
          handled.count++;
        },
      },
    },
    orm,
    nc,
    js,
    log,
    { concurrency: 8, maxDeliver: 5 },
  );
  // start from now: skip what earlier runs left in the stream
  await jsm.consumers.add('HOTLINE', {
    durable_name: name,
    ack_policy: AckPolicy.Explicit,
    deliver_policy: DeliverPolicy.New,
    filter_subject: 'hotline.case.signed',
  });
  await consumer.start();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const e = createEvent({
      type: 'hotline.case.signed',
      source: 'bench',
      actor: { system: 'bench' },
      caseId: randomUUID(),
      data: { externalNo: `B-${i}`, signedAt: new Date().toISOString() },
    });
    await orm.em.fork().transactional((em) => kit.recordEvent(em, e)); // one business transaction per event, as in real use
  }
  await waitFor(async () => handled.count >= n);
  const ms = performance.now() - t0;
  await consumer.stop();
  await jsm.consumers.delete('HOTLINE', name);
  return ms;
}

/** Publishes n valid events straight to the stream (the backlog an import leaves behind). */
async function publishBacklog(js, n) {
  const acks = [];
  for (let i = 0; i < n; i++) {
    const e = createEvent({
      type: 'hotline.case.signed',
      source: 'bench',
      actor: { system: 'bench' },
      caseId: randomUUID(),
      data: { externalNo: `K-${i}`, signedAt: new Date().toISOString() },
    });
    acks.push(js.publish('hotline.case.signed', JSON.stringify(e), { msgID: e.id }));
    if (acks.length >= 256) await Promise.all(acks.splice(0));
  }
  await Promise.all(acks);
}

/** Draining a backlog of n events: raw pull + ack, against the durable consumer at a batch size. */
async function backlogRun(orm, nc, n, run, log, batchSize) {
  const js = jetstream(nc);
  const jsm = await jetstreamManager(nc);
  const rawName = `bench-backlog-raw-${run}-${batchSize}`;
  const kitName = `bench-backlog-kit-${run}-${batchSize}`;
  for (const name of [rawName, kitName]) {
    await jsm.consumers.add('HOTLINE', {
      durable_name: name,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.New,
      filter_subject: 'hotline.case.signed',
    });
  }
  await publishBacklog(js, n);

  const rawConsumer = await js.consumers.get('HOTLINE', rawName);
  let seen = 0;
  const t0 = performance.now();
  const iter = await rawConsumer.consume({ max_messages: 256 });
  for await (const m of iter) {
    m.json();
    m.ack();
    if (++seen === n) break;
  }
  const rawMs = performance.now() - t0;
  await iter.close();

  const handled = { count: 0 };
  const consumer = new kit.DurableConsumer(
    {
      name: kitName,
      subject: 'hotline.case.signed',
      handlers: {
        'hotline.case.signed': async (e, em) => {
          await em.execute('insert into bench_effect (case_id) values (?)', [e.caseId]);
          handled.count++;
        },
      },
    },
    orm,
    nc,
    js,
    log,
    { concurrency: 8, maxDeliver: 5, batchSize },
  );
  const t1 = performance.now();
  await consumer.start();
  await waitFor(async () => handled.count >= n);
  const kitMs = performance.now() - t1;
  await consumer.stop();
  for (const name of [rawName, kitName]) await jsm.consumers.delete('HOTLINE', name);
  return { rawMs, kitMs };
}

export async function events({ runs, events: n }) {
  console.log(`\n== event pipeline: ${n} events, ${runs} runs (outbox → relay → durable consumer + inbox vs raw publish + pull consume)`);
  // fsync on, as a production database would: an event's cost is mostly its commit.
  const infra = await startInfra('bench', { durable: true });
  const log = kit.createLogger('bench', 'silent');
  try {
    await infra.ensureDatabase('bench');
    const nc = await connect({ servers: infra.natsUrl });
    await kit.ensureStreams(nc);
    let relay;
    const orm = await kit.openOrm({
      url: infra.databaseUrl('bench'),
      entities: [Effect],
      migrations: [{ name: 'Migration20260101000000_bench', class: CreateEffect }],
      onCommit: () => relay?.kick(),
    });
    relay = new kit.OutboxRelay(orm, jetstream(nc), log, { pollMs: 200 });
    relay.start();
    await rawRun(nc, 100, 'warm');
    await pipelineRun(orm, nc, 100, 'warm', log); // warm-up, not counted
    const raw = [],
      ours = [];
    for (let r = 0; r < runs; r++) {
      raw.push(await rawRun(nc, n, r));
      ours.push(await pipelineRun(orm, nc, n, r, log));
      console.log(`  run ${r + 1}: raw ${fmt(raw[r])} ms, pipeline ${fmt(ours[r])} ms`);
    }
    console.log(
      `  median: raw ${fmt(median(raw))} ms (${fmt((n / median(raw)) * 1000, 0)}/s), pipeline ${fmt(median(ours))} ms (${fmt((n / median(ours)) * 1000, 0)}/s), ratio ${fmt(median(ours) / median(raw), 2)}×`,
    );

    // A backlog (what a 13,000-row import leaves): 5× the events, drained one transaction per
    // event (batch 1, as before) and 32 per transaction (the default), each against raw pull + ack.
    const backlog = n * 5;
    console.log(`\n== backlog drain: ${backlog} events already in the stream, ${runs} runs (durable consumer + inbox vs raw pull + ack)`);
    const drains = {};
    for (const batchSize of [1, 32]) {
      const rawB = [],
        kitB = [];
      for (let r = 0; r < runs; r++) {
        const { rawMs, kitMs } = await backlogRun(orm, nc, backlog, r, log, batchSize);
        rawB.push(rawMs);
        kitB.push(kitMs);
        console.log(`  batch ${batchSize}, run ${r + 1}: raw ${fmt(rawMs)} ms, consumer ${fmt(kitMs)} ms`);
      }
      drains[batchSize] = {
        rawMedianMs: median(rawB),
        consumerMedianMs: median(kitB),
        perSecond: (backlog / median(kitB)) * 1000,
        ratio: median(kitB) / median(rawB),
      };
      console.log(
        `  batch ${batchSize} median: raw ${fmt(median(rawB))} ms, consumer ${fmt(median(kitB))} ms (${fmt(drains[batchSize].perSecond, 0)}/s), ratio ${fmt(drains[batchSize].ratio, 2)}×`,
      );
    }
    await relay.stop();
    await orm.close(true);
    await nc.close();
    return {
      events: n,
      rawMedianMs: median(raw),
      pipelineMedianMs: median(ours),
      rawPerSecond: (n / median(raw)) * 1000,
      pipelinePerSecond: (n / median(ours)) * 1000,
      ratio: median(ours) / median(raw),
      backlog: { events: backlog, batch1: drains[1], batch32: drains[32] },
    };
  } finally {
    await infra.stop();
  }
}
