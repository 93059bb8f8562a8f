import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Infra, startInfra } from '@hotline/testing';
import { openOrm } from '@hotline/service-kit';
import { Case } from '../src/cases/case.entity';
import { receiveCase } from '../src/cases/receive-case';
import { KeyPerson, KeyPersonAudit } from '../src/key-persons/key-person.entity';
import { flagKeyPerson, unflagKeyPerson } from '../src/key-persons/key-persons';
import { migrations } from '../src/migrations';
import { cachedIntakeRules } from '../src/settings/intake-settings';
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

/** 接收工单: the repeat counts and the key-person flag from one statement. */
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
  const outboxOf = async (caseId: string) => sql<{ subject: string }>('select subject from kit_outbox where case_id = ?', [caseId]);
  const rowOf = async (externalNo: string) => sql<Record<string, unknown>>('select * from intake_case where external_no = ?', [externalNo]);

  it('marks a key person (重点人) and counts repeats in the same statement', async () => {
    const phone = '13855556666';
    const first = await receiveCase(orm.em.fork(), actor, order({ citizenPhone: phone }));
    expect(first.case).toMatchObject({ keyPerson: false, repeatCount: 0 });
    await flagKeyPerson(orm.em.fork(), supervisor, { phone: '+86 138-5555-6666', reason: '多次来电' });
    statements = [];
    const second = await receiveCase(orm.em.fork(), actor, order({ citizenPhone: phone }));
    expect(second.case).toMatchObject({ keyPerson: true, repeatCount: 1 });
    expect(statements.filter((s) => /intake_key_person/.test(s))).toHaveLength(1); // inside the counting query
    expect((await rowOf(second.case.externalNo))[0].key_person).toBe(true);
    const other = await receiveCase(orm.em.fork(), actor, order());
    expect(other.case.keyPerson).toBe(false);
    await unflagKeyPerson(orm.em.fork(), supervisor, { phone, reason: '已化解' });
    const third = await receiveCase(orm.em.fork(), actor, order({ citizenPhone: phone }));
    expect(third.case).toMatchObject({ keyPerson: false, repeatCount: 2 });
  });

  it('sends no signals query for an anonymous case without phone, address or project (only the external-number lookup)', async () => {
    const r = await receiveCase(orm.em.fork(), actor, order({ anonymous: true, citizenName: '', citizenPhone: '' }));
    expect(r.case).toMatchObject({ keyPerson: false, repeatCount: 0, clusterCount: 0, callerKey: null });
    expect(verbs()).toEqual(['select', 'begin', 'insert', 'insert', 'commit']);
  });
});
