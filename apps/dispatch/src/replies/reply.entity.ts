import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { REPLY_RESULTS, ReplyResult } from '@hotline/contracts';
import { DepartmentRef, UserRef } from '../federation/refs';

export const ReplyResultEnum = Object.fromEntries(REPLY_RESULTS.map((r) => [r, r])) as Record<ReplyResult, ReplyResult>;
registerEnumType(ReplyResultEnum, { name: 'ReplyResult', description: '答复结果：已解决 部分解决 已解释说明 政策原因无法解决' });

/** 答复 — a department's answer on a case. Kept forever; a later reply adds a row. */
@ObjectType('Reply', { description: '科室答复' })
@Entity({ tableName: 'dispatch_reply' })
@Index({ properties: ['caseId', 'repliedAt'] })
export class Reply {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) caseId!: string;
  @Field(() => ID) @Property({ type: 'uuid' }) departmentId!: string;
  @Field(() => ReplyResultEnum) @Property({ type: 'string', length: 16 }) result!: ReplyResult;
  @Field(() => String) @Property({ type: 'text' }) text!: string;
  @Field(() => Date) @Property({ type: 'Date', columnType: 'timestamptz' }) repliedAt!: Date;
  @Property({ type: 'uuid' }) repliedBy!: string;

  @Field(() => DepartmentRef)
  department(): DepartmentRef {
    return { id: this.departmentId };
  }

  @Field(() => UserRef, { description: '答复人' })
  repliedByUser(): UserRef {
    return { id: this.repliedBy };
  }
}
