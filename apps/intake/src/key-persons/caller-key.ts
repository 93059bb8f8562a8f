import { createHmac } from 'node:crypto';

/**
 * The development default of CALLER_KEY_SECRET: for a local run and the tests only. A production
 * start refuses it (config.ts): with a known secret, a key could be matched against guessed phones.
 */
export const DEV_CALLER_KEY_SECRET = 'hotline-dev-caller-key-secret-not-for-production';

let secret = DEV_CALLER_KEY_SECRET;

/** Set once at start from the service's configuration. */
export function configureCallerKey(s: string): void {
  secret = s;
}

/** A phone as digits, without a leading +86 / 0086 / 86 country code on a mobile number. */
export function normalizePhone(phone: string | null | undefined): string {
  const digits = (phone ?? '').replace(/\D/g, '');
  const m = /^(?:0086|86)(1\d{10})$/.exec(digits);
  return m ? m[1] : digits;
}

/**
 * 来电人键: HMAC-SHA-256 of the normalized phone under CALLER_KEY_SECRET, hex. Not reversible
 * without the secret; the same phone gives the same key, so others can count distinct callers and
 * intake can recognize a key person (重点人) without any phone leaving it. Null without a phone.
 */
export function callerKeyOf(phone: string | null | undefined): string | null {
  const p = normalizePhone(phone);
  return p.length >= 5 ? createHmac('sha256', secret).update(p).digest('hex') : null;
}
