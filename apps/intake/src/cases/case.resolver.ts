import { Arg, Ctx, Field, FieldResolver, Float, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Channel, knownOf, maskAddress, maskName, maskPhone, QueueSort, redactText, RequestType, Urgency, INTAKE_ERRORS } from '@hotline/contracts';
import {
  actorOf,
  assertInScope,
  Authorized,
  groupBy,
  loaderFor,
  MAX_PAGE_SIZE,
  pageRequest,
  readRows,
  type Row,
  requireUser,
  rowsById,
  ServiceContext,
  codedError,
} from '@hotline/service-kit';
import { signCase, signCases } from '../signing/sign-case';
import { TimelineEntry } from '../timeline/timeline-entry.entity';
import { Attachment, Case, CaseStageEnum, ChannelEnum, QueueSortEnum, RequestTypeEnum, UrgencyEnum } from './case.entity';
import { findCaseForUser, listCases, searchCases, unsignedCases, unsignedSummary } from './case-queries';
import { receiveCase } from './receive-case';

@InputType({ description: '附件' })
class AttachmentInput {
  @Field(() => String) name!: string;
  @Field(() => String) url!: string;
  @Field(() => String, { nullable: true }) contentType?: string;
}

@InputType({ description: '接收工单' })
class ReceiveCaseInput {
  @Field(() => String) externalNo!: string;
  @Field(() => ChannelEnum, { nullable: true, description: '来源渠道：district（区平台逐件推送）或 manual（手工录入，默认）' }) channel?: Channel;
  @Field(() => Date, { nullable: true, description: '受理时间' }) receivedAt?: Date;
  @Field(() => Date, { nullable: true, description: '区平台派单时间' }) districtDispatchedAt?: Date;
  @Field(() => Boolean, { nullable: true, description: '匿名' }) anonymous?: boolean;
  @Field(() => Boolean, { nullable: true, description: '保密' }) confidential?: boolean;
  @Field(() => String, { nullable: true, description: '来电人（匿名件可空）' }) citizenName?: string;
  @Field(() => String, { nullable: true, description: '联系电话（匿名件可空）' }) citizenPhone?: string;
  @Field(() => String, { nullable: true }) address?: string;
  @Field(() => String, { nullable: true }) projectName?: string;
  @Field(() => String, { nullable: true }) street?: string;
  @Field(() => String, { nullable: true, description: '社区' }) community?: string;
  @Field(() => Float, { nullable: true }) latitude?: number;
  @Field(() => Float, { nullable: true }) longitude?: number;
  @Field(() => [AttachmentInput], { nullable: true }) attachments?: AttachmentInput[];
  @Field(() => String) title!: string;
  @Field(() => String) content!: string;
  @Field(() => RequestTypeEnum) requestType!: RequestType;
  @Field(() => String) topic!: string;
  @Field(() => UrgencyEnum, { nullable: true }) urgency?: Urgency;
  @Field(() => Date, { nullable: true }) deadlineAt?: Date;
}

@InputType({ description: '工单检索条件' })
class CaseSearchInput {
  @Field(() => String, { nullable: true, description: '工单编号（包含）' }) externalNo?: string;
  @Field(() => String, { nullable: true, description: '来电号码（完整号码；值守员、督办员可用，记录查看日志）' }) phone?: string;
  @Field(() => String, { nullable: true, description: '证件号码（完整号码；值守员、督办员可用，记录查看日志）' }) idNumber?: string;
  @Field(() => String, { nullable: true, description: '标题或内容包含的文字（在脱敏后的文字中检索，最多 100 字）' }) text?: string;
  @Field(() => String, { nullable: true, description: '楼盘/小区（包含）' }) projectName?: string;
  @Field(() => String, { nullable: true }) topic?: string;
  @Field(() => CaseStageEnum, { nullable: true }) stage?: string;
  @Field(() => Date, { nullable: true, description: '受理时间起（含）' }) receivedFrom?: Date;
  @Field(() => Date, { nullable: true, description: '受理时间止（不含）' }) receivedTo?: Date;
}

@ObjectType('CaseSearchResult', { description: '工单检索结果' })
class CaseSearchResult {
  @Field(() => Int) total!: number;
  @Field(() => [Case]) items!: Case[];
}

