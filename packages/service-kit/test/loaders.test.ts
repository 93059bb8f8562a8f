import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { rowsById } from '../src/loaders';

describe('rowsById (one query for the references of a request)', () => {
  it('answers every id asked for in the same tick with one call, and null for what is not found', async () => {
    const [a, b, missing] = [randomUUID(), randomUUID(), randomUUID()];
    const calls: string[][] = [];
    const ctx = {};
    const find = async (ids: string[]) => {
      calls.push(ids);
      return ids.filter((id) => id !== missing).map((id) => ({ id, name: `row ${id}` }));
    };
    const loaded = await Promise.all([a, b, missing, a].map((id) => rowsById(ctx, 'rows', find).load(id)));
    expect(calls).toEqual([[a, b, missing]]);
    expect(loaded.map((r) => r?.id ?? null)).toEqual([a, b, null, a]);
  });

  it('never sends an id that is not a UUID to the query; a request of only such ids makes no call', async () => {
    const id = randomUUID();
    const calls: string[][] = [];
    const find = async (ids: string[]) => {
      calls.push(ids);
      return ids.map((x) => ({ id: x }));
    };
    const ctx = {};
    expect(await Promise.all([rowsById(ctx, 'rows', find).load('not-a-uuid'), rowsById(ctx, 'rows', find).load(id)])).toEqual([null, { id }]);
    expect(calls).toEqual([[id]]);
    expect(await rowsById({}, 'rows', find).load("1' or '1'='1")).toBeNull();
    expect(calls).toHaveLength(1);
  });

  it('keeps requests apart: another context loads again', async () => {
    const id = randomUUID();
    let calls = 0;
    const find = async (ids: string[]) => {
      calls++;
      return ids.map((x) => ({ id: x }));
    };
    await rowsById({}, 'rows', find).load(id);
    await rowsById({}, 'rows', find).load(id);
    expect(calls).toBe(2);
  });
});
