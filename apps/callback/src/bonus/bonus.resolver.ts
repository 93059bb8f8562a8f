import { Ctx, Field, Float, ID, ObjectType, Resolver, FieldResolver, Root, InputType } from 'type-graphql';
import { PUBLICITY_KIND_LABELS, PublicityKind } from '@hotline/contracts';
import { DepartmentRef } from '@hotline/service-kit';
import type { CallbackContext } from '../context';
import { PolicyNode, ThreeRatesNode } from '../graphql-types';
import { bonusRuleOf, BonusRule } from './bonus-rule';
import { periodBonus, PeriodBonus } from './period-bonus';

@ObjectType('ScoringBonusRule', { description: '加分规则（考核口径的一部分）' })
export class BonusRuleNode {
  @Field(() => Float, { description: '每 1 分宣传加分折算的综合得分' }) scorePerPoint!: number;
  @Field(() => Float, { description: '每个考核周期加分上限（综合得分）' }) cap!: number;
}

@InputType('ScoringBonusRuleInput', { description: '加分规则' })
export class BonusRuleInput {
  @Field(() => Float) scorePerPoint!: number;
  @Field(() => Float) cap!: number;
}

@ObjectType('ScoringBonusItem', { description: '加分项（宣传加分台账）' })
export class BonusItemNode {
  @Field(() => ID) entryId!: string;
  @Field(() => String, { description: 'typical-case 典型案例 episode 《向前一步》 article 12345专栏' }) kind!: string;
  @Field(() => String) kindLabel!: string;
  @Field(() => Float, { description: '加分' }) points!: number;
  @Field(() => DepartmentRef, { nullable: true }) department?: DepartmentRef | null;
  @Field(() => Date) awardedAt!: Date;
}

@ObjectType('ScoringBonus', { description: '本周期加分：宣传加分按口径折算后计入综合得分' })
export class BonusNode {
  @Field(() => BonusRuleNode) rule!: BonusRuleNode;
  @Field(() => Float, { description: '加分合计（分）' }) points!: number;
  @Field(() => Float, { description: '折算计入综合得分的加分（封顶后）' }) score!: number;
  @Field(() => Boolean, { description: '是否已达上限' }) capped!: boolean;
  @Field(() => Float, { nullable: true, description: '综合得分（含加分）' }) combinedScore!: number | null;
  @Field(() => [BonusItemNode], { description: '加分项' }) items!: BonusItemNode[];
}

/** The GraphQL shape of a period's bonus. */
export const bonusNode = (b: PeriodBonus): BonusNode => ({
  ...b,
  items: b.items.map((i) => ({
    entryId: i.entryId,
    kind: i.kind,
    kindLabel: PUBLICITY_KIND_LABELS[i.kind as PublicityKind] ?? i.kind,
    points: i.points,
    department: i.departmentId ? { id: i.departmentId } : null,
    awardedAt: i.awardedAt,
  })),
});

/** 加分 on the three rates: the period's bonus items and the combined score with them. */
@Resolver(() => ThreeRatesNode)
export class ThreeRatesBonusResolver {
  @FieldResolver(() => BonusNode, { description: '加分项与含加分的综合得分' })
  async bonus(@Root() r: ThreeRatesNode, @Ctx() ctx: CallbackContext): Promise<BonusNode> {
    return bonusNode(
      await periodBonus(
        ctx.em,
        { period: r.period, departmentId: r.departmentId, topic: r.topic },
        bonusRuleOf(r.policy as PolicyNode & { bonus?: BonusRule }),
        r.score,
      ),
    );
  }
}

/** The bonus rule of a policy version (the default for versions saved before there was one). */
@Resolver(() => PolicyNode)
export class PolicyBonusResolver {
  @FieldResolver(() => BonusRuleNode, { description: '加分规则' })
  bonus(@Root() p: PolicyNode & { bonus?: BonusRule }): BonusRuleNode {
    return bonusRuleOf(p);
  }
}
