import { containsPersonalNumber, digest, redactText } from '@hotline/contracts';

/**
 * Free text written by people (replies, assist reports, reasons, bases, notes) may hold a
 * citizen's name, phone, address or resident-ID number. dispatch keeps it in full in its own
 * tables — intake's 办结反馈 reads the approved reply in full through the internal
 * `completionReply` query — but shows it redacted (`redactText` from contracts) to every reader of
 * the API, and puts only a redacted digest into events; a confidential case (保密件) puts none.
 */

/** Free text as the API shows it to every role: personal data found by pattern masked (138****5678, 我叫**). */
export function shownText(text: string): string;
export function shownText(text: string | null | undefined): string | null;
export function shownText(text: string | null | undefined): string | null {
  return text == null ? null : redactText(text);
}

/**
 * Free text as an event carries it (events go to partners and must hold no personal data):
 * whitespace collapsed, redacted, at most `max` characters (UTF-16 units, as the contracts'
 * `z.string().max` counts them); nothing at all for a confidential case. If a number still shows
 * (it should not), every digit is masked rather than have `createEvent` refuse the event and with
 * it the user's action.
 */
export function eventText(text: string, max = 200, of?: { confidential?: boolean }): string {
  if (of?.confidential) return '';
  const s = digest(text, max);
  return containsPersonalNumber(s) ? s.replace(/\d/g, '*') : s;
}
