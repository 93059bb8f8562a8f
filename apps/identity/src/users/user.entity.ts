import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { randomUUID } from 'node:crypto';
import { Role, ROLES } from '@hotline/contracts';

/** Roles people log in with; `partner` is a system role (API keys), not a login. */
export const USER_ROLES = ROLES.filter((r) => r !== 'partner') as Exclude<Role, 'partner'>[];
export type UserRole = (typeof USER_ROLES)[number];
export const UserRoleEnum = Object.fromEntries(USER_ROLES.map((r) => [r, r])) as Record<UserRole, UserRole>;
registerEnumType(UserRoleEnum, { name: 'Role', description: '角色' });

/** A person who works in the system: operator, handler, supervisor, ... */
@Directive('@key(fields: "id")')
@ObjectType('User', { description: '用户' })
@Entity({ tableName: 'app_user' })
export class User {
  [OptionalProps]?: 'active' | 'createdAt' | 'updatedAt' | 'departmentId';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => String)
  @Property({ type: 'string', length: 64, unique: true })
  username!: string;

  @Field(() => String)
  @Property({ type: 'string', length: 100 })
  displayName!: string;

  @Property({ type: 'text', hidden: true, lazy: false })
  passwordHash!: string;

  @Field(() => UserRoleEnum)
  @Property({ type: 'string', length: 32 })
  role!: UserRole;

  /** The 科室 a department handler works for. */
  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  departmentId?: string | null;

  @Field(() => Boolean)
  @Property({ type: 'boolean', default: true })
  active: boolean = true;

  @Property({ type: 'Date', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'Date', columnType: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
