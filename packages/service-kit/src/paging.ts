import { COMMON_ERRORS } from '@hotline/contracts';
import { codedError } from './errors';

/** The largest page a work queue serves at once. */
export const MAX_PAGE_SIZE = 200;

export interface PageRequest {
  offset: number;
  limit: number;
}

/**
 * A work queue's page as the client asked for it (每页 1–200 条, 起始位置 ≥ 0), or BAD_USER_INPUT
 * PAGE_INVALID: a queue is paged on the server, and a page it cannot serve is said so, not clamped.
 */
export function pageRequest(offset: number | null | undefined, limit: number | null | undefined, defaultLimit = 50): PageRequest {
  const page = { offset: offset ?? 0, limit: limit ?? defaultLimit };
  if (!Number.isInteger(page.offset) || page.offset < 0) throw codedError(COMMON_ERRORS.PAGE_OFFSET_INVALID);
  if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_PAGE_SIZE) throw codedError(COMMON_ERRORS.PAGE_SIZE_INVALID, { max: MAX_PAGE_SIZE });
  return page;
}
