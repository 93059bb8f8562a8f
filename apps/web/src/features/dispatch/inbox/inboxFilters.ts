// Client-side split of departmentInbox into the handler's tabs, by status and deadline.
import type { CaseSummary } from '../../../shared/types';

export type InboxTab = 'new' | 'inProgress' | 'dueSoon' | 'overdue' | 'replied';

export const INBOX_TABS: { key: InboxTab; label: string; emptyText: string }[] = [
  { key: 'new', label: '新分派', emptyText: '暂无新分派工单' },
  { key: 'inProgress', label: '办理中', emptyText: '暂无办理中工单' },
  { key: 'dueSoon', label: '即将到期', emptyText: '暂无即将到期工单' },
  { key: 'overdue', label: '已超期', emptyText: '暂无超期工单' },
  { key: 'replied', label: '已答复', emptyText: '暂无已答复工单' },
];

/** A case whose deadline is less than this far away is "due soon". */
export const DUE_SOON_MS = 24 * 60 * 60 * 1000;

const DONE_STAGES = new Set(['replied', 'completed']);
const DONE_ASSIGNMENT = new Set(['replied', 'completed', 'returned']);
const NEW_ASSIGNMENT = new Set(['dispatched', 'pending', 'new', 'assigned']);

export function deadlineOf(c: CaseSummary): number | null {
  const value = c.assignment?.deadlineAt ?? c.deadlineAt;
  if (!value) return null;
  const t = new Date(value).getTime();
  return Number.isFinite(t) ? t : null;
}

/** Still waiting for the department's reply. */
export function isOpen(c: CaseSummary): boolean {
  if (DONE_STAGES.has(c.stage)) return false;
  return !(c.assignment && DONE_ASSIGNMENT.has(c.assignment.status));
}

/** Dispatched to the department and not yet taken up. */
export function isNew(c: CaseSummary): boolean {
  if (!isOpen(c) || c.stage !== 'dispatched') return false;
  return !c.assignment || NEW_ASSIGNMENT.has(c.assignment.status);
}

export function isOverdue(c: CaseSummary, now: number): boolean {
  const d = deadlineOf(c);
  return isOpen(c) && d !== null && d < now;
}

export function isDueSoon(c: CaseSummary, now: number): boolean {
  const d = deadlineOf(c);
  return isOpen(c) && d !== null && d >= now && d - now < DUE_SOON_MS;
}

export function inTab(c: CaseSummary, tab: InboxTab, now: number): boolean {
  switch (tab) {
    case 'new':
      return isNew(c);
    case 'inProgress':
      return isOpen(c) && !isNew(c);
    case 'dueSoon':
      return isDueSoon(c, now);
    case 'overdue':
      return isOverdue(c, now);
    case 'replied':
      return !isOpen(c);
  }
}

export function filterInbox(cases: readonly CaseSummary[], tab: InboxTab, now: number): CaseSummary[] {
  return cases.filter((c) => inTab(c, tab, now));
}

/** "剩余 2 天 3 小时" / "剩余 45 分钟" / "已超期 5 小时". */
export function describeDeadline(deadline: number, now: number): string {
  const diff = deadline - now;
  const abs = Math.abs(diff);
  const days = Math.floor(abs / 86_400_000);
  const hours = Math.floor((abs % 86_400_000) / 3_600_000);
  const minutes = Math.max(1, Math.floor((abs % 3_600_000) / 60_000));
  const span = days > 0 ? `${days} 天 ${hours} 小时` : hours > 0 ? `${hours} 小时` : `${minutes} 分钟`;
  return diff < 0 ? `已超期 ${span}` : `剩余 ${span}`;
}
