import { buildSchema, parse, validate, OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { depthLimit, operationCost } from '../src/query-limits';

const schema = buildSchema(`
  type Department { id: ID! name: String! }
  type Reply { text: String! department: Department }
  type Case { id: ID! title: String! replies: [Reply!]! department: Department }
  union _Entity = Case
  type Node { id: ID, child: Node }
  type Query { cases(limit: Int): [Case!]! case(id: ID!): Case root: Node _entities(representations: [String!]!): [_Entity]! }
`);
const cost = (q: string, variables: Record<string, unknown> = {}) => {
  const doc = parse(q);
  return operationCost(schema, doc, doc.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode, variables);
};

describe('operationCost', () => {
  it('counts every field, times the list size the limit argument asks for (variables resolved)', () => {
    expect(cost('{ case(id: "1") { id title } }')).toBe(3);
    expect(cost('{ cases(limit: 500) { id title } }')).toBe(500 * 3);
    expect(cost('query($n: Int) { cases(limit: $n) { id } }', { n: 40 })).toBe(40 * 2);
    // A nested list without a limit counts as 5; fragments are followed.
    expect(cost('fragment F on Case { replies { text department { name } } } { cases(limit: 10) { id ...F } }')).toBe(10 * (1 + 1 + 5 * (1 + 1 + 2)));
  });

  it('counts aliases: 300 aliases of cases(limit: 500) cost 300 times one', () => {
    const bomb = `{ ${Array.from({ length: 300 }, (_, i) => `a${i}: cases(limit: 500) { id }`).join(' ')} }`;
    expect(cost(bomb)).toBe(300 * 500 * 2);
  });

  it('sizes _entities by its representations and follows the inline fragment to the concrete type', () => {
    const q = 'query($r: [String!]!) { _entities(representations: $r) { ... on Case { id replies { text } } } }';
    expect(cost(q, { r: Array(100).fill('x') })).toBe(100 * (1 + 1 + 5 * 2));
  });
});

describe('depthLimit', () => {
  const errorsFor = (q: string, max: number) => validate(schema, parse(q), [depthLimit(max)]).map((e) => e.extensions.code);
  const nested = (n: number) => `{ root ${'{ child '.repeat(n - 1)}{ id }${' }'.repeat(n - 1)} }`;
  it('lets a query at the limit through and refuses one level more, fragments followed', () => {
    expect(errorsFor(nested(4), 5)).toEqual([]);
    expect(errorsFor(nested(5), 5)).toEqual(['QUERY_TOO_DEEP']);
    expect(() => validate(schema, parse('fragment A on Node { child { ...A } } { root { ...A } }'), [depthLimit(10)])).not.toThrow();
  });
});
