import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { LockMode } from '@mikro-orm/core';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createEvent, type EventEnvelope } from '@hotline/contracts';
import { Infra, startInfra } from '@hotline/testing';
import { openOrm, readRows } from '@hotline/service-kit';
import { Case } from '../src/cases/case.entity';
import { receiveCase, receivedEvent } from '../src/cases/receive-case';
import { signCases } from '../src/signing/sign-case';
import { KeyPerson, KeyPersonAudit } from '../src/key-persons/key-person.entity';
import { flagKeyPerson, unflagKeyPerson } from '../src/key-persons/key-persons';
import { migrations } from '../src/migrations';
import { cachedIntakeRules } from '../src/settings/intake-settings';
import { changesCase, LINE_ONLY_TYPES, onCaseEvent } from '../src/timeline/case-events.consumer';
import { TimelineEntry } from '../src/timeline/timeline-entry.entity';

const actor = { userId: randomUUID(), role: 'duty' as const };
const supervisor = { id: randomUUID(), role: 'supervisor', username: 'sup', departmentId: null } as never;
let seq = 0;
const order = (over: Record<string, unknown> = {}) => ({
  externalNo: `RC-${Date.now()}-${++seq}`,
  citizenName: '张三',
  citizenPhone: `1390000${String(seq).padStart(4, '0')}`,
  title: '电梯故障',
  content: '3号楼电梯停运两天。',
  requestType: 'complaint',
  topic: '物业',
  ...over,
});

