import { z } from 'zod';
import { CALENDAR_EVENTS } from './events/calendar.events';
import { CALLBACK_EVENTS } from './events/callback.events';
import { DISPATCH_EVENTS } from './events/dispatch.events';
import { IDENTITY_EVENTS } from './events/identity.events';
import { INTAKE_EVENTS } from './events/intake.events';
import { MEETING_EVENTS } from './events/meetings.events';
import { PUBLICITY_EVENTS } from './events/publicity.events';
import { SCRIPT_EVENTS } from './events/scripts.events';
import { SECOND_ROUND_EVENTS } from './events/second-round.events';
import { SUPERVISION_EVENTS } from './events/supervision.events';
import type { EventDefinition } from './events/shared';

/**
 * The event catalogue, one file per producing service under events/. A version, once published,
 * keeps its fields and their meaning; a new field is optional, a changed meaning is a new version.
 */
const CATALOGUE = {
  ...INTAKE_EVENTS,
  ...DISPATCH_EVENTS,
  ...IDENTITY_EVENTS,
  ...SUPERVISION_EVENTS,
  ...SCRIPT_EVENTS,
  ...CALENDAR_EVENTS,
  ...CALLBACK_EVENTS,
  ...SECOND_ROUND_EVENTS,
  ...PUBLICITY_EVENTS,
  ...MEETING_EVENTS,
};
type Catalogue = typeof CATALOGUE;

export type EventType = keyof Catalogue;
export const EVENT_TYPES = Object.keys(CATALOGUE) as EventType[];

/** The one service allowed to publish each event (its NATS user's publish allow-list must hold it). */
export const EVENT_PRODUCERS = Object.fromEntries([
  ...Object.keys(INTAKE_EVENTS).map((t) => [t, 'intake']),
  ...Object.keys(DISPATCH_EVENTS).map((t) => [t, 'dispatch']),
  ...Object.keys(IDENTITY_EVENTS).map((t) => [t, 'identity']),
  ...Object.keys(SUPERVISION_EVENTS).map((t) => [t, 'supervision']),
  ...Object.keys(SCRIPT_EVENTS).map((t) => [t, 'supervision']),
  ...Object.keys(CALENDAR_EVENTS).map((t) => [t, 'supervision']),
  ...Object.keys(CALLBACK_EVENTS).map((t) => [t, 'callback']),
  ...Object.keys(SECOND_ROUND_EVENTS).map((t) => [t, 'supervision']),
  ...Object.keys(PUBLICITY_EVENTS).map((t) => [t, 'publicity']),
  ...Object.keys(MEETING_EVENTS).map((t) => [t, 'supervision']),
]) as Record<EventType, 'intake' | 'dispatch' | 'identity' | 'supervision' | 'callback' | 'publicity'>;

/** subject → version → payload schema. */
export const EVENT_SCHEMAS = Object.fromEntries(Object.entries(CATALOGUE).map(([k, v]) => [k, v.versions])) as {
  [K in EventType]: Catalogue[K]['versions'];
};

/** Chinese labels for the timeline a bureau employee reads. */
export const EVENT_LABELS = Object.fromEntries(Object.entries(CATALOGUE).map(([k, v]) => [k, v.label])) as Record<EventType, string>;

type Versions<T extends EventType> = Catalogue[T]['versions'];
/** The latest version number of an event type. */
export type LatestVersion<T extends EventType> = keyof Versions<T> & number;
export type EventData<T extends EventType, V extends keyof Versions<T> = LatestVersion<T>> = z.infer<Versions<T>[V] & z.ZodType>;

export function latestVersion(type: EventType): number {
  return Math.max(...Object.keys(EVENT_SCHEMAS[type]).map(Number));
}

/**
 * The producer's one-line summary of an event for the case timeline (中文, no personal data), or
 * null when its label says it all. The payload must have passed `validateEvent`.
 */
export function eventSummary(e: { type: string; data: unknown }): string | null {
  const definition = (CATALOGUE as Record<string, EventDefinition>)[e.type];
  return definition?.summary ? definition.summary(e.data as never) : null;
}
