import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { SUPERVISION_ERRORS } from '@hotline/contracts';
import { Authorized, codedError, DepartmentRef, groupBy, loaderFor, requireUser, UserRef } from '@hotline/service-kit';
import type { SupervisionContext } from '../context';
import { CaseNode, SecondSupervisionNode, SecondSupervisionPage } from '../graphql-types';
import { openByHand } from './open-by-hand';
import { SecondSupervision } from './second-supervision.entity';

type Ctx = SupervisionContext;

@Resolver(() => SecondSupervisionNode)
export class SecondRoundResolver {
  /** 二次督办 list for the supervisor: open ones first by due time, paged on the server. */
  @Authorized(['supervisor', 'leader', 'admin'])
  @Query(() => SecondSupervisionPage, { description: '二次督办列表（督办中在前，按时限排序，服务器分页）' })
  async secondSupervisions(
    @Arg('status', () => String, { nullable: true, description: 'open 督办中 / closed 已结束；空为全部' }) status: string | null,
    @Arg('page', () => Int, { defaultValue: 1 }) page: number,
    @Arg('pageSize', () => Int, { defaultValue: 20 }) pageSize: number,
    @Ctx() ctx: Ctx,
  ): Promise<SecondSupervisionPage> {
    if (status && status !== 'open' && status !== 'closed') throw codedError(SUPERVISION_ERRORS.SECOND_ROUND_STATUS);
    if (!Number.isInteger(page) || page < 1) throw codedError(SUPERVISION_ERRORS.SECOND_ROUND_PAGE);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) throw codedError(SUPERVISION_ERRORS.SECOND_ROUND_PAGE_SIZE);
    const [items, total] = await ctx.em.findAndCount(SecondSupervision, status ? { status: status as 'open' | 'closed' } : {}, {
      orderBy: { status: 'desc', dueAt: 'asc', id: 'asc' },
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    return { total, items } as unknown as SecondSupervisionPage;
  }

  /** 发起二次督办 by hand. */
  @Authorized(['supervisor'])
  @Mutation(() => SecondSupervisionNode, { description: '督办员发起二次督办：工单重新回到主办科室办理（须填写重办说明）' })
  openSecondRound(@Arg('caseId', () => ID) caseId: string, @Arg('explanation', () => String) explanation: string, @Ctx() ctx: Ctx): Promise<SecondSupervision> {
    return openByHand(ctx.em, requireUser(ctx), { caseId, explanation }, ctx.secondRound);
  }

  @FieldResolver(() => CaseNode)
  case(@Root() s: SecondSupervision): CaseNode {
    return Object.assign(new CaseNode(), { id: s.caseId });
  }

  @FieldResolver(() => DepartmentRef, { nullable: true })
  department(@Root() s: SecondSupervision): DepartmentRef | null {
    return s.departmentId ? { id: s.departmentId } : null;
  }

  @FieldResolver(() => UserRef, { nullable: true })
  openedBy(@Root() s: SecondSupervision): UserRef | null {
    return s.openedBy ? { id: s.openedBy } : null;
  }
}

/** A case's 二次督办 rounds (the case reference already checked the reader's scope). */
@Resolver(() => CaseNode)
export class CaseSecondRoundsResolver {
  @FieldResolver(() => [SecondSupervisionNode], { description: '二次督办' })
  supervisions(@Root() c: CaseNode, @Ctx() ctx: Ctx): Promise<SecondSupervision[]> {
    return loaderFor<SecondSupervision[]>(
      ctx,
      'second-rounds',
      async (ids) => groupBy(await ctx.em.find(SecondSupervision, { caseId: { $in: [...ids] } }, { orderBy: { round: 'asc' } }), (r) => r.caseId),
      [],
    ).load(c.id);
  }
}
