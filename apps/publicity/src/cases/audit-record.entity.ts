import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import type { PublicityKind } from '@hotline/contracts';
import { UserRef } from '@hotline/service-kit';
import { shownText } from '../privacy/public-text';

/** Every change of a publicity item: who, when, what and why (nothing is deleted). */
@ObjectType('PublicityAuditRecord', { description: '宣传事项操作记录' })
@Entity({ tableName: 'publicity_audit' })
@Index({ properties: ['itemId', 'at'] })
export class AuditRecord {
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) itemId!: string;
  @Property({ type: 'string', length: 16 }) itemKind!: PublicityKind;
  @Field(() => String, { description: '操作，如 nominated submitted awarded' }) @Property({ type: 'string', length: 32 }) action!: string;
  @Field(() => Date) @Property({ type: 'Date', columnType: 'timestamptz' }) at!: Date;
  @Property({ type: 'uuid' }) by!: string;
  @Property({ type: 'text', nullable: true }) note?: string | null;

  @Field(() => UserRef, { description: '操作人' })
  actor(): UserRef {
    return { id: this.by };
  }

  @Field(() => String, { name: 'note', nullable: true, description: '说明（号码已遮蔽）' })
  shownNote(): string | null {
    return shownText(this.note);
  }
}
