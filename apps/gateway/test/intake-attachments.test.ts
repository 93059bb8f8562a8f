import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectEvents, eventually, GraphQLClient } from '@hotline/testing';
import { departments, dispatched, refusal } from './dispatch-helpers';
import { as, gatewayUrl, receive } from './helpers';
import { csvOf, HEADERS, orderRows } from './intake-files';

type Partner = Awaited<ReturnType<typeof collectEvents>>;

interface Attachment {
  id: string | null;
  name: string;
  url: string;
  contentType: string | null;
  size: number | null;
}
interface ApiError {
  error: { code: string; reason: string; message: string };
}

/** A 1×1 PNG and a small PDF: real files, as a phone camera and a scanner would give them. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
/** A Windows executable and an HTML page, both named like a photo. */
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(200, 0x41)]);
const HTML = Buffer.from('<!DOCTYPE html><html><body><script>fetch("/graphql")</script></body></html>');
/** ATTACHMENT_MAX_BYTES (default 20 MB) + 1, starting like a PNG. */
const MAX_BYTES = 20 * 1024 * 1024;

const ATTACHMENTS = 'query($id: ID!) { case(id: $id) { id attachments { id name url contentType size } } }';

async function upload(client: GraphQLClient | null, caseId: string, body: Buffer, fileName: string, contentType = 'application/octet-stream', token?: string) {
  const auth = token ?? (client ? `Bearer ${client.token}` : undefined);
  return fetch(`${gatewayUrl()}/cases/${caseId}/attachments?fileName=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    headers: { 'content-type': contentType, ...(auth ? { authorization: auth } : {}) },
    body: new Uint8Array(body),
  });
}

async function download(client: GraphQLClient | null, url: string) {
  return fetch(`${gatewayUrl()}${url}`, { headers: client ? { authorization: `Bearer ${client.token}` } : {} });
}

const bytesOf = async (res: Response) => Buffer.from(await res.arrayBuffer());
const attachmentsOf = async (client: GraphQLClient, caseId: string) =>
  (await client.request<{ case: { attachments: Attachment[] } }>(ATTACHMENTS, { id: caseId })).case.attachments;

const REMOVE =
  'mutation($caseId: ID!, $attachmentId: ID!, $reason: String!) { removeAttachment(caseId: $caseId, attachmentId: $attachmentId, reason: $reason) { id attachments { id name url contentType size } } }';
/** 撤回附件: the raw answer, errors included. */
const remove = (client: GraphQLClient, caseId: string, attachmentId: string, reason: string) =>
  client.raw<{ removeAttachment: { id: string; attachments: Attachment[] } }>(REMOVE, { caseId, attachmentId, reason });
/** A plain-text file no other test uploads (so no other case shares its bytes). */
const uniqueText = (what: string) => Buffer.from(`市民来电记录（${what}）：${randomUUID()}\n`);
/** The 404 of a file that never existed: what a removed one must answer too. */
const missingBody = async (client: GraphQLClient, caseId: string) =>
  (await download(client, `/cases/${caseId}/attachments/00000000-0000-4000-8000-000000000000`)).json();

describe('附件: files uploaded to a case, stored by intake, downloaded with a token and audited', () => {
  let duty: GraphQLClient;
  let admin: GraphQLClient;
  let property: GraphQLClient;
  let housing: GraphQLClient;
  let partner: Partner;
  let dept: Record<string, string>;

  beforeAll(async () => {
    partner = await collectEvents(inject('natsUrl'), 'hotline.case.attachment-added');
    [duty, admin, property, housing] = await Promise.all(['duty', 'admin', 'handler-property', 'handler-housing'].map((u) => as(u)));
    dept = await departments(duty);
  });
  afterAll(async () => {
    await partner?.close();
  });

  it('duty uploads a PNG and a PDF: listed on the case, the type from the bytes, the same bytes on download', async () => {
    const c = await receive(duty);
    // The client's content type and the name's extension are ignored: the bytes decide.
    const png = await upload(duty, c.id, PNG, '现场照片.png', 'application/pdf');
    expect(png.status).toBe(201);
    const a = (await png.json()) as Attachment;
    expect(a).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: '现场照片.png',
      url: `/cases/${c.id}/attachments/${a.id}`,
      contentType: 'image/png',
      size: PNG.length,
    });
    const pdf = await upload(duty, c.id, PDF, '购房合同', 'image/jpeg');
    expect(pdf.status).toBe(201);
    const b = (await pdf.json()) as Attachment;
    expect(b).toMatchObject({ name: '购房合同.pdf', contentType: 'application/pdf', size: PDF.length });

    expect(await attachmentsOf(duty, c.id)).toEqual([a, b]);

    const res = await download(duty, a.url);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('现场照片.png')}`);
    expect((await bytesOf(res)).equals(PNG)).toBe(true);
    const res2 = await download(duty, b.url);
    expect(res2.headers.get('content-type')).toBe('application/pdf');
    expect((await bytesOf(res2)).equals(PDF)).toBe(true);

    // The timeline says a file was added — its type and size, not its name.
    const timeline = await eventually(
      async () => {
        const t = (
          await duty.request<{ case: { timeline: Array<{ type: string; label: string; detail: string | null; actorRole: string | null }> } }>(
            'query($id: ID!) { case(id: $id) { timeline { type label detail actorRole } } }',
            { id: c.id },
          )
        ).case.timeline.filter((x) => x.type === 'hotline.case.attachment-added');
        return t.length === 2 && t;
      },
      { what: 'both uploads on the timeline' },
    );
    expect(timeline.map((t) => t.detail)).toEqual([`PNG 图片 · ${PNG.length} B`, `PDF 文档 · ${PDF.length} B`]);
    expect(timeline.every((t) => t.label === '上传附件' && t.actorRole === 'duty')).toBe(true);
  });

  it('refuses an .exe or an HTML page named .jpg, an empty file and one over the limit — and writes nothing', async () => {
    const c = await receive(duty);
    const refused = async (res: Response, status: number, reason: string) => {
      expect(res.status).toBe(status);
      const body = (await res.json()) as ApiError;
      expect(body.error.reason).toBe(reason);
      expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
      return body;
    };
    const exe = await refused(await upload(duty, c.id, EXE, '现场照片.jpg', 'image/jpeg'), 400, 'UNSUPPORTED_FILE_TYPE');
    expect(exe.error.code).toBe('BAD_USER_INPUT');
    await refused(await upload(duty, c.id, HTML, 'photo.jpg', 'image/jpeg'), 400, 'UNSUPPORTED_FILE_TYPE');
    await refused(await upload(duty, c.id, Buffer.alloc(0), '空文件.png'), 400, 'EMPTY_FILE');
    const big = Buffer.concat([PNG, Buffer.alloc(MAX_BYTES + 1 - PNG.length)]);
    expect(big.length).toBe(MAX_BYTES + 1);
    const tooBig = await refused(await upload(duty, c.id, big, '大图.png', 'image/png'), 413, 'FILE_TOO_LARGE');
    expect(tooBig.error.message).toContain('20 MB');
    // Exactly the limit is fine.
    const atLimit = await upload(duty, c.id, big.subarray(0, MAX_BYTES), '正好 20MB.png', 'image/png');
    expect(atLimit.status).toBe(201);
    const ok = (await atLimit.json()) as Attachment;

    // Nothing of the refused uploads: the case lists only the accepted file, and partners saw one event for it.
    expect(await attachmentsOf(duty, c.id)).toEqual([ok]);
    await eventually(async () => partner.messages.some((m) => m.json.caseId === c.id), { what: "the accepted upload's event" });
    expect(partner.messages.filter((m) => m.json.caseId === c.id).map((m) => (m.json.data as { attachmentId: string }).attachmentId)).toEqual([ok.id]);
    const dl = await download(duty, ok.url);
    expect((await bytesOf(dl)).length).toBe(MAX_BYTES);
  }, 120_000);

  it('needs a token (401), refuses handlers uploading (403) and answers 404 for an unknown case', async () => {
    const c = await receive(duty);
    const none = await upload(null, c.id, PNG, 'a.png');
    expect(none.status).toBe(401);
    expect(((await none.json()) as ApiError).error.code).toBe('UNAUTHENTICATED');
    expect((await upload(null, c.id, PNG, 'a.png', 'image/png', 'Bearer not-a-token')).status).toBe(401);
    const handler = await upload(property, c.id, PNG, 'a.png');
    expect(handler.status).toBe(403);
    expect(((await handler.json()) as ApiError).error.code).toBe('FORBIDDEN');
    const unknown = await upload(duty, '00000000-0000-4000-8000-000000000000', PNG, 'a.png');
    expect(unknown.status).toBe(404);
    expect(await attachmentsOf(duty, c.id)).toEqual([]);

    const a = (await (await upload(admin, c.id, PNG, '管理员上传.png')).json()) as Attachment;
    expect((await download(null, a.url)).status).toBe(401);
  });

  it('a handler downloads only once the case is dispatched to their department; another department gets 404; every download is in the reveal log', async () => {
    const c = await dispatched(duty, { client: property, id: dept.property });
    const a = (await (await upload(duty, c.id, PNG, '业主张先生的房屋照片.png')).json()) as Attachment;
    const b = (await (await upload(duty, c.id, PDF, '合同.pdf')).json()) as Attachment;

    const other = await download(housing, a.url);
    expect(other.status).toBe(404);
    const otherBody = (await other.json()) as ApiError;
    expect(otherBody.error.code).toBe('NOT_FOUND');
    // An attachment that does not exist answers exactly the same: nothing leaks.
    const missing = await download(property, `/cases/${c.id}/attachments/00000000-0000-4000-8000-000000000000`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual(otherBody);
    // So does an id that is no UUID at all (it never reaches the database).
    const malformed = await download(property, `/cases/${c.id}/attachments/${'-'.repeat(36)}`);
    expect(malformed.status).toBe(404);
    expect(await malformed.json()).toEqual(otherBody);
    // The other department does not see the case's list either.
    expect((await housing.raw(ATTACHMENTS, { id: c.id })).errors?.[0].extensions?.code).toBe('NOT_FOUND');

    const own = await download(property, a.url);
    expect(own.status).toBe(200);
    expect((await bytesOf(own)).equals(PNG)).toBe(true);
    expect((await attachmentsOf(property, c.id)).map((x) => x.id)).toEqual([a.id, b.id]);
    const sup = await as('supervisor');
    expect((await download(sup, b.url)).status).toBe(200);

    const log = await admin.request<{
      revealLog: Array<{ kind: string; attachmentId: string | null; reason: string; fields: string[]; role: string; user: { username: string } }>;
    }>('query($id: ID!) { revealLog(caseId: $id) { kind attachmentId reason fields role user { username } } }', { id: c.id });
    // Newest first; the refused attempts (other department, unknown file) left no record.
    expect(log.revealLog).toEqual([
      { kind: 'attachment', attachmentId: b.id, reason: '下载附件 合同.pdf', fields: ['attachment'], role: 'supervisor', user: { username: 'supervisor' } },
      {
        kind: 'attachment',
        attachmentId: a.id,
        reason: '下载附件 业主张先生的房屋照片.png',
        fields: ['attachment'],
        role: 'handler',
        user: { username: 'handler-property' },
      },
    ]);
  });

  it('partners see hotline.case.attachment-added with type and size, never the file name', async () => {
    const c = await receive(duty);
    const a = (await (await upload(duty, c.id, PDF, '市民李四身份证复印件.pdf')).json()) as Attachment;
    const m = await eventually(async () => partner.messages.find((x) => x.json.caseId === c.id), { what: 'the attachment event' });
    expect(m.subject).toBe('hotline.case.attachment-added');
    expect(m.json).toMatchObject({ type: 'hotline.case.attachment-added', version: 1, source: 'intake', actor: { role: 'duty' } });
    expect(m.json.data).toEqual({ externalNo: c.externalNo, attachmentId: a.id, contentType: 'application/pdf', size: PDF.length });
    expect(m.data).not.toContain('李四');
    expect(m.data).not.toContain('身份证');
  });

  it('counts uploads per case under concurrency: at most 20 (ATTACHMENT_MAX_PER_CASE)', async () => {
    const c = await receive(duty);
    // The same bytes every time (stored once); 24 at once — the case row lock keeps the count right.
    const results = await Promise.all(Array.from({ length: 24 }, (_, i) => upload(admin, c.id, PNG, `照片${i + 1}.png`)));
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.filter((s) => s === 400)).toHaveLength(4);
    const refusal = (await results.find((r) => r.status === 400)!.json()) as ApiError;
    expect(refusal.error.reason).toBe('TOO_MANY_ATTACHMENTS');
    const list = await attachmentsOf(duty, c.id);
    expect(list).toHaveLength(20);
    const last = await download(duty, list[19].url);
    expect((await bytesOf(last)).equals(PNG)).toBe(true);
  });

  it('a re-import of the district export replaces its links (附件 column) but keeps the uploaded files', async () => {
    const prefix = `ATT${Date.now().toString(36)}`;
    // A completed history row, so the shared 待签收 queue stays as it was.
    const rows = orderRows(1, prefix, 2025, true);
    rows[0][19] = 'https://files.example.gov.cn/district/a.pdf';
    const importCsv = async (body: Buffer) => {
      const res = await fetch(`${gatewayUrl()}/imports?fileName=${encodeURIComponent('附件导入.csv')}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${duty.token}`, 'content-type': 'text/csv' },
        body: new Uint8Array(body),
      });
      expect(res.status).toBe(202);
      const { jobId } = (await res.json()) as { jobId: string };
      return eventually(
        async () => {
          const j = (
            await duty.request<{ importJob: { status: string; createdCount: number; updatedCount: number } }>(
              'query($id: ID!) { importJob(id: $id) { status createdCount updatedCount } }',
              { id: jobId },
            )
          ).importJob;
          return (j.status === 'succeeded' || j.status === 'failed') && j;
        },
        { timeoutMs: 60_000, what: 'the import job' },
      );
    };
    expect(await importCsv(csvOf(HEADERS, rows))).toMatchObject({ status: 'succeeded', createdCount: 1 });
    const found = await duty.request<{ searchCases: { items: Array<{ id: string }> } }>(
      'query($f: CaseSearchInput!) { searchCases(filter: $f) { items { id } } }',
      { f: { externalNo: rows[0][0] } },
    );
    const caseId = found.searchCases.items[0].id;
    const uploaded = (await (await upload(duty, caseId, PNG, '补充照片.png')).json()) as Attachment;

    rows[0][19] = 'https://files.example.gov.cn/district/b.pdf';
    rows[0][13] = '区平台更新了标题和附件';
    expect(await importCsv(csvOf(HEADERS, rows))).toMatchObject({ status: 'succeeded', updatedCount: 1 });
    expect(await attachmentsOf(duty, caseId)).toEqual([
      { id: null, name: '附件1', url: 'https://files.example.gov.cn/district/b.pdf', contentType: null, size: null },
      uploaded,
    ]);
    // Importing the same file once more changes nothing (the uploaded file does not count as a difference).
    expect(await importCsv(csvOf(HEADERS, rows))).toMatchObject({ status: 'succeeded', updatedCount: 0 });
  });

  it('only /cases/<uuid>/attachments… goes to intake: the web app still serves /cases/<uuid>', async () => {
    const c = await receive(duty);
    const page = await fetch(`${gatewayUrl()}/cases/${c.id}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('<div id="root"');
    const api = await fetch(`${gatewayUrl()}/cases/${c.id}/attachments/00000000-0000-4000-8000-000000000000`);
    expect(api.status).toBe(401);
    expect(api.headers.get('content-type')).toContain('application/json');
  });
});

describe('撤回附件: the bureau takes back a wrongly uploaded file — deleted for good, audited, announced without name or reason', () => {
  let duty: GraphQLClient;
  let admin: GraphQLClient;
  let property: GraphQLClient;
  let removed: Partner;

  beforeAll(async () => {
    removed = await collectEvents(inject('natsUrl'), 'hotline.case.attachment-removed');
    [duty, admin, property] = await Promise.all(['duty', 'admin', 'handler-property'].map((u) => as(u)));
  });
  afterAll(async () => {
    await removed?.close();
  });

  const removedEventsOf = (caseId: string) => removed.messages.filter((m) => m.json.caseId === caseId);

  it('duty removes one of two identical files: gone from the case, 404 on download, the twin still downloads; once both are gone the same bytes upload afresh', async () => {
    const c = await receive(duty);
    const same = uniqueText('王五身份证复印件');
    const a = (await (await upload(duty, c.id, same, '王五身份证复印件.txt')).json()) as Attachment;
    const b = (await (await upload(duty, c.id, same, '王五身份证复印件（再次）.txt')).json()) as Attachment;
    const pdf = (await (await upload(duty, c.id, PDF, '购房合同.pdf')).json()) as Attachment;
    expect(await attachmentsOf(duty, c.id)).toEqual([a, b, pdf]);

    const r = await remove(duty, c.id, a.id!, '  误传了其他市民的身份证复印件  ');
    expect(r.errors).toBeUndefined();
    expect(r.data!.removeAttachment).toEqual({ id: c.id, attachments: [b, pdf] });
    expect(await attachmentsOf(duty, c.id)).toEqual([b, pdf]);

    // The removed file answers exactly like one that never existed.
    const gone = await download(duty, a.url);
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual(await missingBody(duty, c.id));
    // Its twin shares the stored bytes, which are kept while it uses them.
    const twin = await download(duty, b.url);
    expect(twin.status).toBe(200);
    expect((await bytesOf(twin)).equals(same)).toBe(true);

    // An administrator removes the last reference: the bytes are deleted …
    expect((await remove(admin, c.id, b.id!, '重复上传的他人证件')).errors).toBeUndefined();
    expect((await download(duty, b.url)).status).toBe(404);
    expect(await attachmentsOf(duty, c.id)).toEqual([pdf]);
    // … and the same bytes, uploaded again, are stored again and download whole.
    const fresh = await upload(duty, c.id, same, '补传记录.txt');
    expect(fresh.status).toBe(201);
    const f = (await fresh.json()) as Attachment;
    const again = await download(duty, f.url);
    expect(again.status).toBe(200);
    expect((await bytesOf(again)).equals(same)).toBe(true);
    expect((await attachmentsOf(duty, c.id)).map((x) => x.id)).toEqual([pdf.id, f.id]);

    // Partners: the id only — no file name, no reason.
    const events = await eventually(async () => removedEventsOf(c.id).length === 2 && removedEventsOf(c.id), { what: 'both removal events' });
    expect(events.map((m) => m.subject)).toEqual(['hotline.case.attachment-removed', 'hotline.case.attachment-removed']);
    expect(events[0].json).toMatchObject({ type: 'hotline.case.attachment-removed', version: 1, source: 'intake', actor: { role: 'duty' } });
    expect(events[1].json).toMatchObject({ actor: { role: 'admin' } });
    expect(events.map((m) => m.json.data)).toEqual([
      { externalNo: c.externalNo, attachmentId: a.id },
      { externalNo: c.externalNo, attachmentId: b.id },
    ]);
    for (const m of events) for (const secret of ['王五', '身份证', '复印件', '误传', '重复上传']) expect(m.data).not.toContain(secret);

    // The timeline says 撤回附件, with the file's type and size — never its name or the reason.
    const timeline = await eventually(
      async () => {
        const t = (
          await duty.request<{ case: { timeline: Array<{ type: string; label: string; detail: string | null; actorRole: string | null }> } }>(
            'query($id: ID!) { case(id: $id) { timeline { type label detail actorRole } } }',
            { id: c.id },
          )
        ).case.timeline.filter((x) => x.type === 'hotline.case.attachment-removed');
        return t.length === 2 && t;
      },
      { what: 'both removals on the timeline' },
    );
    expect(timeline).toEqual([
      { type: 'hotline.case.attachment-removed', label: '撤回附件', detail: `文本文件 · ${same.length} B · 已从工单删除`, actorRole: 'duty' },
      { type: 'hotline.case.attachment-removed', label: '撤回附件', detail: `文本文件 · ${same.length} B · 已从工单删除`, actorRole: 'admin' },
    ]);
  });

  it('refuses a handler (FORBIDDEN), a district link, a too-short reason and an unknown file — and nothing changes', async () => {
    const link = { name: '区平台附件', url: 'https://files.example.gov.cn/district/id-copy.pdf' };
    const c = await receive(duty, { attachments: [link] });
    const a = (await (await upload(duty, c.id, PNG, '现场照片.png')).json()) as Attachment;
    const list = await attachmentsOf(duty, c.id);
    expect(list).toEqual([{ id: null, ...link, contentType: null, size: null }, a]);

    const handler = await remove(property, c.id, a.id!, '误传他人材料');
    expect(refusal(handler)).toEqual({ code: 'FORBIDDEN', reason: 'FORBIDDEN' });
    const linkRefused = await remove(duty, c.id, link.url, '区平台链接有误');
    expect(refusal(linkRefused)).toEqual({ code: 'BAD_USER_INPUT', reason: 'ATTACHMENT_IS_LINK' });
    expect(linkRefused.errors![0].message).toMatch(/[\u4e00-\u9fff]/);
    const short = await remove(duty, c.id, a.id!, '  删掉  ');
    expect(refusal(short)).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
    expect(short.errors![0].message).toContain('至少 4 个字');
    expect(refusal(await remove(duty, c.id, a.id!, '长'.repeat(201)))).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' });
    expect(refusal(await remove(duty, c.id, '00000000-0000-4000-8000-000000000000', '误传他人材料'))).toEqual({
      code: 'NOT_FOUND',
      reason: 'ATTACHMENT_NOT_FOUND',
    });
    expect(refusal(await remove(duty, '00000000-0000-4000-8000-000000000000', a.id!, '误传他人材料'))).toEqual({ code: 'NOT_FOUND', reason: 'CASE_NOT_FOUND' });

    // Nothing changed: the list, the file, and (below) no event for any refusal.
    expect(await attachmentsOf(duty, c.id)).toEqual(list);
    const still = await download(duty, a.url);
    expect(still.status).toBe(200);
    expect((await bytesOf(still)).equals(PNG)).toBe(true);

    expect((await remove(duty, c.id, a.id!, '误传他人材料')).errors).toBeUndefined();
    // Removing it twice: it is no longer there.
    expect(refusal(await remove(duty, c.id, a.id!, '误传他人材料'))).toEqual({ code: 'NOT_FOUND', reason: 'ATTACHMENT_NOT_FOUND' });
    expect(await attachmentsOf(duty, c.id)).toEqual([list[0]]);
    await eventually(async () => removedEventsOf(c.id).length > 0, { what: 'the removal event' });
    expect(removedEventsOf(c.id).map((m) => (m.json.data as { attachmentId: string }).attachmentId)).toEqual([a.id]);
  });

  it('a removed file frees its place under ATTACHMENT_MAX_PER_CASE (20)', async () => {
    const c = await receive(duty);
    const uploads = await Promise.all(Array.from({ length: 20 }, (_, i) => upload(admin, c.id, PNG, `照片${i + 1}.png`)));
    expect(uploads.map((r) => r.status)).toEqual(Array(20).fill(201));
    const full = await upload(duty, c.id, PNG, '第21张.png');
    expect(full.status).toBe(400);
    expect(((await full.json()) as ApiError).error.reason).toBe('TOO_MANY_ATTACHMENTS');

    const list = await attachmentsOf(duty, c.id);
    expect((await remove(duty, c.id, list[0].id!, '拍错了现场照片')).errors).toBeUndefined();
    const next = await upload(duty, c.id, PNG, '第21张.png');
    expect(next.status).toBe(201);
    const after = await attachmentsOf(duty, c.id);
    expect(after).toHaveLength(20);
    expect(after.map((x) => x.id)).not.toContain(list[0].id);
  });
});
