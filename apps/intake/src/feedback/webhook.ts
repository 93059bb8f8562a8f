import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signed webhook to the district platform. The receiver checks
 * `X-Hotline-Signature: sha256=<hex HMAC-SHA256(secret, "<X-Hotline-Timestamp>.<body>")>` and
 * de-duplicates on `X-Hotline-Delivery` (the feedback id: the same on every retry).
 */
export function signPayload(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

export function verifySignature(secret: string, timestamp: string, body: string, signature: string): boolean {
  const expected = Buffer.from(signPayload(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** Exponential backoff: base, 2×base, 4×base, ... capped at an hour. */
export function nextDelayMs(attempts: number, baseMs: number): number {
  return Math.min(3_600_000, baseMs * 2 ** Math.max(0, attempts - 1));
}

/** The webhook body (JSON). Times are ISO 8601 (UTC). */
export interface FeedbackPayload {
  /** 工单编号 (the district platform's number) */
  externalNo: string;
  /** 办理结果: solved | partly | explained | unsolvable */
  result: string;
  resultLabel: string;
  /** 答复内容 — the approved reply, in full */
  replyText: string;
  /** The first 60 characters with personal data stripped (as in the events) */
  replySummary: string;
  /** 承办科室 */
  departmentName: string | null;
  receivedAt: string;
  /** 首次联系时间 */
  contactedAt: string | null;
  /** 答复时间 */
  repliedAt: string | null;
  /** 办结时间 (局审核 approved) */
  completedAt: string;
  /** 并单: the master order whose reply this is */
  masterExternalNo?: string;
}
