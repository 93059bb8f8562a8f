import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/**
 * 主题 — one node of the bureau's configurable, multi-level topic taxonomy (e.g. 房屋交付与销售 ›
 * 延期交房). A case carries the leaf's name; Open311 publishes each topic's code as a service code.
 */
@ObjectType('Topic', { description: '诉求主题（多级分类）' })
@Entity({ tableName: 'intake_topic' })
export class Topic {
  [OptionalProps]?: 'sort' | 'active' | 'parentCode' | 'description';
  @Field(() => ID, { description: '编码（Open311 service_code）' }) @PrimaryKey({ type: 'string', length: 64 }) code!: string;
  @Field(() => String, { description: '名称' }) @Property({ type: 'string', length: 50, unique: true }) name!: string;
  @Field(() => ID, { nullable: true, description: '上级主题' }) @Property({ type: 'string', length: 64, nullable: true }) parentCode?: string | null;
  @Field(() => Int) @Property({ type: 'integer' }) sort: number = 0;
  @Field(() => Boolean) @Property({ type: 'boolean' }) active: boolean = true;
  @Field(() => String, { nullable: true }) @Property({ type: 'string', length: 200, nullable: true }) description?: string | null;
}
