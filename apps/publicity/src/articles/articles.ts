import type { EntityManager } from '@mikro-orm/postgresql';
import { AuthUser, isUuid, parseInput, codedError } from '@hotline/service-kit';
import { z } from 'zod';
import { loadVisibleCases } from '../cases/case-access';
import { ItemCase } from '../cases/item-case.entity';
import { beijingDateString } from '../episodes/episodes';
import { audit } from '../items/audit';
import { assertPublicityRole } from '../items/roles';
import { Article, ARTICLE_STATUSES } from './article.entity';
import { PUBLICITY_ERRORS } from '@hotline/contracts';

const url = z
  .string()
  .trim()
  .max(500, '链接不能超过 500 个字符')
  .regex(/^https?:\/\/[^\s]+$/i, '链接须以 http:// 或 https:// 开头');
const fields = {
  title: z.string().trim().min(2, '标题至少 2 个字').max(100, '标题不能超过 100 个字'),
  outlet: z.string().trim().min(2, '刊发媒体至少 2 个字').max(100, '刊发媒体不能超过 100 个字'),
  publishDate: beijingDateString.nullish(),
  url: url.nullish(),
  status: z.enum(ARTICLE_STATUSES).default('planned'),
  caseIds: z.array(z.string()).max(50, '一篇文章最多关联 50 件工单').default([]),
};
export const SaveArticleCommand = z.object({ id: z.string().nullish(), expectedVersion: z.number().int().min(1).nullish(), ...fields });

/** A published article names where and when: its link and its date. */
function assertPublishable(a: { status: string; url?: string | null; publishDate?: string | null }): void {
  if (a.status === 'published' && (!a.url || !a.publishDate)) throw codedError(PUBLICITY_ERRORS.ARTICLE_INCOMPLETE);
}

/**
 * 专栏文章: creates an article or updates one (title, outlet, date, link, cases, status). A
 * published or cancelled article is no longer changed (CONFLICT).
 */
export async function saveArticle(em: EntityManager, user: AuthUser, input: unknown): Promise<Article> {
  assertPublicityRole(user);
  const cmd = parseInput(SaveArticleCommand, input);
  assertPublishable(cmd);
  return em.transactional(async (tx) => {
    const cases = await loadVisibleCases(tx, user, cmd.caseIds);
    const now = new Date();
    let a: Article;
    if (cmd.id) {
      const found = isUuid(cmd.id) ? await tx.findOne(Article, { id: cmd.id }) : null;
      if (!found) throw codedError(PUBLICITY_ERRORS.ARTICLE_NOT_FOUND);
      if (cmd.expectedVersion != null && cmd.expectedVersion !== found.version) throw codedError(PUBLICITY_ERRORS.ARTICLE_STALE);
      if (found.status === 'published' || found.status === 'cancelled') throw codedError(PUBLICITY_ERRORS.ARTICLE_CLOSED);
      a = found;
      Object.assign(a, { title: cmd.title, outlet: cmd.outlet, publishDate: cmd.publishDate ?? null, url: cmd.url ?? null, status: cmd.status });
      await tx.nativeDelete(ItemCase, { itemId: a.id });
    } else {
      a = tx.create(Article, {
        title: cmd.title,
        outlet: cmd.outlet,
        publishDate: cmd.publishDate ?? null,
        url: cmd.url ?? null,
        status: cmd.status,
        createdBy: user.id,
        createdAt: now,
      });
    }
    for (const c of cases) tx.create(ItemCase, { itemId: a.id, caseId: c.id, itemKind: 'article' });
    audit(tx, user, 'article', a.id, cmd.id ? `saved:${cmd.status}` : `created:${cmd.status}`, now, null);
    await tx.flush();
    return a;
  });
}
