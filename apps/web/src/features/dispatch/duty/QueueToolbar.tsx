import { Segmented } from 'antd';
import { QuickFilter } from '../../../shared/QuickFilter';
import type { QueueSort } from '../../../shared/types';
import { QUEUE_SORT_OPTIONS, type QueueView } from './queueView';

/** A duty queue's filter box and order (等待最久在前 / 紧急程度高在前); the server applies both. */
export function QueueToolbar({ view, testId }: { view: QueueView; testId: string }) {
  return (
    <>
      <QuickFilter value={view.filter} onChange={view.setFilter} testId={`${testId}-filter`} />
      <span data-testid={`${testId}-sort`} data-sort={view.sort}>
        <Segmented<QueueSort> value={view.sort} onChange={view.setSort} options={QUEUE_SORT_OPTIONS} />
      </span>
    </>
  );
}

/** The server-side pagination of a duty queue's table. */
export function queuePagination(view: QueueView, total: number, pageSize: number) {
  return { current: view.page, pageSize, total, showSizeChanger: false, showTotal: (t: number) => `共 ${t} 件`, onChange: view.setPage };
}
