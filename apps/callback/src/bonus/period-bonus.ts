import type { EntityManager } from '@mikro-orm/postgresql';
import { ClosedPeriod } from '../scoring/scoring-policy.entity';
import { BonusItemRow } from './bonus-item.entity';
import { Bonus, bonusOf, BonusRule } from './bonus-rule';

export interface PeriodBonus extends Bonus {
  rule: BonusRule;
  items: BonusItemRow[];
}

/**
 * The bonus items of a period (its month in publicity's ledger), of one department when asked; a
 * closed period counts only the items awarded before it was closed. Items are not by topic: a
 * topic's figures carry no bonus.
 */
export async function periodBonus(
  em: EntityManager,
  q: { period: string; departmentId?: string | null; topic?: string | null },
  rule: BonusRule,
  score: number | null,
): Promise<PeriodBonus> {
  if (q.topic) return { rule, items: [], ...bonusOf([], rule, score) };
  const closed = await em.findOne(ClosedPeriod, { period: q.period });
  const items = await em.find(
    BonusItemRow,
    { month: q.period, ...(q.departmentId ? { departmentId: q.departmentId } : {}), ...(closed ? { awardedAt: { $lte: closed.closedAt } } : {}) },
    { orderBy: { awardedAt: 'asc', entryId: 'asc' } },
  );
  return { rule, items, ...bonusOf(items, rule, score) };
}
