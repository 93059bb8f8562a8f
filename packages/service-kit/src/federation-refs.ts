import { Directive, Field, ID, ObjectType } from 'type-graphql';

/**
 * identity's entities as other subgraphs reference them: the key only, `resolvable: false`; the
 * gateway fetches their fields from identity. A subgraph that uses them lists them in
 * `orphanedTypes`.
 */
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