@ObjectType('UnsignedSummary', { description: '待签收概况' })
class UnsignedSummary {
  @Field(() => Int, { description: '待签收数量' }) count!: number;
  @Field(() => Date, { nullable: true, description: '最早一件的受理时间' }) oldestReceivedAt!: Date | null;
  @Field(() => Int, { nullable: true, description: '最早一件已等待（分钟）' }) oldestWaitMinutes!: number | null;
}

const strip = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));

@Resolver(() => Case)
export class CaseResolver {
  /** 接收工单 (by hand or from the district platform's push). */
  @Authorized(['duty'])
  @Mutation(() => Case)
  async receiveCase(@Arg('input', () => ReceiveCaseInput) input: ReceiveCaseInput, @Ctx() ctx: ServiceContext): Promise<Case> {
    const user = requireUser(ctx);
    if (input.channel && input.channel !== 'district' && input.channel !== 'manual') {
      throw codedError(INTAKE_ERRORS.CHANNEL_NOT_ALLOWED);
    }
    const { case: c } = await receiveCase(ctx.em, actorOf(user), { ...strip(input), channel: input.channel ?? 'manual' });
    return c;
  }

  /** 签收 */
  @Authorized(['duty'])
  @Mutation(() => Case)
  signCase(@Arg('id', () => ID) id: string, @Ctx() ctx: ServiceContext): Promise<Case> {
    return signCase(ctx.em, requireUser(ctx), id);
  }

  /** 批量签收 */
  @Authorized(['duty'])
  @Mutation(() => [Case])
  signCases(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: ServiceContext): Promise<Case[]> {
    return signCases(ctx.em, requireUser(ctx), ids);
  }

  /** 待签收 */
  @Authorized(['duty', 'supervisor', 'leader'])
  @Query(() => [Case], { description: '待签收，分页：默认等待最久的在前，可按紧急程度排序；总数与最久等待见 unsignedSummary' })
  unsignedCases(
    @Arg('offset', () => Int, { nullable: true, description: '起始位置，默认 0' }) offset: number | null,
    @Arg('limit', () => Int, { nullable: true, description: '每页条数 1–200，默认 200' }) limit: number | null,
    @Arg('sort', () => QueueSortEnum, { nullable: true, description: '排序，默认 wait' }) sort: QueueSort | null,
    @Arg('filter', () => String, { nullable: true, description: '按工单编号、标题或楼盘筛选（最多 100 字）' }) filter: string | null,
    @Ctx() ctx: ServiceContext,
  ): Promise<Case[]> {
    return unsignedCases(ctx.em, pageRequest(offset, limit, MAX_PAGE_SIZE), sort ?? 'wait', filter);
  }

  /** 待签收数量与最久等待时间（值守屏轮询） */
  @Authorized(['duty', 'supervisor', 'leader'])
  @Query(() => UnsignedSummary, { description: '待签收数量与最早一件的等待时间；给出 filter 时为筛选后的数量' })
  unsignedSummary(
    @Arg('filter', () => String, { nullable: true, description: '与 unsignedCases 的 filter 相同' }) filter: string | null,
    @Ctx() ctx: ServiceContext,
  ): Promise<UnsignedSummary> {
    return unsignedSummary(ctx.em, new Date(), filter);
  }

  @Authorized(['duty', 'supervisor', 'leader', 'handler'])
  @Query(() => CaseSearchResult, { description: '工单检索：编号、来电号码（限值守员/督办员）、文字、楼盘、日期、阶段' })
  searchCases(
    @Arg('filter', () => CaseSearchInput) filter: CaseSearchInput,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit: number,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Ctx() ctx: ServiceContext,
  ): Promise<CaseSearchResult> {
    return searchCases(ctx.em, requireUser(ctx), { ...filter, limit: Math.min(Math.max(limit, 1), 500), offset: Math.max(offset, 0) });
  }

  @Authorized()
  @Query(() => Case, { description: '工单详情；不在本人范围内的工单视为不存在' })
  case(@Arg('id', () => ID) id: string, @Ctx() ctx: ServiceContext): Promise<Case> {
    return findCaseForUser(ctx.em, requireUser(ctx), id);
  }

