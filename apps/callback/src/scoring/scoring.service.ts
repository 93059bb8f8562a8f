import type { EntityManager } from '@mikro-orm/postgresql';
import { CALLBACK_ERRORS } from '@hotline/contracts';
import { AuthUser, codedError, isUuid, parseInput } from '@hotline/service-kit';
import { CallbackCase } from '../cases/callback-case.entity';
import { approvedExclusions } from '../exclusions/exclusions';
import { OfficialResult } from '../official/official-result.entity';
import { CallbackResult } from '../results/callback-result.entity';
import { assertWeights, periodRange, PolicyCommand, policyFor, ScoringPolicyRules } from './scoring-policy';
import { ClosedPeriod, ScoringPolicy } from './scoring-policy.entity';
import { CaseFacts, Rates, ratesBy, threeRates } from './three-rates';

/** The raw facts of every case first completed in [from, to). */
export async function collectFacts(em: EntityManager, range: { from: Date; to: Date }): Promise<CaseFacts[]> {
  const cases = await em.find(CallbackCase, { firstCompletedAt: { $gte: range.from, $lt: range.to } }, { orderBy: { firstCompletedAt: 'asc' } });
  const ids = cases.map((c) => c.id);
  const [bureau, official] = ids.length
    ? await Promise.all([em.find(CallbackResult, { caseId: { $in: ids } }), em.find(OfficialResult, { caseId: { $in: ids } })])
    : [[], []];
  const excluded = await approvedExclusions(em, ids);
  const answers = <
    T extends { caseId: string; round: number; reached: boolean; resolved?: boolean | null; satisfaction?: CaseFacts['bureau'][number]['satisfaction'] | null },
  >(
    rows: T[],
    id: string,
  ) =>
    rows
      .filter((r) => r.caseId === id)
      .map((r) => ({ round: r.round, reached: r.reached, resolved: r.resolved ?? null, satisfaction: r.satisfaction ?? null }));
  return cases.map((c) => ({
    caseId: c.id,
    externalNo: c.externalNo,
    departmentId: c.leadDepartmentId ?? null,
    topic: c.topic,
    dispatchedAt: c.dispatchedAt?.toISOString() ?? null,
    contactedAt: c.contactedAt?.toISOString() ?? null,
    handleDeadlineAt: c.handleDeadlineAt?.toISOString() ?? null,
    firstCompletedAt: c.firstCompletedAt!.toISOString(),
    bureau: answers(bureau, c.id),
    official: answers(official, c.id),
    excludedByClaim: excluded.has(c.id),
  }));
}

export interface PeriodRates extends Rates {
  period: string;
  from: Date;
  to: Date;
  closed: boolean;
  policy: ScoringPolicy;
  byDepartment: Array<{ key: string | null; rates: Rates }>;
  byTopic: Array<{ key: string | null; rates: Rates }>;
}

async function policyById(em: EntityManager, id: string): Promise<ScoringPolicy> {
  const p = isUuid(id) ? await em.findOne(ScoringPolicy, { id }) : null;
  if (!p) throw codedError(CALLBACK_ERRORS.POLICY_NOT_FOUND);
  return p;
}

/**
 * 三率 of a period, optionally of one department and/or topic: under the policy in force for the
 * period (or `policyId`, to recompute under another version). A closed period answers from the
 * facts frozen at its closing, under the policy it was closed with unless another is asked for.
 */
export async function periodRates(
  em: EntityManager,
  q: { period: string; departmentId?: string | null; topic?: string | null; policyId?: string | null },
): Promise<PeriodRates> {
  const closed = await em.findOne(ClosedPeriod, { period: q.period });
  const policy = q.policyId
    ? await policyById(em, q.policyId)
    : closed
      ? await policyById(em, closed.policyId)
      : policyFor(q.period, await em.find(ScoringPolicy, {}));
  if (!policy) throw codedError(CALLBACK_ERRORS.NO_POLICY_FOR_PERIOD, { period: q.period });
  const rules = policy.rules;
  const range = periodRange(q.period, rules);
  let facts = closed ? closed.facts : await collectFacts(em, range);
  if (q.departmentId) facts = facts.filter((f) => f.departmentId === q.departmentId);
  if (q.topic) facts = facts.filter((f) => f.topic === q.topic);
  return {
    period: q.period,
    ...range,
    closed: !!closed,
    policy,
    ...threeRates(facts, rules),
    byDepartment: ratesBy(facts, rules, (f) => f.departmentId),
    byTopic: ratesBy(facts, rules, (f) => f.topic),
  };
}

/** 新增考核口径版本 (admin): validated, weights adding up to 100 %, a new version of its month. */
export async function savePolicy(em: EntityManager, user: AuthUser, input: unknown): Promise<ScoringPolicy> {
  const cmd = parseInput(PolicyCommand, input);
  assertWeights(cmd.weights);
  return em.transactional(async (tx) => {
    const last = await tx.findOne(ScoringPolicy, { effectiveFrom: cmd.effectiveFrom }, { orderBy: { version: 'desc' } });
    const { effectiveFrom, note, ...rules } = cmd;
    return tx.create(ScoringPolicy, {
      effectiveFrom,
      version: (last?.version ?? 0) + 1,
      rules: rules as ScoringPolicyRules,
      isDefault: false,
      note,
      createdAt: new Date(),
      createdBy: user.id,
    });
  });
}

/** 关账: freezes a period's facts under its policy; later callbacks or imports no longer move it. */
export async function closePeriod(em: EntityManager, user: AuthUser, period: string, now = new Date()): Promise<ClosedPeriod> {
  return em.transactional(async (tx) => {
    if (await tx.findOne(ClosedPeriod, { period })) throw codedError(CALLBACK_ERRORS.PERIOD_CLOSED, { period });
    const policy = policyFor(period, await tx.find(ScoringPolicy, {}));
    if (!policy) throw codedError(CALLBACK_ERRORS.NO_POLICY_FOR_PERIOD, { period });
    const range = periodRange(period, policy.rules);
    if (range.to > now) throw codedError(CALLBACK_ERRORS.PERIOD_NOT_ENDED, { period });
    return tx.create(ClosedPeriod, { period, policyId: policy.id, facts: await collectFacts(tx, range), closedAt: now, closedBy: user.id });
  });
}
