import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectEvents, eventually, GraphQLClient } from '@hotline/testing';
import { as, receiveAndSign } from './helpers';
import { departments, must, refusal } from './dispatch-helpers';

type Partner = Awaited<ReturnType<typeof collectEvents>>;

const SUGGESTION = `dispatchSuggestion {
  source leadDepartmentId assistDepartmentIds confidence excludedDepartmentIds
  rule { matched leadDepartmentId assistDepartmentIds rule { id ruleKey version name basis } }
  candidates { departmentId departmentCode confidence words department { name } }
}`;

interface Suggestion {
  source: string;
  leadDepartmentId: string | null;
  assistDepartmentIds: string[];
  confidence: number;
  excludedDepartmentIds: string[];
  rule: {
    matched: string[];
    leadDepartmentId: string;
    assistDepartmentIds: string[];
    rule: { id: string; ruleKey: string; version: number; name: string; basis: string };
  } | null;
  candidates: Array<{ departmentId: string; departmentCode: string; confidence: number; words: string[]; department: { name: string } }>;
}

const suggestionFor = async (client: GraphQLClient, caseId: string) =>
  (await client.request<{ case: { dispatchSuggestion: Suggestion } }>(`query($id: ID!) { case(id: $id) { ${SUGGESTION} } }`, { id: caseId })).case
    .dispatchSuggestion;

const RULE = 'mutation($i: ResponsibilityRuleInput!) { createResponsibilityRule(input: $i) { id ruleKey version active } }';

