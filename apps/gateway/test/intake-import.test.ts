import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectEvents, eventually, GraphQLClient } from '@hotline/testing';
import { as, gatewayUrl } from './helpers';
import { csvOf, HEADERS, orderRows, xlsxOf } from './intake-files';

interface Job {
  id: string;
  status: string;
  progress: number;
  totalRows: number;
  processedRows: number;
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  errorCount: number;
  durationMs: number | null;
  message: string | null;
  errorReportUrl: string;
  errors: Array<{ row: number; column: string; reason: string }>;
}
const JOB =
  'query($id: ID!) { importJob(id: $id) { id status progress totalRows processedRows createdCount updatedCount unchangedCount errorCount durationMs message errorReportUrl errors { row column reason } } }';

async function upload(client: GraphQLClient | null, body: Buffer, fileName: string, mapping?: string) {
  const qs = new URLSearchParams({ fileName, ...(mapping ? { mapping } : {}) });
  return fetch(`${gatewayUrl()}/imports?${qs}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', ...(client ? { authorization: `Bearer ${client.token}` } : {}) },
    body: new Uint8Array(body),
  });
}

/** Uploads, then polls the job like the client does, keeping every progress value it saw. */
async function importFile(duty: GraphQLClient, body: Buffer, fileName: string, mapping?: string) {
  const res = await upload(duty, body, fileName, mapping);
  expect(res.status).toBe(202);
  const { jobId } = await res.json();
  const seen: Array<{ status: string; progress: number }> = [];
  const job = await eventually(
    async () => {
      const j = (await duty.request<{ importJob: Job }>(JOB, { id: jobId })).importJob;
      seen.push({ status: j.status, progress: j.progress });
      return (j.status === 'succeeded' || j.status === 'failed') && j;
    },
    { timeoutMs: 120_000, intervalMs: 150, what: `import job ${jobId}` },
  );
  return { job, seen };
}

const search = async (c: GraphQLClient, externalNo: string) =>
  (
    await c.request<{
      searchCases: {
        total: number;
        items: Array<{
          id: string;
          title: string;
          channel: string;
          stage: string;
          citizenPhone: string;
          confidential: boolean;
          receivedAt: string;
          timeline: Array<{ type: string; detail: string | null }>;
        }>;
      };
    }>(
      'query($f: CaseSearchInput!) { searchCases(filter: $f) { total items { id title channel stage citizenPhone confidential receivedAt timeline { type detail } } } }',
      { f: { externalNo } },
    )
  ).searchCases;

describe('import from the district platform export (.xlsx / .csv)', () => {
  let duty: GraphQLClient;
  const prefix = `Y${randomUUID().slice(0, 6)}`;
  let year: Buffer;

  beforeAll(async () => {
    duty = await as('duty');
    // A year of history: every row completed (办结), so the shared 待签收 queue stays as it was.
    year = await xlsxOf(HEADERS, orderRows(13_000, prefix, 2025, true));
  });

  it('imports a year (13,000 rows of .xlsx) in well under a minute, with progress to poll', async () => {
    const unsignedBefore = (await duty.request<{ unsignedSummary: { count: number } }>('{ unsignedSummary { count } }')).unsignedSummary.count;
    const t0 = Date.now();
    const { job, seen } = await importFile(duty, year, '2025年全年工单.xlsx');
    const wall = Date.now() - t0;
    console.log(`[import] 13,000 rows (.xlsx, ${(year.length / 1024 / 1024).toFixed(1)} MB): job ${job.durationMs} ms, upload to done ${wall} ms`);
    expect(job.message).toContain('新增 13000 件');
    expect(job).toMatchObject({ status: 'succeeded', totalRows: 13_000, createdCount: 13_000, updatedCount: 0, unchangedCount: 0, errorCount: 0, progress: 1 });
    // The client saw it run: intermediate states with a progress that never goes back.
    expect(seen.some((s) => s.status === 'validating' || s.status === 'importing' || s.status === 'queued')).toBe(true);
    for (let i = 1; i < seen.length; i++) expect(seen[i].progress).toBeGreaterThanOrEqual(seen[i - 1].progress);

    const one = await search(duty, `${prefix}-000051`);
    expect(one.items[0]).toMatchObject({ channel: 'import', confidential: true, stage: 'completed', receivedAt: expect.stringMatching(/^2025-/) });
    expect((await duty.request<{ unsignedSummary: { count: number } }>('{ unsignedSummary { count } }')).unsignedSummary.count).toBe(unsignedBefore);
    expect(one.items[0].citizenPhone).toMatch(/^13\d\*{4}\d{4}$/);
    // History arrives 已办结: it is never signed backwards into the duty queue.
    const sign = await duty.raw('mutation($id: ID!) { signCase(id: $id) { id } }', { id: one.items[0].id });
    expect(sign.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_AWAITING_SIGNATURE' });
    expect((await search(duty, `${prefix}-000051`)).items[0].stage).toBe('completed');

    // Every imported order reaches the timeline through the event stream (the consumers catch up).
    const last = await eventually(
      async () => {
        const c = (await search(duty, `${prefix}-013000`)).items[0];
        return c.timeline.some((t) => t.type === 'hotline.case.received') && c;
      },
      { timeoutMs: 120_000, intervalMs: 500, what: 'the last imported order on its timeline' },
    );
    console.log(`[import] events of 13,000 orders consumed by intake's timeline ${Date.now() - t0} ms after the upload`);
    expect(last.channel).toBe('import');
  }, 240_000);

  it('importing the same file again changes nothing', async () => {
    const { job } = await importFile(duty, year, '2025年全年工单（重复上传）.xlsx');
    expect(job).toMatchObject({ status: 'succeeded', createdCount: 0, updatedCount: 0, unchangedCount: 13_000 });
    expect((await search(duty, prefix)).total).toBe(13_000);
  });

  it('a changed row updates its case, with an audit record and an event; the others stay as they are', async () => {
    const partner = await collectEvents(inject('natsUrl'), 'hotline.case.updated');
    try {
      const rows = orderRows(3, `${prefix}C`, 2025, true);
      expect((await importFile(duty, csvOf(HEADERS, rows), 'three.csv')).job.createdCount).toBe(3);
      rows[1][13] = '二期交房再次推迟（区平台更新）';
      const { job } = await importFile(duty, csvOf(HEADERS, rows), 'three-updated.csv');
      expect(job).toMatchObject({ status: 'succeeded', createdCount: 0, updatedCount: 1, unchangedCount: 2 });
      const changed = await eventually(
        async () => {
          const c = (await search(duty, `${prefix}C-000002`)).items[0];
          return c.timeline.some((t) => t.type === 'hotline.case.updated') && c;
        },
        { timeoutMs: 60_000, what: 'the update on the timeline' },
      );
      expect(changed.title).toBe('二期交房再次推迟（区平台更新）');
      const e = await eventually(async () => partner.messages.find((m) => m.json.caseId === changed.id), { what: 'the updated event' });
      expect((e.json.data as { fields: string[] }).fields).toEqual(['title']);
      // The new title digest, as hotline.case.received carries it, for dispatch's projection; never personal data.
      expect((e.json.data as { after: unknown }).after).toEqual({ title: '二期交房再次推迟（区平台更新）' });
      for (const personal of [rows[1][3], rows[1][4], rows[1][7]]) expect(e.data).not.toContain(personal);
    } finally {
      await partner.close();
    }
  }, 120_000);

  it('a file with bad rows imports nothing and reports each problem by row, column and reason', async () => {
    const rows = orderRows(6, `${prefix}B`);
    rows[1][4] = 'call me'; // row 3: phone
    rows[2][1] = '2025年13月1日'; // row 4: time
    rows[3][15] = '闲聊'; // row 5: request type
    rows[4][13] = ''; // row 6: title
    rows[5][0] = rows[0][0]; // row 7: duplicate number
    const { job } = await importFile(duty, csvOf(HEADERS, rows), 'bad.csv');
    expect(job.status).toBe('failed');
    expect(job.createdCount).toBe(0);
    expect(job.errors).toEqual(
      expect.arrayContaining([
        { row: 3, column: '联系电话', reason: '联系电话格式不正确' },
        { row: 4, column: '受理时间', reason: expect.stringContaining('时间格式不正确') },
        { row: 5, column: '诉求类型', reason: expect.stringContaining('诉求类型「闲聊」无效') },
        { row: 6, column: '标题', reason: '必填' },
        { row: 7, column: '工单编号', reason: '工单编号与第 2 行重复' },
      ]),
    );
    expect(job.errorCount).toBe(5);
    expect((await search(duty, `${prefix}B`)).total).toBe(0); // not even the good row 2

    const report = await fetch(`${gatewayUrl()}${job.errorReportUrl}`, { headers: { authorization: `Bearer ${duty.token}` } });
    expect(report.status).toBe(200);
    expect(report.headers.get('content-type')).toContain('text/csv');
    const bytes = Buffer.from(await report.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]); // BOM: Excel reads it as UTF-8
    const text = bytes.subarray(3).toString('utf8');
    expect(text.startsWith('"行号","列","原因"')).toBe(true);
    expect(text).toContain('"3","联系电话","联系电话格式不正确"');
    expect(text.split('\r\n').filter(Boolean)).toHaveLength(6);
  });

  it('a saved column mapping reads another layout; a missing required column is reported', async () => {
    const headers = HEADERS.map((h) => (h === '工单编号' ? '编号' : h === '诉求内容' ? '来电内容' : h));
    const missing = await importFile(duty, csvOf(headers, orderRows(2, `${prefix}M`, 2025, true)), 'other-layout.csv');
    expect(missing.job.status).toBe('failed');
    expect(missing.job.errors).toContainEqual({ row: 1, column: '工单编号', reason: '缺少必需的列「工单编号」' });

    const name = `区平台新版导出-${prefix}`;
    await duty.request('mutation($n: String!, $c: [ImportColumnInput!]!) { saveImportMapping(name: $n, columns: $c) { id } }', {
      n: name,
      c: [
        { field: 'externalNo', header: '编号' },
        { field: 'content', header: '来电内容' },
      ],
    });
    const mapped = await importFile(duty, csvOf(headers, orderRows(2, `${prefix}M`, 2025, true)), 'other-layout.csv', name);
    expect(mapped.job).toMatchObject({ status: 'succeeded', createdCount: 2 });
    const saved = await duty.request<{ importMappings: Array<{ name: string; mappedColumns: Array<{ field: string; header: string }> }> }>(
      '{ importMappings { name mappedColumns { field header } } }',
    );
    expect(saved.importMappings.find((m) => m.name === name)?.mappedColumns).toContainEqual({ field: 'externalNo', header: '编号' });
  });

  it('only signed-in duty operators and admins may upload', async () => {
    expect((await upload(null, csvOf(HEADERS, orderRows(1, `${prefix}X`)), 'x.csv')).status).toBe(401);
    const handler = await as('handler-property');
    const r = await upload(handler, csvOf(HEADERS, orderRows(1, `${prefix}X`)), 'x.csv');
    expect(r.status).toBe(403);
    const pdf = await upload(duty, Buffer.from('%PDF-1.4'), 'x.pdf');
    expect(pdf.status).toBe(400);
    expect((await pdf.json()).error.reason).toBe('UNSUPPORTED_FORMAT');
    expect((await search(duty, `${prefix}X`)).total).toBe(0);
  });
});
