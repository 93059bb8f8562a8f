import { z } from 'zod';

export const iso = z.iso.datetime({ offset: true });

/**
 * One event type: its versions (each a payload schema), its Chinese label for timelines, and the
 * producer's own one-line summary of a payload for the case timeline (中文, no personal data; null
 * when the label says it all).
 */
export interface EventDefinition {
  label: string;
  versions: Record<number, z.ZodType>;
  summary?(data: never): string | null;
}

/** An event type whose summary is typed by its own payload schemas (see `defineEvent`). */
export interface TypedEventDefinition<V extends Record<number, z.ZodType>> {
  label: string;
  versions: V;
  summary?(data: z.output<V[keyof V]>): string | null;
}

/** Declares an event type with a summary typed by its payload. */
export function defineEvent<const V extends Record<number, z.ZodType>>(definition: TypedEventDefinition<V>): TypedEventDefinition<V> {
  return definition;
}
