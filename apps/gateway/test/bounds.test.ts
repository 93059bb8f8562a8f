import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { GraphQLClient } from '@hotline/testing';
import { as, gatewayUrl, receive } from './helpers';
import { zipOf } from './intake-files';

const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const SEARCH = 'query($f: CaseSearchInput!) { searchCases(filter: $f) { total } }';

/** How long a call took, and its answer. */
async function timed<T>(f: () => Promise<T>): Promise<{ ms: number; r: T }> {
  const t0 = Date.now();
  const r = await f();
  return { ms: Date.now() - t0, r };
}

/** Every `queries.ts` under the web's `src/features` (where the client's documents are written). */
function queryFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? queryFiles(p) : e.name === 'queries.ts' ? [p] : [];
  });
}

/** A web query as the client sends it: its document text with the fragments it spreads appended. */
function webQuery(file: string, name: string): string {
  const features = path.resolve(__dirname, '..', '..', 'web', 'src', 'features');
  const sources = [path.join(features, file), ...queryFiles(features)].map((f) => fs.readFileSync(f, 'utf8')).join('\n');
  // Both forms: gql`…` (hand-typed features) and graphql(`…`) (generated types).
  const blocks = [...sources.matchAll(/(?:gql|graphql\()`([\s\S]*?)`/g)].map((m) => m[1].replace(/\$\{[A-Z_]+\}/g, ''));
  const op = blocks.find((b) => new RegExp(`query ${name}\\b`).test(b));
  if (!op) throw new Error(`no query ${name} in ${file}`);
  // Only the fragments it spreads (GraphQL refuses a document with an unused one), and theirs.
  const byName = new Map(
    blocks.flatMap((b) => {
      const m = /^\s*fragment (\w+)/.exec(b);
      return m ? [[m[1], b] as const] : [];
    }),
  );
  const used = new Set<string>();
  const visit = (text: string) => {
    for (const [, f] of text.matchAll(/\.\.\.(\w+)/g))
      if (byName.has(f) && !used.has(f)) {
        used.add(f);
        visit(byName.get(f)!);
      }
  };
  visit(op);
  return [op, ...[...used].map((f) => byName.get(f)!)].join('\n');
}

describe('no single request can ask for unbounded work', () => {
  let duty: GraphQLClient;
  let admin: GraphQLClient;
  beforeAll(async () => {
    [duty, admin] = await Promise.all([as('duty'), as('admin')]);
  });

  it('a 500 KB search text is refused at once with a coded error, and so is a search text over 100 characters', async () => {
    const { ms, r } = await timed(() => duty.raw(SEARCH, { f: { text: '漏水'.repeat(20) + 'x'.repeat(500 * 1024) } }));
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INPUT_TOO_LONG' });
    expect(r.status).toBe(400);
    expect(ms).toBeLessThan(2_000);
    const inline = await duty.raw(`{ searchCases(filter: { text: "${'漏'.repeat(30_000)}" }) { total } }`);
    expect(inline.errors?.[0].extensions?.reason).toBe('INPUT_TOO_LONG');
    const long = await duty.raw(SEARCH, { f: { text: '漏'.repeat(101) } });
    expect(long.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT', details: { field: 'text' } });
    expect((await duty.raw(SEARCH, { f: { text: '漏'.repeat(100) } })).errors).toBeUndefined();
  });

  it('300 aliases of cases(limit: 500) are refused by cost before any subgraph runs', async () => {
    const bomb = `{ ${Array.from({ length: 300 }, (_, i) => `a${i}: cases(limit: 500) { id title }`).join(' ')} }`;
    const { ms, r } = await timed(() => duty.raw(bomb));
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_COSTLY' });
    expect(r.data ?? null).toBeNull();
    expect(ms).toBeLessThan(2_000);
    // The same at a subgraph reached directly with a valid token: the gateway is not the only door.
    const direct = await new GraphQLClient(`${inject('subgraphUrls').intake}/graphql`, duty.token).raw(
      `{ ${Array.from({ length: 300 }, (_, i) => `a${i}: cases(limit: 500) { id title content }`).join(' ')} }`,
    );
    expect(direct.errors?.[0].extensions?.reason).toBe('QUERY_TOO_COSTLY');
  });

  it("the web client's heaviest queries stay under the limits", async () => {
    const supervisor = await as('supervisor'); // 延期审批 is the supervisor's
    for (const [file, name, client] of [
      ['review/queries.ts', 'PendingExtensions', supervisor],
      ['review/queries.ts', 'ReviewQueue', duty],
    ] as const) {
      const r = await client.raw(webQuery(file, name));
      expect(r.errors, `${name}: ${JSON.stringify(r.errors)}`).toBeUndefined();
    }
  });

  it('a subgraph reached directly offers no introspection, limits depth, and serves nothing without a token but login', async () => {
    const urls = inject('subgraphUrls');
    for (const name of ['identity', 'intake', 'dispatch']) {
      const url = `${urls[name]}/graphql`;
      const anon = new GraphQLClient(url);
      const schema = await anon.raw('{ __schema { types { name } } }');
      expect(schema.data ?? null, name).toBeNull();
      expect(schema.errors?.[0].extensions?.code, name).toBe('GRAPHQL_VALIDATION_FAILED');
      const sdl = await anon.raw('{ _service { sdl } }');
      expect(sdl.status, name).toBe(401);
      expect(sdl.errors?.[0].extensions?.code, name).toBe('UNAUTHENTICATED');
      expect(sdl.data ?? null, name).toBeNull();
      const withToken = new GraphQLClient(url, duty.token);
      const intro = await withToken.raw('{ __schema { queryType { name } } }');
      expect(intro.data ?? null, name).toBeNull();
      expect(intro.errors?.[0].extensions?.code, name).toBe('GRAPHQL_VALIDATION_FAILED');
      const deep = await withToken.raw(`{ x ${'{ a '.repeat(14)}${'} '.repeat(14)}}`);
      expect(
        deep.errors?.some((e) => e.message.includes('嵌套层级 15 超过上限 12')),
        name,
      ).toBe(true);
    }
    // identity :4101 does not name a user for an id without a token (issue 17).
    const me = await duty.request<{ me: { id: string } }>('{ me { id } }');
    const entities = await new GraphQLClient(`${urls.identity}/graphql`).raw(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id displayName role } } }',
      { r: [{ __typename: 'User', id: me.me.id }] },
    );
    expect(entities.status).toBe(401);
    expect(entities.data ?? null).toBeNull();
    const login = await new GraphQLClient(`${urls.identity}/graphql`).raw('mutation { login(username: "duty", password: "demo12345") { token } }');
    expect(login.errors).toBeUndefined();
  });

  it('an .xlsx that expands to 80 MiB is refused at upload, quickly, before any job starts', async () => {
    const bomb = zipOf({
      '[Content_Types].xml': CONTENT_TYPES,
      'xl/workbook.xml': '<workbook/>',
      'xl/worksheets/sheet1.xml': Buffer.alloc(80 * 1024 * 1024, 0x61),
    });
    expect(bomb.length).toBeLessThan(300 * 1024);
    const jobsBefore = (await duty.request<{ importJobs: unknown[] }>('{ importJobs(limit: 500) { id } }')).importJobs.length;
    const { ms, r } = await timed(() =>
      fetch(`${gatewayUrl()}/imports?fileName=${encodeURIComponent('年度工单.xlsx')}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${duty.token}`, 'content-type': 'application/octet-stream' },
        body: new Uint8Array(bomb),
      }),
    );
    expect(r.status).toBe(400);
    expect((await r.json()).error).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ARCHIVE_TOO_LARGE' });
    expect(ms).toBeLessThan(2_000);
    expect((await duty.request<{ importJobs: unknown[] }>('{ importJobs(limit: 500) { id } }')).importJobs.length).toBe(jobsBefore);
  });

  it('a .docx-shaped zip carrying an .exe is refused as an attachment', async () => {
    const c = await receive(duty);
    const program = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(60), Buffer.from('This program cannot be run in DOS mode.')]);
    for (const [label, file] of [
      ['by name', zipOf({ '[Content_Types].xml': CONTENT_TYPES, 'word/document.xml': '<w:document/>', 'word/setup.exe': program })],
      [
        'by its bytes',
        zipOf({
          '[Content_Types].xml': CONTENT_TYPES,
          'word/document.xml': '<w:document/>',
          'word/embeddings/oleObject1.bin': Buffer.concat([Buffer.alloc(200, 1), program]),
        }),
      ],
    ] as const) {
      const res = await fetch(`${gatewayUrl()}/cases/${c.id}/attachments?fileName=${encodeURIComponent('情况说明.docx')}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${admin.token}`, 'content-type': 'application/octet-stream' },
        body: new Uint8Array(file),
      });
      expect(res.status, label).toBe(400);
      expect((await res.json()).error, label).toMatchObject({ reason: 'ARCHIVE_HAS_EXECUTABLE' });
    }
    const after = await duty.request<{ case: { attachments: unknown[] } }>('query($id: ID!) { case(id: $id) { attachments { name } } }', { id: c.id });
    expect(after.case.attachments).toEqual([]);
  });
});
