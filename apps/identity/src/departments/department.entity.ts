import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { randomUUID } from 'node:crypto';

/** 科室 — one of the bureau's internal departments. */
@Directive('@key(fields: "id")')
@ObjectType('Department', { description: '科室' })
@Entity({ tableName: 'department' })
export class Department {
  [OptionalProps]?: 'active' | 'createdAt' | 'updatedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Stable short code, e.g. `property`; used in routing rules and demo logins. */
  @Field(() => String)
  @Property({ type: 'string', length: 64, unique: true })
  code!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  name!: string;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Property({ type: 'Date', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'Date', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
