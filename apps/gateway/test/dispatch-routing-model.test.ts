import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { GraphQLClient, loginAs } from '@hotline/testing';
import { as, receiveAndSign } from './helpers';
import { departments, dispatched, must } from './dispatch-helpers';

/**
 * Openings that name no department, each longer than the 60-character digest once followed by
 * 「补充一点情况如下：」. Eight cases handled by planning and eight by property share them; only a
 * word after them — beyond the digest — tells the two apart.
 */
const STORIES = [
  '这件事情我们已经等了很久，前前后后找过好几个地方，每次都说会有人来处理，可是一直没有下文，大家心里都很着急，',
  '上个月我们一起去问过一次，当时工作人员说会尽快回复，结果过去了好几个星期，还是没有任何消息，只好再写一次，',
  '我们几户人家商量以后，决定把这件事情从头到尾写清楚，希望有关方面能够重视起来，早一点给大家一个明确的答复，',
  '这个问题影响到我们每天的生活，老人和孩子都受到了影响，我们也理解工作不容易，但还是希望能尽快有个说法，',
];
const NEW_STORY = '事情的经过是这样的，我们前几天又去看了一次，情况和之前差不多，没有什么变化，所以想再向你们说一说这件事，';
const MORE = '补充一点情况如下：';

/** Ordinary cases of the bureau, each with the department that handled it. */
const ORDINARY: Array<{ title: string; content: string; topic: string; dept: string }> = [
  { title: '物业不清运垃圾', content: '小区垃圾桶满了好几天，物业一直不清运，气味很大。', topic: '物业', dept: 'property' },
  { title: '物业费涨价', content: '物业公司擅自上调物业费，服务却越来越差。', topic: '物业', dept: 'property' },
  { title: '楼道杂物', content: '楼道堆满杂物，物业不清理，存在消防隐患。', topic: '物业', dept: 'property' },
  { title: '新房墙体开裂', content: '刚收的新房墙体多处开裂，开发商不给维修。', topic: '房屋质量', dept: 'quality' },
  { title: '外墙保温层脱落', content: '楼外墙保温层大面积脱落，存在质量问题。', topic: '房屋质量', dept: 'quality' },
  { title: '地面空鼓', content: '交付的精装房地面空鼓、瓷砖开裂。', topic: '房屋质量', dept: 'quality' },
  { title: '工地围挡破损', content: '工地围挡倒塌，施工区域没有防护，行人经过很危险。', topic: '施工', dept: 'construction' },
  { title: '塔吊安全隐患', content: '在建工地塔吊在居民楼上方作业，存在安全隐患。', topic: '施工', dept: 'construction' },
  { title: '道路坑洼', content: '路面坑洼破损严重，车辆经过颠簸。', topic: '市政', dept: 'municipal' },
  { title: '人行道破损', content: '人行道砖松动破损，老人容易摔倒。', topic: '市政', dept: 'municipal' },
  { title: '开发商不给明确交付计划', content: '业主要求开发商公布交付计划和工程进度，开发商一直拖延。', topic: '延期交房', dept: 'housing' },
  { title: '捆绑销售车位', content: '售楼处要求买房必须同时买车位和装修包。', topic: '购房退费', dept: 'sales' },
];

interface Card {
  documents: number;
  demoDocuments: number;
  bureauDocuments: number;
  fullTextDocuments: number;
  digestOnlyDocuments: number;
  evaluatedDocuments: number;
  minEvaluatedDocuments: number;
  accuracy: number | null;
  top3Accuracy: number | null;
  method: string;
  selectedOn: string;
  perDepartment: Array<{ departmentCode: string; cases: number; recall: number }>;
  calibration: { temperature: number; eceBefore: number; ece: number; bins: Array<{ count: number; confidence: number; accuracy: number }> } | null;
}
const CARD = `documents demoDocuments bureauDocuments fullTextDocuments digestOnlyDocuments evaluatedDocuments minEvaluatedDocuments
  accuracy top3Accuracy method selectedOn perDepartment { departmentCode cases recall } calibration { temperature eceBefore ece bins { count confidence accuracy } }`;

