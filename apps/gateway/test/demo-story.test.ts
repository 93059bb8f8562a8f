import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEMO_STORY, eventually, expectedDemoCounts, GraphQLClient, playDemoStory } from '@hotline/testing';
import { as, gatewayUrl, receive } from './helpers';
import { departments, intakeStage } from './dispatch-helpers';
import { callbacks, currentPeriod } from './callback-helpers';

/**
 * The demo story `npm start` plays on the demo cases (infra/local/src/demo-story.ts), played here on
 * twelve cases of a topic of this file's own, so the three rates of that topic are exactly the story's:
 * the leader's figures must equal the hand calculation of the plan.
 */
describe('the demo story: 签收 → 办结 → 回访 on the demo plan; the leader reads its three rates', () => {
  const topic = `演示测试${randomUUID().slice(0, 6)}`;
  let duty: GraphQLClient, leader: GraphQLClient, agent: GraphQLClient, property: GraphQLClient;
  let dept: Record<string, string>;
  const cases: Array<{ id: string; externalNo: string }> = [];

  beforeAll(async () => {
    [duty, leader, agent, property] = await Promise.all(['duty', 'leader', 'callback', 'handler-property'].map((u) => as(u)));
    dept = await departments(duty);
    for (let i = 0; i < DEMO_STORY.length; i++) cases.push(await receive(duty, { topic, externalNo: `DEMO-T-${randomUUID().slice(0, 8)}` }));
    await playDemoStory({ graphqlUrl: `${gatewayUrl()}/graphql`, cases });
  }, 180_000);

  it('the plan: three completed cases answered (one 基本满意), one unresolved, two still to call', () => {
    // Guards the hand calculation below against an edit of the plan that makes it say nothing.
    expect(expectedDemoCounts()).toEqual({
      cases: 6,
      excluded: 0,
      assessed: 6,
      responded: 5,
      answered: 4,
      pending: 2,
      resolved: 3,
      satisfied: 2,
      basicallySatisfied: 1,
      dissatisfied: 1,
    });
  });

  it("the leader's three rates of the month equal the hand calculation under the default policy", async () => {
    const RATES = `query($p: String!, $t: String) { threeRates(period: $p, topic: $t) {
      policy { isDefault } counts { cases excluded assessed responded answered pending resolved satisfied basicallySatisfied dissatisfied }
      responseRate resolutionRate satisfactionRate score byDepartment { departmentId counts { assessed } } } }`;
    type Rates = {
      policy: { isDefault: boolean };
      counts: Record<string, number>;
      responseRate: number;
      resolutionRate: number;
      satisfactionRate: number;
      score: number;
      byDepartment: Array<{ departmentId: string; counts: { assessed: number } }>;
    };
    // callback reads the last result through its own events: wait until the counts are whole.
    const r = await eventually(
      async () => {
        const x = (await leader.request<{ threeRates: Rates }>(RATES, { p: currentPeriod(19), t: topic })).threeRates;
        return x.counts.answered === 4 && x;
      },
      { what: 'four answered callbacks in the three rates' },
    );
    expect(r.policy.isDefault).toBe(true);
    expect(r.counts).toEqual(expectedDemoCounts());
    // 响应率 5/6 (the elevator case was never contacted); 解决率 3/4; 满意率 (2 + 0.9 × 1) / 4.
    expect(r.responseRate).toBeCloseTo(5 / 6, 10);
    expect(r.resolutionRate).toBeCloseTo(3 / 4, 10);
    expect(r.satisfactionRate).toBeCloseTo(2.9 / 4, 10);
    expect(r.score).toBeCloseTo(10 * (5 / 6) + 50 * (3 / 4) + 40 * (2.9 / 4), 10);
    const byDept = Object.fromEntries(r.byDepartment.map((d) => [d.departmentId, d.counts.assessed]));
    expect(byDept).toEqual({ [dept.housing]: 1, [dept.sales]: 1, [dept.property]: 2, [dept.quality]: 1, [dept.municipal]: 1 });
  });

  it('every queue has its case: 待签收, 待分转, 局审核, 待回访 and the 二次督办 back in 物业管理科', async () => {
    const stageOf = async (i: number) =>
      (await duty.request<{ case: { stage: string } }>('query($id: ID!) { case(id: $id) { stage } }', { id: cases[i].id })).case.stage;
    expect(await stageOf(8)).toBe('received');
    expect(await stageOf(9)).toBe('received');
    await intakeStage(duty, cases[7].id, 'signed');
    await intakeStage(duty, cases[6].id, 'replied');
    const review = await duty.request<{ reviewQueue: { items: Array<{ id: string }> } }>('query($f: String) { reviewQueue(filter: $f) { items { id } } }', {
      f: cases[6].externalNo,
    });
    expect(review.reviewQueue.items.map((c) => c.id)).toEqual([cases[6].id]);
    for (const i of [5, 10]) {
      await intakeStage(duty, cases[i].id, 'awaitingCallback');
      expect((await callbacks(agent, cases[i].id)).callbacks).toMatchObject([{ round: 1, status: 'open', assignee: null }]);
    }
    // supervision opens 二次督办 from the callback result's event; callback's round follows the reopen.
    const reopened = await eventually(
      async () => {
        const r = await callbacks(duty, cases[4].id);
        return r.supervisions.length > 0 && r.handlingRound === 2 && r;
      },
      { what: '二次督办 of the dissatisfied case' },
    );
    expect(reopened.supervisions).toMatchObject([{ round: 2, status: 'open', trigger: 'callback', department: { id: dept.property } }]);
    await eventually(
      async () => {
        const r = await property.request<{ departmentInbox: Array<{ id: string; handling: { round: number } }> }>(
          '{ departmentInbox { id handling { round } } }',
        );
        return r.departmentInbox.some((x) => x.id === cases[4].id && x.handling.round === 2);
      },
      { what: "the reopened case in 物业管理科's inbox" },
    );
  });
});
