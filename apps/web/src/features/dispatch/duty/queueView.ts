import { useEffect, useState } from 'react';
import { QUEUE_SORT_LABELS, QUEUE_SORTS } from '@hotline/contracts/browser';
import type { QueueSort } from '../../../shared/types';

/** Rows per page of a duty queue; the server pages, counts and filters (never the browser). */
export const QUEUE_PAGE_SIZE = 20;

export const QUEUE_SORT_OPTIONS = QUEUE_SORTS.map((value) => ({ value, label: QUEUE_SORT_LABELS[value] }));

/** What one duty queue shows: its page, order and filter text, as the server's query variables. */
export interface QueueView {
  page: number;
  sort: QueueSort;
  filter: string;
  setPage(page: number): void;
  setSort(sort: QueueSort): void;
  setFilter(text: string): void;
  variables: { offset: number; limit: number; sort: QueueSort; filter: string | null };
}

/** The page, order and (debounced) filter of a queue; a new order or filter starts at page 1. */
export function useQueueView(debounceMs = 300): QueueView {
  const [page, setPage] = useState(1);
  const [sort, setSortState] = useState<QueueSort>('wait');
  const [filter, setFilter] = useState('');
  const [applied, setApplied] = useState('');
  useEffect(() => {
    const t = setTimeout(() => {
      setApplied(filter.trim());
      setPage(1);
    }, debounceMs);
    return () => clearTimeout(t);
  }, [filter, debounceMs]);
  return {
    page,
    sort,
    filter,
    setPage,
    setSort: (s) => {
      setSortState(s);
      setPage(1);
    },
    setFilter,
    variables: { offset: (page - 1) * QUEUE_PAGE_SIZE, limit: QUEUE_PAGE_SIZE, sort, filter: applied || null },
  };
}
