import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { REPLY_RESULTS, ReplyResult } from '@hotline/contracts';
import { DepartmentRef, UserRef } from '@hotline/service-kit';
import { shownText } from '../privacy/public-text';

export const ReplyResultEnum = Object.fromEntries(REPLY_RESULTS.map((r) => [r, r])) as Record<ReplyResult, ReplyResult>;
registerEnumType(ReplyResultEnum, { name: 'ReplyResult', description: '答复结果：已解决 部分解决 已解释说明 政策原因无法解决' });

export type ReviewStatus = 'pending' | 'approved' | 'rejected';

/** 答复 — a department's answer on a case. Kept forever; a later reply adds a row. */
@ObjectType('Reply', { description: '科室答复' })
@Entity({ tableName: 'dispatch_reply' })
@Index({ properties: ['caseId', 'repliedAt'] })
export class Reply {
  [OptionalProps]?: 'reviewStatus';
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) caseId!: string;
  @Field(() => ID) @Property({ type: 'uuid' }) departmentId!: string;
  @Field(() => ReplyResultEnum) @Property({ type: 'string', length: 16 }) result!: ReplyResult;
  /** The reply in full (intake's 办结反馈 reads it through `completionReply`); the API shows it masked. */
  @Property({ type: 'text' }) text!: string;
  @Field(() => String, { name: 'text' })
  shownText(): string {
    return shownText(this.text);
  }
  @Field(() => Date) @Property({ type: 'Date', columnType: 'timestamptz' }) repliedAt!: Date;
  @Property({ type: 'uuid' }) repliedBy!: string;
  /** 统一答复口径 used, when the reply follows one (scripts belong to supervision). */
  @Field(() => String, { nullable: true, description: '采用的统一答复口径' }) @Property({ type: 'string', length: 64, nullable: true }) scriptId?:
    string | null;
  @Field(() => Int, { nullable: true, description: '采用的答复口径版本' }) @Property({ type: 'integer', nullable: true }) scriptVersion?: number | null;
  /** 局审核 */
  @Field(() => String, { description: '局审核：pending 待审核 | approved 已通过 | rejected 已退回' })
  @Property({ type: 'string', length: 16 })
  reviewStatus: ReviewStatus = 'pending';
  @Field(() => Date, { nullable: true }) @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) reviewedAt?: Date | null;
  @Property({ type: 'uuid', nullable: true }) reviewedBy?: string | null;
  @Property({ type: 'text', nullable: true }) reviewNote?: string | null;
  @Field(() => String, { name: 'reviewNote', nullable: true, description: '审核意见' })
  shownReviewNote(): string | null {
    return shownText(this.reviewNote);
  }

  @Field(() => DepartmentRef)
  department(): DepartmentRef {
    return { id: this.departmentId };
  }

  @Field(() => UserRef, { nullable: true, description: '审核人' })
  reviewedByUser(): UserRef | null {
    return this.reviewedBy ? { id: this.reviewedBy } : null;
  }

  @Field(() => UserRef, { description: '答复人' })
  repliedByUser(): UserRef {
    return { id: this.repliedBy };
  }
}
