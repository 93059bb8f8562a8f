import type { EntityManager } from '@mikro-orm/postgresql';
import { codedError } from '@hotline/service-kit';
import { LedgerEntry } from './ledger-entry.entity';
import { MONTH_RE } from './award';
import { PUBLICITY_ERRORS } from '@hotline/contracts';

export interface MonthTotal {
  month: string;
  points: number;
  count: number;
}

const assertMonth = (m: string) => {
  if (!MONTH_RE.test(m)) throw codedError(PUBLICITY_ERRORS.INVALID_MONTH);
};

/** One month's ledger lines, newest first, a page at a time, with the month's total. */
export async function ledgerPage(
  em: EntityManager,
  month: string,
  offset: number,
  limit: number,
): Promise<{ items: LedgerEntry[]; total: number; points: number }> {
  assertMonth(month);
  const [items, total] = await em.findAndCount(LedgerEntry, { month }, { orderBy: { awardedAt: 'desc', id: 'asc' }, offset, limit });
  const rows = await em.execute<Array<{ points: string | null }>>('select sum(points) as points from publicity_ledger_entry where month = ?', [month]);
  return { items, total, points: Number(rows[0]?.points ?? 0) };
}

/** Totals per month between two months (inclusive), months without points left out, oldest first. */
export async function monthTotals(em: EntityManager, from: string, to: string): Promise<MonthTotal[]> {
  assertMonth(from);
  assertMonth(to);
  if (from > to) throw codedError(PUBLICITY_ERRORS.INVALID_RANGE);
  const rows = await em.execute<Array<{ month: string; points: string; count: string }>>(
    'select month, sum(points) as points, count(*) as count from publicity_ledger_entry where month between ? and ? group by month order by month',
    [from, to],
  );
  return rows.map((r) => ({ month: r.month, points: Number(r.points), count: Number(r.count) }));
}

/** Every line of a month, oldest first (the export). */
export const monthEntries = (em: EntityManager, month: string): Promise<LedgerEntry[]> => {
  assertMonth(month);
  return em.find(LedgerEntry, { month }, { orderBy: { awardedAt: 'asc', id: 'asc' } });
};
