import { Arg, Ctx, Field, FieldResolver, ID, InputType, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { actorOf, Authorized, requireUser } from '@hotline/service-kit';
import { login } from '../auth/login.service';
import type { IdentityContext } from '../context';
import { Department } from '../departments/department.entity';
import { User, UserRole, UserRoleEnum } from './user.entity';
import { createUser, listCallbackAgents, listUsers, resetPassword, updateUser } from './user.service';

type Ctx = IdentityContext;

@ObjectType('LoginResult')
class LoginResult {
  @Field(() => String) token!: string;
  @Field(() => Date) expiresAt!: Date;
  @Field(() => User) user!: User;
}

@InputType()
class CreateUserInput {
  @Field(() => String) username!: string;
  @Field(() => String) displayName!: string;
  @Field(() => String) password!: string;
  @Field(() => UserRoleEnum) role!: UserRole;
  @Field(() => ID, { nullable: true }) departmentId?: string;
}

@InputType()
class UpdateUserInput {
  @Field(() => String, { nullable: true }) displayName?: string;
  @Field(() => UserRoleEnum, { nullable: true }) role?: UserRole;
  @Field(() => ID, { nullable: true }) departmentId?: string;
  @Field(() => Boolean, { nullable: true }) active?: boolean;
}

@Resolver(() => User)
export class UserResolver {
  /** 登录 — the one operation that needs no token. */
  @Mutation(() => LoginResult)
  login(@Arg('username', () => String) username: string, @Arg('password', () => String) password: string, @Ctx() ctx: Ctx): Promise<LoginResult> {
    return login(ctx.em, ctx.login, username, password, ctx.ip);
  }

  @Authorized()
  @Query(() => User, { nullable: true, description: '当前用户' })
  me(@Ctx() ctx: Ctx): Promise<User | null> {
    return ctx.em.findOne(User, { id: requireUser(ctx).id });
  }

  @Authorized(['admin'])
  @Query(() => [User], { description: '用户列表' })
  users(@Ctx() ctx: Ctx): Promise<User[]> {
    return listUsers(ctx.em);
  }

  @Authorized(['supervisor', 'admin'])
  @Query(() => [User], { description: '回访员列表（在岗），供分配回访任务' })
  callbackAgents(@Ctx() ctx: Ctx): Promise<User[]> {
    return listCallbackAgents(ctx.em);
  }

  @Authorized(['admin'])
  @Mutation(() => User)
  createUser(@Arg('input', () => CreateUserInput) input: CreateUserInput, @Ctx() ctx: Ctx): Promise<User> {
    return createUser(ctx.em, { ...input });
  }

  @Authorized(['admin'])
  @Mutation(() => User)
  updateUser(@Arg('id', () => ID) id: string, @Arg('input', () => UpdateUserInput) input: UpdateUserInput, @Ctx() ctx: Ctx): Promise<User> {
    return updateUser(ctx.em, actorOf(requireUser(ctx)), id, { ...input });
  }

  @Authorized(['admin'])
  @Mutation(() => Boolean)
  async resetPassword(@Arg('id', () => ID) id: string, @Arg('password', () => String) password: string, @Ctx() ctx: Ctx): Promise<boolean> {
    await resetPassword(ctx.em, actorOf(requireUser(ctx)), id, password);
    return true;
  }

  @FieldResolver(() => Department, { nullable: true })
  department(@Root() user: User, @Ctx() ctx: Ctx): Promise<Department | null> | null {
    return user.departmentId ? ctx.em.findOne(Department, { id: user.departmentId }) : null;
  }
}

export const userReference = {
  __resolveReference: (ref: { id: string }, ctx: Ctx) => {
    requireUser(ctx); // names and roles are for people signed in, not for anyone who can reach :4101
    return ctx.em.findOne(User, { id: ref.id });
  },
};
