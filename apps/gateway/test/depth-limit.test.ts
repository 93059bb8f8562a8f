import { buildSchema, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { depthLimit } from '../src/depth-limit';

const schema = buildSchema('type Node { id: ID, child: Node } type Query { root: Node }');
const errorsFor = (q: string, max: number) => validate(schema, parse(q), [depthLimit(max)]).map((e) => e.extensions.code);
const nested = (n: number) => `{ root ${'{ child '.repeat(n - 1)}{ id }${' }'.repeat(n - 1)} }`;

describe('depthLimit', () => {
  it('lets a query at the limit through and refuses one level more', () => {
    expect(errorsFor(nested(4), 5)).toEqual([]);
    expect(errorsFor(nested(5), 5)).toEqual(['QUERY_TOO_DEEP']);
  });
  it('follows fragments and ignores introspection fields', () => {
    const q = 'fragment A on Node { child { child { id } } } fragment B on Node { child { ...A } } { root { ...B __typename } }';
    expect(errorsFor(q, 4)).toEqual(['QUERY_TOO_DEEP']);
    expect(errorsFor(q, 5)).toEqual([]);
  });
  it('survives a fragment cycle without looping', () => {
    const q = 'fragment A on Node { child { ...A } } { root { ...A } }';
    expect(() => validate(schema, parse(q), [depthLimit(10)])).not.toThrow();
  });
});
