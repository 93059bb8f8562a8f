import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Authorized, groupBy, loaderFor, pageRequest, parseInput, requireUser, codedError } from '@hotline/service-kit';
import type { SupervisionContext } from '../context';
import { CaseNode } from '../graphql-types';
import { claimNodes, ruleSetNode } from './claim-nodes';
import { createClaim, decideClaim, removeEvidence, submitClaim, updateClaim } from './claims';
import { ExclusionClaim } from './exclusion.entities';
import { CLAIM_STATUS_LABELS, ClaimStatus, MONTH } from './exclusion-rules';
import {
  ExclusionClaimCreateInput,
  ExclusionClaimDecisionInput,
  ExclusionClaimNode,
  ExclusionClaimPage,
  ExclusionClaimUpdateInput,
  ExclusionRuleSetInput,
  ExclusionRuleSetNode,
} from './exclusion.types';
import { ruleSetOfMonth, saveRuleSet } from './rule-sets';
import { SUPERVISION_ERRORS } from '@hotline/contracts';

type Ctx = SupervisionContext;

/** Who reads claims and rule sets (ROLES.md: the supervisor prepares them; leader and admin read). */
export const EXCLUSION_READ_ROLES = ['supervisor', 'leader', 'admin'] as const;

const plain = <T>(v: T): T => JSON.parse(JSON.stringify(v));

@Resolver(() => CaseNode)
export class ExclusionsResolver {
  @Authorized(EXCLUSION_READ_ROLES)
  @FieldResolver(() => [ExclusionClaimNode], { description: '不纳入考核申请（各月，含已撤回、未通过）' })
  async exclusionClaims(@Root() c: CaseNode, @Ctx() ctx: Ctx): Promise<ExclusionClaimNode[]> {
    const rows = await loaderFor<ExclusionClaim[]>(
      ctx,
      'exclusionClaims',
      async (ids) => groupBy(await ctx.em.find(ExclusionClaim, { caseId: { $in: [...ids] } }, { orderBy: { createdAt: 'asc' } }), (r) => r.caseId),
      [],
    ).load(c.id);
    return claimNodes(ctx.em, rows, await ctx.calendars.current(ctx.em));
  }

  @Authorized(EXCLUSION_READ_ROLES)
  @Query(() => ExclusionRuleSetNode, { description: '某月适用的不纳入考核规则集（类型、条件、所需材料、申报截止）' })
  async exclusionRuleSet(@Arg('month', () => String) month: string, @Ctx() ctx: Ctx): Promise<ExclusionRuleSetNode> {
    requireUser(ctx);
    return ruleSetNode(await ruleSetOfMonth(ctx.em, month), month, await ctx.calendars.current(ctx.em));
  }

  @Authorized(EXCLUSION_READ_ROLES)
  @Query(() => ExclusionClaimPage, { name: 'exclusionClaims', description: '某月的不纳入考核申请，可按状态筛选，分页' })
  async exclusionClaimsOfMonth(
    @Arg('month', () => String) month: string,
    @Arg('status', () => String, { nullable: true }) status: string | null,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Arg('limit', () => Int, { defaultValue: 20 }) limit: number,
    @Ctx() ctx: Ctx,
  ): Promise<ExclusionClaimPage> {
    requireUser(ctx);
    parseInput(MONTH, month);
    const page = pageRequest(offset, limit, 20);
    if (status && !(status in CLAIM_STATUS_LABELS)) throw codedError(SUPERVISION_ERRORS.UNKNOWN_CLAIM_STATUS, { status });
    const where = { month, ...(status ? { status: status as ClaimStatus } : {}) };
    const [rows, total] = await ctx.em.findAndCount(ExclusionClaim, where, {
      orderBy: { createdAt: 'desc', id: 'asc' },
      offset: page.offset,
      limit: page.limit,
    });
    return { total, items: await claimNodes(ctx.em, rows, await ctx.calendars.current(ctx.em)) };
  }

  private async one(ctx: Ctx, claim: ExclusionClaim): Promise<ExclusionClaimNode> {
    return (await claimNodes(ctx.em, [claim], await ctx.calendars.current(ctx.em)))[0];
  }

