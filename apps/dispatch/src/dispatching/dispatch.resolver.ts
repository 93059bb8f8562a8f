import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Resolver } from 'type-graphql';
import { Authorized } from '@hotline/service-kit';
import { requireUser } from '@hotline/service-kit';
import { CaseNode } from '../cases/case.resolver';
import type { DispatchCase } from '../cases/dispatch-case.entity';
import type { DispatchContext } from '../context';

type Ctx = DispatchContext;
import { BulkDispatchOutcome, dispatchCase, dispatchCases } from './dispatch-case';
import { redispatchCase } from './redispatch-case';

@InputType({ description: '分转派单' })
class DispatchInput {
  @Field(() => ID) caseId!: string;
  @Field(() => ID, { description: '主办科室' }) leadDepartmentId!: string;
  @Field(() => [ID], { nullable: true, description: '协办科室' }) assistDepartmentIds?: string[];
  @Field(() => String, { nullable: true }) note?: string;
  @Field(() => Int, { nullable: true, description: '操作时看到的版本号（Handling.version）' }) expectedVersion?: number;
}

@InputType({ description: '改派' })
class RedispatchInput {
  @Field(() => ID) caseId!: string;
  @Field(() => ID, { description: '新主办科室' }) leadDepartmentId!: string;
  @Field(() => [ID], { nullable: true, description: '新协办科室' }) assistDepartmentIds?: string[];
  @Field(() => String, { description: '改派原因' }) reason!: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number;
}

@ObjectType('BulkDispatchResult', { description: '批量分转中一件工单的结果' })
class BulkDispatchResult {
  @Field(() => ID) caseId!: string;
  @Field(() => Boolean) ok!: boolean;
  @Field(() => CaseNode, { nullable: true }) case?: DispatchCase | null;
  @Field(() => String, { nullable: true, description: '失败时的错误码，如 CONFLICT' }) errorCode?: string | null;
  @Field(() => String, { nullable: true, description: '失败原因代码，如 ALREADY_DISPATCHED' }) reason?: string | null;
  @Field(() => String, { nullable: true }) message?: string | null;
}

const strip = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));

@Resolver()
export class DispatchResolver {
  /** 分转派单 */
  @Authorized(['duty'])
  @Mutation(() => CaseNode)
  dispatchCase(@Arg('input', () => DispatchInput) input: DispatchInput, @Ctx() ctx: Ctx): Promise<DispatchCase> {
    return dispatchCase(ctx.em, requireUser(ctx), strip(input), ctx.suggest);
  }

  /** 批量分转 */
  @Authorized(['duty'])
  @Mutation(() => [BulkDispatchResult], { description: '批量分转：逐件处理，一件失败不影响其他' })
  async dispatchCases(@Arg('inputs', () => [DispatchInput]) inputs: DispatchInput[], @Ctx() ctx: Ctx): Promise<BulkDispatchResult[]> {
    const out: BulkDispatchOutcome[] = await dispatchCases(ctx.em, requireUser(ctx), inputs.map(strip), ctx.suggest);
    return out.map((o) => ({ ...o, ok: o.case !== null }));
  }

  /** 改派 */
  @Authorized(['duty'])
  @Mutation(() => CaseNode, { description: '改派：更换主办/协办科室，记录原因与原科室持有时长' })
  redispatchCase(@Arg('input', () => RedispatchInput) input: RedispatchInput, @Ctx() ctx: Ctx): Promise<DispatchCase> {
    return redispatchCase(ctx.em, requireUser(ctx), strip(input), ctx.suggest);
  }
}
