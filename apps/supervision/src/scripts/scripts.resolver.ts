import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver, registerEnumType } from 'type-graphql';
import { Authorized, pageRequest, requireUser, UserRef } from '@hotline/service-kit';
import { SCRIPT_SCOPE_LABELS, SCRIPT_SCOPES, ScriptScope } from '@hotline/contracts';
import type { SupervisionContext } from '../context';
import { clusterExists } from '../clusters/cluster-store';
import { ReplyScript, ReplyScriptUse, ReplyScriptVersion, SCRIPT_VERSION_STATUS_LABELS } from './reply-script.entity';
import { approveScriptVersion, createScript, publishScriptVersion, retireScript, reviseScript } from './script-commands';

type Ctx = SupervisionContext;

export const ReplyScriptScopeEnum = Object.fromEntries(SCRIPT_SCOPES.map((s) => [s, s])) as Record<ScriptScope, ScriptScope>;
registerEnumType(ReplyScriptScopeEnum, { name: 'ReplyScriptScope', description: '口径适用范围：topic 问题类型 | project 项目 | cluster 聚类' });

@ObjectType('ReplyScriptVersion', { description: '答复口径的一个版本' })
export class ReplyScriptVersionNode {
  @Field(() => Int) version!: number;
  @Field(() => String) title!: string;
  @Field(() => String) text!: string;
  @Field(() => String, { description: 'draft 草稿 | approved 已审核 | published 已发布 | retired 已停用' }) status!: string;
  @Field(() => String) statusLabel!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => UserRef) createdBy!: UserRef;
  @Field(() => Date, { nullable: true }) approvedAt!: Date | null;
  @Field(() => UserRef, { nullable: true, description: '审核人' }) approvedBy!: UserRef | null;
  @Field(() => Date, { nullable: true }) publishedAt!: Date | null;
  @Field(() => Date, { nullable: true }) retiredAt!: Date | null;
  @Field(() => Int, { description: '科室答复采用该版本的次数' }) uses!: number;
  @Field(() => Date, { nullable: true, description: '最近一次采用时间' }) lastUsedAt!: Date | null;
}

@ObjectType('ReplyScript', { description: '统一答复口径' })
export class ReplyScriptNode {
  @Field(() => ID) id!: string;
  @Field(() => ReplyScriptScopeEnum) scope!: ScriptScope;
  @Field(() => String) scopeLabel!: string;
  @Field(() => String, { description: '问题类型、项目名称或聚类编号' }) scopeKey!: string;
  @Field(() => String, { description: '最新版本的标题' }) title!: string;
  @Field(() => Int, { nullable: true, description: '当前发布的版本' }) publishedVersion!: number | null;
  @Field(() => Int, { description: '各版本采用次数合计' }) uses!: number;
  @Field(() => [ReplyScriptVersionNode], { description: '全部版本，新版本在前' }) versions!: ReplyScriptVersionNode[];
  @Field(() => Date) createdAt!: Date;
}

@ObjectType('ReplyScriptPage')
class ReplyScriptPage {
  @Field(() => Int) total!: number;
  @Field(() => Int) offset!: number;
  @Field(() => Int) limit!: number;
  @Field(() => [ReplyScriptNode]) items!: ReplyScriptNode[];
}

@InputType('CreateReplyScriptInput', { description: '新建答复口径（第 1 版为草稿）' })
class CreateReplyScriptInput {
  @Field(() => ReplyScriptScopeEnum) scope!: ScriptScope;
  @Field(() => String, { description: '问题类型、项目名称或聚类编号' }) scopeKey!: string;
  @Field(() => String) title!: string;
  @Field(() => String) text!: string;
}

@InputType('ReviseReplyScriptInput', { description: '修订答复口径（新版本为草稿）' })
class ReviseReplyScriptInput {
  @Field(() => ID) scriptId!: string;
  @Field(() => String) title!: string;
  @Field(() => String) text!: string;
}

@InputType('ReplyScriptVersionInput')
class ReplyScriptVersionInput {
  @Field(() => ID) scriptId!: string;
  @Field(() => Int) version!: number;
}

