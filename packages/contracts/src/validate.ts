import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { Actor, EnvelopeSchema, EventEnvelope } from './envelope';
import { EVENT_SCHEMAS, EventData, EventType, latestVersion } from './events';
import { findPersonalData } from './personal-data';

export class EventContractError extends Error {
  constructor(
    message: string,
    readonly issues: string[] = [],
  ) {
    super(message);
    this.name = 'EventContractError';
  }
}

function describe(error: z.ZodError): string[] {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
}

/**
 * Checks an envelope and its payload against the catalogue, and refuses personal data.
 * Called at publish (before the outbox row is written) and at consume.
 */
export function validateEvent(raw: unknown): EventEnvelope {
  const env = EnvelopeSchema.safeParse(raw);
  if (!env.success) throw new EventContractError('invalid event envelope', describe(env.error));
  const versions = (EVENT_SCHEMAS as Record<string, Record<number, z.ZodType>>)[env.data.type];
  if (!versions) throw new EventContractError(`unknown event type ${env.data.type}`);
  const schema = versions[env.data.version];
  if (!schema) throw new EventContractError(`unknown version ${env.data.version} of ${env.data.type}`);
  const data = schema.safeParse(env.data.data);
  if (!data.success) throw new EventContractError(`invalid data for ${env.data.type}`, describe(data.error));
  const pii = findPersonalData(env.data);
  if (pii) throw new EventContractError(`event ${env.data.type} carries personal data at ${pii}`);
  return { ...env.data, data: data.data as Record<string, unknown> };
}

export interface NewEvent<T extends EventType> {
  type: T;
  source: string;
  actor: Actor;
  caseId?: string;
  data: EventData<T>;
  occurredAt?: Date;
}

/** Builds a validated envelope at the latest version of its type. */
export function createEvent<T extends EventType>(e: NewEvent<T>): EventEnvelope<T, EventData<T>> {
  const envelope = {
    id: randomUUID(),
    type: e.type,
    version: latestVersion(e.type),
    occurredAt: (e.occurredAt ?? new Date()).toISOString(),
    source: e.source,
    ...(e.caseId ? { caseId: e.caseId } : {}),
    actor: e.actor,
    data: e.data as Record<string, unknown>,
  };
  return validateEvent(envelope) as EventEnvelope<T, EventData<T>>;
}

/** Narrows a validated envelope to one event type. */
export function isEvent<T extends EventType>(e: EventEnvelope, type: T): e is EventEnvelope<T, EventData<T> & Record<string, unknown>> {
  return e.type === type;
}
