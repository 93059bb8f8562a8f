import { Arg, Ctx, Field, ID, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { Authorized } from '@hotline/service-kit';
import { actorOf, requireUser, ServiceContext } from '@hotline/service-kit';
import { Department } from './department.entity';
import { createDepartment, listDepartments, updateDepartment } from './department.service';

@InputType({ description: '新建科室' })
class DepartmentInput {
  @Field(() => String) code!: string;
  @Field(() => String) name!: string;
}

@InputType({ description: '修改科室' })
class DepartmentUpdateInput {
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => Boolean, { nullable: true }) active?: boolean;
}

@Resolver(() => Department)
export class DepartmentResolver {
  @Authorized()
  @Query(() => [Department], { description: '科室列表' })
  departments(@Ctx() ctx: ServiceContext): Promise<Department[]> {
    return listDepartments(ctx.em);
  }

  @Authorized(['admin'])
  @Mutation(() => Department)
  createDepartment(@Arg('input', () => DepartmentInput) input: DepartmentInput, @Ctx() ctx: ServiceContext): Promise<Department> {
    return createDepartment(ctx.em, actorOf(requireUser(ctx)), { ...input });
  }

  @Authorized(['admin'])
  @Mutation(() => Department)
  updateDepartment(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => DepartmentUpdateInput) input: DepartmentUpdateInput,
    @Ctx() ctx: ServiceContext,
  ): Promise<Department> {
    return updateDepartment(ctx.em, actorOf(requireUser(ctx)), id, { ...input });
  }
}

/** Other subgraphs reference departments by id; the gateway asks here for the rest. */
export const departmentReference = {
  __resolveReference: (ref: { id: string }, ctx: ServiceContext) => {
    requireUser(ctx); // names and roles are for people signed in, not for anyone who can reach :4101
    return ctx.em.findOne(Department, { id: ref.id });
  },
};
