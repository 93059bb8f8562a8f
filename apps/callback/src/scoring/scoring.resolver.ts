import { Arg, Ctx, Field, Float, ID, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Authorized, requireUser } from '@hotline/service-kit';
import type { CallbackContext } from '../context';
import { BonusRuleInput } from '../bonus/bonus.resolver';
import { PolicyNode, RateRowNode, ThreeRatesNode } from '../graphql-types';
import { closePeriod, periodRates } from './scoring.service';
import { savePolicy } from './scoring.service';
import { ScoringPolicy } from './scoring-policy.entity';
import type { Rates } from './three-rates';

type Ctx = CallbackContext;

@InputType('ScoringWeightsInput')
class WeightsInput {
  @Field(() => Float) response!: number;
  @Field(() => Float) resolution!: number;
  @Field(() => Float) satisfaction!: number;
}

@InputType('ScoringPolicyInput', { description: '新的考核口径版本' })
class PolicyInput {
  @Field(() => String, { description: '生效月份 YYYY-MM' }) effectiveFrom!: string;
  @Field(() => [String], { description: 'contact / handle' }) responseClocks!: string[];
  @Field(() => Int) contactHours!: number;
  @Field(() => Float) basicFactor!: number;
  @Field(() => WeightsInput) weights!: WeightsInput;
  @Field(() => String, { description: 'calendar / cutoff' }) periodKind!: string;
  @Field(() => Int) cutoffDay!: number;
  @Field(() => String, { description: 'bureau / official / official-first' }) resultSource!: string;
  @Field(() => String, { description: 'first / latest' }) resultRound!: string;
  @Field(() => [String], { nullable: true }) excludedExternalNos?: string[];
  @Field(() => Boolean, { nullable: true, description: '审核通过的不纳入考核申请移出分母（默认是）' }) excludeApprovedClaims?: boolean;
  @Field(() => String, { nullable: true }) note?: string;
  @Field(() => BonusRuleInput, { nullable: true, description: '加分规则（缺省为默认规则）' }) bonus?: BonusRuleInput;
}

export const policyNode = (p: ScoringPolicy): PolicyNode => ({
  id: p.id,
  effectiveFrom: p.effectiveFrom,
  version: p.version,
  isDefault: p.isDefault,
  note: p.note,
  createdAt: p.createdAt,
  ...p.rules,
  excludeApprovedClaims: p.rules.excludeApprovedClaims !== false,
});

export const rateRow = (r: Rates, extra: Partial<RateRowNode>): RateRowNode => ({
  ...extra,
  counts: r.counts,
  responseRate: r.responseRate,
  resolutionRate: r.resolutionRate,
  satisfactionRate: r.satisfactionRate,
  score: r.score,
});

@Resolver()
export class ScoringResolver {
  /** 三率 */
  @Authorized(['leader', 'supervisor', 'admin'])
  @Query(() => ThreeRatesNode, { description: '三率：某考核周期（可限定科室、主题；可指定口径版本重算）的响应率、解决率、满意率与综合得分' })
  async threeRates(
    @Arg('period', () => String, { description: 'YYYY-MM' }) period: string,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId: string | null,
    @Arg('topic', () => String, { nullable: true }) topic: string | null,
    @Arg('policyId', () => ID, { nullable: true, description: '按指定口径版本重算（默认为该周期适用的口径）' }) policyId: string | null,
    @Ctx() ctx: Ctx,
  ): Promise<ThreeRatesNode> {
    const r = await periodRates(ctx.em, { period, departmentId, topic, policyId });
    return {
      ...rateRow(r, { departmentId, department: departmentId ? { id: departmentId } : null, topic }),
      period: r.period,
      from: r.from,
      to: r.to,
      closed: r.closed,
      policy: policyNode(r.policy),
      byDepartment: r.byDepartment.map((g) => rateRow(g.rates, { departmentId: g.key, department: g.key ? { id: g.key } : null })),
      byTopic: r.byTopic.map((g) => rateRow(g.rates, { topic: g.key })),
    };
  }

  @Authorized(['leader', 'supervisor', 'admin'])
  @Query(() => [PolicyNode], { description: '考核口径的全部版本（新的在前）' })
  async scoringPolicies(@Ctx() ctx: Ctx): Promise<PolicyNode[]> {
    return (await ctx.em.find(ScoringPolicy, {}, { orderBy: { effectiveFrom: 'desc', version: 'desc' } })).map(policyNode);
  }

  @Authorized(['admin'])
  @Mutation(() => PolicyNode, { description: '新增考核口径版本（权重之和须为 100%）' })
  async saveScoringPolicy(@Arg('input', () => PolicyInput) input: PolicyInput, @Ctx() ctx: Ctx): Promise<PolicyNode> {
    return policyNode(
      await savePolicy(ctx.em, requireUser(ctx), { ...input, weights: { ...input.weights }, bonus: input.bonus ? { ...input.bonus } : undefined }),
    );
  }

  @Authorized(['admin'])
  @Mutation(() => Boolean, { description: '考核周期关账：冻结该周期的数据与口径' })
  async closeScoringPeriod(@Arg('period', () => String) period: string, @Ctx() ctx: Ctx): Promise<boolean> {
    await closePeriod(ctx.em, requireUser(ctx), period);
    return true;
  }
}
