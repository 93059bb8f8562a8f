import { scrubText } from '@hotline/contracts';

/**
 * Free text written by people here (drafts of typical cases, review notes, refusal reasons,
 * evidence, task notes) may quote a citizen's phone or resident-ID number. It is kept as written
 * and shown masked to every reader of the API; events carry none of it.
 */
export function shownText(text: string): string;
export function shownText(text: string | null | undefined): string | null;
export function shownText(text: string | null | undefined): string | null {
  return text == null ? null : scrubText(text);
}
