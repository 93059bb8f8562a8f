import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { DepartmentRef, UserRef } from '@hotline/service-kit';
import { shownText } from '../privacy/public-text';

export type ExtensionStatus = 'pending' | 'approved' | 'refused' | 'withdrawn';

/** 延期申请 — asked by the lead department before the deadline, decided by a supervisor. */
@ObjectType('ExtensionRequest', { description: '延期申请' })
@Entity({ tableName: 'dispatch_extension' })
@Index({ properties: ['caseId', 'requestedAt'] })
export class ExtensionRequest {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) caseId!: string;
  @Field(() => ID) @Property({ type: 'uuid' }) departmentId!: string;
  /** Kept in full; the API shows it masked. */
  @Property({ type: 'text' }) reason!: string;
  @Field(() => String, { name: 'reason', description: '延期理由' })
  shownReason(): string {
    return shownText(this.reason);
  }
  @Field(() => Date, { description: '申请延至' }) @Property({ type: 'Date', columnType: 'timestamptz' }) requestedUntil!: Date;
  @Field(() => Date, { description: '申请时的办理时限' }) @Property({ type: 'Date', columnType: 'timestamptz' }) currentDeadlineAt!: Date;
  @Field(() => Date) @Property({ type: 'Date', columnType: 'timestamptz' }) requestedAt!: Date;
  @Property({ type: 'uuid' }) requestedBy!: string;
  @Field(() => String, { description: 'pending 待审批 | approved 已批准 | refused 未批准 | withdrawn 已撤销' })
  @Property({ type: 'string', length: 16 })
  status: ExtensionStatus = 'pending';
  @Field(() => Date, { nullable: true }) @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) decidedAt?: Date | null;
  @Property({ type: 'uuid', nullable: true }) decidedBy?: string | null;
  @Property({ type: 'text', nullable: true }) decisionNote?: string | null;
  @Field(() => String, { name: 'decisionNote', nullable: true, description: '审批意见' })
  shownDecisionNote(): string | null {
    return shownText(this.decisionNote);
  }

  @Field(() => DepartmentRef)
  department(): DepartmentRef {
    return { id: this.departmentId };
  }

  @Field(() => UserRef)
  requestedByUser(): UserRef {
    return { id: this.requestedBy };
  }

  @Field(() => UserRef, { nullable: true })
  decidedByUser(): UserRef | null {
    return this.decidedBy ? { id: this.decidedBy } : null;
  }
}
