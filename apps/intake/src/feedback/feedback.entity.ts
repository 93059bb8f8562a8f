import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { FEEDBACK_STATES, FeedbackState } from '@hotline/contracts';

export const FeedbackStateEnum = Object.fromEntries(FEEDBACK_STATES.map((s) => [s, s])) as Record<FeedbackState, FeedbackState>;
registerEnumType(FeedbackStateEnum, { name: 'FeedbackState', description: '办结反馈状态：待反馈 已反馈 反馈失败 已导出待上传' });

/**
 * 办结反馈 — the outcome of a completed case, owed to the district platform. Delivered by the
 * webhook loop (state in Postgres, retried with backoff) or exported for manual upload. A merged
 * case (并单) gets its own record with the master's reply.
 */
@ObjectType('FeedbackRecord', { description: '办结反馈（回传区平台）' })
@Entity({ tableName: 'intake_feedback' })
@Unique({ properties: ['caseId', 'completionEventId'] })
@Index({ properties: ['state', 'nextAttemptAt'] })
export class FeedbackRecord {
  [OptionalProps]?: 'state' | 'attempts' | 'createdAt' | 'nextAttemptAt' | 'masterCaseId' | 'replyText' | 'departmentName' | 'repliedAt' | 'contactedAt';
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field(() => ID) @Property({ type: 'uuid' }) caseId!: string;
  @Field(() => String, { description: '工单编号（区平台）' }) @Property({ type: 'string', length: 64 }) externalNo!: string;
  /** The completion that caused it (the event id): a redelivered event makes no second record. */
  @Property({ type: 'uuid' }) completionEventId!: string;
  @Field(() => ID, { nullable: true, description: '并单的主工单' }) @Property({ type: 'uuid', nullable: true }) masterCaseId?: string | null;
  @Field(() => String, { description: '答复结果' }) @Property({ type: 'string', length: 16 }) result!: string;
  @Field(() => String, { description: '答复摘要' }) @Property({ type: 'string', length: 200 }) replySummary!: string;
  /**
   * 答复全文 — read from dispatch (a service call) before the first delivery and kept, so a retry
   * or an export does not depend on dispatch. May hold personal data: the API masks it; the
   * district platform, which owns the order, receives it as written.
   */
  @Property({ type: 'text', nullable: true }) replyText?: string | null;
  @Field(() => String, { nullable: true, description: '承办科室' }) @Property({ type: 'string', length: 100, nullable: true }) departmentName?: string | null;
  @Field(() => Date, { nullable: true, description: '答复时间' })
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  repliedAt?: Date | null;
  @Field(() => Date, { nullable: true, description: '首次联系时间' })
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  contactedAt?: Date | null;
  @Field(() => ID) @Property({ type: 'uuid' }) departmentId!: string;
  @Field(() => Date, { description: '受理时间' }) @Property({ type: 'Date', columnType: 'timestamptz' }) receivedAt!: Date;
  @Field(() => Date, { description: '办结时间' }) @Property({ type: 'Date', columnType: 'timestamptz' }) completedAt!: Date;
  @Field(() => FeedbackStateEnum) @Property({ type: 'string', length: 16 }) state: FeedbackState = 'pending';
  @Field(() => Int, { description: '已尝试次数' }) @Property({ type: 'integer' }) attempts: number = 0;
  @Field(() => Date, { nullable: true, description: '下次重试时间' })
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  nextAttemptAt?: Date | null = new Date();
  @Field(() => String, { nullable: true, description: '最近一次错误' }) @Property({ type: 'string', length: 300, nullable: true }) lastError?: string | null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) deliveredAt?: Date | null;
  @Field(() => Date) @Property({ type: 'Date', columnType: 'timestamptz' }) createdAt: Date = new Date();
}

/** 投递日志 — one try of the webhook. */
@ObjectType('FeedbackAttempt', { description: '反馈投递记录' })
@Entity({ tableName: 'intake_feedback_attempt' })
@Index({ properties: ['feedbackId', 'at'] })
export class FeedbackAttempt {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) feedbackId!: string;
  @Field(() => Int) @Property({ type: 'integer' }) attempt!: number;
  @Field(() => Date) @Property({ type: 'Date', columnType: 'timestamptz' }) at!: Date;
  @Field(() => Int, { nullable: true, description: 'HTTP 状态码' }) @Property({ type: 'integer', nullable: true }) statusCode?: number | null;
  @Field(() => String, { nullable: true }) @Property({ type: 'string', length: 300, nullable: true }) error?: string | null;
  @Field(() => Int) @Property({ type: 'integer' }) durationMs!: number;
}
