import type { EntityManager } from '@mikro-orm/postgresql';
import type { EventEnvelope } from '@hotline/contracts';
import { applyToView, CaseView, viewFromReceived } from '../cases/case-facts';
import { applyEvent, ClockRecord, EngineContext, eventTime } from './clock-engine';
import { Clock } from './clock.entity';

/** The fields two computations of the same history must agree on (ids and the scheduler's marks aside). */
const FIELDS = [
  'kind',
  'definitionKey',
  'definitionVersion',
  'measure',
  'targetMs',
  'state',
  'startedAt',
  'dueAt',
  'segmentStartedAt',
  'consumedMs',
  'pausedAt',
  'pausedMs',
  'stoppedAt',
  'outcome',
  'blockedReason',
  'departmentId',
] as const;

const norm = (v: unknown) => (v instanceof Date ? v.toISOString() : v == null ? null : typeof v === 'number' ? Math.round(v) : v);

/** Folds a case's whole event history into its clocks, from nothing (pure). */
export function replayClocks(ctx: EngineContext, caseId: string, events: readonly EventEnvelope[]): ClockRecord[] {
  const clocks: ClockRecord[] = [];
  let view: CaseView | null = null;
  for (const e of events) {
    if (e.type === 'hotline.case.received') {
      if (view) continue;
      view = viewFromReceived(e);
    } else if (view) {
      applyToView(view, e);
    } else continue;
    if (view.historical) continue;
    applyEvent(ctx, caseId, clocks, { type: e.type, at: eventTime(e.type, e.data, e.occurredAt), data: e.data }, view);
  }
  return clocks;
}

/** The differences between stored clocks and rebuilt ones, as readable lines (empty = identical). */
export function compareClocks(stored: readonly ClockRecord[], rebuilt: readonly ClockRecord[]): string[] {
  const out: string[] = [];
  const key = (c: ClockRecord) => `${c.kind}@${c.startedAt.toISOString()}`;
  const a = [...stored].sort((x, y) => key(x).localeCompare(key(y)));
  const b = [...rebuilt].sort((x, y) => key(x).localeCompare(key(y)));
  if (a.length !== b.length) out.push(`clock count: stored ${a.length}, rebuilt ${b.length}`);
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    for (const f of FIELDS) {
      if (norm(a[i][f]) !== norm(b[i][f])) out.push(`${key(a[i])} ${f}: stored ${String(norm(a[i][f]))}, rebuilt ${String(norm(b[i][f]))}`);
    }
  }
  return out;
}

export async function caseHistory(em: EntityManager, caseId: string): Promise<EventEnvelope[]> {
  const rows = await em.execute<Array<{ envelope: EventEnvelope | string }>>('select envelope from sup_case_event where case_id = ? order by seq', [caseId]);
  return rows.map((r) => (typeof r.envelope === 'string' ? JSON.parse(r.envelope) : r.envelope));
}

export async function verifyCaseClocks(
  em: EntityManager,
  ctx: EngineContext,
  caseId: string,
): Promise<{ identical: boolean; stored: number; rebuilt: number; differences: string[] }> {
  const stored = await em.find(Clock, { caseId });
  const rebuilt = replayClocks(ctx, caseId, await caseHistory(em, caseId));
  const differences = compareClocks(stored, rebuilt);
  return { identical: differences.length === 0, stored: stored.length, rebuilt: rebuilt.length, differences };
}
