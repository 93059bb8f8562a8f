// The clock scheduler at scale: N open clocks (default 1,000,000) with their alarms (3 warnings,
// the breach, 3 催办 steps each) in supervision's tables on a real PostgreSQL; then
//  - find + fire: K alarms fall due; time for the scheduler (fireDueAlarms, batch 500, events
//    through the outbox) to claim and fire them all, and the idle round when nothing is due;
//  - per event: the cost of one case event through the clock consumer's use case (history row,
//    projection, definitions and calendar, clocks locked and updated, alarms planned, events in
//    the outbox) with the N clocks in place, against a raw baseline of one single-row insert
//    transaction on the same database.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';
import { fmt, median } from './stats.mjs';

const require = createRequire(import.meta.url);
const { startInfra } = require('@hotline/testing');
const kit = require('@hotline/service-kit');
const { createEvent } = require('@hotline/contracts');
const sup = (p) => require(`@hotline/supervision/dist/${p}`);
const { migrations } = sup('migrations');
const { CaseProjection } = sup('cases/case-projection.entity');
const { Clock } = sup('clocks/clock.entity');
const { ClockDefinition } = sup('definitions/clock-definition.entity');
const { LadderStep } = sup('urging/ladder-step.entity');
const { Urge } = sup('urging/urge.entity');
const { CalendarStore, seedCalendar } = sup('calendar/calendar-store');
const { DefinitionStore, seedDefinitions } = sup('definitions/definition-store');
const { seedLadder } = sup('urging/ladder');
const { fireDueAlarms } = sup('clocks/scheduler');
const { applyCaseEvent } = sup('clocks/apply-case-event');

/** N open handling clocks, due over the next 30 days, each with 7 alarms; built in chunks with generate_series. */
async function seedClocks(em, n) {
  const [def] = await em.execute(`select id from sup_clock_definition where key = 'handle-general'`);
  const chunk = 250_000;
  for (let from = 0; from < n; from += chunk) {
    const to = Math.min(n, from + chunk);
    await em.execute(
      `
      insert into sup_clock (id, case_id, kind, definition_id, definition_key, definition_version, measure, target_ms, state, started_at, due_at, segment_started_at, consumed_ms, paused_ms, department_id, updated_at)
      select md5('clock' || g)::uuid, md5('case' || g)::uuid, 'handle', ?, 'handle-general', 1, 'natural', 604800000, 'running',
             now() - interval '1 day', now() + (g % 43200) * interval '1 minute' + interval '1 hour', now() - interval '1 day', 0, 0, null, now()
      from generate_series(?::int, ?::int) g`,
      [def.id, from, to - 1],
    );
    await em.execute(
      `
      insert into sup_clock_alarm (clock_id, mark, kind, share_pct, level, recipients, fire_at)
      select c.id, m.mark, m.kind, m.pct, m.level, m.recipients::text[], c.due_at - (100 - m.pct) * interval '1 minute'
      from sup_clock c join generate_series(?::int, ?::int) g on c.id = md5('clock' || g)::uuid
      cross join (values ('warn:50', 'warn', 50, null, '{}'), ('warn:75', 'warn', 75, null, '{}'), ('warn:90', 'warn', 90, null, '{}'),
                         ('breach', 'breach', 100, null, '{}'), ('urge:a', 'urge', 80, 'reminder', '{department}'),
                         ('urge:b', 'urge', 100, 'breach', '{department,supervisor}'), ('urge:c', 'urge', 150, 'escalation', '{leader}')) m(mark, kind, pct, level, recipients)`,
      [from, to - 1],
    );
  }
  await em.execute('analyze sup_clock');
  await em.execute('analyze sup_clock_alarm');
}

