import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { DepartmentRef, UserRef } from '@hotline/service-kit';
import { shownText } from '../privacy/public-text';

export type AssignmentKind = 'dispatch' | 'redispatch' | 'return';

/**
 * 分派记录 — the audit trail of routing: every dispatch, re-dispatch and 退回, with who, from
 * which department, to which, when, why, and the minutes the previous department held the case
 * (charged to it). Never updated, never deleted.
 */
@ObjectType('AssignmentRecord', { description: '分派记录（分转、改派、退回）' })
@Entity({ tableName: 'dispatch_assignment_log' })
@Index({ properties: ['caseId', 'at'] })
export class AssignmentRecord {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field(() => ID) @Property({ type: 'uuid' }) caseId!: string;
  @Field(() => String, { description: 'dispatch 分转 | redispatch 改派 | return 退回' }) @Property({ type: 'string', length: 16 }) kind!: AssignmentKind;
  @Field(() => ID, { nullable: true, description: '原承办科室' }) @Property({ type: 'uuid', nullable: true }) fromDepartmentId?: string | null;
  @Field(() => ID, { nullable: true, description: '新主办科室（退回时为空）' }) @Property({ type: 'uuid', nullable: true }) toDepartmentId?: string | null;
  @Field(() => [ID]) @Property({ type: 'string[]', columnType: 'text[]' }) assistDepartmentIds: string[] = [];
  @Field(() => Int, { nullable: true, description: '原科室持有时长（分钟），计入该科室' }) @Property({ type: 'integer', nullable: true }) heldMinutes?:
    number | null;
  @Field(() => Int, { nullable: true, description: '原科室持有时长（秒）' }) @Property({ type: 'integer', nullable: true }) heldSeconds?: number | null;
  @Field(() => String, { nullable: true, description: '退回原因代码' }) @Property({ type: 'string', length: 32, nullable: true }) reasonCode?: string | null;
  /** Kept in full; the API shows it masked. */
  @Property({ type: 'text', nullable: true }) reason?: string | null;
  @Field(() => String, { name: 'reason', nullable: true, description: '原因 / 依据' })
  shownReason(): string | null {
    return shownText(this.reason);
  }
  @Field(() => String, { nullable: true, description: '建议来源 rule | model | none' })
  @Property({ type: 'string', length: 8, nullable: true })
  suggestionSource?: string | null;
  @Field(() => ID, { nullable: true }) @Property({ type: 'uuid', nullable: true }) suggestionRuleId?: string | null;
  @Field(() => Number, { nullable: true }) @Property({ type: 'double', nullable: true }) suggestionConfidence?: number | null;
  @Field(() => Boolean, { nullable: true, description: '是否采纳建议' }) @Property({ type: 'boolean', nullable: true }) suggestionFollowed?: boolean | null;
  @Field(() => Date) @Property({ type: 'Date', columnType: 'timestamptz' }) at!: Date;
  @Property({ type: 'uuid' }) byUser!: string;
  @Field(() => String) @Property({ type: 'string', length: 16 }) byRole!: string;

  @Field(() => UserRef, { description: '操作人' })
  by(): UserRef {
    return { id: this.byUser };
  }

  @Field(() => DepartmentRef, { nullable: true })
  fromDepartment(): DepartmentRef | null {
    return this.fromDepartmentId ? { id: this.fromDepartmentId } : null;
  }

  @Field(() => DepartmentRef, { nullable: true })
  toDepartment(): DepartmentRef | null {
    return this.toDepartmentId ? { id: this.toDepartmentId } : null;
  }
}
