import { Arg, Ctx, Field, FieldResolver, Float, ID, InputType, Mutation, ObjectType, Resolver, Root } from 'type-graphql';
import { Authorized } from '@hotline/service-kit';
import type { LinkKind } from '@hotline/contracts';
import { requireUser, ServiceContext } from '@hotline/service-kit';
import { Case, LinkKindEnum } from '../cases/case.entity';
import { loadIntakeRules } from '../settings/intake-settings';
import { linkCase, repeatCandidates } from './link-case';

@ObjectType('RepeatCandidate', { description: '疑似重复件：较早的工单、相似度与原因' })
class RepeatCandidate {
  @Field(() => Case) case!: Case;
  @Field(() => Float, { description: '相似度 0..1' }) score!: number;
  @Field(() => [String], { description: '原因' }) reasons!: string[];
}

@InputType({ description: '关联工单（重复件 / 并单）' })
class LinkCaseInput {
  @Field(() => ID) caseId!: string;
  @Field(() => ID, { description: '主工单' }) masterCaseId!: string;
  @Field(() => LinkKindEnum) kind!: LinkKind;
  @Field(() => String, { nullable: true }) reason?: string;
}

const BUREAU_ROLES = ['duty', 'supervisor', 'leader', 'admin', 'callback'];

@Resolver(() => Case)
export class RepeatResolver {
  /** What the operator sees while signing: earlier similar cases and how they ended. */
  @FieldResolver(() => [RepeatCandidate], { description: '疑似重复件（签收时查看较早工单及其办理结果）' })
  async repeatCandidates(@Root() c: Case, @Ctx() ctx: ServiceContext): Promise<RepeatCandidate[]> {
    const user = requireUser(ctx);
    if (!BUREAU_ROLES.includes(user.role)) return []; // a department sees its own cases only
    return repeatCandidates(ctx.em, c, await loadIntakeRules(ctx.em));
  }

  @FieldResolver(() => [Case], { description: '关联到本工单的重复件/并单' })
  linkedCases(@Root() c: Case, @Ctx() ctx: ServiceContext): Promise<Case[]> {
    const user = requireUser(ctx);
    if (!BUREAU_ROLES.includes(user.role)) return Promise.resolve([]);
    return ctx.em.find(Case, { masterCaseId: c.id }, { orderBy: { receivedAt: 'asc' } });
  }

  @Authorized(['duty'])
  @Mutation(() => Case, { description: '关联为重复件或并单到主工单' })
  linkCase(@Arg('input', () => LinkCaseInput) input: LinkCaseInput, @Ctx() ctx: ServiceContext): Promise<Case> {
    return linkCase(ctx.em, requireUser(ctx), { ...input, reason: input.reason ?? undefined });
  }
}
