import { createHash, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { AuthUser, openOrm } from '@hotline/service-kit';
import { Infra, startInfra } from '@hotline/testing';
import { CaseAudit } from '../src/audit/case-audit.entity';
import { Case } from '../src/cases/case.entity';
import { CaseAttachment } from '../src/attachments/attachment.entity';
import { postgresAttachmentStore as store } from '../src/attachments/attachment-store';
import { addAttachment, readAttachment, removeAttachment } from '../src/attachments/attachments';
import { migrations } from '../src/migrations';
import { RevealLogEntry } from '../src/personal-data/reveal-log.entity';

/**
 * 撤回附件 against intake's own schema on a real PostgreSQL (the gateway tests cannot see the
 * tables): the blob table, the metadata row, the audit record and the outbox row.
 */

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');
/** Plain UTF-8 text unique to one test, so no other test's upload shares its bytes. */
const textFile = (what: string) => Buffer.from(`市民来电记录（${what}）：${randomUUID()}\n`);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

const duty: AuthUser = { id: randomUUID(), username: 'duty', displayName: '值守员', role: 'duty' };
const admin: AuthUser = { id: randomUUID(), username: 'admin', displayName: '管理员', role: 'admin' };
const handler: AuthUser = { id: randomUUID(), username: 'handler-property', displayName: '承办人', role: 'handler', departmentId: randomUUID() };
const limits = { maxBytes: 1024 * 1024, maxPerCase: 3 };

describe('撤回附件 (removeAttachment) on a real database', () => {
  let infra: Infra;
  let orm: MikroORM;
  const em = (): EntityManager => orm.em.fork();

  beforeAll(async () => {
    infra = await startInfra('intake-attachments');
    await infra.ensureDatabase('intake_attachments');
    orm = await openOrm({ url: infra.databaseUrl('intake_attachments'), entities: [Case, CaseAttachment, CaseAudit, RevealLogEntry], migrations });
  });
  afterAll(async () => {
    await orm?.close(true);
    await infra?.stop();
  });

  async function newCase(attachments: Case['attachments'] = []): Promise<Case> {
    const e = em();
    const c = e.create(Case, {
      externalNo: `ATT-${randomUUID().slice(0, 8)}`,
      channel: 'manual',
      title: '小区电梯停运',
      content: '电梯停运三天',
      requestType: 'complaint',
      topic: '物业',
      receivedAt: new Date(),
      citizenName: '张三',
      citizenPhone: '13812345678',
      attachments,
    });
    await e.flush();
    return c;
  }
  const upload = async (caseId: string, bytes: Buffer, fileName: string) =>
    (await addAttachment(em(), store, duty, { caseId, fileName, bytes }, limits)).attachment;
  const blobCount = async (sha: string) =>
    Number((await em().execute<Array<{ n: string }>>('select count(*) as n from intake_attachment_blob where sha256 = ?', [sha]))[0].n);
  const caseOf = async (id: string) => await em().findOneOrFail(Case, { id });
  const outbox = async (caseId: string, subject: string) =>
    (
      await em().execute<Array<{ payload: Record<string, unknown> }>>('select payload from kit_outbox where case_id = ? and subject = ? order by seq', [
        caseId,
        subject,
      ])
    ).map((r) => r.payload);
  const audits = (caseId: string) => em().find(CaseAudit, { caseId, kind: 'attachment-removed' }, { orderBy: { at: 'asc' } });

  it('removes one of two identical files: off the case, the row marked, the bytes kept while shared and deleted with the last reference; audited; the event carries the id only', async () => {
    const c = await newCase();
    const same = textFile('身份证复印件');
    const a = await upload(c.id, same, '李四身份证复印件.txt');
    const b = await upload(c.id, same, '李四身份证复印件（重复）.txt');
    const other = await upload(c.id, PDF, '合同.pdf');
    expect(a.sha256).toBe(sha256(same));
    expect(await blobCount(a.sha256)).toBe(1); // identical bytes are stored once

    const after = await removeAttachment(em(), store, duty, { caseId: c.id, attachmentId: a.id, reason: '  误传了其他市民的身份证复印件  ' });
    expect(after.attachments.map((x) => x.id)).toEqual([b.id, other.id]);
    expect((await caseOf(c.id)).attachments.map((x) => x.id)).toEqual([b.id, other.id]);
    const row = await em().findOneOrFail(CaseAttachment, { id: a.id });
    expect(row.removedAt).toBeInstanceOf(Date);
    expect(row.removedBy).toBe(duty.id);
    expect(row.removeReason).toBe('误传了其他市民的身份证复印件'); // trimmed
    // b still uses the bytes: they stay, and b still downloads.
    expect(await blobCount(a.sha256)).toBe(1);
    expect((await readAttachment(em(), store, duty, c.id, b.id)).bytes.equals(same)).toBe(true);
    await expect(readAttachment(em(), store, duty, c.id, a.id)).rejects.toMatchObject({ code: 'NOT_FOUND', reason: 'NOT_FOUND' });

    await removeAttachment(em(), store, admin, { caseId: c.id, attachmentId: b.id, reason: '重复上传，且为他人证件' });
    expect(await blobCount(a.sha256)).toBe(0); // the last reference is gone: so are the bytes
    expect((await caseOf(c.id)).attachments.map((x) => x.id)).toEqual([other.id]);
    expect(await blobCount(other.sha256)).toBe(1);

    const log = await audits(c.id);
    expect(log.map((x) => ({ reason: x.reason, actor: x.actor, actorUserId: x.actorUserId, before: x.before, after: x.after }))).toEqual([
      {
        reason: '误传了其他市民的身份证复印件',
        actor: 'duty',
        actorUserId: duty.id,
        before: { attachmentId: a.id, fileName: '李四身份证复印件.txt', contentType: 'text/plain; charset=utf-8', size: same.length, sha256: a.sha256 },
        after: { attachmentId: a.id, removedAt: expect.any(String), bytesDeleted: false },
      },
      {
        reason: '重复上传，且为他人证件',
        actor: 'admin',
        actorUserId: admin.id,
        before: expect.objectContaining({ attachmentId: b.id }),
        after: { attachmentId: b.id, removedAt: expect.any(String), bytesDeleted: true },
      },
    ]);

    const events = await outbox(c.id, 'hotline.case.attachment-removed');
    expect(events.map((e) => e.data)).toEqual([
      { externalNo: c.externalNo, attachmentId: a.id },
      { externalNo: c.externalNo, attachmentId: b.id },
    ]);
    expect(events[0]).toMatchObject({
      type: 'hotline.case.attachment-removed',
      version: 1,
      source: 'intake',
      caseId: c.id,
      actor: { userId: duty.id, role: 'duty' },
    });
    const text = JSON.stringify(events);
    for (const secret of ['李四', '身份证', '误传', '他人证件']) expect(text).not.toContain(secret);

    // The same bytes uploaded afresh are stored again and download whole.
    const again = await upload(c.id, same, '补传.txt');
    expect(await blobCount(again.sha256)).toBe(1);
    expect((await readAttachment(em(), store, duty, c.id, again.id)).bytes.equals(same)).toBe(true);
  });

  it('keeps bytes another case still uses', async () => {
    const [c1, c2] = [await newCase(), await newCase()];
    const bytes = textFile('两件工单共用');
    const a1 = await upload(c1.id, bytes, '记录.txt');
    const a2 = await upload(c2.id, bytes, '记录.txt');
    await removeAttachment(em(), store, duty, { caseId: c1.id, attachmentId: a1.id, reason: '上传到了错误的工单' });
    expect(await blobCount(a1.sha256)).toBe(1);
    expect((await readAttachment(em(), store, duty, c2.id, a2.id)).bytes.equals(bytes)).toBe(true);
  });

  it('refuses a handler, a bad reason, a district link, an unknown or already removed file — and changes nothing', async () => {
    const link = { name: '附件1', url: 'https://files.example.gov.cn/district/a.pdf' };
    const c = await newCase([link]);
    const bytes = textFile('不应被删除');
    const a = await upload(c.id, bytes, '现场记录.txt');
    const before = await caseOf(c.id);
    const attempt = (user: AuthUser, input: Record<string, unknown>) =>
      removeAttachment(em(), store, user, { caseId: c.id, attachmentId: a.id, reason: '误传他人材料', ...input });

    await expect(attempt(handler, {})).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(attempt(duty, { reason: '删了' })).rejects.toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_INPUT',
      message: '请填写撤回原因（至少 4 个字）',
    });
    await expect(attempt(duty, { reason: '   误传    ' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', reason: 'INVALID_INPUT' }); // 2 characters once trimmed
    await expect(attempt(duty, { reason: '长'.repeat(201) })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: '撤回原因最多 200 个字' });
    await expect(attempt(duty, { attachmentId: link.url })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ATTACHMENT_IS_LINK' });
    await expect(attempt(duty, { attachmentId: link.name })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ATTACHMENT_IS_LINK' });
    await expect(attempt(duty, { attachmentId: randomUUID() })).rejects.toMatchObject({ code: 'NOT_FOUND', reason: 'ATTACHMENT_NOT_FOUND' });
    await expect(attempt(duty, { attachmentId: 'not-an-id' })).rejects.toMatchObject({ code: 'NOT_FOUND', reason: 'ATTACHMENT_NOT_FOUND' });
    await expect(attempt(duty, { caseId: randomUUID() })).rejects.toMatchObject({ code: 'NOT_FOUND', reason: 'CASE_NOT_FOUND' });
    // A file of another case is not this case's.
    const elsewhere = await newCase();
    await expect(removeAttachment(em(), store, duty, { caseId: elsewhere.id, attachmentId: a.id, reason: '误传他人材料' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    const now = await caseOf(c.id);
    expect(now.attachments).toEqual(before.attachments);
    expect(now.version).toBe(before.version);
    expect((await em().findOneOrFail(CaseAttachment, { id: a.id })).removedAt).toBeNull();
    expect(await blobCount(a.sha256)).toBe(1);
    expect(await audits(c.id)).toEqual([]);
    expect(await outbox(c.id, 'hotline.case.attachment-removed')).toEqual([]);

    await removeAttachment(em(), store, duty, { caseId: c.id, attachmentId: a.id, reason: '误传他人材料' });
    await expect(attempt(duty, {})).rejects.toMatchObject({ code: 'NOT_FOUND', reason: 'ATTACHMENT_NOT_FOUND' });
    expect(await outbox(c.id, 'hotline.case.attachment-removed')).toHaveLength(1);
    // The district link stays.
    expect((await caseOf(c.id)).attachments).toEqual([link]);
  });

  it('a removed file no longer counts toward the per-case limit', async () => {
    const c = await newCase();
    const files = [];
    for (let i = 0; i < limits.maxPerCase; i++) files.push(await upload(c.id, textFile(`第 ${i + 1} 个`), `记录${i + 1}.txt`));
    await expect(upload(c.id, textFile('超出'), '超出.txt')).rejects.toMatchObject({ reason: 'TOO_MANY_ATTACHMENTS' });
    await removeAttachment(em(), store, duty, { caseId: c.id, attachmentId: files[0].id, reason: '传错了文件' });
    const next = await upload(c.id, textFile('补传'), '补传.txt');
    expect((await caseOf(c.id)).attachments.map((x) => x.id)).toEqual([files[1].id, files[2].id, next.id]);
  });

  it('an upload of the same bytes to another case, racing the removal of their last reference, always ends with its bytes stored', async () => {
    for (let round = 0; round < 8; round++) {
      const [from, to] = [await newCase(), await newCase()];
      const bytes = textFile(`并发 ${round}`);
      const old = await upload(from.id, bytes, '旧.txt');
      const [, added] = await Promise.all([
        removeAttachment(em(), store, duty, { caseId: from.id, attachmentId: old.id, reason: '上传到了错误的工单' }),
        upload(to.id, bytes, '新.txt'),
      ]);
      expect(await blobCount(old.sha256)).toBe(1);
      expect((await readAttachment(em(), store, duty, to.id, added.id)).bytes.equals(bytes)).toBe(true);
    }
  });
});
