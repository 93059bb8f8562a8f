import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { composeSupergraph } from '../src/compose';
import { SUBGRAPHS, subgraphSdlPath, supergraphPath } from '../src/subgraphs';

describe('the committed schemas', () => {
  for (const s of SUBGRAPHS) {
    it(`${s.name}/schema.graphql is what the code prints (run \`npm run schema\` when this fails)`, () => {
      const printed = execFileSync(process.execPath, [path.resolve(__dirname, '..', '..', s.name, 'dist', 'print-schema.js')], { encoding: 'utf8' });
      expect(fs.readFileSync(subgraphSdlPath(s.name), 'utf8')).toBe(printed);
    });
  }
  it('compose without errors into the committed supergraph', () => {
    expect(fs.readFileSync(supergraphPath, 'utf8')).toBe(composeSupergraph());
  });
});
