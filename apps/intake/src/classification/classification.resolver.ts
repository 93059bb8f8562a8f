import { Arg, Ctx, Field, Float, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Authorized } from '@hotline/service-kit';
import { RequestType, Tier, Urgency } from '@hotline/contracts';
import { parseInput, requireUser, ServiceContext } from '@hotline/service-kit';
import { Case, RequestTypeEnum, TierEnum, UrgencyEnum } from '../cases/case.entity';
import { loadIntakeRules, saveIntakeRules } from '../settings/intake-settings';
import { reclassifyCase } from './reclassify';
import { IntakeRules as Rules, IntakeRulesSchema } from './rules';

@InputType({ description: '分类调整' })
class ReclassifyInput {
  @Field(() => ID) caseId!: string;
  @Field(() => RequestTypeEnum, { nullable: true }) requestType?: RequestType;
  @Field(() => String, { nullable: true }) topic?: string;
  @Field(() => TierEnum, { nullable: true }) tier?: Tier;
  @Field(() => UrgencyEnum, { nullable: true }) urgency?: Urgency;
  @Field(() => String, { description: '调整原因' }) reason!: string;
}

@ObjectType('IntakeRules', { description: '受理规则：分类分级与重复件识别' })
class IntakeRulesType {
  @Field(() => [RequestTypeEnum], { description: '简单类诉求类型' }) simpleRequestTypes!: RequestType[];
  @Field(() => [String], { description: '直接列为疑难类的主题' }) difficultTopics!: string[];
  @Field(() => Int, { description: '重复次数达到即为疑难类' }) difficultRepeatCount!: number;
  @Field(() => Int, { description: '同楼盘同主题件数达到即为疑难类（群体性/爆发性）' }) difficultClusterSize!: number;
  @Field(() => [String], { description: '紧急关键词' }) urgentKeywords!: string[];
  @Field(() => [String], { description: '及时关键词（水电气热）' }) timelyKeywords!: string[];
  @Field(() => Int, { description: '重复件识别时间窗（天）' }) repeatWindowDays!: number;
  @Field(() => Float, { description: '文本相似度阈值 0..1' }) textSimilarityThreshold!: number;
}

@InputType({ description: '修改受理规则（未填的项保持不变）' })
class IntakeRulesInput {
  @Field(() => [RequestTypeEnum], { nullable: true }) simpleRequestTypes?: RequestType[];
  @Field(() => [String], { nullable: true }) difficultTopics?: string[];
  @Field(() => Int, { nullable: true }) difficultRepeatCount?: number;
  @Field(() => Int, { nullable: true }) difficultClusterSize?: number;
  @Field(() => [String], { nullable: true }) urgentKeywords?: string[];
  @Field(() => [String], { nullable: true }) timelyKeywords?: string[];
  @Field(() => Int, { nullable: true }) repeatWindowDays?: number;
  @Field(() => Float, { nullable: true }) textSimilarityThreshold?: number;
}

@Resolver()
export class ClassificationResolver {
  /** 分类调整 with a reason; audited (hotline.case.classified with before and after). */
  @Authorized(['duty', 'supervisor'])
  @Mutation(() => Case, { description: '调整工单分类（类型、主题、分级、紧急程度），须填写原因' })
  reclassifyCase(@Arg('input', () => ReclassifyInput) input: ReclassifyInput, @Ctx() ctx: ServiceContext): Promise<Case> {
    return reclassifyCase(ctx.em, requireUser(ctx), Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null)));
  }

  @Authorized(['admin', 'duty', 'supervisor'])
  @Query(() => IntakeRulesType, { description: '当前受理规则' })
  intakeRules(@Ctx() ctx: ServiceContext): Promise<Rules> {
    return loadIntakeRules(ctx.em);
  }

  @Authorized(['admin'])
  @Mutation(() => IntakeRulesType, { description: '修改受理规则（管理员）' })
  async updateIntakeRules(@Arg('input', () => IntakeRulesInput) input: IntakeRulesInput, @Ctx() ctx: ServiceContext): Promise<Rules> {
    const current = await loadIntakeRules(ctx.em);
    const next = parseInput(IntakeRulesSchema, { ...current, ...Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null)) });
    await saveIntakeRules(ctx.em, next, requireUser(ctx).id);
    return next;
  }
}
