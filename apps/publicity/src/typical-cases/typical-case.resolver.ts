import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { TYPICAL_CASE_STAGE_LABELS, TYPICAL_CASE_STAGES, TypicalCaseStage, PUBLICITY_ERRORS } from '@hotline/contracts';
import { Authorized, groupBy, isUuid, loaderFor, requireUser, UserRef, codedError } from '@hotline/service-kit';
import { AuditRecord } from '../cases/audit-record.entity';
import { CaseNode } from '../cases/case.resolver';
import { ItemCase } from '../cases/item-case.entity';
import type { PublicityContext } from '../context';
import { page, PageArgs } from '../items/page';
import { PUBLICITY_READ_ROLES, PUBLICITY_ROLES } from '../items/roles';
import { Material } from '../materials/material.entity';
import { shownText } from '../privacy/public-text';
import { nominateTypicalCase } from './nominate';
import { missingMaterial } from './stages';
import { TypicalCase } from './typical-case.entity';
import { rejectTypicalCase, reviewTypicalCase, saveDraft, sendForReview, submitTypicalCase } from './typical-case-pipeline';

type Ctx = PublicityContext;

/** 典型案例 as the API shows it (free text masked). */
@ObjectType('TypicalCase', { description: '典型案例' })
export class TypicalCaseNode {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { description: '阶段：drafting 撰写中 reviewing 审核中 approved 待报送 submitted 已报送 awarded 已加分 rejected 未采纳' })
  stage!: TypicalCaseStage;
  @Field(() => Date, { nullable: true, description: '本阶段截止时间（工作日历）' }) stageDueAt?: Date | null;
  @Field(() => Date) nominatedAt!: Date;
  @Field(() => Date, { nullable: true }) submittedAt?: Date | null;
  @Field(() => Date, { nullable: true }) closedAt?: Date | null;
  @Field(() => Int, { description: '版本号：操作时作为 expectedVersion 传回' }) version!: number;
}

@ObjectType('TypicalCasePage')
class TypicalCasePage {
  @Field(() => [TypicalCaseNode]) items!: TypicalCase[];
  @Field(() => Int) total!: number;
}

@ObjectType('TypicalCaseStageCount', { description: '各阶段数量（看板）' })
class StageCount {
  @Field(() => String) stage!: string;
  @Field(() => String) label!: string;
  @Field(() => Int) count!: number;
  @Field(() => Int, { description: '已超过本阶段期限' }) overdue!: number;
}

@InputType('NominateTypicalCaseInput', { description: '提名典型案例' })
class NominateInput {
  @Field(() => ID) caseId!: string;
  @Field(() => String, { description: '案例标题' }) title!: string;
  @Field(() => String, { description: '提名理由' }) reason!: string;
}

@InputType('TypicalCaseDraftInput', { description: '保存案例稿件' })
class DraftInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number;
  @Field(() => String, { description: '案例正文' }) text!: string;
  @Field(() => String, { nullable: true }) title?: string;
}

@InputType('TypicalCaseRefInput')
class RefInput {
  @Field(() => ID) id!: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number;
}

@InputType('TypicalCaseReviewInput', { description: '审核：通过或退回修改' })
class ReviewInput extends RefInput {
  @Field(() => Boolean, { description: 'true 通过；false 退回修改（须填写意见）' }) approve!: boolean;
  @Field(() => String, { nullable: true, description: '审核意见' }) note?: string;
}

@InputType('TypicalCaseRejectInput', { description: '登记未采纳' })
class RejectInput extends RefInput {
  @Field(() => String, { description: '未采纳原因' }) reason!: string;
}

const strip = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));

