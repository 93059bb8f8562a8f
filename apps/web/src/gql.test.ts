// @vitest-environment node
// The committed generated code is current: api-schema.graphql is the supergraph's API schema, and
// src/gql/ is what `pnpm codegen` makes from it and the `graphql(...)` documents in src. On a
// failure, run `pnpm --filter @hotline/web codegen` (or `node scripts/bootstrap.mjs schema`).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from '@graphql-codegen/cli';
import { describe, expect, it } from 'vitest';
import config from '../codegen';
import { API_SCHEMA_PATH, apiSchemaSdl } from '../scripts/api-schema.mjs';

const web = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

describe('generated GraphQL code', () => {
  it('api-schema.graphql is the supergraph API schema (no @inaccessible fields)', () => {
    const sdl = apiSchemaSdl();
    expect(sdl).not.toContain('@inaccessible');
    expect(sdl).not.toContain('join__');
    expect(readFileSync(API_SCHEMA_PATH, 'utf8')).toBe(sdl);
  });

  it('src/gql/ is what codegen generates now', async () => {
    const outputs = (await generate({ ...config, cwd: web, silent: true }, false)) as { filename: string; content: string }[];
    expect(outputs.length).toBeGreaterThan(0);
    for (const { filename, content } of outputs) {
      const committed = readFileSync(path.resolve(web, filename), 'utf8');
      expect(committed, `${filename} is stale: run pnpm codegen`).toBe(content);
    }
  }, 180_000);
});
