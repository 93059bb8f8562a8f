import { Arg, Ctx, Field, ID, InputType, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Authorized } from '@hotline/service-kit';
import { ServiceContext } from '@hotline/service-kit';
import { Topic } from './topic.entity';
import { listTopics, upsertTopic } from './topics';

@InputType({ description: '新增或修改主题' })
class TopicInput {
  @Field(() => ID) code!: string;
  @Field(() => String) name!: string;
  @Field(() => ID, { nullable: true }) parentCode?: string;
  @Field(() => Int, { nullable: true }) sort?: number;
  @Field(() => Boolean, { nullable: true }) active?: boolean;
  @Field(() => String, { nullable: true }) description?: string;
}

@Resolver()
export class TopicResolver {
  @Authorized()
  @Query(() => [Topic], { description: '诉求主题分类（多级）' })
  topics(@Ctx() ctx: ServiceContext): Promise<Topic[]> {
    return listTopics(ctx.em);
  }

  @Authorized(['admin'])
  @Mutation(() => Topic, { description: '新增或修改主题（管理员）' })
  upsertTopic(@Arg('input', () => TopicInput) input: TopicInput, @Ctx() ctx: ServiceContext): Promise<Topic> {
    return upsertTopic(ctx.em, Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined && v !== null)));
  }
}