/** 接收工单 with one signals query and one insert of the case and its event (`on conflict (external_no) do nothing`); the timeline's lines. */
describe('receiveCase', () => {
  let infra: Infra;
  let orm: MikroORM;
  /** Every statement intake sends, as knex reports them (BEGIN and COMMIT included). */
  let statements: string[] = [];

  beforeAll(async () => {
    infra = await startInfra('receive-case');
    await infra.ensureDatabase('intake_receive');
    orm = (await openOrm({
      url: infra.databaseUrl('intake_receive'),
      entities: [Case, KeyPerson, KeyPersonAudit, TimelineEntry],
      migrations,
    })) as MikroORM;
    orm.em
      .getConnection()
      .getKnex()
      .on('query', (q: { sql: string }) => statements.push(q.sql));
  }, 120_000);
  afterAll(async () => {
    await orm?.close(true);
    await infra?.stop();
  });
  beforeEach(async () => {
    await cachedIntakeRules(orm.em.fork()); // read at most once per 2 s: not part of what a test counts
    statements = [];
  });
  /** The statements' first words: begin, select, insert, commit. */
  const verbs = () => statements.map((s) => /^\w+/.exec(s)![0].toLowerCase());

  const sql = <T>(text: string, params: unknown[] = []) => orm.em.fork().getConnection().execute<T[]>(text, params);
  const outboxOf = async (caseId: string) => sql<{ subject: string }>('select subject from kit_outbox where case_id = ? order by seq', [caseId]);
  const rowOf = async (externalNo: string) => sql<Record<string, unknown>>('select * from intake_case where external_no = ?', [externalNo]);

  it('writes a new case and its event in two statements: the signals, then the case and its outbox row in one (no transaction around)', async () => {
    const input = order({ attachments: [{ name: '照片', url: 'https://example.org/a.jpg' }] });
    const r = await receiveCase(orm.em.fork(), actor, input);
    expect(r.created).toBe(true);
    expect(verbs()).toEqual(['select', 'with']);
    const [row] = await rowOf(input.externalNo);
    expect(row).toMatchObject({ id: r.case.id, title: '电梯故障', stage: 'received', version: 1, key_person: false, department_ids: [] });
    expect(row.attachments).toEqual([{ name: '照片', url: 'https://example.org/a.jpg' }]);
    expect(row.caller_key).toBe(r.case.callerKey);
    expect(await outboxOf(r.case.id)).toEqual([{ subject: 'hotline.case.received' }]);
  });

  it('reads a case as plain rows (the gateway references) with the values the entity holds', async () => {
    const input = order({ attachments: [{ name: '照片', url: 'https://example.org/b.jpg' }], address: '荣华街道5号院', latitude: 39.79 });
    const { case: c } = await receiveCase(orm.em.fork(), actor, input);
    const [row] = await readRows(orm.em.fork(), Case, { id: c.id });
    const entity = await orm.em.fork().findOneOrFail(Case, { id: c.id });
    const props = Object.keys(orm.getMetadata().get('Case').properties);
    expect(Object.fromEntries(props.map((p) => [p, (row as unknown as Record<string, unknown>)[p]]))).toEqual(
      Object.fromEntries(props.map((p) => [p, (entity as unknown as Record<string, unknown>)[p]])),
    );
    expect(row.attachments).toEqual([{ name: '照片', url: 'https://example.org/b.jpg' }]);
    expect(row.receivedAt).toBeInstanceOf(Date);
  });

  it('answers a known external number with the case it has and writes nothing more', async () => {
    const input = order();
    const first = await receiveCase(orm.em.fork(), actor, input);
    const [before] = await rowOf(input.externalNo);
    const again = await receiveCase(orm.em.fork(), actor, { ...input, title: '重复推送', citizenPhone: '13911112222' });
    expect(again.created).toBe(false);
    expect(again.case.id).toBe(first.case.id);
    expect(again.case.title).toBe('电梯故障');
    expect(await rowOf(input.externalNo)).toEqual([before]);
    expect(await outboxOf(first.case.id)).toHaveLength(1);
  });

  it('makes one case of concurrent receipts of one order: the others get it, one event', async () => {
    const input = order();
    const results = await Promise.all(Array.from({ length: 4 }, () => receiveCase(orm.em.fork(), actor, input)));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(new Set(results.map((r) => r.case.id)).size).toBe(1);
    expect(await rowOf(input.externalNo)).toHaveLength(1);
    expect(await outboxOf(results[0].case.id)).toHaveLength(1);
  });

  it('rejects invalid input before any statement', async () => {
    await expect(receiveCase(orm.em.fork(), actor, order({ title: ' ' }))).rejects.toThrow('请填写标题');
    expect(statements).toEqual([]);
  });

  it('marks a key person (重点人) and counts repeats in the same statement', async () => {
    const phone = '13855556666';
    const first = await receiveCase(orm.em.fork(), actor, order({ citizenPhone: phone }));
    expect(first.case).toMatchObject({ keyPerson: false, repeatCount: 0 });
    await flagKeyPerson(orm.em.fork(), supervisor, { phone: '+86 138-5555-6666', reason: '多次来电' });
    statements = [];
    const second = await receiveCase(orm.em.fork(), actor, order({ citizenPhone: phone }));
    expect(second.case).toMatchObject({ keyPerson: true, repeatCount: 1 });
    expect(statements.filter((s) => /^select/i.test(s))).toHaveLength(1);
    expect((await rowOf(second.case.externalNo))[0].key_person).toBe(true);
    const other = await receiveCase(orm.em.fork(), actor, order());
    expect(other.case.keyPerson).toBe(false);
    await unflagKeyPerson(orm.em.fork(), supervisor, { phone, reason: '已化解' });
    const third = await receiveCase(orm.em.fork(), actor, order({ citizenPhone: phone }));
    expect(third.case).toMatchObject({ keyPerson: false, repeatCount: 2 });
  });

  it('sends no signals query for an anonymous case without phone, address or project', async () => {
    const r = await receiveCase(orm.em.fork(), actor, order({ anonymous: true, citizenName: '', citizenPhone: '' }));
    expect(r.case).toMatchObject({ keyPerson: false, repeatCount: 0, clusterCount: 0, callerKey: null });
    expect(verbs()).toEqual(['with']);
  });

  it('signs a batch (批量签收) with the cases locked in id order, the already signed left alone, one event per case signed', async () => {
    const got = await Promise.all(Array.from({ length: 6 }, () => receiveCase(orm.em.fork(), actor, order())));
    const ids = got.map((r) => r.case.id);
    const user = { id: randomUUID(), role: 'duty', username: 'duty', displayName: '值守' } as never;
    await signCases(orm.em.fork(), user, [ids[0]]);
    statements = [];
    // A consumer-like transaction locking the same cases in id order at the same time: no deadlock.
    const [signed] = await Promise.all([
      signCases(orm.em.fork(), user, [...ids].reverse()),
      orm.em.fork().transactional((em) => em.find(Case, { id: { $in: ids } }, { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { id: 'asc' } })),
    ]);
    expect(signed.map((c) => c.id)).toEqual([...ids].sort());
    expect(statements.find((q) => /for update/i.test(q) && /order by/i.test(q))).toBeDefined();
    for (const id of ids) expect(await outboxOf(id)).toEqual([{ subject: 'hotline.case.received' }, { subject: 'hotline.case.signed' }]);
    expect((await sql<{ stage: string }>('select distinct stage from intake_case where id in (?)', [ids])).map((r) => r.stage)).toEqual(['signed']);
  });

  describe('the timeline consumer', () => {
    /** As the kit's consumer runs a handler: in a transaction, flushed after. */
    const handle = (e: EventEnvelope) =>
      orm.em.fork().transactional(async (em) => {
        await onCaseEvent(e, em);
        await em.flush();
      });
    const linesOf = (caseId: string) =>
      sql<Record<string, unknown>>(
        'select id, case_id, type, label, occurred_at, actor_user_id, actor_role, department_id, detail from case_timeline where case_id = ? order by occurred_at',
        [caseId],
      );

    it('writes the line of hotline.case.received in one statement, without reading or locking the case', async () => {
      const { case: c } = await receiveCase(orm.em.fork(), { system: 'open311:key-1' }, order());
      const e = receivedEvent(c, { system: 'open311:key-1' });
      expect(changesCase(e)).toBe(false);
      const [before] = await rowOf(c.externalNo);
      statements = [];
      await handle(e);
      expect(verbs()).toEqual(['begin', 'insert', 'commit']);
      expect(await linesOf(c.id)).toEqual([
        {
          id: e.id,
          case_id: c.id,
          type: 'hotline.case.received',
          label: '工单接收',
          occurred_at: expect.anything(),
          actor_user_id: null,
          actor_role: 'system:open311',
          department_id: null,
          detail: expect.any(String),
        },
      ]);
      expect(new Date(String((await linesOf(c.id))[0].occurred_at)).toISOString()).toBe(e.occurredAt);
      expect(await rowOf(c.externalNo)).toEqual([before]);
    });

    it('a line-only event handled again (as the kit redelivers it without the inbox) adds no second line', async () => {
      const { case: c } = await receiveCase(orm.em.fork(), actor, order());
      const e = receivedEvent(c, actor);
      expect(LINE_ONLY_TYPES).toContain('hotline.case.received');
      statements = [];
      // In autocommit, as the kit runs an event of LINE_ONLY_TYPES that comes alone: one statement.
      await onCaseEvent(e, orm.em.fork());
      expect(verbs()).toEqual(['insert']);
      await onCaseEvent(e, orm.em.fork());
      await handle(e);
      expect((await linesOf(c.id)).map((l) => l.id)).toEqual([e.id]);
    });

    it('LINE_ONLY_TYPES never change the case, whatever the round, and read nothing but the case', () => {
      for (const type of LINE_ONLY_TYPES)
        for (const round of [undefined, 1, 2, 3]) expect(changesCase({ type, data: { round } } as unknown as EventEnvelope)).toBe(false);
      expect(LINE_ONLY_TYPES).not.toContain('hotline.case.attachment-removed');
      expect(LINE_ONLY_TYPES).not.toContain('hotline.case.signed');
      expect(LINE_ONLY_TYPES).not.toContain('hotline.case.completed');
    });

    it('fails (to be retried, then dead-lettered) for a case it does not know, and writes no line', async () => {
      const { case: c } = await receiveCase(orm.em.fork(), actor, order());
      const e = { ...receivedEvent(c, actor), caseId: randomUUID() };
      await expect(handle(e)).rejects.toThrow(/not found for hotline.case.received/);
      expect(await linesOf(e.caseId)).toEqual([]);
    });

    it('takes the locked path for every event that may change the case, by the lifecycle and the event round', () => {
      const ev = (type: string, data: Record<string, unknown> = {}) => ({ type, data }) as unknown as EventEnvelope;
      expect(changesCase(ev('hotline.case.received'))).toBe(false);
      expect(changesCase(ev('hotline.case.attachment-added'))).toBe(false);
      expect(changesCase(ev('hotline.callback.attempted', { round: 1 }))).toBe(false);
      expect(changesCase(ev('hotline.supervision.opened'))).toBe(false);
      // A later round's 回访 event moves a case still being re-handled (stageAfterRound).
      expect(changesCase(ev('hotline.callback.attempted', { round: 2 }))).toBe(true);
      expect(changesCase(ev('hotline.case.signed'))).toBe(true);
      expect(changesCase(ev('hotline.case.contacted'))).toBe(true); // 首次联系时间, no stage
      expect(changesCase(ev('hotline.case.completed'))).toBe(true);
    });

    it('still locks and moves the case for an event that changes it (签收)', async () => {
      const { case: c } = await receiveCase(orm.em.fork(), actor, order());
      const e = createEvent({
        type: 'hotline.case.signed',
        source: 'intake',
        actor,
        caseId: c.id,
        data: { externalNo: c.externalNo, signedAt: new Date().toISOString() },
      });
      expect(changesCase(e)).toBe(true);
      statements = [];
      await handle(e);
      expect(statements.some((s) => /for update/i.test(s))).toBe(true);
      const [row] = await rowOf(c.externalNo);
      expect(row.stage).toBe('signed');
      expect((await linesOf(c.id)).map((l) => [l.type, l.actor_user_id, l.actor_role])).toEqual([['hotline.case.signed', actor.userId, 'duty']]);
    });
  });
});
