import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { DepartmentRef, UserRef } from '@hotline/service-kit';
import { shownText } from '../privacy/public-text';

export type AssistStatus = 'open' | 'reported' | 'withdrawn';

/**
 * 协办 — an assisting department's share of a case. It reports to the lead department (首接负责);
 * while one is open the lead cannot give the reply. When the case is re-routed the task is
 * superseded (and withdrawn if still open); the new routing gets tasks of its own.
 */
@ObjectType('AssistTask', { description: '协办任务' })
@Entity({ tableName: 'dispatch_assist' })
@Index({ properties: ['caseId', 'status'] })
export class AssistTask {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) caseId!: string;
  @Field(() => ID) @Property({ type: 'uuid' }) departmentId!: string;
  @Field(() => String, { description: 'open 办理中 | reported 已反馈 | withdrawn 已撤销' }) @Property({ type: 'string', length: 16 }) status: AssistStatus =
    'open';
  @Field(() => Date) @Property({ type: 'Date', columnType: 'timestamptz' }) assignedAt!: Date;
  /** Kept in full; the API shows it masked. */
  @Property({ type: 'text', nullable: true }) reportText?: string | null;
  @Field(() => String, { name: 'reportText', nullable: true, description: '协办反馈' })
  shownReportText(): string | null {
    return shownText(this.reportText);
  }
  @Field(() => Date, { nullable: true }) @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) reportedAt?: Date | null;
  @Property({ type: 'uuid', nullable: true }) reportedBy?: string | null;
  /**
   * When the routing this task belongs to ended (退回, 改派, 并单). Only tasks of the current
   * routing (not superseded) count for 协办反馈 and for the lead's reply.
   */
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) supersededAt?: Date | null;

  @Field(() => DepartmentRef)
  department(): DepartmentRef {
    return { id: this.departmentId };
  }

  @Field(() => UserRef, { nullable: true })
  reportedByUser(): UserRef | null {
    return this.reportedBy ? { id: this.reportedBy } : null;
  }
}