const suggestion = async (duty: GraphQLClient, caseId: string) =>
  (
    await duty.request<{
      case: {
        dispatchSuggestion: {
          source: string;
          leadDepartmentId: string | null;
          candidates: Array<{ departmentCode: string; confidence: number; words: string[] }>;
        };
      };
    }>('query($id: ID!) { case(id: $id) { dispatchSuggestion { source leadDepartmentId candidates { departmentCode confidence words } } } }', { id: caseId })
  ).case.dispatchSuggestion;

describe('the routing model learns from the whole text of the bureau’s completed cases, and its figures are the bureau’s alone', () => {
  let duty: GraphQLClient;
  let supervisor: GraphQLClient;
  let dept: Record<string, string>;
  const handlers: Record<string, GraphQLClient> = {};
  // A word the demo history has never seen, written only after the first 60 characters.
  const marker = `qz${randomUUID()
    .replace(/[^a-f]/g, '')
    .slice(0, 6)}`;
  // property's own word in the same place: the control does not depend on which cases other test
  // files completed for planning before this one (the model trains on every completed case).
  const other = `qx${randomUUID()
    .replace(/[^a-f]/g, '')
    .slice(0, 6)}`;

  /** A case received, signed, dispatched to `code`, accepted, replied and approved: 已办结. */
  const complete = async (input: Record<string, unknown>, code: string) => {
    const c = await dispatched(duty, { client: handlers[code], id: dept[code] }, { over: { projectName: '泰河园', ...input } });
    await must(handlers[code], 'acceptCase', 'CaseActionInput', { caseId: c.id });
    await must(handlers[code], 'replyCase', 'ReplyInput', { caseId: c.id, result: 'solved', text: '已核实处理，并电话告知市民。' });
    await must(supervisor, 'approveReply', 'ApproveReplyInput', { caseId: c.id });
    return c;
  };

  beforeAll(async () => {
    [duty, supervisor] = await Promise.all([as('duty'), as('supervisor')]);
    dept = await departments(duty);
    for (const code of Object.keys(dept)) handlers[code] = await loginAs(inject('gatewayUrl'), `handler-${code}`);
    // 8 cases handled by planning: an opening, then a word the demo history has never seen; 8 by
    // property: the same openings, then a word of property's own; and 12 ordinary cases — 28 completed.
    const planning = [...STORIES, ...STORIES].map((story) => ({ title: '反映一个情况', content: `${story}${MORE}${marker}。`, topic: '其他' }));
    const property = [...STORIES, ...STORIES].map((story) => ({ title: '反映一个情况', content: `${story}${MORE}${other}。`, topic: '其他' }));
    for (const p of planning) expect(p.content.indexOf(marker)).toBeGreaterThanOrEqual(60); // the digest is characters 0–59
    const work = [
      ...planning.map((p) => () => complete(p, 'planning')),
      ...property.map((p) => () => complete(p, 'property')),
      ...ORDINARY.map(
        ({ dept: code, ...o }) =>
          () =>
            complete(o, code),
      ),
    ];
    for (let i = 0; i < work.length; i += 4) await Promise.all(work.slice(i, i + 4).map((w) => w()));
    const card = (await supervisor.request<{ retrainDispatchModel: Card }>(`mutation { retrainDispatchModel { ${CARD} } }`)).retrainDispatchModel;
    expect(card.bureauDocuments).toBeGreaterThanOrEqual(28);
  }, 300_000);

  it('a word only in the content beyond the first 60 characters moves the suggestion', async () => {
    expect(NEW_STORY.length + MORE.length).toBeGreaterThan(60);
    // The same opening twice: once with planning's word beyond the digest, once with property's.
    // The first 60 characters, all a digest-reading model would see, are the same in both.
    const said = (word: string) => `${NEW_STORY}${MORE}${word}，${word}，${word}。`;
    const withWord = await receiveAndSign(duty, { title: '反映一个情况', content: said(marker), topic: '其他', projectName: '泰河园' });
    const control = await receiveAndSign(duty, { title: '反映一个情况', content: said(other), topic: '其他', projectName: '泰河园' });
    const s = await suggestion(duty, withWord.id);
    expect(s.source).toBe('model');
    expect(s.leadDepartmentId).toBe(dept.planning);
    expect(s.candidates[0].words).toContain(marker);
    const c = await suggestion(duty, control.id);
    const share = (x: typeof s, code: string) => x.candidates.find((k) => k.departmentCode === code)?.confidence ?? 0;
    expect(c.candidates.find((k) => k.departmentCode === 'property')?.words).toContain(other);
    // How far the word moves planning against property does not depend on how many cases other
    // test files completed for either (the prior cancels out of the odds ratio).
    const odds = (x: typeof s) => share(x, 'planning') / share(x, 'property');
    expect(odds(s)).toBeGreaterThan(2 * odds(c));
    expect(share(s, 'planning')).toBeGreaterThan(share(c, 'planning') + 0.1);
  });

  it('the card counts the demo history as training data only: accuracy, top-3, recall and calibration come from held-out bureau cases', async () => {
    const card = (await duty.request<{ dispatchModel: Card }>(`{ dispatchModel { ${CARD} } }`)).dispatchModel;
    expect(card.demoDocuments).toBe(card.bureauDocuments < 200 ? 480 : 0);
    expect(card.documents).toBe(card.demoDocuments + card.bureauDocuments);
    expect(card.fullTextDocuments).toBe(card.bureauDocuments); // intake answered: no case trained on its digest alone
    expect(card.digestOnlyDocuments).toBe(0);
    expect(card.selectedOn).toBe('bureau');
    expect(card.evaluatedDocuments).toBe(card.bureauDocuments);
    expect(card.perDepartment.reduce((s, d) => s + d.cases, 0)).toBe(card.bureauDocuments);
    expect(card.perDepartment.find((d) => d.departmentCode === 'planning')?.cases).toBeGreaterThanOrEqual(8);
    expect(card.accuracy).not.toBeNull();
    expect(card.top3Accuracy!).toBeGreaterThanOrEqual(card.accuracy!);
    expect(card.calibration?.bins.reduce((s, b) => s + b.count, 0)).toBe(card.bureauDocuments);
    expect(card.calibration!.temperature).toBeGreaterThan(0);
    expect(card.method).toContain('逻辑回归');
  });

  it('intake serves the whole text, masked, with the topic code, to dispatch’s service token only — never through the gateway', async () => {
    const token = async (client: string, secret: string) => {
      const res = await fetch(`${inject('subgraphUrls').identity}/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ grant_type: 'client_credentials', client_id: client, client_secret: secret }).toString(),
      });
      return String(((await res.json()) as { access_token?: string }).access_token);
    };
    const intake = (t: string) => new GraphQLClient(`${inject('subgraphUrls').intake}/graphql`, t);
    const QUERY = 'query($ids: [ID!]!) { caseTexts(ids: $ids) { caseId title content topic topicCode } }';
    const c = await receiveAndSign(duty, {
      citizenName: '王建国',
      citizenPhone: '13912345678',
      address: '荣华中路15号院3号楼2单元502',
      title: '王建国反映漏水',
      content: `${NEW_STORY}我叫王建国，住荣华中路15号院3号楼2单元502，电话13912345678，楼上漏水。`,
      topic: '物业',
      projectName: '泰河园',
    });
    const r = await intake(await token('dispatch', inject('dispatchClientSecret'))).request<{
      caseTexts: Array<{ caseId: string; title: string; content: string; topic: string; topicCode: string | null }>;
    }>(QUERY, { ids: [c.id] });
    expect(r.caseTexts).toHaveLength(1);
    const text = r.caseTexts[0];
    expect(text).toMatchObject({ caseId: c.id, topic: '物业', topicCode: 'property' });
    expect(text.content).toContain('楼上漏水'); // the whole text, beyond the digest
    for (const secret of ['王建国', '13912345678', '荣华中路15号院3号楼2单元502']) expect(`${text.title} ${text.content}`).not.toContain(secret);

    const otherScope = await intake(await token('intake', inject('intakeClientSecret'))).raw(QUERY, { ids: [c.id] });
    expect(otherScope.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect((await intake(duty.token!).raw(QUERY, { ids: [c.id] })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const edge = await duty.raw(QUERY, { ids: [c.id] });
    expect(edge.errors?.[0].message).toContain('caseTexts');
  });
});
