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

export interface FeedbackPayload {
  externalNo: string;
  result: string;
  resultLabel: string;
  replySummary: string;
  receivedAt: string;
  completedAt: string;
  masterExternalNo?: string;
}