export async function clocks({ runs = 5, clocks: n = 1_000_000, due = 1_000, events = 300 } = {}) {
  const infra = await startInfra('bench-clocks', { durable: true });
  const out = { clocks: n, due, events };
  try {
    await infra.ensureDatabase('bench_clocks');
    const orm = await kit.openOrm({ url: infra.databaseUrl('bench_clocks'), entities: [CaseProjection, Clock, ClockDefinition, LadderStep, Urge], migrations });
    await seedCalendar(orm.em.fork());
    await seedDefinitions(orm.em.fork());
    await seedLadder(orm.em.fork());
    const t0 = performance.now();
    await seedClocks(orm.em.fork(), n);
    out.seedMs = Math.round(performance.now() - t0);
    console.log(`[clocks] ${n.toLocaleString()} open clocks and ${(n * 7).toLocaleString()} alarms seeded in ${fmt(out.seedMs)} ms`);
    const calendars = new CalendarStore();
    const definitions = new DefinitionStore();

    // Idle: nothing due; what one scheduler round costs with N clocks waiting.
    const idle = [];
    for (let i = 0; i < 50; i++) {
      const s = performance.now();
      await fireDueAlarms(orm.em.fork(), calendars, 500);
      idle.push(performance.now() - s);
    }
    out.idleRoundMs = median(idle);

    // Find + fire: make `due` alarms of distinct clocks due now (warnings at 50 %), fire them all.
    const fire = [];
    for (let r = 0; r < runs; r++) {
      const em = orm.em.fork();
      const ids = await em.execute(`select clock_id as id from sup_clock_alarm where mark = 'warn:50' and fired_at is null order by random() limit ?`, [due]);
      const idArray = `{${ids.map((x) => x.id).join(',')}}`; // one array parameter (knex would expand a JS array)
      await em.execute(
        `insert into sup_case (id, external_no, request_type, topic, tier, urgency, received_at)
        select c.case_id, 'BENCH-' || left(c.case_id::text, 8), 'complaint', '物业', 'general', 'normal', now() from sup_clock c where c.id = any(?::uuid[]) on conflict do nothing`,
        [idArray],
      );
      await em.execute(
        `update sup_clock_alarm set fire_at = now() - interval '1 second' where mark = 'warn:50' and fired_at is null and clock_id = any(?::uuid[])`,
        [idArray],
      );
      const s = performance.now();
      let fired = 0;
      for (;;) {
        const res = await fireDueAlarms(orm.em.fork(), calendars, 500);
        fired += res.fired + res.skipped;
        if (res.fired + res.skipped === 0) break;
      }
      const ms = performance.now() - s;
      if (fired !== due) throw new Error(`fired ${fired}, expected ${due}`);
      fire.push(ms);
      console.log(`[clocks] run ${r + 1}: ${due} due warnings found and fired in ${fmt(ms)} ms`);
    }
    out.fireMs = median(fire);
    out.firePerAlarmMs = out.fireMs / due;

    // Per received event: received → signed → dispatched for fresh cases, with the N clocks in place.
    const perEvent = [];
    for (let i = 0; i < events / 3; i++) {
      const caseId = randomUUID();
      const actor = { system: 'bench' };
      const now = new Date();
      const evs = [
        createEvent({
          type: 'hotline.case.received',
          source: 'intake',
          actor,
          caseId,
          data: {
            externalNo: `EV-${i}`,
            channel: 'manual',
            receivedAt: now.toISOString(),
            requestType: 'complaint',
            topic: '物业',
            urgency: 'normal',
            tier: 'general',
            title: '基准测试',
            contentDigest: '基准测试',
          },
        }),
        createEvent({ type: 'hotline.case.signed', source: 'intake', actor, caseId, data: { externalNo: `EV-${i}`, signedAt: now.toISOString() } }),
        createEvent({
          type: 'hotline.case.dispatched',
          source: 'dispatch',
          actor,
          caseId,
          data: { externalNo: `EV-${i}`, leadDepartmentId: randomUUID(), assistDepartmentIds: [], dispatchedAt: now.toISOString(), redispatch: false },
        }),
      ];
      for (const e of evs) {
        const s = performance.now();
        await orm.em.fork().transactional((em) => applyCaseEvent(em, e, { calendars, definitions }));
        perEvent.push(performance.now() - s);
      }
    }
    out.perEventMs = median(perEvent);
    out.perEventP95Ms = perEvent.sort((a, b) => a - b)[Math.floor(perEvent.length * 0.95)];
    const raw = [];
    await orm.em.fork().execute('create table if not exists bench_raw (id uuid primary key, at timestamptz not null)');
    for (let i = 0; i < perEvent.length; i++) {
      const s = performance.now();
      await orm.em.fork().transactional((em) => em.execute('insert into bench_raw (id, at) values (?, now())', [randomUUID()]));
      raw.push(performance.now() - s);
    }
    out.rawInsertMs = median(raw);
    console.log(
      `[clocks] idle round ${fmt(out.idleRoundMs)} ms; ${due} due warnings fired in ${fmt(out.fireMs)} ms (${fmt(out.firePerAlarmMs * 1000)} µs each); one case event ${fmt(out.perEventMs)} ms (p95 ${fmt(out.perEventP95Ms)}) vs a raw insert transaction ${fmt(out.rawInsertMs)} ms`,
    );
    await orm.close(true);
  } finally {
    await infra.stop();
  }
  return out;
}