/** The scripts of a page with their versions and use counts: three queries, whatever the page size. */
export async function scriptNodes(ctx: Ctx, scripts: ReplyScript[]): Promise<ReplyScriptNode[]> {
  if (!scripts.length) return [];
  const ids = scripts.map((s) => s.id);
  const versions = await ctx.em.find(ReplyScriptVersion, { scriptId: { $in: ids } }, { orderBy: { version: 'desc' } });
  const uses = await ctx.em.find(ReplyScriptUse, { scriptId: { $in: ids } });
  const useOf = (v: ReplyScriptVersion) => uses.find((u) => u.scriptId === v.scriptId && u.version === v.version);
  return scripts.map((s) => {
    const vs = versions
      .filter((v) => v.scriptId === s.id)
      .map((v): ReplyScriptVersionNode => ({
        version: v.version,
        title: v.title,
        text: v.text,
        status: v.status,
        statusLabel: SCRIPT_VERSION_STATUS_LABELS[v.status],
        createdAt: v.createdAt,
        createdBy: { id: v.createdBy },
        approvedAt: v.approvedAt ?? null,
        approvedBy: v.approvedBy ? { id: v.approvedBy } : null,
        publishedAt: v.publishedAt ?? null,
        retiredAt: v.retiredAt ?? null,
        uses: useOf(v)?.uses ?? 0,
        lastUsedAt: useOf(v)?.lastUsedAt ?? null,
      }));
    return {
      id: s.id,
      scope: s.scope,
      scopeLabel: SCRIPT_SCOPE_LABELS[s.scope],
      scopeKey: s.scopeKey,
      title: vs[0]?.title ?? '',
      createdAt: s.createdAt,
      publishedVersion: vs.find((v) => v.status === 'published')?.version ?? null,
      uses: vs.reduce((n, v) => n + v.uses, 0),
      versions: vs,
    };
  });
}

const one = async (ctx: Ctx, scriptId: string) => (await scriptNodes(ctx, [await ctx.em.findOneOrFail(ReplyScript, { id: scriptId })]))[0];

/** 答复口径: written and approved by supervisors, published to dispatch, their use counted. */
@Resolver()
export class ScriptsResolver {
  @Authorized(['supervisor', 'leader', 'admin', 'duty'])
  @Query(() => ReplyScriptPage, { description: '答复口径列表，分页，新建的在前；可按适用范围与关键字筛选' })
  async replyScripts(
    @Arg('scope', () => ReplyScriptScopeEnum, { nullable: true }) scope: ScriptScope | null,
    @Arg('scopeKey', () => String, { nullable: true, description: '适用的问题类型、项目名称或聚类编号（精确匹配）' }) scopeKey: string | null,
    @Arg('offset', () => Int, { nullable: true }) offset: number | null,
    @Arg('limit', () => Int, { nullable: true }) limit: number | null,
    @Ctx() ctx: Ctx,
  ): Promise<ReplyScriptPage> {
    const page = pageRequest(offset, limit);
    const where = { ...(scope ? { scope } : {}), ...(scopeKey ? { scopeKey: scopeKey.trim() } : {}) };
    const [rows, total] = await ctx.em.findAndCount(ReplyScript, where, { orderBy: { createdAt: 'desc', id: 'asc' }, offset: page.offset, limit: page.limit });
    return { ...page, total, items: await scriptNodes(ctx, rows) };
  }

  @Authorized(['supervisor'])
  @Mutation(() => ReplyScriptNode, { description: '新建答复口径（草稿）' })
  async createReplyScript(@Arg('input', () => CreateReplyScriptInput) input: CreateReplyScriptInput, @Ctx() ctx: Ctx): Promise<ReplyScriptNode> {
    const s = await createScript(ctx.em, requireUser(ctx), { ...input }, clusterExists);
    return one(ctx, s.id);
  }

  @Authorized(['supervisor'])
  @Mutation(() => ReplyScriptNode, { description: '修订答复口径：新增一个草稿版本' })
  async reviseReplyScript(@Arg('input', () => ReviseReplyScriptInput) input: ReviseReplyScriptInput, @Ctx() ctx: Ctx): Promise<ReplyScriptNode> {
    const v = await reviseScript(ctx.em, requireUser(ctx), { ...input });
    return one(ctx, v.scriptId);
  }

  @Authorized(['supervisor'])
  @Mutation(() => ReplyScriptNode, { description: '督办员审核通过口径草稿' })
  async approveReplyScript(@Arg('input', () => ReplyScriptVersionInput) input: ReplyScriptVersionInput, @Ctx() ctx: Ctx): Promise<ReplyScriptNode> {
    const v = await approveScriptVersion(ctx.em, requireUser(ctx), { ...input });
    return one(ctx, v.scriptId);
  }

  @Authorized(['supervisor'])
  @Mutation(() => ReplyScriptNode, { description: '发布已审核的口径版本（替代该口径此前发布的版本）；未经审核的不能发布' })
  async publishReplyScript(@Arg('input', () => ReplyScriptVersionInput) input: ReplyScriptVersionInput, @Ctx() ctx: Ctx): Promise<ReplyScriptNode> {
    const v = await publishScriptVersion(ctx.em, requireUser(ctx), { ...input });
    return one(ctx, v.scriptId);
  }

  @Authorized(['supervisor'])
  @Mutation(() => ReplyScriptNode, { description: '停用口径当前发布的版本' })
  async retireReplyScript(@Arg('scriptId', () => ID) scriptId: string, @Ctx() ctx: Ctx): Promise<ReplyScriptNode> {
    const v = await retireScript(ctx.em, requireUser(ctx), { scriptId });
    return one(ctx, v.scriptId);
  }
}
