import { z } from 'zod';
import { ROLES } from './enums';

/** Who caused an event: a person acting in a role, or a service acting on its own. */
export const ActorSchema = z.union([
  z
    .object({
      userId: z.string().min(1),
      role: z.enum(ROLES),
      departmentId: z.string().min(1).optional(),
    })
    .strict(),
  z.object({ system: z.string().min(1) }).strict(),
]);
export type Actor = z.infer<typeof ActorSchema>;

const isoWithOffset = z.iso.datetime({ offset: true });

/** The envelope every event travels in; `data` is checked against the event's own schema. */
export const EnvelopeSchema = z.object({
  id: z.uuid(),
  type: z.string().regex(/^hotline\.[a-z-]+\.[a-z-]+$/, 'type must be hotline.<aggregate>.<past-verb>'),
  version: z.number().int().positive(),
  occurredAt: isoWithOffset,
  source: z.string().min(1),
  caseId: z.string().min(1).optional(),
  actor: ActorSchema,
  data: z.record(z.string(), z.unknown()),
});

export interface EventEnvelope<T extends string = string, D = Record<string, unknown>> {
  id: string;
  type: T;
  version: number;
  occurredAt: string;
  source: string;
  caseId?: string;
  actor: Actor;
  data: D;
}
