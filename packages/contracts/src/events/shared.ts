import { z } from 'zod';

export const iso = z.iso.datetime({ offset: true });

/** One event type: its versions (each a payload schema) and its Chinese label for timelines. */
export interface EventDefinition {
  label: string;
  versions: Record<number, z.ZodType>;
}
