import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';

/**
 * 权责清单条目 — one versioned rule of the responsibility catalogue: cases on these topics, with
 * these keywords, in these projects or streets go to this lead department (and these assisting
 * ones). Rows are never changed in substance: an edit writes version n+1 under the same
 * `ruleKey` and marks version n superseded; retiring writes an inactive version.
 */
@ObjectType('ResponsibilityRule', { description: '权责清单条目（分版本）' })
@Entity({ tableName: 'dispatch_rule' })
@Index({ name: 'dispatch_rule_current', expression: 'create index dispatch_rule_current on dispatch_rule (rule_key) where superseded_at is null' })
export class ResponsibilityRule {
  @Field(() => ID, { description: '本版本的 id' }) @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Field(() => ID, { description: '条目 id（各版本相同）' }) @Property({ type: 'uuid' }) ruleKey!: string;
  @Field(() => Int) @Property({ type: 'integer' }) version!: number;
  @Field(() => String) @Property({ type: 'string', length: 100 }) name!: string;
  @Field(() => [String], { description: '主题（任一匹配）' }) @Property({ type: 'string[]', columnType: 'text[]' }) topics: string[] = [];
  @Field(() => [String], { description: '关键词（标题或内容含任一）' }) @Property({ type: 'string[]', columnType: 'text[]' }) keywords: string[] = [];
  @Field(() => [String], { description: '项目（任一匹配）' }) @Property({ type: 'string[]', columnType: 'text[]' }) projects: string[] = [];
  @Field(() => [String], { description: '街道/地区（任一匹配）' }) @Property({ type: 'string[]', columnType: 'text[]' }) streets: string[] = [];
  @Field(() => String, { description: '主办科室代码' }) @Property({ type: 'string', length: 64 }) leadDepartmentCode!: string;
  @Field(() => [String], { description: '协办科室代码' }) @Property({ type: 'string[]', columnType: 'text[]' }) assistDepartmentCodes: string[] = [];
  @Field(() => String, { description: '依据（权责清单条款）' }) @Property({ type: 'text' }) basis: string = '';
  @Field(() => Int, { description: '优先级，大者优先' }) @Property({ type: 'integer' }) priority: number = 0;
  @Field(() => Boolean) @Property({ type: 'boolean' }) active: boolean = true;
  @Field(() => Date) @Property({ type: 'Date', columnType: 'timestamptz' }) createdAt!: Date;
  @Field(() => String, { description: '修订人（用户 id，或 system）' }) @Property({ type: 'string', length: 64 }) createdBy!: string;
  @Field(() => Date, { nullable: true, description: '被新版本取代的时间' })
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true })
  supersededAt?: Date | null;
}
