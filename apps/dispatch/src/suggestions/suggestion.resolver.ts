import { Ctx, Field, FieldResolver, Float, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Authorized } from '@hotline/service-kit';
import { CaseNode, known } from '../cases/case.resolver';
import { ResponsibilityRule } from '../catalogue/responsibility-rule.entity';
import type { DispatchContext } from '../context';
import { DepartmentRef, loaderFor } from '@hotline/service-kit';
import { DispatchCase as DispatchCaseEntity } from '../cases/dispatch-case.entity';
import { routingTexts, RoutingText } from './case-texts';
import type { ModelInfo } from './dispatch-model';
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

@ObjectType('DepartmentRecall', { description: '按科室的首选召回率（本局已办结工单）' })
class DepartmentRecallNode {
  @Field(() => String) departmentCode!: string;
  @Field(() => Int, { description: '参与检验的工单数' }) cases!: number;
  @Field(() => Float, { description: '首选即本科室的比例' }) recall!: number;
}

@ObjectType('ReliabilityBin', { description: '校准分箱：置信度区间内的平均置信度与实际准确率' })
class ReliabilityBinNode {
  @Field(() => Float) from!: number;
  @Field(() => Float) to!: number;
  @Field(() => Int) count!: number;
  @Field(() => Float, { description: '平均置信度' }) confidence!: number;
  @Field(() => Float, { description: '实际准确率' }) accuracy!: number;
}

@ObjectType('ModelCalibration', { description: '置信度校准（温度缩放，留出折检验）' })
class ModelCalibrationNode {
  @Field(() => Float, { description: '温度（>1 表示原始置信度偏高）' }) temperature!: number;
  @Field(() => String, { description: '温度拟合所用数据：bureau 本局工单 | pooled 本局工单不足 100 件时与演示历史合并' }) fittedOn!: string;
  @Field(() => Float, { description: '校准前的期望校准误差 ECE' }) eceBefore!: number;
  @Field(() => Float, { description: '校准后的期望校准误差 ECE' }) ece!: number;
  @Field(() => [ReliabilityBinNode]) bins!: ReliabilityBinNode[];
}

@ObjectType('DispatchModelInfo', { description: '分转模型：训练数据、方法与本局工单上的检验结果' })
class DispatchModelInfoNode {
  @Field(() => Date) trainedAt!: Date;
  @Field(() => String, { description: 'start | schedule | manual' }) trigger!: string;
  @Field(() => Int, { description: '训练工单总数' }) documents!: number;
  @Field(() => Int, { description: '演示历史工单数（合成数据，只参与训练，不计入指标）' }) demoDocuments!: number;
  @Field(() => Int, { description: '本局已办结工单数' }) bureauDocuments!: number;
  @Field(() => Int, { description: '本局工单中按全文训练的件数' }) fullTextDocuments!: number;
  @Field(() => Int, { description: '本局工单中因读取受理服务失败、仅按摘要训练的件数' }) digestOnlyDocuments!: number;
  @Field(() => Int, { description: '本局已办结工单少于此数时混入演示历史' }) minBureauDocuments!: number;
  @Field(() => Int, { description: '本局已办结工单达到此数才报告准确率' }) minEvaluatedDocuments!: number;
  @Field(() => String, { description: '方法说明' }) method!: string;
  @Field(() => String, { description: '参数选择依据：bureau 本局工单 | demo 演示历史' }) selectedOn!: string;
  @Field(() => Int, { description: '特征数（词、字二元组、主题编码）' }) vocabulary!: number;
  @Field(() => Int) folds!: number;
  @Field(() => Int, { description: '参与检验的本局工单数（0 = 尚无可信指标）' }) evaluatedDocuments!: number;
  @Field(() => Float, { nullable: true, description: '首选准确率（仅本局已办结工单，交叉验证）' }) accuracy!: number | null;
  @Field(() => Float, { nullable: true, description: '前三命中率（仅本局已办结工单，交叉验证）' }) top3Accuracy!: number | null;
  @Field(() => [DepartmentRecallNode], { description: '各科室召回率（仅本局已办结工单）' }) perDepartment!: DepartmentRecallNode[];
  @Field(() => ModelCalibrationNode, { nullable: true, description: '置信度校准报告（仅本局已办结工单）' }) calibration!: ModelCalibrationNode | null;
  @Field(() => Int) trainMs!: number;
}

/** The model card as the API shows it; figures only from the bureau's own cases. */
export function modelCard(m: ModelInfo): DispatchModelInfoNode {
  return {
    trainedAt: m.trainedAt,
    trigger: m.trigger,
    documents: m.bureauCases + m.syntheticCases,
    demoDocuments: m.syntheticCases,
    bureauDocuments: m.bureauCases,
    fullTextDocuments: m.fullTextCases,
    digestOnlyDocuments: m.digestOnlyCases,
    minBureauDocuments: m.minBureauCases,
    minEvaluatedDocuments: m.minEvaluatedCases,
    method: `TF-IDF（词 + 字二元组 + 主题编码）多类逻辑回归，L2 λ=${m.params.lambda}，类别权重指数 ${m.params.balance}，温度缩放 T=${m.temperature.toFixed(2)}`,
    selectedOn: m.selectedOn,
    vocabulary: m.features,
    folds: m.folds,
    evaluatedDocuments: m.metrics?.cases ?? 0,
    accuracy: m.metrics?.accuracy ?? null,
    top3Accuracy: m.metrics?.top3Accuracy ?? null,
    perDepartment: (m.metrics?.perDepartment ?? []).map((d) => ({ departmentCode: d.label, cases: d.cases, recall: d.recall })),
    calibration: m.calibration && {
      temperature: m.calibration.temperature,
      fittedOn: m.calibration.fittedOn,
      eceBefore: m.calibration.eceBefore,
      ece: m.calibration.after.ece,
      bins: m.calibration.after.bins,
    },
    trainMs: m.trainMs,
  };
}

@Resolver(() => CaseNode)
export class SuggestionResolver {
  @Authorized(['duty', 'supervisor', 'leader', 'admin'])
  @FieldResolver(() => DispatchSuggestionNode, { nullable: true, description: '分转建议（值守员分转时参考）' })
  async dispatchSuggestion(@Root() c: DispatchCaseEntity | CaseNode, @Ctx() ctx: Ctx): Promise<DispatchSuggestionNode | null> {
    if (!known(c)) return null;
    // Per request: the catalogue and departments once; the returns and the whole texts of every listed case in one go each.
    const [rc, excluded, text] = await Promise.all([
      loaderFor<RoutingContext | null>(ctx, 'routing-context', async (keys) => new Map([[keys[0], await loadRoutingContext(ctx.em)]]), null).load('all'),
      loaderFor<string[]>(ctx, 'returned-by', (ids) => returnedBy(ctx.em, ids), []).load(c.id),
      loaderFor<RoutingText | null>(
        ctx,
        'routing-texts',
        async (ids) => routingTexts(ctx.em, ctx.model.texts, await ctx.em.find(DispatchCaseEntity, { id: { $in: [...ids] } })),
        null,
      ).load(c.id),
    ]);
    const s = suggestFrom(rc!, ctx.model, c, excluded, text ?? undefined);
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
    return ctx.model.info ? modelCard(ctx.model.info) : null;
  }

  @Authorized(['admin', 'supervisor'])
  @Mutation(() => DispatchModelInfoNode, { description: '立即重新训练分转模型' })
  async retrainDispatchModel(@Ctx() ctx: Ctx): Promise<DispatchModelInfoNode> {
    return modelCard(await ctx.model.retrain(ctx.em, 'manual'));
  }
}
