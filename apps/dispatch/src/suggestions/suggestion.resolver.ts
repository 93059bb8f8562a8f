import { Ctx, Field, FieldResolver, Float, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Authorized } from '@hotline/service-kit';
import { CaseNode, known } from '../cases/case.resolver';
import type { DispatchCase } from '../cases/dispatch-case.entity';
import { ResponsibilityRule } from '../catalogue/responsibility-rule.entity';
import type { DispatchContext } from '../context';
import { DepartmentRef, loaderFor } from '@hotline/service-kit';
import { loadRoutingContext, returnedBy, RoutingContext, suggestFrom } from './suggest-department';

type Ctx = DispatchContext;

@ObjectType('RuleSuggestion', { description: '权责清单命中的条目' })
class RuleSuggestionNode {
  @Field(() => ResponsibilityRule) rule!: ResponsibilityRule;
  @Field(() => ID) leadDepartmentId!: string;
  @Field(() => DepartmentRef) leadDepartment!: DepartmentRef;
  @Field(() => [ID]) assistDepartmentIds!: string[];
  @Field(() => [String], { description: '命中的条件，如 关键词:电梯、项目:林肯公园' }) matched!: string[];
}

@ObjectType('ModelCandidate', { description: '模型建议的科室' })
class ModelCandidateNode {
  @Field(() => ID) departmentId!: string;
  @Field(() => DepartmentRef) department!: DepartmentRef;
  @Field(() => String) departmentCode!: string;
  @Field(() => Float, { description: '置信度 0-1' }) confidence!: number;
  @Field(() => [String], { description: '影响最大的词' }) words!: string[];
}

@ObjectType('DispatchSuggestion', { description: '分转建议：权责清单与历史模型' })
class DispatchSuggestionNode {
  @Field(() => String, { description: 'rule 权责清单 | model 历史模型 | none 无建议' }) source!: string;
  @Field(() => ID, { nullable: true, description: '建议的主办科室' }) leadDepartmentId!: string | null;
  @Field(() => DepartmentRef, { nullable: true }) leadDepartment!: DepartmentRef | null;
  @Field(() => [ID], { description: '建议的协办科室' }) assistDepartmentIds!: string[];
  @Field(() => Float) confidence!: number;
  @Field(() => RuleSuggestionNode, { nullable: true, description: '命中的权责清单条目' }) rule!: RuleSuggestionNode | null;
  @Field(() => [ModelCandidateNode], { description: '模型的前三个科室（有规则命中时并列显示）' }) candidates!: ModelCandidateNode[];
  @Field(() => [ID], { description: '已退回过此工单、不再建议的科室' }) excludedDepartmentIds!: string[];
}

@ObjectType('DispatchModelInfo', { description: '分转模型：训练数据与交叉验证准确率' })
class DispatchModelInfoNode {
  @Field(() => Date) trainedAt!: Date;
  @Field(() => String, { description: 'start | schedule | manual' }) trigger!: string;
  @Field(() => Int) documents!: number;
  @Field(() => Int, { description: '演示历史工单数' }) demoDocuments!: number;
  @Field(() => Int, { description: '本局已办结工单数' }) bureauDocuments!: number;
  @Field(() => Int) vocabulary!: number;
  @Field(() => Int) folds!: number;
  @Field(() => Float, { description: '交叉验证首选准确率' }) accuracy!: number;
  @Field(() => Float, { description: '交叉验证前三命中率' }) top3Accuracy!: number;
  @Field(() => Int) trainMs!: number;
}

@Resolver(() => CaseNode)
export class SuggestionResolver {
  @Authorized(['duty', 'supervisor', 'leader', 'admin'])
  @FieldResolver(() => DispatchSuggestionNode, { nullable: true, description: '分转建议（值守员分转时参考）' })
  async dispatchSuggestion(@Root() c: DispatchCase | CaseNode, @Ctx() ctx: Ctx): Promise<DispatchSuggestionNode | null> {
    if (!known(c)) return null;
    // Per request: the catalogue and departments once, the returns of every listed case in one query.
    const [rc, excluded] = await Promise.all([
      loaderFor<RoutingContext | null>(ctx, 'routing-context', async (keys) => new Map([[keys[0], await loadRoutingContext(ctx.em)]]), null).load('all'),
      loaderFor<string[]>(ctx, 'returned-by', (ids) => returnedBy(ctx.em, ids), []).load(c.id),
    ]);
    const s = suggestFrom(rc!, ctx.model, c, excluded);
    return {
      ...s,
      leadDepartment: s.leadDepartmentId ? { id: s.leadDepartmentId } : null,
      rule: s.rule && { ...s.rule, leadDepartment: { id: s.rule.leadDepartmentId } },
      candidates: s.candidates.map((x) => ({ ...x, department: { id: x.departmentId } })),
    };
  }

  @Authorized(['duty', 'supervisor', 'leader', 'admin'])
  @Query(() => DispatchModelInfoNode, { nullable: true, description: '分转模型的训练情况' })
  dispatchModel(@Ctx() ctx: Ctx): DispatchModelInfoNode | null {
    return ctx.model.info ?? null;
  }

  @Authorized(['admin', 'supervisor'])
  @Mutation(() => DispatchModelInfoNode, { description: '立即重新训练分转模型' })
  async retrainDispatchModel(@Ctx() ctx: Ctx): Promise<DispatchModelInfoNode> {
    return ctx.model.retrain(ctx.em, 'manual');
  }
}