  @Authorized(['duty', 'supervisor', 'leader', 'handler'])
  @Query(() => [Case], { description: '工单列表（最近的在前）' })
  cases(
    @Arg('stage', () => CaseStageEnum, { nullable: true }) stage: string | undefined,
    @Arg('limit', () => Int, { defaultValue: 50 }) limit: number,
    @Ctx() ctx: ServiceContext,
  ): Promise<Case[]> {
    return listCases(ctx.em, requireUser(ctx), { stage, limit: Math.min(Math.max(limit, 1), 500) });
  }

  /**
   * Free text often carries the caller's name, phones, address or ID numbers: redacted here like
   * the fields, the case's own values included (revealCitizen shows the contact).
   */
  @FieldResolver(() => String, { description: '标题（其中的姓名、电话、证件号、门牌号已脱敏）' })
  title(@Root() c: Row<Case>): string {
    return redactText(c.title, knownOf(c));
  }

  @FieldResolver(() => String, { description: '诉求内容（其中的姓名、电话、证件号、门牌号已脱敏）' })
  content(@Root() c: Row<Case>): string {
    return redactText(c.content, knownOf(c));
  }

  /** A file name can name the citizen (王建国身份证.jpg): redacted like the text. */
  @FieldResolver(() => [Attachment], { description: '附件' })
  attachments(@Root() c: Row<Case>): Attachment[] {
    return c.attachments.map((a) => ({ ...a, name: redactText(a.name, knownOf(c)) }));
  }

  @FieldResolver(() => String, { description: '来电人（脱敏）' })
  citizenName(@Root() c: Row<Case>): string {
    if (c.anonymous && !c.citizenName) return '匿名';
    return maskName(c.citizenName);
  }

  @FieldResolver(() => String, { description: '联系电话（脱敏）' })
  citizenPhone(@Root() c: Row<Case>): string {
    return c.citizenPhone ? maskPhone(c.citizenPhone) : '';
  }

  /** ~110 m: enough to see the area on a map, not the door (the exact point is revealed with the citizen). */
  @FieldResolver(() => Float, { nullable: true, description: '纬度（WGS84，保留三位小数约百米；精确位置随来电人信息查看）' })
  latitude(@Root() c: Row<Case>): number | null {
    return roundCoordinate(c.latitude);
  }

  @FieldResolver(() => Float, { nullable: true, description: '经度（WGS84，保留三位小数约百米；精确位置随来电人信息查看）' })
  longitude(@Root() c: Row<Case>): number | null {
    return roundCoordinate(c.longitude);
  }

  @FieldResolver(() => String, { nullable: true, description: '地址（脱敏）' })
  address(@Root() c: Row<Case>): string | null {
    return c.address ? maskAddress(c.address) : null;
  }

  @FieldResolver(() => [TimelineEntry], { description: '时间线：谁、何时、做了什么、为什么' })
  timeline(@Root() c: Row<Case>, @Ctx() ctx: ServiceContext): Promise<TimelineEntry[]> {
    // One query for the timelines of every case in the response, not one per case.
    return loaderFor(
      ctx,
      'timeline',
      async (ids) => groupBy(await ctx.em.find(TimelineEntry, { caseId: { $in: [...ids] } }, { orderBy: { occurredAt: 'asc', id: 'asc' } }), (t) => t.caseId),
      [] as TimelineEntry[],
    ).load(c.id);
  }
}

/** The gateway asks intake for a case's fields by id; scope applies here too. */
export const caseReference = {
  __resolveReference: async (ref: { id: string }, ctx: ServiceContext) => {
    const user = requireUser(ctx);
    // The references of a whole list arrive together: one query for all of them.
    // Plain rows, not managed entities: a list's references only become the answer (kit readRows).
    const c = await rowsById(ctx, 'case-reference', (ids) => readRows(ctx.em, Case, { id: { $in: ids } })).load(ref.id);
    if (!c) throw codedError(INTAKE_ERRORS.CASE_NOT_FOUND);
    assertInScope(user, c.departmentIds);
    return c;
  },
};

/** Coordinates as everyone sees them: three decimals (about 110 m). */
export const roundCoordinate = (v: number | null | undefined): number | null => (v == null ? null : Math.round(v * 1000) / 1000);
