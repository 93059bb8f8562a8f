import { ArgsType, Field, Int } from 'type-graphql';
import { z } from 'zod';
import { parseInput } from '@hotline/service-kit';

/** Lists page on the server: offset and limit (at most 100). */
@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 0, description: '跳过的条数' }) offset: number = 0;
  @Field(() => Int, { defaultValue: 20, description: '每页条数（最多 100）' }) limit: number = 20;
}

const PageSchema = z.object({ offset: z.number().int().min(0, '页码无效'), limit: z.number().int().min(1, '每页条数无效').max(100, '每页最多 100 条') });
export const page = (a: PageArgs) => parseInput(PageSchema, { offset: a.offset, limit: a.limit });
