// The handler's inbox tabs: the server's buckets (departmentInbox(bucket)) plus 已退回.
export type InboxBucket = 'new' | 'inProgress' | 'dueSoon' | 'overdue';
export type InboxTabKey = InboxBucket | 'returned';

export const INBOX_BUCKET_TABS: { key: InboxTabKey; label: string; emptyText: string; color: string }[] = [
  { key: 'new', label: '新到', emptyText: '暂无新到工单', color: '#1d5fbf' },
  { key: 'inProgress', label: '办理中', emptyText: '暂无办理中工单', color: '#1d5fbf' },
  { key: 'dueSoon', label: '即将超期', emptyText: '暂无即将超期工单', color: '#faad14' },
  { key: 'overdue', label: '已超期', emptyText: '暂无超期工单', color: '#ff4d4f' },
  { key: 'returned', label: '已退回', emptyText: '近期没有退回的工单', color: '#8c8c8c' },
];

export type InboxCounts = Record<InboxTabKey, number>;