  @Authorized(['supervisor'])
  @Mutation(() => ExclusionClaimNode, { description: '新建不纳入考核申请（草稿），按该月当前规则集' })
  async createExclusionClaim(@Arg('input', () => ExclusionClaimCreateInput) input: ExclusionClaimCreateInput, @Ctx() ctx: Ctx): Promise<ExclusionClaimNode> {
    return this.one(ctx, await createClaim(ctx.em, requireUser(ctx), plain(input)));
  }

  @Authorized(['supervisor'])
  @Mutation(() => ExclusionClaimNode, { description: '修改草稿（类型、申请说明）' })
  async updateExclusionClaim(@Arg('input', () => ExclusionClaimUpdateInput) input: ExclusionClaimUpdateInput, @Ctx() ctx: Ctx): Promise<ExclusionClaimNode> {
    return this.one(ctx, await updateClaim(ctx.em, requireUser(ctx), plain(input)));
  }

  @Authorized(['supervisor'])
  @Mutation(() => ExclusionClaimNode, { description: '提交申请：清单须全部满足，且未过该月申报截止' })
  async submitExclusionClaim(@Arg('claimId', () => ID) claimId: string, @Ctx() ctx: Ctx): Promise<ExclusionClaimNode> {
    return this.one(ctx, await submitClaim(ctx.em, requireUser(ctx), claimId, await ctx.calendars.current(ctx.em)));
  }

  @Authorized(['supervisor'])
  @Mutation(() => ExclusionClaimNode, { description: '登记审核通过（区级平台的审核意见）：该工单移出所属考核周期的三率分母' })
  async approveExclusionClaim(
    @Arg('input', () => ExclusionClaimDecisionInput) input: ExclusionClaimDecisionInput,
    @Ctx() ctx: Ctx,
  ): Promise<ExclusionClaimNode> {
    return this.one(ctx, await decideClaim(ctx.em, requireUser(ctx), 'approve', plain(input)));
  }

  @Authorized(['supervisor'])
  @Mutation(() => ExclusionClaimNode, { description: '登记审核未通过（区级平台的审核意见）' })
  async rejectExclusionClaim(
    @Arg('input', () => ExclusionClaimDecisionInput) input: ExclusionClaimDecisionInput,
    @Ctx() ctx: Ctx,
  ): Promise<ExclusionClaimNode> {
    return this.one(ctx, await decideClaim(ctx.em, requireUser(ctx), 'reject', plain(input)));
  }

  @Authorized(['supervisor'])
  @Mutation(() => ExclusionClaimNode, { description: '撤回申请（草稿或已提交），附原因' })
  async withdrawExclusionClaim(
    @Arg('input', () => ExclusionClaimDecisionInput) input: ExclusionClaimDecisionInput,
    @Ctx() ctx: Ctx,
  ): Promise<ExclusionClaimNode> {
    return this.one(ctx, await decideClaim(ctx.em, requireUser(ctx), 'withdraw', plain(input)));
  }

  @Authorized(['supervisor'])
  @Mutation(() => ExclusionClaimNode, { description: '删除草稿中的一份佐证材料' })
  async removeExclusionEvidence(
    @Arg('claimId', () => ID) claimId: string,
    @Arg('evidenceId', () => ID) evidenceId: string,
    @Ctx() ctx: Ctx,
  ): Promise<ExclusionClaimNode> {
    return this.one(ctx, await removeEvidence(ctx.em, requireUser(ctx), claimId, evidenceId));
  }

  @Authorized(['admin'])
  @Mutation(() => ExclusionRuleSetNode, { description: '保存某月的不纳入考核规则集（新版本；已建申请仍按原版本）' })
  async saveExclusionRuleSet(@Arg('input', () => ExclusionRuleSetInput) input: ExclusionRuleSetInput, @Ctx() ctx: Ctx): Promise<ExclusionRuleSetNode> {
    const set = await saveRuleSet(ctx.em, requireUser(ctx), plain(input));
    return ruleSetNode(set, set.month, await ctx.calendars.current(ctx.em));
  }
}
