import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Authorized } from '@hotline/service-kit';
import { requireUser } from '@hotline/service-kit';
import type { DispatchContext } from '../context';
import { createRule, listRules, retireRule, updateRule } from './catalogue.service';
import { ResponsibilityRule } from './responsibility-rule.entity';

type Ctx = DispatchContext;

@InputType({ description: '权责清单条目' })
class ResponsibilityRuleInput {
  @Field(() => String) name!: string;
  @Field(() => [String], { nullable: true }) topics?: string[];
  @Field(() => [String], { nullable: true }) keywords?: string[];
  @Field(() => [String], { nullable: true }) projects?: string[];
  @Field(() => [String], { nullable: true }) streets?: string[];
  @Field(() => String, { description: '主办科室代码' }) leadDepartmentCode!: string;
  @Field(() => [String], { nullable: true, description: '协办科室代码' }) assistDepartmentCodes?: string[];
  @Field(() => String, { nullable: true, description: '依据' }) basis?: string;
  @Field(() => Int, { nullable: true }) priority?: number;
}

const strip = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));

/** 权责清单: read by the bureau, maintained by the administrator. */
@Resolver()
export class CatalogueResolver {
  @Authorized(['admin', 'duty', 'supervisor', 'leader'])
  @Query(() => [ResponsibilityRule], { description: '权责清单（默认仅现行版本；history 为真时含所有历史版本）' })
  responsibilityRules(@Arg('history', () => Boolean, { defaultValue: false }) history: boolean, @Ctx() ctx: Ctx): Promise<ResponsibilityRule[]> {
    return listRules(ctx.em, { history });
  }

  @Authorized(['admin'])
  @Mutation(() => ResponsibilityRule, { description: '新增权责清单条目' })
  createResponsibilityRule(@Arg('input', () => ResponsibilityRuleInput) input: ResponsibilityRuleInput, @Ctx() ctx: Ctx): Promise<ResponsibilityRule> {
    return createRule(ctx.em, requireUser(ctx), strip(input));
  }

  @Authorized(['admin'])
  @Mutation(() => ResponsibilityRule, { description: '修订权责清单条目（生成新版本）' })
  updateResponsibilityRule(
    @Arg('ruleKey', () => ID) ruleKey: string,
    @Arg('input', () => ResponsibilityRuleInput) input: ResponsibilityRuleInput,
    @Ctx() ctx: Ctx,
  ): Promise<ResponsibilityRule> {
    return updateRule(ctx.em, requireUser(ctx), ruleKey, strip(input));
  }

  @Authorized(['admin'])
  @Mutation(() => ResponsibilityRule, { description: '停用权责清单条目（生成停用版本）' })
  retireResponsibilityRule(@Arg('ruleKey', () => ID) ruleKey: string, @Ctx() ctx: Ctx): Promise<ResponsibilityRule> {
    return retireRule(ctx.em, requireUser(ctx), ruleKey);
  }
}
