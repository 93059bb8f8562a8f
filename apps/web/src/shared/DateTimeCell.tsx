import { formatDateTime, formatShortDateTime } from './time';

/** A compact timestamp for tables; the full date shows on hover. */
export function DateTimeCell({ value }: { value: string | null | undefined }) {
  return <span title={formatDateTime(value)}>{formatShortDateTime(value)}</span>;
}
