import { Ctx, Directive, Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { PUBLICITY_KIND_LABELS, PublicityKind, TYPICAL_CASE_STAGE_LABELS } from '@hotline/contracts';
import { assertInScope, groupBy, loaderFor, requireUser, rowsById } from '@hotline/service-kit';
import { Article } from '../articles/article.entity';
import type { PublicityContext } from '../context';
import { Episode } from '../episodes/episode.entity';
import { ARTICLE_STATUS_LABELS, EPISODE_STATUS_LABELS } from '../items/labels';
import { TypicalCase } from '../typical-cases/typical-case.entity';
import { CaseProjection } from './case-projection.entity';
import { ItemCase } from './item-case.entity';

/** intake's Case, extended here with the publicity items it belongs to. */
@Directive('@key(fields: "id")')
@ObjectType('Case')
export class CaseNode {
  @Field(() => ID) id!: string;
}

/** One publicity item a case belongs to. */
@ObjectType('PublicityLink', { description: '工单所属的宣传加分事项' })
export class PublicityLink {
  @Field(() => String, { description: 'typical-case 典型案例 | episode 《向前一步》 | article 专栏文章' }) kind!: PublicityKind;
  @Field(() => String, { description: '类别（中文）' }) kindLabel!: string;
  @Field(() => ID) itemId!: string;
  @Field(() => String) title!: string;
  @Field(() => String, { description: '阶段或状态' }) status!: string;
  @Field(() => String, { description: '阶段或状态（中文）' }) statusLabel!: string;
}

async function linksOf(ctx: PublicityContext, caseIds: readonly string[]): Promise<Map<string, PublicityLink[]>> {
  const rows = await ctx.em.find(ItemCase, { caseId: { $in: [...caseIds] } });
  const ids = (k: PublicityKind) => rows.filter((r) => r.itemKind === k).map((r) => r.itemId);
  const [typical, episodes, articles] = await Promise.all([
    ctx.em.find(TypicalCase, { id: { $in: ids('typical-case') } }),
    ctx.em.find(Episode, { id: { $in: ids('episode') } }),
    ctx.em.find(Article, { id: { $in: ids('article') } }),
  ]);
  const byId = new Map<string, Omit<PublicityLink, 'kindLabel'>>();
  for (const t of typical)
    byId.set(t.id, { kind: 'typical-case', itemId: t.id, title: t.title, status: t.stage, statusLabel: TYPICAL_CASE_STAGE_LABELS[t.stage] });
  for (const e of episodes) byId.set(e.id, { kind: 'episode', itemId: e.id, title: e.topic, status: e.status, statusLabel: EPISODE_STATUS_LABELS[e.status] });
  for (const a of articles) byId.set(a.id, { kind: 'article', itemId: a.id, title: a.title, status: a.status, statusLabel: ARTICLE_STATUS_LABELS[a.status] });
  const links = rows.flatMap((r) => {
    const l = byId.get(r.itemId);
    return l ? [{ caseId: r.caseId, link: { ...l, kindLabel: PUBLICITY_KIND_LABELS[l.kind] } }] : [];
  });
  const grouped = groupBy(links, (x) => x.caseId);
  return new Map([...grouped].map(([k, v]) => [k, v.map((x) => x.link)]));
}

@Resolver(() => CaseNode)
export class CaseResolver {
  @FieldResolver(() => [PublicityLink], { description: '宣传加分事项：典型案例、《向前一步》、专栏文章' })
  publicity(@Root() c: CaseNode, @Ctx() ctx: PublicityContext): Promise<PublicityLink[]> {
    return loaderFor<PublicityLink[]>(ctx, 'publicity', (ids) => linksOf(ctx, ids), []).load(c.id);
  }
}

/**
 * The gateway asks for publicity's fields of a case. A handler's department scope applies here
 * too (a case outside it is NOT_FOUND); a case not yet known here simply has no items.
 */
export const caseReference = {
  __resolveReference: async (ref: { id: string }, ctx: PublicityContext): Promise<CaseNode> => {
    const user = requireUser(ctx);
    const known = await rowsById(ctx, 'case-reference', (ids) => ctx.em.find(CaseProjection, { id: { $in: ids } })).load(ref.id);
    if (known) assertInScope(user, known.departmentIds);
    return Object.assign(new CaseNode(), { id: ref.id });
  },
};
