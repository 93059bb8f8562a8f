import { CalendarData, CalendarError } from '@hotline/calendar';
import type { UrgeLevel, UrgeRecipient } from '@hotline/contracts';
import type { Statement } from '@hotline/service-kit';
import { ClockDef, ClockRecord, instantAtShare } from './clock-engine';

/** A ladder step as the alarms need it. */
export interface StepDef {
  id: string;
  clockKinds: string[];
  sharePct: number;
  level: UrgeLevel;
  recipients: UrgeRecipient[];
  active: boolean;
}

export interface AlarmPlan {
  mark: string;
  kind: 'warn' | 'breach' | 'urge';
  sharePct: number;
  level: UrgeLevel | null;
  recipients: UrgeRecipient[];
  stepId: string | null;
  fireAt: Date | null;
}

/**
 * The alarms of a clock: each warning share of its definition, the breach (100 %), and each
 * active 催办 step for its kind — each at the instant the clock reaches that share, given how it
 * runs now (none while paused or stopped, or while the calendar does not reach that far).
 */
export function planAlarms(c: ClockRecord, def: Pick<ClockDef, 'warnShares'>, steps: readonly StepDef[], cal: CalendarData): AlarmPlan[] {
  const at = (pct: number) => {
    // A blocked clock (its due time beyond the loaded calendar) warns nobody until it is planned.
    if (!c.dueAt) return null;
    try {
      return instantAtShare(c, pct / 100, cal);
    } catch (e) {
      if (e instanceof CalendarError) return null;
      throw e;
    }
  };
  const out: AlarmPlan[] = def.warnShares.map((p) => ({
    mark: `warn:${p}`,
    kind: 'warn' as const,
    sharePct: p,
    level: null,
    recipients: [],
    stepId: null,
    fireAt: at(p),
  }));
  out.push({ mark: 'breach', kind: 'breach', sharePct: 100, level: null, recipients: [], stepId: null, fireAt: at(100) });
  for (const s of steps) {
    if (!s.active || (s.clockKinds.length > 0 && !s.clockKinds.includes(c.kind))) continue;
    out.push({ mark: `urge:${s.id}`, kind: 'urge', sharePct: s.sharePct, level: s.level, recipients: s.recipients, stepId: s.id, fireAt: at(s.sharePct) });
  }
  return out;
}

/**
 * The statement that writes a clock's alarm plan (null when there is none): new marks are inserted, unfired ones get their new time (null =
 * not scheduled: paused, stopped, blocked), fired ones are never touched — so a warning fires
 * once whatever happens to the clock afterwards.
 */
export function syncAlarmsStatement(clockId: string, plans: readonly AlarmPlan[]): Statement | null {
  if (plans.length === 0) return null;
  return {
    sql: `insert into sup_clock_alarm (clock_id, mark, kind, share_pct, level, recipients, step_id, fire_at)
     values ${plans.map(() => '(?, ?, ?, ?, ?, ?::text[], ?, ?)').join(', ')}
     on conflict (clock_id, mark) do update set fire_at = excluded.fire_at where sup_clock_alarm.fired_at is null`,
    params: plans.flatMap((p) => [clockId, p.mark, p.kind, p.sharePct, p.level, `{${p.recipients.join(',')}}`, p.stepId, p.fireAt]),
  };
}

/** The statement that unschedules every unfired alarm of a clock (paused, stopped). */
export function clearAlarmsStatement(clockId: string): Statement {
  return { sql: 'update sup_clock_alarm set fire_at = null where clock_id = ? and fired_at is null and fire_at is not null', params: [clockId] };
}
