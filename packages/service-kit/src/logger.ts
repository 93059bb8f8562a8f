import { DriverException } from '@mikro-orm/core';
import pino, { Logger } from 'pino';
import { PERSONAL_FIELDS, scrubText } from '@hotline/contracts';

export type { Logger };

function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubText(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (value instanceof DriverException) return databaseError(value);
  if (value instanceof Error) return { type: value.name, message: scrubText(value.message), stack: value.stack && scrubText(value.stack) };
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    out[k] = (PERSONAL_FIELDS as readonly string[]).includes(k) ? '[redacted]' : scrub(v, depth + 1);
  }
  return out;
}

/**
 * A database error without its statement: the driver's message begins with the SQL, its values
 * inlined — a citizen's name, address and words when a case's insert fails — and its detail can
 * quote a key's values. What is logged instead: the kind (UniqueConstraintViolationException,
 * DeadlockException …), PostgreSQL's code, the table and constraint, and the stack's frames.
 */
function databaseError(e: DriverException): Record<string, unknown> {
  const pg = e as DriverException & { table?: string; constraint?: string; routine?: string };
  const frames = (e.stack ?? '')
    .split('\n')
    .filter((l) => l.trim().startsWith('at '))
    .join('\n');
  return {
    type: e.name,
    code: e.code,
    ...(pg.table ? { table: pg.table } : {}),
    ...(pg.constraint ? { constraint: pg.constraint } : {}),
    ...(pg.routine ? { routine: pg.routine } : {}),
    message: `${e.name} (PostgreSQL ${e.code ?? '?'}${pg.table ? ` on ${pg.table}` : ''}); the statement is not logged: it carries the data`,
    stack: frames,
  };
}

/**
 * JSON logs, one line per entry. Personal data never reaches them: fields with personal names
 * are replaced, phone / ID numbers inside any string are masked, and a database error is logged
 * without its statement.
 */
export function createLogger(service: string, level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      name: service,
      level,
      base: { service },
      timestamp: pino.stdTimeFunctions.isoTime,
      // The formatter below has already made errors plain (scrub): pino's own error serializer
      // would turn that object into another, typed 'Object'.
      serializers: { err: (e: unknown) => (e instanceof Error ? pino.stdSerializers.err(e) : e) },
      formatters: { log: (obj) => scrub(obj) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? scrubText(a) : a)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
