import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { UserRef } from '@hotline/service-kit';

/** One look at a citizen's personal data: who, when, which case, why. Never deleted. */
@ObjectType('RevealLogEntry', { description: '个人信息查看记录' })
@Entity({ tableName: 'intake_reveal_log' })
@Index({ properties: ['caseId', 'revealedAt'] })
export class RevealLogEntry {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field(() => ID) @Property({ type: 'uuid' }) caseId!: string;
  @Field(() => String, { description: '工单编号' }) @Property({ type: 'string', length: 64 }) externalNo!: string;
  @Field(() => ID) @Property({ type: 'uuid' }) userId!: string;
  @Field(() => String) @Property({ type: 'string', length: 32 }) role!: string;
  @Field(() => ID, { nullable: true }) @Property({ type: 'uuid', nullable: true }) departmentId?: string | null;
  @Field(() => [String], { description: 'name / phone / address' }) @Property({ type: 'string[]', columnType: 'text[]' }) fields!: string[];
  @Field(() => String, { description: '查看原因' }) @Property({ type: 'string', length: 200 }) reason!: string;
  @Field(() => Date) @Property({ type: 'Date', columnType: 'timestamptz' }) revealedAt!: Date;

  @Field(() => UserRef, { description: '查看人' })
  user(): UserRef {
    return { id: this.userId };
  }
}
