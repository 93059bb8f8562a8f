import DataLoader from 'dataloader';
import { isUuid } from './errors';

const LOADERS = Symbol('loaders');
type WithLoaders = { [LOADERS]?: Map<string, DataLoader<string, unknown>> };

/**
 * A per-request batch loader: field resolvers that each ask for one key (e.g. a case's timeline)
 * are answered with one query for all keys of the request, avoiding N+1 round trips.
 */
export function loaderFor<V>(ctx: object, name: string, loadMany: (keys: readonly string[]) => Promise<Map<string, V>>, fallback: V): DataLoader<string, V> {
  const holder = ctx as WithLoaders;
  holder[LOADERS] ??= new Map();
  let loader = holder[LOADERS].get(name) as DataLoader<string, V> | undefined;
  if (!loader) {
    loader = new DataLoader<string, V>(async (keys) => {
      const found = await loadMany(keys);
      return keys.map((k) => (found.has(k) ? (found.get(k) as V) : fallback));
    });
    holder[LOADERS].set(name, loader as DataLoader<string, unknown>);
  }
  return loader;
}

/** Groups rows by a key into a Map of arrays (for one-to-many loaders). */
export function groupBy<T>(rows: T[], key: (row: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const k = key(r);
    const list = out.get(k);
    if (list) list.push(r);
    else out.set(k, [r]);
  }
  return out;
}

/**
 * Rows by id for one request, fetched with one query however many ids its resolvers ask for —
 * what a subgraph's `__resolveReference` uses, since the gateway sends the references of a whole
 * list in one `_entities` call (50 cases: one query, not 50). Ids that are not UUIDs find nothing.
 */
export function rowsById<T extends { id: string }>(ctx: object, name: string, find: (ids: string[]) => Promise<T[]>): DataLoader<string, T | null> {
  return loaderFor<T | null>(
    ctx,
    name,
    async (keys) => {
      const ids = keys.filter(isUuid);
      return new Map((ids.length ? await find(ids) : []).map((r) => [r.id, r]));
    },
    null,
  );
}
