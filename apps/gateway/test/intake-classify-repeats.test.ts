import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectEvents, eventually, GraphQLClient } from '@hotline/testing';
import { as } from './helpers';

type Partner = Awaited<ReturnType<typeof collectEvents>>;
const RECEIVE = 'mutation($i: ReceiveCaseInput!) { receiveCase(input: $i) { id externalNo tier urgency repeatCount } }';
type Received = { id: string; externalNo: string; tier: string; urgency: string; repeatCount: number };

const order = (over: Record<string, unknown> = {}) => ({
  externalNo: `CR-${randomUUID().slice(0, 8)}`,
  channel: 'district',
  citizenName: '赵敏',
  citizenPhone: `135${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`,
  title: '小区电梯故障',
  content: '小区5号楼电梯近一个月故障四次，物业维修拖延，请督促彻底维修。',
  requestType: 'complaint',
  topic: '物业',
  ...over,
});

describe('classification on receipt by configurable rules, and the operator correcting it', () => {
  let duty: GraphQLClient;
  let admin: GraphQLClient;
  let handler: GraphQLClient;
  let partner: Partner;
  beforeAll(async () => {
    partner = await collectEvents(inject('natsUrl'), 'hotline.case.classified');
    [duty, admin, handler] = await Promise.all([as('duty'), as('admin'), as('handler-property')]);
  });
  afterAll(async () => {
    await partner?.close();
  });
  const receive = async (over: Record<string, unknown> = {}) => (await duty.request<{ receiveCase: Received }>(RECEIVE, { i: order(over) })).receiveCase;

  it('classifies type, tier and urgency by the rules', async () => {
    expect(await receive({ requestType: 'consultation', content: '想咨询物业费调整是否需要业主大会表决。' })).toMatchObject({
      tier: 'simple',
      urgency: 'normal',
    });
    expect(await receive()).toMatchObject({ tier: 'general', urgency: 'normal' });
    expect(await receive({ content: '电梯突然停运，有老人被困在里面！' })).toMatchObject({ urgency: 'urgent' });
    expect(await receive({ content: '小区已经停水两天了。' })).toMatchObject({ urgency: 'timely' });
    expect(await receive({ topic: '购房退费' })).toMatchObject({ tier: 'difficult' });
  });

  it('follows rules the admin changes', async () => {
    const before = (await admin.request<{ intakeRules: { difficultTopics: string[] } }>('{ intakeRules { difficultTopics } }')).intakeRules.difficultTopics;
    try {
      await admin.request('mutation($t: [String!]!) { updateIntakeRules(input: { difficultTopics: $t }) { difficultTopics } }', { t: [...before, '物业'] });
      expect(await receive()).toMatchObject({ tier: 'difficult' });
      const bad = await admin.raw('mutation { updateIntakeRules(input: { textSimilarityThreshold: 7 }) { textSimilarityThreshold } }');
      expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      const notAdmin = await duty.raw('mutation { updateIntakeRules(input: { difficultRepeatCount: 9 }) { difficultRepeatCount } }');
      expect(notAdmin.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    } finally {
      await admin.request('mutation($t: [String!]!) { updateIntakeRules(input: { difficultTopics: $t }) { difficultTopics } }', { t: before });
    }
    expect(await receive()).toMatchObject({ tier: 'general' });
  });

  it('the operator corrects the classification with a reason: audited before → after on the timeline and in the event', async () => {
    const c = await receive();
    const Q = 'mutation($i: ReclassifyInput!) { reclassifyCase(input: $i) { id topic tier urgency requestType } }';
    const noReason = await duty.raw(Q, { i: { caseId: c.id, tier: 'difficult', reason: '' } });
    expect(noReason.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const unknownTopic = await duty.raw(Q, { i: { caseId: c.id, topic: '外星人', reason: '主题选错了' } });
    expect(unknownTopic.errors?.[0].extensions?.reason).toBe('UNKNOWN_TOPIC');
    const byHandler = await handler.raw(Q, { i: { caseId: c.id, tier: 'difficult', reason: '科室认为疑难' } });
    expect(byHandler.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const r = await duty.request<{ reclassifyCase: Record<string, string> }>(Q, {
      i: { caseId: c.id, topic: '房屋质量', tier: 'difficult', reason: '实为新房渗水质量问题，涉及多户' },
    });
    expect(r.reclassifyCase).toMatchObject({ topic: '房屋质量', tier: 'difficult', requestType: 'complaint', urgency: 'normal' });
    const same = await duty.raw(Q, { i: { caseId: c.id, tier: 'difficult', reason: '再次确认为疑难' } });
    expect(same.errors?.[0].extensions?.reason).toBe('NOTHING_CHANGED');

    const e = await eventually(async () => partner.messages.find((m) => m.json.caseId === c.id), { what: 'the classified event' });
    expect(e.json.data).toMatchObject({
      before: { topic: '物业', tier: 'general' },
      after: { topic: '房屋质量', tier: 'difficult' },
      reason: '实为新房渗水质量问题，涉及多户',
      automatic: false,
    });
    expect(e.json.actor).toMatchObject({ role: 'duty' });
    const line = await eventually(
      async () => {
        const t = await duty.request<{ case: { timeline: Array<{ type: string; detail: string; actor: { username: string } | null }> } }>(
          'query($id: ID!) { case(id: $id) { timeline { type detail actor { username } } } }',
          { id: c.id },
        );
        return t.case.timeline.find((x) => x.type === 'hotline.case.classified');
      },
      { what: 'the correction on the timeline' },
    );
    expect(line.detail).toBe('物业→房屋质量，一般类→疑难类：实为新房渗水质量问题，涉及多户');
    expect(line.actor?.username).toBe('duty');
  });
});

describe('repeats and duplicates at intake (重复件 / 并单)', () => {
  let duty: GraphQLClient;
  let partner: Partner;
  beforeAll(async () => {
    partner = await collectEvents(inject('natsUrl'), 'hotline.case.>');
    duty = await as('duty');
  });
  afterAll(async () => {
    await partner?.close();
  });

  const CANDIDATES = 'query($id: ID!) { case(id: $id) { repeatCount repeatCandidates { score reasons case { id externalNo stage replyResult } } } }';
  type Candidates = { case: { repeatCount: number; repeatCandidates: Array<{ score: number; reasons: string[]; case: { id: string; stage: string } }> } };

  it('finds earlier cases by phone, by project and topic, and by similar Chinese text, and counts the repeats', async () => {
    const project = `鹿海园${randomUUID().slice(0, 4)}`;
    const phone = `136${String(Date.now()).slice(-8)}`;
    const first = (
      await duty.request<{ receiveCase: Received }>(RECEIVE, {
        i: order({ citizenPhone: phone, projectName: project, receivedAt: new Date(Date.now() - 3 * 86_400_000).toISOString() }),
      })
    ).receiveCase;
    const samePhone = (
      await duty.request<{ receiveCase: Received }>(RECEIVE, { i: order({ citizenPhone: phone, title: '物业不作为', content: '反映的问题还没人处理。' }) })
    ).receiveCase;
    expect(samePhone.repeatCount).toBe(1);
    const neighbour = (
      await duty.request<{ receiveCase: Received }>(RECEIVE, { i: order({ projectName: project, title: '物业费', content: '物业费上涨未公示收支。' }) })
    ).receiveCase;
    const similar = (
      await duty.request<{ receiveCase: Received }>(RECEIVE, {
        i: order({ title: '电梯老出故障', content: '小区5号楼电梯最近一个月故障了四次，物业维修一直拖延，请督促维修。' }),
      })
    ).receiveCase;

    const a = (await duty.request<Candidates>(CANDIDATES, { id: samePhone.id })).case;
    expect(a.repeatCandidates[0]).toMatchObject({ score: 1, case: { id: first.id, stage: 'received' } });
    expect(a.repeatCandidates[0].reasons).toContain('同一来电号码');
    const b = (await duty.request<Candidates>(CANDIDATES, { id: neighbour.id })).case;
    expect(b.repeatCandidates.find((x) => x.case.id === first.id)?.reasons).toContain('同一楼盘同一主题');
    const c = (await duty.request<Candidates>(CANDIDATES, { id: similar.id })).case;
    const hit = c.repeatCandidates.find((x) => x.case.id === first.id);
    expect(hit?.reasons.some((r) => r.startsWith('诉求内容相似'))).toBe(true);
    expect(hit!.score).toBeGreaterThan(0.45);
    expect(hit!.score).toBeLessThan(1);
  });

  it('links repeats and merges into a master case; repeat counts raise the master to difficult', async () => {
    const master = (await duty.request<{ receiveCase: Received }>(RECEIVE, { i: order({ receivedAt: new Date(Date.now() - 86_400_000).toISOString() }) }))
      .receiveCase;
    expect(master.tier).toBe('general');
    const r1 = (await duty.request<{ receiveCase: Received }>(RECEIVE, { i: order() })).receiveCase;
    const r2 = (await duty.request<{ receiveCase: Received }>(RECEIVE, { i: order() })).receiveCase;
    const LINK = 'mutation($i: LinkCaseInput!) { linkCase(input: $i) { id masterCaseId linkKind linkScore } }';

    const self = await duty.raw(LINK, { i: { caseId: master.id, masterCaseId: master.id, kind: 'repeat' } });
    expect(self.errors?.[0].extensions?.reason).toBe('LINK_TO_SELF');
    const l1 = await duty.request<{ linkCase: { masterCaseId: string; linkKind: string; linkScore: number } }>(LINK, {
      i: { caseId: r1.id, masterCaseId: master.id, kind: 'repeat' },
    });
    expect(l1.linkCase).toMatchObject({ masterCaseId: master.id, linkKind: 'repeat' });
    expect(l1.linkCase.linkScore).toBeGreaterThan(0.45);
    const again = await duty.raw(LINK, { i: { caseId: r1.id, masterCaseId: master.id, kind: 'merge' } });
    expect(again.errors?.[0].extensions?.reason).toBe('ALREADY_LINKED');
    // Linking to a linked case goes to its master (one level).
    await duty.request(LINK, { i: { caseId: r2.id, masterCaseId: r1.id, kind: 'merge' } });

    const m = await duty.request<{ case: { repeatCount: number; tier: string; linkedCases: Array<{ id: string; linkKind: string }> } }>(
      'query($id: ID!) { case(id: $id) { repeatCount tier linkedCases { id linkKind } } }',
      { id: master.id },
    );
    expect(m.case.repeatCount).toBe(2);
    expect(m.case.tier).toBe('difficult');
    expect(m.case.linkedCases).toEqual([
      { id: r1.id, linkKind: 'repeat' },
      { id: r2.id, linkKind: 'merge' },
    ]);

    const linked = await eventually(
      async () => {
        const l = partner.messages.filter((x) => x.subject === 'hotline.case.linked' && (x.json.data as { masterCaseId: string }).masterCaseId === master.id);
        return l.length === 2 && l;
      },
      { what: 'two linked events' },
    );
    expect(linked.map((x) => (x.json.data as { kind: string }).kind)).toEqual(['repeat', 'merge']);
    expect(linked[1].json.data).toMatchObject({ masterExternalNo: master.externalNo, repeatCount: 2 });
    const auto = await eventually(async () => partner.messages.find((x) => x.subject === 'hotline.case.classified' && x.json.caseId === master.id), {
      what: 'the automatic reclassification',
    });
    expect(auto.json.data).toMatchObject({ automatic: true, before: { tier: 'general' }, after: { tier: 'difficult' }, ruleIds: ['tier:repeat'] });
    expect(auto.json.actor).toEqual({ system: 'intake-rules' });
  });
});
