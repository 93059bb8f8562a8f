import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EntitySchema } from '@mikro-orm/core';
import { Migration } from '@mikro-orm/migrations';
import type { MikroORM } from '@mikro-orm/postgresql';
import { jetstream, JetStreamClient, jetstreamManager } from '@nats-io/jetstream';
import { connect, NatsConnection } from '@nats-io/transport-node';
import { createEvent, EventEnvelope } from '@hotline/contracts';
import { collectEvents, eventually, Infra, startInfra } from '@hotline/testing';
import { ALONE_AT_MOST, createLogger, DurableConsumer, ensureStreams, insertWithEvents, openOrm, OutboxRelay, recordEvent, recordEventsAlong } from '../src';

interface Effect {
  caseId: string;
  count: number;
}
const EffectSchema = new EntitySchema<Effect>({
  name: 'Effect',
  tableName: 'test_effect',
  properties: { caseId: { type: 'string', primary: true }, count: { type: 'number' } },
});
class CreateEffect extends Migration {
  override async up() {
    this.addSql('create table test_effect (case_id text primary key, count int not null)');
    this.addSql('create table test_effect_note (case_id text not null references test_effect(case_id), note text not null)');
  }
}

const log = createLogger('kit-test', (process.env.KIT_LOG as 'warn') ?? 'silent');
// Every consumer reads the whole stream (deliver all); `source` tells a test's events from the
// history earlier tests left there, which its handler leaves alone.
const signed = (caseId: string, externalNo = 'E-1', source = 'test') =>
  createEvent({ type: 'hotline.case.signed', source, actor: { system: 'test' }, caseId, data: { externalNo, signedAt: new Date().toISOString() } });

