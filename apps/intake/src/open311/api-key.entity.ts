import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';

/** An Open311 partner's API key. Only its SHA-256 is stored; the key itself is shown once. */
@ObjectType('Open311Key', { description: 'Open311 合作方密钥' })
@Entity({ tableName: 'open311_key' })
export class Open311Key {
  [OptionalProps]?: 'createdAt' | 'revokedAt' | 'revokedBy' | 'lastUsedAt';
  @Field(() => ID) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field(() => String, { description: '合作方名称' }) @Property({ type: 'string', length: 100 }) name!: string;
  @Property({ type: 'string', length: 64, unique: true }) keyHash!: string;
  @Field(() => String, { description: '密钥前缀（用于辨认）' }) @Property({ type: 'string', length: 12 }) keyPrefix!: string;
  @Field(() => Date) @Property({ type: 'Date', columnType: 'timestamptz' }) createdAt: Date = new Date();
  @Property({ type: 'string', length: 64 }) createdBy!: string;
  @Field(() => Date, { nullable: true, description: '停用时间' })
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  revokedAt?: Date | null;
  @Property({ type: 'uuid', nullable: true }) revokedBy?: string | null;
  @Field(() => Date, { nullable: true, description: '最近使用' })
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  lastUsedAt?: Date | null;
}
