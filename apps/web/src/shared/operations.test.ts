// @vitest-environment node
// Every GraphQL operation the client sends must validate against the gateway's composed
// schema (apps/gateway/supergraph.graphql). Skipped when the gateway has not printed it.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildSchema, validate, type DocumentNode } from 'graphql';
import { describe, expect, it } from 'vitest';

const supergraphPath = fileURLToPath(new URL('../../../gateway/supergraph.graphql', import.meta.url));
const modules = import.meta.glob<Record<string, unknown>>(['../**/queries.ts', './fragments.ts'], { eager: true });

function operations(): [string, DocumentNode][] {
  const found: [string, DocumentNode][] = [];
  for (const [file, exports] of Object.entries(modules)) {
    for (const [name, value] of Object.entries(exports)) {
      const doc = value as DocumentNode | null;
      // Fragment-only documents are validated where they are used.
      if (doc && typeof doc === 'object' && doc.kind === 'Document' && doc.definitions.some((d) => d.kind === 'OperationDefinition')) {
        found.push([`${file}#${name}`, doc]);
      }
    }
  }
  return found;
}

describe('operations against the supergraph', () => {
  it('finds the operations', () => {
    expect(operations().length).toBeGreaterThan(15);
  });

  it('validates every operation', () => {
    const schema = buildSchema(readFileSync(supergraphPath, 'utf8'));
    const problems = operations().flatMap(([name, doc]) => validate(schema, doc).map((e) => `${name}: ${e.message}`));
    expect(problems).toEqual([]);
  });
});
