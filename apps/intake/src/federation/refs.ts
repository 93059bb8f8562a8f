import { Directive, Field, ID, ObjectType } from 'type-graphql';

/** identity's User, referenced by id; the gateway fetches its fields from identity. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('User')
export class UserRef {
  @Field(() => ID) id!: string;
}

/** identity's Department (科室), referenced by id. */
@Directive('@key(fields: "id", resolvable: false)')
@ObjectType('Department')
export class DepartmentRef {
  @Field(() => ID) id!: string;
}