@Resolver(() => TypicalCaseNode)
export class TypicalCaseResolver {
  @Authorized([...PUBLICITY_READ_ROLES])
  @Query(() => TypicalCasePage, { description: '典型案例，按阶段筛选，分页' })
  async typicalCases(
    @Arg('stage', () => String, { nullable: true }) stage: string | null,
    @Args(() => PageArgs) p: PageArgs,
    @Ctx() ctx: Ctx,
  ): Promise<TypicalCasePage> {
    const { offset, limit } = page(p);
    if (stage && !(TYPICAL_CASE_STAGES as readonly string[]).includes(stage)) throw codedError(PUBLICITY_ERRORS.INVALID_STAGE);
    const [items, total] = await ctx.em.findAndCount(TypicalCase, stage ? { stage: stage as TypicalCaseStage } : {}, {
      orderBy: { stageDueAt: 'asc', nominatedAt: 'desc' },
      offset,
      limit,
    });
    return { items, total };
  }

  @Authorized([...PUBLICITY_READ_ROLES])
  @Query(() => [StageCount], { description: '典型案例看板：各阶段数量与超期数' })
  async typicalCaseBoard(@Ctx() ctx: Ctx): Promise<StageCount[]> {
    const rows = await ctx.em.execute<Array<{ stage: string; count: string; overdue: string }>>(
      'select stage, count(*) as count, count(*) filter (where stage_due_at < now()) as overdue from publicity_typical_case group by stage',
    );
    return TYPICAL_CASE_STAGES.map((s) => {
      const r = rows.find((x) => x.stage === s);
      return { stage: s, label: TYPICAL_CASE_STAGE_LABELS[s], count: Number(r?.count ?? 0), overdue: Number(r?.overdue ?? 0) };
    });
  }

  @Authorized([...PUBLICITY_READ_ROLES])
  @Query(() => TypicalCaseNode, { nullable: true })
  typicalCase(@Arg('id', () => ID) id: string, @Ctx() ctx: Ctx): Promise<TypicalCase | null> | null {
    return isUuid(id) ? ctx.em.findOne(TypicalCase, { id }) : null;
  }

  @Authorized([...PUBLICITY_ROLES])
  @Mutation(() => TypicalCaseNode, { description: '提名典型案例（督办员；须能查看该工单）' })
  nominateTypicalCase(@Arg('input', () => NominateInput) input: NominateInput, @Ctx() ctx: Ctx): Promise<TypicalCase> {
    return nominateTypicalCase(ctx.em, ctx.calendar, ctx.stageDays, requireUser(ctx), strip(input));
  }

  @Authorized([...PUBLICITY_ROLES])
  @Mutation(() => TypicalCaseNode, { description: '保存案例稿件（撰写中）' })
  saveTypicalCaseDraft(@Arg('input', () => DraftInput) input: DraftInput, @Ctx() ctx: Ctx): Promise<TypicalCase> {
    return saveDraft(ctx.em, requireUser(ctx), strip(input));
  }

  @Authorized([...PUBLICITY_ROLES])
  @Mutation(() => TypicalCaseNode, { description: '提交审核（须有正文和至少一份材料）' })
  sendTypicalCaseForReview(@Arg('input', () => RefInput) input: RefInput, @Ctx() ctx: Ctx): Promise<TypicalCase> {
    return sendForReview(ctx.em, ctx.calendar, ctx.stageDays, requireUser(ctx), strip(input));
  }

  @Authorized([...PUBLICITY_ROLES])
  @Mutation(() => TypicalCaseNode, { description: '审核：通过（待报送）或退回修改' })
  reviewTypicalCase(@Arg('input', () => ReviewInput) input: ReviewInput, @Ctx() ctx: Ctx): Promise<TypicalCase> {
    return reviewTypicalCase(ctx.em, ctx.calendar, ctx.stageDays, requireUser(ctx), strip(input));
  }

  @Authorized([...PUBLICITY_ROLES])
  @Mutation(() => TypicalCaseNode, { description: '报送（须审核通过，材料齐全）' })
  submitTypicalCase(@Arg('input', () => RefInput) input: RefInput, @Ctx() ctx: Ctx): Promise<TypicalCase> {
    return submitTypicalCase(ctx.em, ctx.calendar, ctx.stageDays, requireUser(ctx), strip(input));
  }

