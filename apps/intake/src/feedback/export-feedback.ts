import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent, REPLY_RESULT_LABELS, ReplyResult } from '@hotline/contracts';
import { AuthUser, actorOf, recordEvent } from '@hotline/service-kit';
import { FeedbackRecord } from './feedback.entity';
import { payloadOf } from './delivery-loop';

/**
 * 导出办结反馈 for manual upload to the district platform: every record it has not received
 * (pending or failed) goes into a CSV and is marked `exported` — the webhook stops retrying it.
 */
export async function exportFeedback(em: EntityManager, user: AuthUser): Promise<{ fileName: string; content: string; count: number }> {
  return em.transactional(async (tx) => {
    const rows = await tx.find(FeedbackRecord, { state: { $in: ['pending', 'failed'] } }, { orderBy: { completedAt: 'asc' }, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE });
    const q = (v: string) => `"${v.replace(/"/g, '""')}"`;
    const lines = [['工单编号', '办理结果', '答复摘要', '受理时间', '办结时间', '并单主工单'].map(q).join(',')];
    const now = new Date();
    for (const r of rows) {
      const p = await payloadOf(tx, r);
      lines.push([p.externalNo, REPLY_RESULT_LABELS[r.result as ReplyResult] ?? r.result, p.replySummary, p.receivedAt, p.completedAt, p.masterExternalNo ?? ''].map(q).join(','));
      r.state = 'exported';
      r.nextAttemptAt = null;
      await tx.flush();
      await recordEvent(tx, createEvent({
        type: 'hotline.case.feedback-delivered', source: 'intake', actor: actorOf(user), caseId: r.caseId,
        data: { externalNo: r.externalNo, channel: 'export', state: 'exported', attempts: r.attempts, deliveredAt: now.toISOString() },
      }));
    }
    const stamp = now.toISOString().slice(0, 16).replace(/[-:T]/g, '');
    return { fileName: `办结反馈-${stamp}.csv`, content: `\uFEFF${lines.join('\r\n')}\r\n`, count: rows.length };
  });
}
