import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent, INTAKE_ERRORS, REPLY_RESULT_LABELS, ReplyResult } from '@hotline/contracts';
import { AuthUser, actorOf, codedError, isUuid, recordEvent } from '@hotline/service-kit';
import { FeedbackRecord } from './feedback.entity';
import { ensureReply, payloadOf } from './delivery-loop';
import { replyFetchError, ReplySource } from './completion-reply';

/** A time as the bureau reads it: Beijing time (UTC+8, no daylight saving), `YYYY-MM-DD HH:mm:ss`. */
export const beijingTime = (iso: string | Date): string => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');

const HEADERS = ['工单编号', '办理结果', '答复内容', '承办科室', '受理时间', '首次联系时间', '答复时间', '办结时间', '并单主工单'];

/**
 * 导出办结反馈 for manual upload to the district platform: every record it has not received
 * (pending or failed) goes into a CSV with the reply in full and is marked `exported` — the
 * webhook stops retrying it. When a reply cannot be read from dispatch, nothing is exported or
 * marked, and the operator is told to retry.
 */
export async function exportFeedback(em: EntityManager, user: AuthUser, replies: ReplySource): Promise<{ fileName: string; content: string; count: number }> {
  return em.transactional(async (tx) => {
    const rows = await tx.find(
      FeedbackRecord,
      { state: { $in: ['pending', 'failed'] } },
      { orderBy: { completedAt: 'asc' }, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
    );
    for (const r of rows) {
      await ensureReply(r, replies).catch((e) => {
        throw codedError(INTAKE_ERRORS.REPLY_UNAVAILABLE, { externalNo: r.externalNo, problem: replyFetchError(e).replace('，将自动重试', '') });
      });
    }
    // Quoted, and a cell that Excel would read as a formula (= + - @, tab, CR) starts with ' .
    const q = (v: string) => `"${(/^[=+\-@\t\r]/.test(v) ? `'${v}` : v).replace(/"/g, '""')}"`;
    const lines = [HEADERS.map(q).join(',')];
    const now = new Date();
    for (const r of rows) {
      const p = await payloadOf(tx, r);
      lines.push(
        [
          p.externalNo,
          REPLY_RESULT_LABELS[r.result as ReplyResult] ?? r.result,
          p.replyText,
          p.departmentName ?? '',
          beijingTime(p.receivedAt),
          p.contactedAt ? beijingTime(p.contactedAt) : '',
          p.repliedAt ? beijingTime(p.repliedAt) : '',
          beijingTime(p.completedAt),
          p.masterExternalNo ?? '',
        ]
          .map(q)
          .join(','),
      );
      r.state = 'exported';
      r.nextAttemptAt = null;
      await tx.flush();
      await recordEvent(
        tx,
        createEvent({
          type: 'hotline.case.feedback-delivered',
          source: 'intake',
          actor: actorOf(user),
          caseId: r.caseId,
          data: { externalNo: r.externalNo, channel: 'export', state: 'exported', attempts: r.attempts, deliveredAt: now.toISOString() },
        }),
      );
    }
    const stamp = beijingTime(now).slice(0, 16).replace(/[-: ]/g, '');
    return { fileName: `办结反馈-${stamp}.csv`, content: `\uFEFF${lines.join('\r\n')}\r\n`, count: rows.length };
  });
}

/**
 * 标记已上传: the operator uploaded an exported file to the district platform by hand; the
 * exported records it held become delivered (channel `export`), with who and when. Only records
 * in `exported` move; others are left as they are and not returned.
 */
export async function markUploaded(em: EntityManager, user: AuthUser, ids: string[]): Promise<FeedbackRecord[]> {
  const wanted = [...new Set(ids)].filter(isUuid);
  if (wanted.length === 0) return [];
  return em.transactional(async (tx) => {
    const rows = await tx.find(FeedbackRecord, { id: { $in: wanted }, state: 'exported' }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    const now = new Date();
    for (const r of rows) {
      r.state = 'delivered';
      r.deliveredAt = now;
      r.lastError = null;
    }
    await tx.flush();
    for (const r of rows) {
      await recordEvent(
        tx,
        createEvent({
          type: 'hotline.case.feedback-delivered',
          source: 'intake',
          actor: actorOf(user),
          caseId: r.caseId,
          data: { externalNo: r.externalNo, channel: 'export', state: 'delivered', attempts: r.attempts, deliveredAt: now.toISOString() },
        }),
      );
    }
    return rows;
  });
}
