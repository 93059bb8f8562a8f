import { Arg, Args, Ctx, Field, FieldResolver, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { Authorized, requireUser, codedError } from '@hotline/service-kit';
import { AuditRecord } from '../cases/audit-record.entity';
import { CaseNode } from '../cases/case.resolver';
import type { PublicityContext } from '../context';
import { ARTICLE_STATUS_LABELS } from '../items/labels';
import { page, PageArgs } from '../items/page';
import { PUBLICITY_READ_ROLES, PUBLICITY_ROLES } from '../items/roles';
import { historyOf, itemCases } from '../typical-cases/typical-case.resolver';
import { Article, ARTICLE_STATUSES, ArticleStatus } from './article.entity';
import { saveArticle } from './articles';
import { PUBLICITY_ERRORS } from '@hotline/contracts';

type Ctx = PublicityContext;

@ObjectType('ColumnArticle', { description: '12345市民热线专栏文章' })
export class ArticleNode {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { description: '刊发媒体' }) outlet!: string;
  @Field(() => String, { nullable: true, description: '刊发日期 YYYY-MM-DD' }) publishDate?: string | null;
  @Field(() => String, { nullable: true, description: '链接' }) url?: string | null;
  @Field(() => String, { description: 'planned 策划中 | writing 撰写中 | published 已刊发 | cancelled 已取消' }) status!: ArticleStatus;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Int) version!: number;
}

@ObjectType('ColumnArticlePage')
class ArticlePage {
  @Field(() => [ArticleNode]) items!: Article[];
  @Field(() => Int) total!: number;
}

@InputType('SaveColumnArticleInput', { description: '新建或修改专栏文章' })
class SaveInput {
  @Field(() => ID, { nullable: true, description: '修改时填写' }) id?: string;
  @Field(() => Int, { nullable: true }) expectedVersion?: number;
  @Field(() => String) title!: string;
  @Field(() => String) outlet!: string;
  @Field(() => String, { nullable: true }) publishDate?: string;
  @Field(() => String, { nullable: true }) url?: string;
  @Field(() => String, { nullable: true, description: '默认 planned' }) status?: string;
  @Field(() => [ID], { defaultValue: [] }) caseIds!: string[];
}

const strip = <T extends object>(o: T) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));

@Resolver(() => ArticleNode)
export class ArticleResolver {
  @Authorized([...PUBLICITY_READ_ROLES])
  @Query(() => ArticlePage, { description: '专栏文章，新的在前，分页' })
  async columnArticles(
    @Arg('status', () => String, { nullable: true }) status: string | null,
    @Args(() => PageArgs) p: PageArgs,
    @Ctx() ctx: Ctx,
  ): Promise<ArticlePage> {
    const { offset, limit } = page(p);
    if (status && !(ARTICLE_STATUSES as readonly string[]).includes(status)) throw codedError(PUBLICITY_ERRORS.INVALID_STATUS);
    const [items, total] = await ctx.em.findAndCount(Article, status ? { status: status as ArticleStatus } : {}, {
      orderBy: { createdAt: 'desc', id: 'asc' },
      offset,
      limit,
    });
    return { items, total };
  }

  @Authorized([...PUBLICITY_ROLES])
  @Mutation(() => ArticleNode, { description: '新建或修改专栏文章（已刊发须有日期和链接）' })
  saveColumnArticle(@Arg('input', () => SaveInput) input: SaveInput, @Ctx() ctx: Ctx): Promise<Article> {
    return saveArticle(ctx.em, requireUser(ctx), strip(input));
  }

  @FieldResolver(() => String, { description: '状态（中文）' })
  statusLabel(@Root() a: Article): string {
    return ARTICLE_STATUS_LABELS[a.status];
  }

  @FieldResolver(() => [CaseNode], { description: '关联工单' })
  async cases(@Root() a: Article, @Ctx() ctx: Ctx): Promise<CaseNode[]> {
    return (await itemCases(ctx).load(a.id)).map((id) => Object.assign(new CaseNode(), { id }));
  }

  @FieldResolver(() => [AuditRecord], { description: '操作记录' })
  history(@Root() a: Article, @Ctx() ctx: Ctx): Promise<AuditRecord[]> {
    return historyOf(ctx).load(a.id);
  }
}
