import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, GraphQLClient } from '@hotline/testing';
import { as } from './helpers';
import { departments } from './dispatch-helpers';
import { ATTEMPT, CLAIM, completedCase, currentPeriod, RESULT } from './callback-helpers';

/**
 * 加分 → 三率 and the month outlook, through the gateway. Publicity's points for period 2019-07
 * (publicity refuses future months; no other test awards or scores there), under the default
 * policy and recomputed under a version of this file's own (effective 2098-01, so it moves no
 * other figures); the outlook on cases of a topic of this file's own.
 */
describe('publicity points in the three rates; the month outlook', () => {
  const topic = `预测测试${randomUUID().slice(0, 6)}`;
  let admin: GraphQLClient, supervisor: GraphQLClient, leader: GraphQLClient, duty: GraphQLClient, property: GraphQLClient, agent: GraphQLClient;
  let propertyId: string;

  beforeAll(async () => {
    [admin, supervisor, leader, duty, property, agent] = await Promise.all(
      ['admin', 'supervisor', 'leader', 'duty', 'handler-property', 'callback'].map((u) => as(u)),
    );
    propertyId = (await departments(duty)).property;
  });

  const article = async (title: string) => {
    const r = await supervisor.request<{ saveColumnArticle: { id: string } }>('mutation($i: SaveColumnArticleInput!) { saveColumnArticle(input: $i) { id } }', {
      i: { title, outlet: '北京日报12345专栏', status: 'published', publishDate: '2026-11-20', url: 'https://example.org/12345/outlook' },
    });
    return r.saveColumnArticle.id;
  };
  const award = (itemId: string, points: number) =>
    supervisor.request('mutation($i: AwardPublicityPointsInput!) { awardPublicityPoints(input: $i) { id } }', {
      i: { kind: 'article', itemId, points, month: '2019-07', evidence: '专栏文章已刊发（测试）', departmentId: propertyId },
    });
  const BONUS = 'bonus { rule { scorePerPoint cap } points score capped combinedScore items { kind kindLabel points department { id } } }';
  type Bonus = {
    rule: { scorePerPoint: number; cap: number };
    points: number;
    score: number;
    capped: boolean;
    combinedScore: number | null;
    items: Array<{ kind: string; kindLabel: string; points: number; department: { id: string } | null }>;
  };

  it('the policy carries its bonus rule; points awarded in publicity count for their month, capped', async () => {
    const saved = await admin.request<{ saveScoringPolicy: { id: string; bonus: { scorePerPoint: number; cap: number } } }>(
      'mutation($i: ScoringPolicyInput!) { saveScoringPolicy(input: $i) { id bonus { scorePerPoint cap } } }',
      {
        i: {
          effectiveFrom: '2098-01',
          responseClocks: ['contact'],
          contactHours: 24,
          basicFactor: 0.9,
          weights: { response: 10, resolution: 50, satisfaction: 40 },
          periodKind: 'calendar',
          cutoffDay: 19,
          resultSource: 'bureau',
          resultRound: 'latest',
          note: `加分测试 ${topic}`,
          bonus: { scorePerPoint: 0.5, cap: 3 },
        },
      },
    );
    expect(saved.saveScoringPolicy.bonus).toEqual({ scorePerPoint: 0.5, cap: 3 });
    const bad = await admin.raw('mutation($i: ScoringPolicyInput!) { saveScoringPolicy(input: $i) { id } }', {
      i: {
        effectiveFrom: '2098-01',
        responseClocks: ['contact'],
        contactHours: 24,
        basicFactor: 0.9,
        weights: { response: 10, resolution: 50, satisfaction: 40 },
        periodKind: 'calendar',
        cutoffDay: 19,
        resultSource: 'bureau',
        resultRound: 'latest',
        bonus: { scorePerPoint: 0.5, cap: -1 },
      },
    });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');

    await award(await article(`专栏一 ${topic}`), 4);
    const rates = (policy?: string) =>
      leader.request<{ threeRates: { score: number | null; bonus: Bonus } }>(
        'query($p: ID) { threeRates(period: "2019-07", policyId: $p) { score ' + BONUS + ' } }',
        { p: policy ?? null },
      );
    const one = await eventually(
      async () => {
        const r = await rates();
        return r.threeRates.bonus.points === 4 && r.threeRates;
      },
      { what: 'the first award in callback' },
    );
    // The default rule: 4 points × 0.1 = 0.4 score points. No cases in that period: no score, no combined score.
    expect(one.bonus).toMatchObject({
      rule: { scorePerPoint: 0.1, cap: 2 },
      points: 4,
      capped: false,
      combinedScore: null,
      items: [{ kind: 'article', kindLabel: '12345市民热线专栏', points: 4, department: { id: propertyId } }],
    });
    expect(one.bonus.score).toBeCloseTo(0.4, 10);
    expect(one.score).toBeNull();
    // Under this file's version: 4 × 0.5 = 2, under its cap of 3.
    expect((await rates(saved.saveScoringPolicy.id)).threeRates.bonus).toMatchObject({
      rule: { scorePerPoint: 0.5, cap: 3 },
      points: 4,
      score: 2,
      capped: false,
    });

    await award(await article(`专栏二 ${topic}`), 5);
    const two = await eventually(
      async () => {
        const r = await supervisor.request<{ threeRatesOutlook: { period: string; bonus: Bonus } }>(
          `{ threeRatesOutlook(period: "2019-07", departmentId: "${propertyId}") { period ${BONUS} } }`,
        );
        return r.threeRatesOutlook.bonus.points === 9 && r.threeRatesOutlook;
      },
      { what: 'the second award in the outlook' },
    );
    expect(two.bonus).toMatchObject({ points: 9, capped: false });
    expect(two.bonus.score).toBeCloseTo(0.9, 10);
    expect(two.bonus.items.map((i) => i.points)).toEqual([4, 5]);
    // 9 × 0.5 = 4.5, capped at 3.
    expect((await rates(saved.saveScoringPolicy.id)).threeRates.bonus).toMatchObject({ points: 9, score: 3, capped: true });
    // Another department has none; a topic's figures carry no bonus.
    const other = await leader.request<{ threeRates: { bonus: Bonus } }>(
      `{ threeRates(period: "2019-07", departmentId: "${(await departments(duty)).housing}") { ${BONUS} } }`,
    );
    expect(other.threeRates.bonus).toMatchObject({ points: 0, score: 0, items: [] });
    const byTopic = await leader.request<{ threeRates: { bonus: Bonus } }>(`{ threeRates(period: "2019-07", topic: "物业") { ${BONUS} } }`);
    expect(byTopic.threeRates.bonus.points).toBe(0);
  });

  it('the month outlook: the period so far, and its pending callbacks as in the last three periods', async () => {
    const lead = { client: property, id: propertyId };
    const over = { topic, citizenPhone: '13812345678' };
    // a: satisfied and resolved; b: basically satisfied, unresolved; c: not called yet (pending).
    const [a, b, c] = await Promise.all([
      completedCase(duty, lead, agent, over, { contact: true }),
      completedCase(duty, lead, agent, over, { contact: true }),
      completedCase(duty, lead, agent, over, { contact: false }),
    ]);
    // 分配: the supervisor picks a 回访员 from identity's list and assigns c's task (it stays pending).
    const agents = (
      await supervisor.request<{ callbackAgents: Array<{ id: string; username: string; role: string }> }>('{ callbackAgents { id username role } }')
    ).callbackAgents;
    expect(agents.every((x) => x.role === 'callback')).toBe(true);
    const callbackUser = agents.find((x) => x.username === 'callback')!;
    expect((await property.raw('{ callbackAgents { id } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const assigned = await supervisor.request<{ assignCallbackTask: { assignee: { id: string } } }>(
      CLAIM.replace('assignCallbackTask(taskId: $t)', 'assignCallbackTask(taskId: $t, agentId: $a)').replace('mutation($t: ID!)', 'mutation($t: ID!, $a: ID)'),
      { t: c.task.id, a: callbackUser.id },
    );
    expect(assigned.assignCallbackTask.assignee).toEqual({ id: callbackUser.id });
    const mine = await agent.request<{ callbackQueue: { items: Array<{ id: string; heldByMe: boolean }> } }>(
      '{ callbackQueue(view: mine, pageSize: 100) { items { id heldByMe } } }',
    );
    expect(mine.callbackQueue.items.find((i) => i.id === c.task.id)).toEqual({ id: c.task.id, heldByMe: true });
    for (const [c, resolved, satisfaction] of [
      [a, true, 'satisfied'],
      [b, false, 'basically'],
    ] as const) {
      await agent.request(CLAIM, { t: c.task.id });
      await agent.request(ATTEMPT, { i: { taskId: c.task.id, outcome: 'reached' } });
      await agent.request(RESULT, { i: { taskId: c.task.id, resolved, satisfaction, ...(resolved ? {} : { explanation: '市民称问题仍未解决' }) } });
    }
    const period = currentPeriod(19); // the default policy: periods from the 19th
    const r = await leader.request<{
      threeRatesOutlook: {
        period: string;
        policy: { isDefault: boolean };
        history: { periods: string[]; assessed: number; answerShare: number | null };
        current: { counts: Record<string, number>; responseRate: number; resolutionRate: number; satisfactionRate: number; score: number };
        projection: { expectedAnswers: number; answered: number; score: number; combinedScore: number };
      };
    }>(
      `query($t: String) { threeRatesOutlook(topic: $t) { period policy { isDefault } history { periods assessed answerShare }
      current { counts { assessed responded answered pending resolved satisfied basicallySatisfied } responseRate resolutionRate satisfactionRate score }
      projection { expectedAnswers answered score combinedScore } } }`,
      { t: topic },
    );
    const o = r.threeRatesOutlook;
    expect(o.period).toBe(period);
    expect(o.policy.isDefault).toBe(true);
    expect(o.current.counts).toEqual({ assessed: 3, responded: 2, answered: 2, pending: 1, resolved: 1, satisfied: 1, basicallySatisfied: 1 });
    // 响应 2/3 (c never contacted); 解决 1/2; 满意 (1 + 0.9 × 1)/2; 10/50/40.
    expect(o.current.score).toBeCloseTo(10 * (2 / 3) + 50 * (1 / 2) + 40 * (1.9 / 2), 10);
    // Nothing of this topic in the three periods before: the pending callback adds nothing, and a topic carries no bonus.
    const [y, m] = period.split('-').map(Number);
    expect(o.history.periods).toHaveLength(3);
    expect(o.history.periods[2]).toBe(m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`);
    expect(o.history).toMatchObject({ assessed: 0, answerShare: null });
    expect(o.projection).toMatchObject({ expectedAnswers: 0, answered: 2 });
    expect(o.projection.score).toBeCloseTo(o.current.score, 10);
    expect(o.projection.combinedScore).toBeCloseTo(o.current.score, 10);
    expect((await property.raw('{ threeRatesOutlook { period } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
