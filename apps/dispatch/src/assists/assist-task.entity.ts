import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { DepartmentRef, UserRef } from '@hotline/service-kit';

export type AssistStatus = 'open' | 'reported' | 'withdrawn';

/**
 * 协办 — an assisting department's share of a case. It reports to the lead department (首接负责);
 * while one is open the lead cannot give the reply. Withdrawn when the case is re-routed.
 */
@ObjectType('AssistTask', { description: '协办任务' })
@Entity({ tableName: 'dispatch_assist' })
@Index({ properties: ['caseId', 'status'] })
export class AssistTask {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) caseId!: string;
  @Field(() => ID) @Property({ type: 'uuid' }) departmentId!: string;
  @Field(() => String, { description: 'open 办理中 | reported 已反馈 | withdrawn 已撤销' }) @Property({ type: 'string', length: 16 }) status: AssistStatus = 'open';
  @Field(() => Date) @Property({ type: 'Date', columnType: 'timestamptz' }) assignedAt!: Date;
  @Field(() => String, { nullable: true, description: '协办反馈' }) @Property({ type: 'text', nullable: true }) reportText?: string | null;
  @Field(() => Date, { nullable: true }) @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) reportedAt?: Date | null;
  @Property({ type: 'uuid', nullable: true }) reportedBy?: string | null;

  @Field(() => DepartmentRef)
  department(): DepartmentRef {
    return { id: this.departmentId };
  }

  @Field(() => UserRef, { nullable: true })
  reportedByUser(): UserRef | null {
    return this.reportedBy ? { id: this.reportedBy } : null;
  }
}
