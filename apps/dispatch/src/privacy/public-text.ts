import { containsPersonalNumber, digest, scrubText } from '@hotline/contracts';

/**
 * Free text written by people (replies, assist reports, reasons, bases, notes) may hold a
 * citizen's phone or resident-ID number. dispatch keeps it in full in its own tables — intake's
 * 办结反馈 reads the approved reply in full through the internal `completionReply` query — but
 * shows it masked to every reader of the API, and puts only a scrubbed digest into events.
 */

/** Free text as the API shows it to every role: phone and resident-ID numbers masked (138****5678). */
export function shownText(text: string): string;
export function shownText(text: string | null | undefined): string | null;
export function shownText(text: string | null | undefined): string | null {
  return text == null ? null : scrubText(text);
}

/**
 * Free text as an event carries it (events go to partners and must hold no personal data):
 * whitespace collapsed, personal numbers masked, at most `max` characters (UTF-16 units, as the
 * contracts' `z.string().max` counts them). The cut can turn the head of a longer digit run into
 * something that reads like a phone number, so the result is scrubbed again; if a number still
 * shows (it should not), every digit is masked rather than have `createEvent` refuse the event
 * and with it the user's action.
 */
export function eventText(text: string, max = 200): string {
  const chars = Array.from(scrubText(digest(text, max)));
  while (chars.join('').length > max) chars.pop();
  const s = chars.join('');
  return containsPersonalNumber(s) ? s.replace(/\d/g, '*') : s;
}
