import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { DepartmentRef, UserRef } from '@hotline/service-kit';

/** One line of a case's history: who did what, when and why. Built from the event stream. */
@ObjectType('TimelineEntry', { description: '工单时间线' })
@Entity({ tableName: 'case_timeline' })
@Index({ properties: ['caseId', 'occurredAt'] })
export class TimelineEntry {
  /** The event id: an event appears once however often it is delivered. */
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id!: string;

  @Property({ type: 'uuid' })
  caseId!: string;

  @Field(() => String, { description: 'event type, e.g. hotline.case.signed' })
  @Property({ type: 'string', length: 64 })
  type!: string;

  @Field(() => String, { description: '中文说明' })
  @Property({ type: 'string', length: 32 })
  label!: string;

  @Field(() => Date)
  @Property({ type: 'Date', columnType: 'timestamptz' })
  occurredAt!: Date;

  @Property({ type: 'uuid', nullable: true })
  actorUserId?: string | null;

  @Field(() => String, { nullable: true, description: 'role of the person, or the service for automatic steps' })
  @Property({ type: 'string', length: 32, nullable: true })
  actorRole?: string | null;

  @Property({ type: 'uuid', nullable: true })
  departmentId?: string | null;

  @Field(() => String, { nullable: true, description: '详情（不含个人信息）' })
  @Property({ type: 'text', nullable: true })
  detail?: string | null;

  /** The person who acted (resolved by identity through the gateway). */
  @Field(() => UserRef, { nullable: true })
  actor(): UserRef | null {
    return this.actorUserId ? { id: this.actorUserId } : null;
  }

  /** The department concerned, when there is one. */
  @Field(() => DepartmentRef, { nullable: true })
  department(): DepartmentRef | null {
    return this.departmentId ? { id: this.departmentId } : null;
  }
}
