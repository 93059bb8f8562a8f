import type { EntityManager } from '@mikro-orm/postgresql';
import { CALLBACK_ERRORS } from '@hotline/contracts';
import { codedError } from '@hotline/service-kit';
import { bonusRuleOf } from '../bonus/bonus-rule';
import { periodBonus, PeriodBonus } from '../bonus/period-bonus';
import { periodOf, periodRange, policyFor } from '../scoring/scoring-policy';
import { ScoringPolicy } from '../scoring/scoring-policy.entity';
import { collectFacts, periodRates, PeriodRates } from '../scoring/scoring.service';
import { threeRates } from '../scoring/three-rates';
import { callbackHistory, CallbackHistory, previousPeriods, projectPending, Projection } from './outlook';

/** Periods whose callbacks the what-if learns from. */
export const HISTORY_PERIODS = 3;

export interface Outlook {
  current: PeriodRates;
  asOf: Date;
  historyPeriods: string[];
  history: CallbackHistory;
  projection: Projection & { combinedScore: number | null };
  bonus: PeriodBonus;
}

/** The period `now` falls in under the policy in force then (the period depends on the policy's cut-off). */
async function currentPeriod(em: EntityManager, now: Date): Promise<string> {
  const policies = await em.find(ScoringPolicy, {});
  const byMonth = policyFor(periodOf(now, { periodKind: 'calendar', cutoffDay: 1 }), policies);
  if (!byMonth) throw codedError(CALLBACK_ERRORS.NO_POLICY);
  return periodOf(now, byMonth.rules);
}

/**
 * 本月预测: a period so far (the current one unless asked), and what it comes to if its pending
 * callbacks go as those of the last three periods did (under the period's own policy), with the
 * period's bonus points in the combined score of both.
 */
export async function periodOutlook(
  em: EntityManager,
  q: { period?: string | null; departmentId?: string | null; topic?: string | null },
  now = new Date(),
): Promise<Outlook> {
  const period = q.period ?? (await currentPeriod(em, now));
  const current = await periodRates(em, { period, departmentId: q.departmentId, topic: q.topic });
  const rules = current.policy.rules;
  const historyPeriods = previousPeriods(period, HISTORY_PERIODS);
  let past = await collectFacts(em, { from: periodRange(historyPeriods[0], rules).from, to: current.from });
  if (q.departmentId) past = past.filter((f) => f.departmentId === q.departmentId);
  if (q.topic) past = past.filter((f) => f.topic === q.topic);
  const history = callbackHistory(threeRates(past, rules).counts);
  const projection = projectPending(current.counts, history, rules);
  const bonus = await periodBonus(em, { period, departmentId: q.departmentId, topic: q.topic }, bonusRuleOf(rules), current.score);
  return {
    current,
    asOf: now,
    historyPeriods,
    history,
    bonus,
    projection: { ...projection, combinedScore: projection.score == null ? null : projection.score + bonus.score },
  };
}