describe('outbox relay and durable consumer (real Postgres, real NATS)', () => {
  let infra: Infra;
  let orm: MikroORM;
  let nc: NatsConnection;
  let js: JetStreamClient;
  let relay: OutboxRelay;

  beforeAll(async () => {
    infra = await startInfra('kit');
    await infra.ensureDatabase('kit_test');
    nc = await connect({ servers: infra.natsUrl });
    await ensureStreams(nc);
    js = jetstream(nc);
    orm = await openOrm({
      url: infra.databaseUrl('kit_test'),
      entities: [EffectSchema],
      migrations: [{ name: 'Migration20260101000000_effect', class: CreateEffect }],
      onCommit: () => relay?.kick(),
    });
    relay = new OutboxRelay(orm, js, log, { pollMs: 100 });
  });
  afterAll(async () => {
    await relay?.stop();
    await orm?.close(true);
    await nc?.close();
    await infra?.stop();
  });

  const countOf = async (caseId: string) =>
    (await orm.em.fork().execute<Array<{ count: number }>>('select count from test_effect where case_id = ?', [caseId]))[0]?.count ?? 0;

  const handlerFor = (source: string) => async (event: EventEnvelope, em: import('@mikro-orm/postgresql').EntityManager) => {
    if (event.source !== source) return;
    if (event.data.externalNo === 'POISON') throw new Error('cannot handle this one');
    await em.execute('insert into test_effect (case_id, count) values (?, 1) on conflict (case_id) do update set count = test_effect.count + 1', [
      event.caseId,
    ]);
  };

  it('publishes a committed event once, with its id as Nats-Msg-Id, and nothing for a rolled-back one', async () => {
    const partner = await collectEvents(infra.natsUrl, 'hotline.case.signed');
    const kept = signed(randomUUID());
    const dropped = signed(randomUUID());
    await orm.em.fork().transactional((em) => recordEvent(em, kept));
    await orm.em
      .fork()
      .transactional(async (em) => {
        await recordEvent(em, dropped);
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    relay.kick();
    await eventually(async () => partner.messages.find((m) => m.json.id === kept.id), { what: 'the committed event' });
    await relay.stop(); // no background round may claim the row we are about to reset
    // publish the same row again, as a relay that crashed before marking it sent would
    const reset = await orm.em.fork().execute('update kit_outbox set published_at = null where id = ? returning id', [kept.id]);
    expect(reset).toHaveLength(1);
    expect(await relay.publishBatch()).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    await partner.close();
    const copies = partner.messages.filter((m) => m.json.id === kept.id);
    expect(copies).toHaveLength(1);
    expect(copies[0].headers['Nats-Msg-Id']).toBe(kept.id);
    expect(partner.messages.some((m) => m.json.id === dropped.id)).toBe(false);
    const rows = await orm.em.fork().execute('select id from kit_outbox where id = ?', [dropped.id]);
    expect(rows).toHaveLength(0);
  });

  it('wakes the relay when a transaction that recorded events commits, and only then', async () => {
    class CountingRelay extends OutboxRelay {
      rounds = 0;
      override async publishBatch() {
        this.rounds++;
        return super.publishBatch();
      }
    }
    // A poll of one minute: within this test only a commit can wake it.
    const counting = new CountingRelay(orm, js, log, { pollMs: 60_000 });
    const previous = relay;
    relay = counting;
    try {
      counting.start();
      await eventually(async () => counting.rounds >= 1, { what: 'the first round' });
      await new Promise((r) => setTimeout(r, 200));
      const idle = counting.rounds;
      for (let i = 0; i < 10; i++) await orm.em.fork().transactional((em) => em.execute('select 1'));
      await new Promise((r) => setTimeout(r, 300));
      expect(counting.rounds).toBe(idle); // commits without events, and its own rounds, do not wake it

      const partner = await collectEvents(infra.natsUrl, 'hotline.case.signed');
      const e = signed(randomUUID());
      await orm.em.fork().transactional((em) => recordEvent(em, e));
      await eventually(async () => partner.messages.some((m) => m.json.id === e.id), { what: 'the event published after its commit', timeoutMs: 5_000 });
      await partner.close();
      expect(counting.rounds).toBeGreaterThan(idle);
    } finally {
      await counting.stop();
      relay = previous;
    }
  });

  it('insertWithEvents: a row and its events in one statement without a transaction, the relay woken; nothing when the insert adds nothing', async () => {
    // A poll of one minute, as above: only the statement can wake it.
    const quiet = new OutboxRelay(orm, js, log, { pollMs: 60_000 });
    const previous = relay;
    await previous.stop(); // its polls would publish the event (and add statements) whatever the wake did
    relay = quiet;
    const partner = await collectEvents(infra.natsUrl, 'hotline.case.signed');
    const statements: string[] = [];
    const knex = orm.em.getConnection().getKnex();
    const onQuery = (q: { sql: string }) => statements.push(q.sql);
    try {
      quiet.start();
      await new Promise((r) => setTimeout(r, 200)); // its first round, over an empty outbox
      const caseId = randomUUID();
      const insert = { sql: 'insert into test_effect (case_id, count) values (?, 1) on conflict (case_id) do nothing returning case_id', params: [caseId] };
      const first = signed(caseId, 'E-1', 'insert-with-events');
      knex.on('query', onQuery);
      const rows = await insertWithEvents<{ case_id: string }>(orm.em.fork(), insert, [first]);
      knex.off('query', onQuery);
      expect(rows).toEqual([{ case_id: caseId }]);
      expect(statements).toHaveLength(1); // no BEGIN, no COMMIT, one statement
      await eventually(async () => partner.messages.some((m) => m.json.id === first.id), { what: 'the event published after the statement', timeoutMs: 5_000 });

      // The row is there already: nothing returned, no event recorded.
      const second = signed(caseId, 'E-2', 'insert-with-events');
      expect(await insertWithEvents(orm.em.fork(), insert, [second])).toEqual([]);
      expect(await orm.em.fork().execute('select id from kit_outbox where id in (?)', [[first.id, second.id]])).toEqual([{ id: first.id }]);
      expect(await countOf(caseId)).toBe(1);
      // A contract violation writes nothing at all.
      const broken = { ...signed(randomUUID()), type: 'hotline.case.nonsense' } as unknown as EventEnvelope;
      const other = randomUUID();
      await expect(insertWithEvents(orm.em.fork(), { ...insert, params: [other] }, [broken])).rejects.toThrow();
      expect(await countOf(other)).toBe(0);
    } finally {
      knex.off('query', onQuery);
      await partner.close();
      await quiet.stop();
      relay = previous;
    }
  });

  it('recordEventsAlong: one more write and the events in one statement of the transaction; both or neither', async () => {
    const caseId = randomUUID();
    const e = signed(caseId, 'E-1', 'along');
    const along = { sql: 'insert into test_effect (case_id, count) values (?, 1)', params: [caseId] };
    const statements: string[] = [];
    const knex = orm.em.getConnection().getKnex();
    const onQuery = (q: { sql: string }) => statements.push(q.sql);
    knex.on('query', onQuery);
    try {
      await orm.em.fork().transactional((em) => recordEventsAlong(em, [e], along));
    } finally {
      knex.off('query', onQuery);
    }
    expect(statements.filter((q) => !/^(begin|commit)/i.test(q))).toHaveLength(1);
    expect(await countOf(caseId)).toBe(1);
    expect(await orm.em.fork().execute('select id from kit_outbox where id = ?', [e.id])).toEqual([{ id: e.id }]);
    // The write fails (the row exists): no event either.
    const again = signed(caseId, 'E-2', 'along');
    await expect(orm.em.fork().transactional((em) => recordEventsAlong(em, [again], along))).rejects.toThrow();
    expect(await orm.em.fork().execute('select id from kit_outbox where id = ?', [again.id])).toEqual([]);
    expect(await countOf(caseId)).toBe(1);
  });

  it('recordEventsAlong with several writes: a row and a row referencing it go in with the events in one statement; all or none', async () => {
    const caseId = randomUUID();
    const e = signed(caseId, 'E-1', 'along-many');
    const effect = { sql: 'insert into test_effect (case_id, count) values (?, 1)', params: [caseId] };
    const note = (text: string | null) => ({ sql: 'insert into test_effect_note (case_id, note) values (?, ?)', params: [caseId, text] });
    const statements: string[] = [];
    const knex = orm.em.getConnection().getKnex();
    const onQuery = (q: { sql: string }) => statements.push(q.sql);
    knex.on('query', onQuery);
    try {
      await orm.em.fork().transactional((em) => recordEventsAlong(em, [e], [effect, null, note('first')]));
    } finally {
      knex.off('query', onQuery);
    }
    expect(statements.filter((q) => !/^(begin|commit)/i.test(q))).toHaveLength(1);
    expect(await countOf(caseId)).toBe(1);
    expect(await orm.em.fork().execute('select note from test_effect_note where case_id = ?', [caseId])).toEqual([{ note: 'first' }]);
    expect(await orm.em.fork().execute('select id from kit_outbox where id = ?', [e.id])).toEqual([{ id: e.id }]);
    // Without events, the writes alone, still together.
    const other = randomUUID();
    await orm.em.fork().transactional((em) =>
      recordEventsAlong(
        em,
        [],
        [
          { ...effect, params: [other] },
          { ...note('alone'), params: [other, 'alone'] },
        ],
      ),
    );
    expect(await orm.em.fork().execute('select note from test_effect_note where case_id = ?', [other])).toEqual([{ note: 'alone' }]);
    // The last write fails (a note without text): neither the row before it nor the event went in.
    const third = randomUUID();
    const failing = signed(third, 'E-3', 'along-many');
    await expect(
      orm.em.fork().transactional((em) =>
        recordEventsAlong(
          em,
          [failing],
          [
            { ...effect, params: [third] },
            { ...note(null), params: [third, null] },
          ],
        ),
      ),
    ).rejects.toThrow();
    expect(await countOf(third)).toBe(0);
    expect(await orm.em.fork().execute('select id from kit_outbox where id = ?', [failing.id])).toEqual([]);
  });

  describe.each([
    { batchSize: 1, mode: 'single' },
    { batchSize: 16, mode: 'batched' },
  ])('consumer, $mode ($batchSize per transaction)', ({ batchSize, mode }) => {
    it('gives an event published twice, or redelivered after a failure before ack, exactly one effect', async () => {
      let crashes = 0;
      const tag = `once-${mode}`;
      const consumer = new DurableConsumer(
        { name: `kit-test-once-${mode}`, subject: 'hotline.case.signed', handlers: { 'hotline.case.signed': handlerFor(tag) } },
        orm,
        nc,
        js,
        log,
        {
          concurrency: 4,
          maxDeliver: 5,
          batchSize,
          afterCommit: (e) => {
            // the process "dies" after its transaction committed and before the ack, once
            if (e.source === tag && e.data.externalNo === 'CRASH' && crashes++ === 0) throw new Error('crash before ack');
          },
        },
      );
      await consumer.start();
      try {
        const twice = signed(randomUUID(), 'E-1', tag);
        // two copies with different message ids get past NATS de-duplication: the inbox must stop the second
        await js.publish('hotline.case.signed', JSON.stringify(twice), { msgID: `${twice.id}-a` });
        await js.publish('hotline.case.signed', JSON.stringify(twice), { msgID: `${twice.id}-b` });
        const crash = signed(randomUUID(), 'CRASH', tag);
        await js.publish('hotline.case.signed', JSON.stringify(crash), { msgID: crash.id });
        await eventually(async () => crashes >= 1 && (await countOf(crash.caseId!)) === 1, { what: 'crash event handled' });
        const jsm = await jetstreamManager(nc);
        await eventually(
          async () => {
            const info = await jsm.consumers.info('HOTLINE', `kit-test-once-${mode}`);
            return info.num_ack_pending === 0 && info.num_pending === 0;
          },
          { what: 'all messages acknowledged after the redelivery' },
        );
        expect(await countOf(twice.caseId!)).toBe(1);
        expect(await countOf(crash.caseId!)).toBe(1);
      } finally {
        await consumer.stop();
      }
    });

    it('sends a poison message to the dead-letter subject after N tries and goes on', async () => {
      const dead = await collectEvents(infra.natsUrl, `deadletter.kit-test-poison-${mode}`, { stream: 'DEADLETTER' });
      const tag = `poison-${mode}`;
      const consumer = new DurableConsumer(
        { name: `kit-test-poison-${mode}`, subject: 'hotline.case.signed', handlers: { 'hotline.case.signed': handlerFor(tag) } },
        orm,
        nc,
        js,
        log,
        {
          concurrency: 2,
          maxDeliver: 3,
          batchSize,
        },
      );
      await consumer.start();
      try {
        const poison = signed(randomUUID(), 'POISON', tag);
        const garbage = `{"not":"an event","from":"${tag}"}`;
        const after = signed(randomUUID(), 'E-1', tag);
        await js.publish('hotline.case.signed', JSON.stringify(poison), { msgID: poison.id });
        await js.publish('hotline.case.signed', garbage);
        await js.publish('hotline.case.signed', JSON.stringify(after), { msgID: after.id });
        await eventually(async () => (await countOf(after.caseId!)) === 1, { what: 'the event after the poison one' });
        await eventually(async () => dead.messages.some((m) => m.json.id === poison.id) && dead.messages.some((m) => m.data === garbage), {
          what: 'both dead letters',
          timeoutMs: 15_000,
        });
        const poisoned = dead.messages.find((m) => m.json.id === poison.id)!;
        expect(poisoned.headers['Hotline-Deliveries']).toBe('3');
        expect(poisoned.headers['Hotline-Error']).toContain('cannot handle');
        expect(dead.messages.some((m) => m.data === garbage && m.headers['Hotline-Error'].includes('invalid event envelope'))).toBe(true);
        expect(await countOf(poison.caseId!)).toBe(0);
        // Dead-lettered means settled: nothing waits for ack_wait (30 s) to be delivered again.
        const jsm = await jetstreamManager(nc);
        await eventually(async () => (await jsm.consumers.info('HOTLINE', `kit-test-poison-${mode}`)).num_ack_pending === 0, {
          what: 'no message left pending',
          timeoutMs: 10_000,
        });
      } finally {
        await consumer.stop();
        await dead.close();
      }
    });

    it('keeps the events of one case in order, and a failing event costs only itself', async () => {
      // Each event appends its digit: a case whose four events ran in order ends at 1234.
      const tag = `order-${mode}`;
      const ordered = async (event: EventEnvelope, em: import('@mikro-orm/postgresql').EntityManager) => {
        if (event.source !== tag) return;
        if (event.data.externalNo === 'POISON') throw new Error('cannot handle this one');
        const digit = Number(String(event.data.externalNo).slice(1));
        await em.execute('insert into test_effect (case_id, count) values (?, ?) on conflict (case_id) do update set count = test_effect.count * 10 + ?', [
          event.caseId,
          digit,
          digit,
        ]);
      };
      const dead = await collectEvents(infra.natsUrl, `deadletter.kit-test-order-${mode}`, { stream: 'DEADLETTER' });
      const cases = Array.from({ length: 40 }, () => randomUUID());
      const poison = Array.from({ length: 3 }, () => signed(randomUUID(), 'POISON', tag));
      for (let n = 1; n <= 4; n++) {
        for (const [i, caseId] of cases.entries()) {
          const e = signed(caseId, `N${n}`, tag);
          await js.publish('hotline.case.signed', JSON.stringify(e), { msgID: e.id });
          if (n === 2 && i % 15 === 0) {
            const p = poison[i / 15];
            await js.publish('hotline.case.signed', JSON.stringify(p), { msgID: p.id });
          }
        }
      }
      const consumer = new DurableConsumer(
        { name: `kit-test-order-${mode}`, subject: 'hotline.case.signed', handlers: { 'hotline.case.signed': ordered } },
        orm,
        nc,
        js,
        log,
        {
          concurrency: 4,
          maxDeliver: 2,
          batchSize,
        },
      );
      await consumer.start();
      try {
        await eventually(
          async () => {
            const rows = await orm.em.fork().execute<Array<{ count: number }>>('select count from test_effect where case_id in (?)', [cases]);
            return rows.length === cases.length && rows.every((r) => r.count === 1234);
          },
          { what: 'every case at 1234', timeoutMs: 20_000 },
        );
        await eventually(async () => poison.every((p) => dead.messages.some((m) => m.json.id === p.id)), { what: 'three dead letters', timeoutMs: 15_000 });
        expect(dead.messages.filter((m) => m.json.source === tag)).toHaveLength(3);
        for (const p of poison) expect(await countOf(p.caseId!)).toBe(0);
      } finally {
        await consumer.stop();
        await dead.close();
      }
    });
  });

  it('a consumer with a batch handler applies a backlog in bulk, and falls back to one at a time when the batch fails', async () => {
    const tag = 'bulk';
    const bulkSizes: number[] = [];
    let singles = 0;
    const effect = (em: import('@mikro-orm/postgresql').EntityManager, events: EventEnvelope[]) =>
      em.execute(
        `insert into test_effect (case_id, count) values ${events.map(() => '(?, 1)').join(', ')} on conflict (case_id) do update set count = test_effect.count + 1`,
        events.map((e) => e.caseId),
      );
    const one = async (event: EventEnvelope, em: import('@mikro-orm/postgresql').EntityManager) => {
      if (event.source !== tag) return;
      // Counted before the poison throws: a poisoned batch of the poison alone is redone one at a time too.
      singles++;
      if (event.data.externalNo === 'POISON') throw new Error('cannot handle this one');
      await effect(em, [event]);
    };
    const bulk = async (events: EventEnvelope[], em: import('@mikro-orm/postgresql').EntityManager) => {
      const mine = events.filter((e) => e.source === tag);
      if (mine.some((e) => e.data.externalNo === 'POISON')) throw new Error('cannot handle this batch');
      bulkSizes.push(mine.length);
      if (mine.length) await effect(em, mine);
    };
    const dead = await collectEvents(infra.natsUrl, 'deadletter.kit-test-bulk', { stream: 'DEADLETTER' });
    const events = Array.from({ length: 120 }, (_, i) => signed(randomUUID(), i === 50 ? 'POISON' : `B${i}`, tag));
    for (const e of events) await js.publish('hotline.case.signed', JSON.stringify(e), { msgID: e.id });
    await js.publish('hotline.case.signed', JSON.stringify(events[7]), { msgID: `${events[7].id}-copy` }); // a second copy
    const consumer = new DurableConsumer(
      { name: 'kit-test-bulk', subject: 'hotline.case.signed', handlers: { 'hotline.case.signed': one }, batchHandler: bulk },
      orm,
      nc,
      js,
      log,
      {
        concurrency: 2,
        maxDeliver: 2,
        batchSize: 32,
      },
    );
    await consumer.start();
    try {
      const good = events.filter((e) => e.data.externalNo !== 'POISON');
      await eventually(
        async () => {
          const rows = await orm.em.fork().execute<Array<{ count: number }>>('select count from test_effect where case_id in (?)', [good.map((e) => e.caseId)]);
          return rows.length === good.length && rows.every((r) => r.count === 1);
        },
        { what: 'every good event applied exactly once', timeoutMs: 20_000 },
      );
      await eventually(async () => dead.messages.some((m) => m.json.id === events[50].id), { what: 'the poison event dead-lettered', timeoutMs: 15_000 });
      expect(Math.max(...bulkSizes)).toBeGreaterThan(1); // the bulk path did the work...
      expect(singles).toBeGreaterThan(0); // ...and the poisoned batch was redone one at a time (the poison at least)
      expect(await countOf(events[50].caseId!)).toBe(0);
    } finally {
      await consumer.stop();
      await dead.close();
    }
  });

  it('a batch handler may decline a batch: the kit then runs the per-event handlers, in the same transaction', async () => {
    const tag = 'declined';
    let singles = 0;
    let declined = 0;
    const one = async (event: EventEnvelope, em: import('@mikro-orm/postgresql').EntityManager) => {
      if (event.source !== tag) return;
      singles++;
      await em.execute('insert into test_effect (case_id, count) values (?, 1) on conflict (case_id) do update set count = test_effect.count + 1', [
        event.caseId,
      ]);
    };
    const events = Array.from({ length: 60 }, (_, i) => signed(randomUUID(), `D${i}`, tag));
    for (const e of events) await js.publish('hotline.case.signed', JSON.stringify(e), { msgID: e.id });
    const consumer = new DurableConsumer(
      {
        name: 'kit-test-declined',
        subject: 'hotline.case.signed',
        handlers: { 'hotline.case.signed': one },
        batchHandler: async () => {
          declined++;
          return false;
        },
      },
      orm,
      nc,
      js,
      log,
      { concurrency: 2, maxDeliver: 2, batchSize: 32 },
    );
    await consumer.start();
    try {
      await eventually(
        async () => {
          const rows = await orm.em
            .fork()
            .execute<Array<{ count: number }>>('select count from test_effect where case_id in (?)', [events.map((e) => e.caseId)]);
          return rows.length === events.length && rows.every((r) => r.count === 1);
        },
        { what: 'every event applied once through the per-event handler', timeoutMs: 20_000 },
      );
      expect(declined).toBeGreaterThan(0);
      expect(singles).toBe(events.length);
    } finally {
      await consumer.stop();
    }
  });
  it('runs an idempotent one-statement handler in autocommit when its event comes alone, and through the inbox in a backlog', async () => {
    const tag = 'idempotent';
    let crashes = 0;
    const inboxRows = async (ids: string[]) =>
      Number(
        (
          await orm.em
            .fork()
            .execute<Array<{ n: string }>>('select count(*) as n from kit_inbox where consumer = ? and event_id in (?)', ['kit-test-idempotent', ids])
        )[0].n,
      );
    // Idempotent by itself: a second run of the same event changes nothing.
    const once = async (event: EventEnvelope, em: import('@mikro-orm/postgresql').EntityManager) => {
      if (event.source !== tag) return;
      await em.execute('insert into test_effect (case_id, count) values (?, 1) on conflict (case_id) do nothing', [event.caseId]);
    };
    // A backlog first: more than ALONE_AT_MOST events wait when the consumer starts.
    const backlog = Array.from({ length: 40 }, (_, i) => signed(randomUUID(), `B${i}`, tag));
    for (const e of backlog) await js.publish('hotline.case.signed', JSON.stringify(e), { msgID: e.id });
    const consumer = new DurableConsumer(
      { name: 'kit-test-idempotent', subject: 'hotline.case.signed', handlers: { 'hotline.case.signed': once }, idempotentTypes: ['hotline.case.signed'] },
      orm,
      nc,
      js,
      log,
      {
        concurrency: 1,
        maxDeliver: 5,
        batchSize: 32,
        afterCommit: (e) => {
          if (e.source === tag && e.data.externalNo === 'CRASH' && crashes++ === 0) throw new Error('crash before ack');
        },
      },
    );
    await consumer.start();
    try {
      const applied = async (events: EventEnvelope[]) => {
        const rows = await orm.em.fork().execute<Array<{ count: number }>>('select count from test_effect where case_id in (?)', [events.map((e) => e.caseId)]);
        return rows.length === events.length && rows.every((r) => r.count === 1);
      };
      await eventually(() => applied(backlog), { what: 'the backlog applied' });
      // One lane and 40 waiting: at least one batch was larger than ALONE_AT_MOST, so went through the inbox.
      expect(await inboxRows(backlog.map((e) => e.id))).toBeGreaterThan(ALONE_AT_MOST);

      // Alone: two copies past NATS de-duplication, and a redelivery after a crash before the ack.
      const twice = signed(randomUUID(), 'E-1', tag);
      await js.publish('hotline.case.signed', JSON.stringify(twice), { msgID: `${twice.id}-a` });
      await eventually(() => applied([twice]), { what: 'the first copy applied' });
      await js.publish('hotline.case.signed', JSON.stringify(twice), { msgID: `${twice.id}-b` });
      const crash = signed(randomUUID(), 'CRASH', tag);
      await js.publish('hotline.case.signed', JSON.stringify(crash), { msgID: crash.id });
      await eventually(async () => crashes >= 1 && (await applied([crash])), { what: 'the crash event applied' });
      const jsm = await jetstreamManager(nc);
      await eventually(
        async () => {
          const info = await jsm.consumers.info('HOTLINE', 'kit-test-idempotent');
          return info.num_ack_pending === 0 && info.num_pending === 0;
        },
        { what: 'all messages acknowledged after the redelivery' },
      );
      expect(crashes).toBe(2); // run twice (the crash, then the redelivery)...
      expect(await countOf(twice.caseId!)).toBe(1);
      expect(await countOf(crash.caseId!)).toBe(1); // ...with one effect
      // Handled alone, in autocommit: no inbox row.
      expect(await inboxRows([twice.id, crash.id])).toBe(0);
    } finally {
      await consumer.stop();
    }
  });
});
