import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { CALLBACK_ERRORS, scrubText } from '@hotline/contracts';
import { Authorized, codedError, DepartmentRef, requireUser, UserRef } from '@hotline/service-kit';
import type { CallbackContext } from '../context';
import { CaseNode, SupervisionNode, SupervisionPage } from '../graphql-types';
import { reopenByHand } from './reopen-by-hand';
import { SecondSupervision } from './second-supervision.entity';

type Ctx = CallbackContext;

@Resolver(() => SupervisionNode)
export class SecondRoundResolver {
  /** 二次督办 list for the supervisor: open ones first by due time, paged. */
  @Authorized(['supervisor', 'leader', 'admin'])
  @Query(() => SupervisionPage, { description: '二次督办列表（督办中在前，按时限排序，服务器分页）' })
  async secondSupervisions(
    @Arg('status', () => String, { nullable: true, description: 'open 督办中 / closed 已结束；空为全部' }) status: string | null,
    @Arg('page', () => Int, { defaultValue: 1 }) page: number,
    @Arg('pageSize', () => Int, { defaultValue: 20 }) pageSize: number,
    @Ctx() ctx: Ctx,
  ): Promise<SupervisionPage> {
    if (status && status !== 'open' && status !== 'closed') throw codedError(CALLBACK_ERRORS.INVALID_STATUS);
    if (!Number.isInteger(page) || page < 1) throw codedError(CALLBACK_ERRORS.INVALID_PAGE);
    if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100) throw codedError(CALLBACK_ERRORS.INVALID_PAGE_SIZE);
    const [items, total] = await ctx.em.findAndCount(SecondSupervision, status ? { status: status as 'open' | 'closed' } : {}, {
      orderBy: { status: 'desc', dueAt: 'asc', id: 'asc' },
      limit: pageSize,
      offset: (page - 1) * pageSize,
    });
    return { total, items } as unknown as SupervisionPage;
  }

  /** 发起二次督办 by hand. */
  @Authorized(['supervisor'])
  @Mutation(() => SupervisionNode, { description: '督办员发起二次督办：工单重新回到主办科室办理（须填写重办说明）' })
  openSecondRound(@Arg('caseId', () => ID) caseId: string, @Arg('explanation', () => String) explanation: string, @Ctx() ctx: Ctx): Promise<SecondSupervision> {
    return reopenByHand(ctx.em, requireUser(ctx), { caseId, explanation }, ctx.settings);
  }

  @FieldResolver(() => CaseNode)
  case(@Root() s: SecondSupervision): CaseNode {
    return { id: s.caseId };
  }

  @FieldResolver(() => String)
  reason(@Root() s: SecondSupervision): string {
    return scrubText(s.reason);
  }

  @FieldResolver(() => DepartmentRef, { nullable: true })
  department(@Root() s: SecondSupervision): DepartmentRef | null {
    return s.departmentId ? { id: s.departmentId } : null;
  }

  @FieldResolver(() => UserRef)
  openedBy(@Root() s: SecondSupervision): UserRef {
    return { id: s.openedBy };
  }
}