  @Authorized([...PUBLICITY_ROLES])
  @Mutation(() => TypicalCaseNode, { description: '登记未采纳（已报送的案例）' })
  rejectTypicalCase(@Arg('input', () => RejectInput) input: RejectInput, @Ctx() ctx: Ctx): Promise<TypicalCase> {
    return rejectTypicalCase(ctx.em, ctx.calendar, ctx.stageDays, requireUser(ctx), strip(input));
  }

  @FieldResolver(() => String, { description: '阶段（中文）' })
  stageLabel(@Root() t: TypicalCase): string {
    return TYPICAL_CASE_STAGE_LABELS[t.stage];
  }

  @FieldResolver(() => String, { description: '提名理由（号码已遮蔽）' })
  reason(@Root() t: TypicalCase): string {
    return shownText(t.reason);
  }

  @FieldResolver(() => String, { nullable: true, description: '案例正文（号码已遮蔽）' })
  draftText(@Root() t: TypicalCase): string | null {
    return shownText(t.draftText);
  }

  @FieldResolver(() => String, { nullable: true, description: '审核意见' })
  reviewNote(@Root() t: TypicalCase): string | null {
    return shownText(t.reviewNote);
  }

  @FieldResolver(() => String, { nullable: true, description: '未采纳原因' })
  refusalReason(@Root() t: TypicalCase): string | null {
    return shownText(t.refusalReason);
  }

  @FieldResolver(() => UserRef, { description: '提名人' })
  nominatedBy(@Root() t: TypicalCase): UserRef {
    return { id: t.nominatedBy };
  }

  @FieldResolver(() => CaseNode, { description: '提名来源工单' })
  case(@Root() t: TypicalCase): CaseNode {
    return Object.assign(new CaseNode(), { id: t.caseId });
  }

  @FieldResolver(() => [CaseNode], { description: '关联工单' })
  async cases(@Root() t: TypicalCase, @Ctx() ctx: Ctx): Promise<CaseNode[]> {
    const ids = await itemCases(ctx).load(t.id);
    return ids.map((id) => Object.assign(new CaseNode(), { id }));
  }

  @FieldResolver(() => [Material], { description: '佐证材料' })
  materials(@Root() t: TypicalCase, @Ctx() ctx: Ctx): Promise<Material[]> {
    return materialsOf(ctx).load(t.id);
  }

  @FieldResolver(() => [String], { description: '报送前尚缺的材料（为空表示齐全）' })
  async missing(@Root() t: TypicalCase, @Ctx() ctx: Ctx): Promise<string[]> {
    return missingMaterial(t, (await materialsOf(ctx).load(t.id)).length);
  }

  @FieldResolver(() => [AuditRecord], { description: '操作记录' })
  history(@Root() t: TypicalCase, @Ctx() ctx: Ctx): Promise<AuditRecord[]> {
    return historyOf(ctx).load(t.id);
  }
}

/** Loads per request, batched (no N+1). */
type Loader<V> = { load(key: string): Promise<V> };

export const itemCases = (ctx: Ctx): Loader<string[]> =>
  loaderFor<string[]>(
    ctx,
    'itemCases',
    async (ids) => {
      const rows = await ctx.em.find(ItemCase, { itemId: { $in: [...ids] } }, { orderBy: { caseId: 'asc' } });
      return new Map([...groupBy(rows, (r) => r.itemId)].map(([k, v]) => [k, v.map((r) => r.caseId)]));
    },
    [],
  );

const materialsOf = (ctx: Ctx): Loader<Material[]> =>
  loaderFor<Material[]>(
    ctx,
    'materials',
    async (ids) => groupBy(await ctx.em.find(Material, { itemId: { $in: [...ids] } }, { orderBy: { uploadedAt: 'asc' } }), (m) => m.itemId),
    [],
  );

export const historyOf = (ctx: Ctx): Loader<AuditRecord[]> =>
  loaderFor<AuditRecord[]>(
    ctx,
    'history',
    async (ids) => groupBy(await ctx.em.find(AuditRecord, { itemId: { $in: [...ids] } }, { orderBy: { at: 'asc' } }), (a) => a.itemId),
    [],
  );
