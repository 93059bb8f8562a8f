import { Arg, Ctx, Field, Float, ID, Int, ObjectType, Query, Resolver } from 'type-graphql';
import { Authorized } from '@hotline/service-kit';
import { BonusNode, bonusNode } from '../bonus/bonus.resolver';
import type { CallbackContext } from '../context';
import { PolicyNode, RateRowNode } from '../graphql-types';
import { policyNode, rateRow } from '../scoring/scoring.resolver';
import { periodOutlook } from './outlook.service';

@ObjectType('ThreeRatesHistory', { description: '近三个考核周期的回访情况（预测依据）' })
class HistoryNode {
  @Field(() => [String], { description: '所依据的考核周期' }) periods!: string[];
  @Field(() => Int, { description: '参评工单' }) assessed!: number;
  @Field(() => Float, { nullable: true, description: '有效回访占比' }) answerShare!: number | null;
  @Field(() => Float, { nullable: true, description: '已解决占有效回访' }) resolvedShare!: number | null;
  @Field(() => Float, { nullable: true, description: '满意占有效回访' }) satisfiedShare!: number | null;
  @Field(() => Float, { nullable: true, description: '基本满意占有效回访' }) basicShare!: number | null;
  @Field(() => Float, { nullable: true, description: '不满意占有效回访' }) dissatisfiedShare!: number | null;
}

@ObjectType('ThreeRatesProjection', { description: '预测：待回访工单按近三个周期的情况完成后的三率（计数为期望值）' })
class ProjectionNode {
  @Field(() => Float, { description: '预计新增有效回访' }) expectedAnswers!: number;
  @Field(() => Float) answered!: number;
  @Field(() => Float) resolved!: number;
  @Field(() => Float) satisfied!: number;
  @Field(() => Float) basicallySatisfied!: number;
  @Field(() => Float) dissatisfied!: number;
  @Field(() => Float, { nullable: true, description: '响应率 (0–1)' }) responseRate!: number | null;
  @Field(() => Float, { nullable: true, description: '解决率 (0–1)' }) resolutionRate!: number | null;
  @Field(() => Float, { nullable: true, description: '满意率 (0–1)' }) satisfactionRate!: number | null;
  @Field(() => Float, { nullable: true, description: '综合得分 (0–100)' }) score!: number | null;
  @Field(() => Float, { nullable: true, description: '综合得分（含加分）' }) combinedScore!: number | null;
}

@ObjectType('ThreeRatesOutlook', { description: '本月预测：考核周期至今的三率，以及待回访按近三个周期情况完成后的预测' })
class OutlookNode {
  @Field(() => String, { description: '考核周期 YYYY-MM' }) period!: string;
  @Field(() => Date) from!: Date;
  @Field(() => Date) to!: Date;
  @Field(() => Date, { description: '计算时间' }) asOf!: Date;
  @Field(() => ID, { nullable: true }) departmentId?: string | null;
  @Field(() => PolicyNode) policy!: PolicyNode;
  @Field(() => RateRowNode, { description: '至今' }) current!: RateRowNode;
  @Field(() => HistoryNode) history!: HistoryNode;
  @Field(() => ProjectionNode) projection!: ProjectionNode;
  @Field(() => BonusNode, { description: '本周期加分' }) bonus!: BonusNode;
}

@Resolver()
export class OutlookResolver {
  @Authorized(['leader', 'supervisor', 'admin'])
  @Query(() => OutlookNode, { description: '三率本月预测（默认当前考核周期；可限定科室或主题）' })
  async threeRatesOutlook(
    @Arg('period', () => String, { nullable: true, description: 'YYYY-MM，缺省为当前考核周期' }) period: string | null,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId: string | null,
    @Arg('topic', () => String, { nullable: true, description: '限定主题（主题不计加分）' }) topic: string | null,
    @Ctx() ctx: CallbackContext,
  ): Promise<OutlookNode> {
    const o = await periodOutlook(ctx.em, { period, departmentId, topic });
    return {
      period: o.current.period,
      from: o.current.from,
      to: o.current.to,
      asOf: o.asOf,
      departmentId,
      policy: policyNode(o.current.policy),
      current: rateRow(o.current, { departmentId, department: departmentId ? { id: departmentId } : null, topic }),
      history: { periods: o.historyPeriods, ...o.history },
      projection: o.projection,
      bonus: bonusNode(o.bonus),
    };
  }
}