describe('dispatch suggestions: the responsibility catalogue (权责清单) and the learned model', () => {
  let duty: GraphQLClient;
  let admin: GraphQLClient;
  let supervisor: GraphQLClient;
  let property: GraphQLClient;
  let dept: Record<string, string>;
  let partner: Partner;

  beforeAll(async () => {
    partner = await collectEvents(inject('natsUrl'), 'hotline.case.>');
    [duty, admin, supervisor, property] = await Promise.all([as('duty'), as('admin'), as('supervisor'), as('handler-property')]);
    dept = await departments(duty);
  });
  afterAll(async () => {
    await partner?.close();
  });

  it('a rule fires: the suggestion names the rule, what matched, and shows the model beside it', async () => {
    const c = await receiveAndSign(duty); // 林肯公园, 电梯停运 — the demo catalogue has a rule for it
    const s = await suggestionFor(duty, c.id);
    expect(s.source).toBe('rule');
    expect(s.leadDepartmentId).toBe(dept.property);
    expect(s.assistDepartmentIds).toEqual([dept.quality]);
    expect(s.rule?.rule).toMatchObject({ name: '林肯公园电梯专项', version: 1 });
    expect(s.rule?.matched).toEqual(expect.arrayContaining(['关键词:电梯', '项目:林肯公园']));
    expect(s.candidates).toHaveLength(3);
    expect(s.candidates[0]).toMatchObject({ departmentCode: 'property', department: { name: '物业管理科' } });
    expect(s.candidates[0].words.length).toBeGreaterThan(0);

    // Dispatching as suggested records the suggestion and that it was followed.
    await must(duty, 'dispatchCase', 'DispatchInput', { caseId: c.id, leadDepartmentId: dept.property, assistDepartmentIds: [dept.quality] });
    const ev = await eventually(async () => partner.messages.find((m) => m.json.caseId === c.id && m.subject === 'hotline.case.dispatched'), {
      what: 'the dispatched event',
    });
    expect((ev.json.data as { suggestion: unknown }).suggestion).toEqual({ source: 'rule', confidence: 1, ruleId: s.rule!.rule.id, followed: true });
  });

  it('no rule fires: the model suggests the top three departments with confidence and the words that weighed most', async () => {
    const c = await receiveAndSign(duty, {
      title: '楼道堆满杂物',
      content: '3号楼楼道被住户堆满杂物，存在消防隐患，物业一直不清理。',
      topic: '其他',
      projectName: '鹿海园',
    });
    const s = await suggestionFor(duty, c.id);
    expect(s.source).toBe('model');
    expect(s.rule).toBeNull();
    expect(s.leadDepartmentId).toBe(dept.property);
    expect(s.candidates.map((x) => x.departmentCode)[0]).toBe('property');
    expect(s.candidates[0].confidence).toBeGreaterThan(s.candidates[1].confidence);
    expect(s.candidates[0].words).toEqual(expect.arrayContaining(['物业']));
    expect(s.confidence).toBe(s.candidates[0].confidence);
  });

  it('after a 退回 the routing re-runs without the department that returned the case', async () => {
    const c = await receiveAndSign(duty, { title: '小区电梯停运', projectName: '林肯公园' });
    await must(duty, 'dispatchCase', 'DispatchInput', { caseId: c.id, leadDepartmentId: dept.property });
    await eventually(
      async () => (await property.request<{ departmentInbox: Array<{ id: string }> }>('{ departmentInbox { id } }')).departmentInbox.some((x) => x.id === c.id),
      { what: 'the case in the inbox' },
    );
    await must(property, 'returnCase', 'ReturnInput', { caseId: c.id, reasonCode: 'not_our_duty', basis: '电梯属特种设备，由质量部门牵头' });
    const s = await suggestionFor(duty, c.id);
    expect(s.excludedDepartmentIds).toEqual([dept.property]);
    expect(s.leadDepartmentId).not.toBe(dept.property);
    expect(s.rule?.rule.name ?? '').not.toBe('林肯公园电梯专项');
    expect(s.candidates.map((x) => x.departmentCode)).not.toContain('property');
  });

  it('the administrator maintains versioned rules; a new version takes over, a retired rule stops firing', async () => {
    const word = `测试词${randomUUID().slice(0, 6)}`;
    const input = { name: '测试条目', keywords: [word], leadDepartmentCode: 'planning', basis: '测试依据 v1' };
    expect(refusal(await duty.raw(RULE, { i: input }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusal(await admin.raw(RULE, { i: { ...input, keywords: [], leadDepartmentCode: 'planning' } }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(refusal(await admin.raw(RULE, { i: { ...input, leadDepartmentCode: 'nosuch' } }))).toEqual({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_DEPARTMENT' });
    const v1 = (await admin.request<{ createResponsibilityRule: { id: string; ruleKey: string; version: number } }>(RULE, { i: input }))
      .createResponsibilityRule;
    const c = await receiveAndSign(duty, { title: `关于${word}的诉求`, content: `市民反映${word}相关问题，请处理。`, projectName: '泰河园' });
    expect((await suggestionFor(duty, c.id)).rule?.rule).toMatchObject({ id: v1.id, version: 1, basis: '测试依据 v1' });

    const v2 = (
      await admin.request<{ updateResponsibilityRule: { id: string; version: number } }>(
        'mutation($k: ID!, $i: ResponsibilityRuleInput!) { updateResponsibilityRule(ruleKey: $k, input: $i) { id version } }',
        { k: v1.ruleKey, i: { ...input, leadDepartmentCode: 'quality', basis: '测试依据 v2' } },
      )
    ).updateResponsibilityRule;
    expect(v2.version).toBe(2);
    const s2 = await suggestionFor(duty, c.id);
    expect(s2.rule?.rule).toMatchObject({ id: v2.id, version: 2 });
    expect(s2.leadDepartmentId).toBe(dept.quality);

    const history = await duty.request<{ responsibilityRules: Array<{ ruleKey: string; version: number; supersededAt: string | null; active: boolean }> }>(
      '{ responsibilityRules(history: true) { ruleKey version supersededAt active } }',
    );
    const mine = history.responsibilityRules.filter((r) => r.ruleKey === v1.ruleKey);
    expect(mine.map((r) => [r.version, r.supersededAt !== null])).toEqual([
      [2, false],
      [1, true],
    ]);

    await admin.request('mutation($k: ID!) { retireResponsibilityRule(ruleKey: $k) { version active } }', { k: v1.ruleKey });
    expect((await suggestionFor(duty, c.id)).source).toBe('model');
  });

  it('the model card says what it trained on and reports figures only from the bureau cases; a supervisor retrains it on demand; handlers see no suggestion', async () => {
    type Card = {
      documents: number;
      demoDocuments: number;
      bureauDocuments: number;
      minBureauDocuments: number;
      minEvaluatedDocuments: number;
      evaluatedDocuments: number;
      accuracy: number | null;
      top3Accuracy: number | null;
      folds: number;
      trigger: string;
    };
    const info = (
      await duty.request<{ dispatchModel: Card }>(
        '{ dispatchModel { documents demoDocuments bureauDocuments minBureauDocuments minEvaluatedDocuments evaluatedDocuments accuracy top3Accuracy folds trigger trainedAt } }',
      )
    ).dispatchModel;
    expect(info.minBureauDocuments).toBe(200);
    expect(info.demoDocuments).toBe(info.bureauDocuments < 200 ? 480 : 0);
    expect(info.documents).toBe(info.demoDocuments + info.bureauDocuments);
    expect(info.folds).toBe(5);
    // Never the demo history's figures: held-out bureau cases only, or none at all.
    expect(info.evaluatedDocuments).toBe(info.bureauDocuments >= info.minEvaluatedDocuments ? info.bureauDocuments : 0);
    expect(info.accuracy === null).toBe(info.evaluatedDocuments === 0);
    expect(refusal(await duty.raw('mutation { retrainDispatchModel { trigger } }'))).toMatchObject({ code: 'FORBIDDEN' });
    const again = await supervisor.request<{ retrainDispatchModel: { trigger: string; bureauDocuments: number } }>(
      'mutation { retrainDispatchModel { trigger bureauDocuments } }',
    );
    expect(again.retrainDispatchModel.trigger).toBe('manual');
    const before = again.retrainDispatchModel.bureauDocuments;
    const c = await receiveAndSign(duty, { title: '路灯不亮', content: '荣京东街路灯坏了一个月，晚上很黑。', topic: '市政', projectName: '' });
    await must(duty, 'dispatchCase', 'DispatchInput', { caseId: c.id, leadDepartmentId: dept.property });
    await eventually(
      async () => (await property.request<{ departmentInbox: Array<{ id: string }> }>('{ departmentInbox { id } }')).departmentInbox.some((x) => x.id === c.id),
      { what: 'the case in the inbox' },
    );
    await eventually(async () => !(await property.raw('query($id: ID!) { case(id: $id) { id } }', { id: c.id })).errors, {
      what: 'the case visible to the department',
    });
    expect(refusal(await property.raw('query($id: ID!) { case(id: $id) { dispatchSuggestion { source } } }', { id: c.id }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    expect(refusal(await property.raw('{ dispatchQueue { id } }'))).toMatchObject({ code: 'FORBIDDEN' });
    // The bureau's own history grows with each completed case (labelled by its lead department).
    await must(property, 'replyCase', 'ReplyInput', { caseId: c.id, result: 'solved', text: '已联系市政设施科更换路灯，今晚恢复照明。' });
    await must(supervisor, 'approveReply', 'ApproveReplyInput', { caseId: c.id });
    const after = await supervisor.request<{ retrainDispatchModel: { bureauDocuments: number } }>('mutation { retrainDispatchModel { bureauDocuments } }');
    expect(after.retrainDispatchModel.bureauDocuments).toBe(before + 1);
  });
});
