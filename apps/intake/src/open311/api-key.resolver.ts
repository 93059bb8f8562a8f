import { Arg, Ctx, Field, ID, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { Authorized } from '@hotline/service-kit';
import { requireUser, ServiceContext } from '@hotline/service-kit';
import { Open311Key } from './api-key.entity';
import { createKey, revokeKey } from './api-keys';

@ObjectType('Open311KeyCreated', { description: '新建的密钥（明文仅显示这一次）' })
class Open311KeyCreated {
  @Field(() => String, { description: '密钥明文：请立即交给合作方，系统不再保存' }) key!: string;
  @Field(() => Open311Key) record!: Open311Key;
}

@Resolver()
export class Open311KeyResolver {
  @Authorized(['admin'])
  @Query(() => [Open311Key], { description: 'Open311 合作方密钥（管理员）' })
  open311Keys(@Ctx() ctx: ServiceContext): Promise<Open311Key[]> {
    return ctx.em.find(Open311Key, {}, { orderBy: { createdAt: 'desc' } });
  }

  @Authorized(['admin'])
  @Mutation(() => Open311KeyCreated, { description: '新建 Open311 合作方密钥' })
  createOpen311Key(@Arg('name', () => String) name: string, @Ctx() ctx: ServiceContext): Promise<Open311KeyCreated> {
    return createKey(ctx.em, requireUser(ctx), { name });
  }

  @Authorized(['admin'])
  @Mutation(() => Open311Key, { description: '停用 Open311 合作方密钥' })
  revokeOpen311Key(@Arg('id', () => ID) id: string, @Ctx() ctx: ServiceContext): Promise<Open311Key> {
    return revokeKey(ctx.em, requireUser(ctx), id);
  }
}
