import { redactText } from '@hotline/contracts';

/**
 * Free text written by people here (drafts of typical cases, nomination and review notes,
 * refusal reasons, evidence, task notes) may quote a citizen's name, phone, address or
 * resident-ID number. It is kept as written and shown redacted (`redactText` from contracts, as
 * dispatch does) to every reader of the API and in the ledger export; events carry none of it.
 */
export function shownText(text: string): string;
export function shownText(text: string | null | undefined): string | null;
export function shownText(text: string | null | undefined): string | null {
  return text == null ? null : redactText(text);
}
