import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse } from 'graphql';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..', '..');
const supergraph = parse(fs.readFileSync(path.join(root, 'apps', 'gateway', 'supergraph.graphql'), 'utf8'));
const security = fs.readFileSync(path.join(root, 'docs', 'security.md'), 'utf8');

/** The operations of the composed schema: every field of Query and Mutation. */
function operations(): string[] {
  const names: string[] = [];
  for (const d of supergraph.definitions) {
    if ((d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) && ['Query', 'Mutation'].includes(d.name.value)) {
      for (const f of d.fields ?? []) names.push(f.name.value);
    }
  }
  return names;
}

describe('docs/security.md lists every operation with its roles', () => {
  const roles = security.slice(security.indexOf('## Roles'), security.indexOf('## Personal data'));

  it('names each query and mutation of the supergraph in the roles section', () => {
    const ops = operations();
    expect(ops.length).toBeGreaterThan(50);
    const missing = ops.filter((op) => !new RegExp(`\`${op}[\`(]`).test(roles));
    expect(missing, 'operations docs/security.md does not list (add them with their roles)').toEqual([]);
  });

  it('lists the HTTP routes beside GraphQL', () => {
    for (const route of [
      '/open311/v2/requests',
      'POST /imports',
      'POST /cases/{id}/attachments',
      'GET /cases/{id}/attachments/{aid}',
      'POST /oauth/token',
      '/.well-known/jwks.json',
      'GET /metrics',
      'GET /healthz',
    ]) {
      expect(roles, route).toContain(route);
    }
  });
});
