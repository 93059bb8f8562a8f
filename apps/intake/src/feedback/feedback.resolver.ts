import { Arg, Ctx, Field, FieldResolver, ID, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { AccessRule, Authorized } from '@hotline/service-kit';
import { INTAKE_ERRORS, scrubText, type FeedbackState } from '@hotline/contracts';
import { codedError, isUuid, requireUser } from '@hotline/service-kit';
import { Case } from '../cases/case.entity';
import { loadEndpoint, removeEndpoint, saveEndpoint } from './endpoint';
import { exportFeedback, markUploaded } from './export-feedback';
import { FeedbackAttempt, FeedbackRecord, FeedbackStateEnum } from './feedback.entity';
import type { IntakeContext } from '../context';

type Ctx = IntakeContext;

@ObjectType('FeedbackWebhook', { description: '办结反馈回传地址（不含密钥）' })
class FeedbackWebhook {
  @Field(() => String, { nullable: true }) url!: string | null;
  @Field(() => String, { description: 'config（服务配置）/ admin（管理员设置）/ none' }) source!: string;
}

@ObjectType('FeedbackExport', { description: '办结反馈导出文件（CSV，手工上传区平台）' })
class FeedbackExport {
  @Field(() => String) fileName!: string;
  @Field(() => String, { description: 'CSV 内容（UTF-8，含 BOM）' }) content!: string;
  @Field(() => Int) count!: number;
}

const READERS: AccessRule[] = ['duty', 'supervisor', 'admin', 'leader'];

@Resolver(() => FeedbackRecord)
export class FeedbackResolver {
  /** The reply as sent, with phone and ID numbers masked (the platform receives it unmasked). */
  @FieldResolver(() => String, { nullable: true, description: '答复内容（已脱敏；尚未从派单服务读取时为空）' })
  replyText(@Root() r: FeedbackRecord): string | null {
    return r.replyText == null ? null : scrubText(r.replyText);
  }

  @FieldResolver(() => [FeedbackAttempt], { description: '投递日志' })
  attemptLog(@Root() r: FeedbackRecord, @Ctx() ctx: Ctx): Promise<FeedbackAttempt[]> {
    return ctx.em.find(FeedbackAttempt, { feedbackId: r.id }, { orderBy: { attempt: 'asc' } });
  }

  @Authorized(READERS)
  @Query(() => [FeedbackRecord], { description: '办结反馈列表（按状态）' })
  feedbackRecords(
    @Arg('state', () => FeedbackStateEnum, { nullable: true }) state: FeedbackState | undefined,
    @Arg('limit', () => Int, { defaultValue: 100 }) limit: number,
    @Ctx() ctx: Ctx,
  ): Promise<FeedbackRecord[]> {
    return ctx.em.find(FeedbackRecord, state ? { state } : {}, { orderBy: { createdAt: 'desc' }, limit: Math.min(Math.max(limit, 1), 1000) });
  }

  /** Whether 办结反馈 goes back by itself (a 回传地址 is set) — the address itself is the admin's. */
  @Authorized(READERS)
  @Query(() => Boolean, { description: '办结反馈是否自动回传（已设置回传地址）；否则须导出后手工上传' })
  async feedbackDeliveryAutomatic(@Ctx() ctx: Ctx): Promise<boolean> {
    return !!(await loadEndpoint(ctx.em, ctx.feedbackConfig));
  }

  @Authorized(['admin'])
  @Query(() => FeedbackWebhook, { description: '办结反馈回传地址' })
  async feedbackWebhook(@Ctx() ctx: Ctx): Promise<FeedbackWebhook> {
    const e = await loadEndpoint(ctx.em, ctx.feedbackConfig);
    return { url: e?.url ?? null, source: e?.source ?? 'none' };
  }

  @Authorized(['admin'])
  @Mutation(() => FeedbackWebhook, { description: '设置办结反馈回传地址与签名密钥（覆盖服务配置）' })
  async configureFeedbackWebhook(
    @Arg('url', () => String) url: string,
    @Arg('secret', () => String) secret: string,
    @Ctx() ctx: Ctx,
  ): Promise<FeedbackWebhook> {
    await saveEndpoint(ctx.em, requireUser(ctx), { url, secret });
    return this.feedbackWebhook(ctx);
  }

  @Authorized(['admin'])
  @Mutation(() => FeedbackWebhook, { description: '停用管理员设置的回传地址（恢复服务配置；均无时办结反馈只能导出后手工上传）' })
  async removeFeedbackWebhook(@Ctx() ctx: Ctx): Promise<FeedbackWebhook> {
    requireUser(ctx);
    await removeEndpoint(ctx.em);
    return this.feedbackWebhook(ctx);
  }

  @Authorized(['duty', 'admin'])
  @Mutation(() => FeedbackRecord, { description: '重新投递反馈失败的记录' })
  async retryFeedback(@Arg('id', () => ID) id: string, @Ctx() ctx: Ctx): Promise<FeedbackRecord> {
    if (!isUuid(id)) throw codedError(INTAKE_ERRORS.FEEDBACK_NOT_FOUND);
    // One conditional statement: a record an export is taking (locked, then `exported`) is never
    // turned back into `pending`, so the platform cannot get it twice.
    await ctx.em.execute("update intake_feedback set state = 'pending', next_attempt_at = now() where id = ? and state = 'failed'", [id]);
    const r = await ctx.em.findOne(FeedbackRecord, { id }, { refresh: true });
    if (!r) throw codedError(INTAKE_ERRORS.FEEDBACK_NOT_FOUND);
    return r;
  }

  @Authorized(['duty', 'admin'])
  @Mutation(() => [FeedbackRecord], { description: '标记已手工上传至区平台（仅“已导出待上传”的记录），返回已标记的记录' })
  markFeedbackUploaded(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: Ctx): Promise<FeedbackRecord[]> {
    return markUploaded(ctx.em, requireUser(ctx), ids);
  }

  @Authorized(['duty', 'admin'])
  @Mutation(() => FeedbackExport, { description: '导出未回传的办结反馈（CSV），导出的记录不再自动投递' })
  exportFeedback(@Ctx() ctx: Ctx): Promise<FeedbackExport> {
    return exportFeedback(ctx.em, requireUser(ctx), ctx.replies);
  }
}

@Resolver(() => Case)
export class CaseFeedbackResolver {
  /** The delivery state per case (办结反馈), for the bureau. */
  @FieldResolver(() => [FeedbackRecord], { description: '办结反馈（回传区平台的状态）' })
  feedback(@Root() c: Case, @Ctx() ctx: Ctx): Promise<FeedbackRecord[]> {
    if (!READERS.includes(requireUser(ctx).role as AccessRule)) return Promise.resolve([]);
    return ctx.em.find(FeedbackRecord, { caseId: c.id }, { orderBy: { createdAt: 'asc' } });
  }
}
