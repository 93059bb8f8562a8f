import { randomUUID } from 'node:crypto';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { createEvent, EventEnvelope, UrgeLevel, UrgeRecipient } from '@hotline/contracts';
import { Logger, recordEvents } from '@hotline/service-kit';
import { CalendarStore } from '../calendar/calendar-store';
import { shareUsed } from './clock-engine';
import { Clock } from './clock.entity';
import { fireDueTaskAlarms } from '../tasks/task-alarms';

interface DueAlarm {
  clock_id: string;
  mark: string;
  kind: 'warn' | 'breach' | 'urge';
  share_pct: number;
  level: UrgeLevel | null;
  recipients: UrgeRecipient[];
  step_id: string | null;
  /** The highest warning/breach share of the same clock that is also due: lower warnings are skipped. */
  top_due: number | null;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * Fires what is due, once: claims due alarm rows oldest first with FOR UPDATE SKIP LOCKED (so
 * replicas share the work and never take the same row) — their clocks too, so a clock the
 * consumer holds (it locks clocks, then their alarms) is left for the next round instead of
 * waiting in the opposite lock order — marks them fired and writes their events
 * through the outbox in the same transaction. Each (clock, mark) is one row, so a warning fires
 * once across replicas and restarts. A warning overtaken by a later one that is due too (a clock
 * that started late, or a scheduler that was down) is marked skipped instead of firing stale.
 */
export async function fireDueAlarms(em: EntityManager, calendars: CalendarStore, batch: number, now = new Date()): Promise<{ fired: number; skipped: number }> {
  return em.transactional(async (tx) => {
    const due = await tx.execute<DueAlarm[]>(
      `select a.clock_id, a.mark, a.kind, a.share_pct, a.level, a.recipients, a.step_id,
         (select max(b.share_pct) from sup_clock_alarm b
           where b.clock_id = a.clock_id and b.kind <> 'urge' and b.fired_at is null and b.fire_at <= ?) as top_due
       from sup_clock_alarm a join sup_clock c on c.id = a.clock_id
       where a.fired_at is null and a.fire_at <= ?
       order by a.fire_at
       limit ?
       for update of a, c skip locked`,
      [now, now, batch],
    );
    if (due.length === 0) return { fired: 0, skipped: 0 };
    const clocks = new Map((await tx.find(Clock, { id: { $in: [...new Set(due.map((d) => d.clock_id))] } })).map((c) => [c.id, c]));
    const cases = new Map(
      (
        await tx.execute<Array<{ id: string; external_no: string }>>(
          `select id, external_no from sup_case where id in (${[...new Set([...clocks.values()].map((c) => c.caseId))].map(() => '?').join(',')})`,
          [...new Set([...clocks.values()].map((c) => c.caseId))],
        )
      ).map((r) => [r.id, r.external_no]),
    );
    const cal = await calendars.current(tx);
    const events: EventEnvelope[] = [];
    const skipped: DueAlarm[] = [];
    const fired: DueAlarm[] = [];
    for (const a of due) {
      const c = clocks.get(a.clock_id);
      if (!c || c.state !== 'running' || !c.dueAt) {
        skipped.push(a);
        continue;
      }
      const share = round(shareUsed(c, now, cal) ?? a.share_pct / 100);
      const dept = c.departmentId ? { departmentId: c.departmentId } : {};
      if (a.kind === 'warn') {
        if (a.top_due != null && a.top_due > a.share_pct) {
          skipped.push(a);
          continue;
        }
        c.warnedAt = now;
        c.warnedShare = a.share_pct / 100;
        events.push(
          createEvent({
            type: 'hotline.clock.warned',
            source: 'supervision',
            actor: { system: 'supervision-scheduler' },
            caseId: c.caseId,
            data: { clockId: c.id, clock: c.kind, dueAt: c.dueAt.toISOString(), elapsedShare: share, threshold: a.share_pct / 100, ...dept },
          }),
        );
      } else if (a.kind === 'breach') {
        c.breachedAt = now;
        events.push(
          createEvent({
            type: 'hotline.clock.breached',
            source: 'supervision',
            actor: { system: 'supervision-scheduler' },
            caseId: c.caseId,
            data: { clockId: c.id, clock: c.kind, dueAt: c.dueAt.toISOString(), elapsedShare: share, ...dept },
          }),
        );
      } else {
        const urgeId = randomUUID();
        await tx.execute(
          'insert into sup_urge (id, case_id, clock_id, kind, level, recipients, department_id, step_id, at) values (?, ?, ?, ?, ?, ?::text[], ?, ?, ?)',
          [urgeId, c.caseId, c.id, c.kind, a.level, `{${a.recipients.join(',')}}`, c.departmentId, a.step_id, now],
        );
        events.push(
          createEvent({
            type: 'hotline.case.urged',
            source: 'supervision',
            actor: { system: 'supervision-ladder' },
            caseId: c.caseId,
            data: {
              externalNo: cases.get(c.caseId) ?? '',
              urgeId,
              level: a.level ?? 'reminder',
              recipients: a.recipients,
              ...dept,
              clock: c.kind,
              clockId: c.id,
              dueAt: c.dueAt.toISOString(),
              ...(a.step_id ? { stepId: a.step_id } : {}),
            },
          }),
        );
      }
      fired.push(a);
    }
    const mark = async (rows: DueAlarm[], isSkipped: boolean) => {
      if (rows.length === 0) return;
      await tx.execute(`update sup_clock_alarm set fired_at = ?, skipped = ? where (clock_id, mark) in (${rows.map(() => '(?::uuid, ?)').join(',')})`, [
        now,
        isSkipped,
        ...rows.flatMap((r) => [r.clock_id, r.mark]),
      ]);
    };
    await mark(fired, false);
    await mark(skipped, true);
    await tx.flush();
    if (events.length) await recordEvents(tx, events);
    return { fired: fired.length, skipped: skipped.length };
  });
}

/** The loop around fireDueAlarms: every poll, and again at once while a round was full. State lives in Postgres only. */
export class ClockScheduler {
  private timer?: NodeJS.Timeout;
  private round?: Promise<void>;
  private stopped = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly calendars: CalendarStore,
    private readonly log: Logger,
    private readonly opts: { pollMs: number; batch: number },
  ) {}

  start(): void {
    const tick = async () => {
      if (this.stopped) return;
      this.round = (async () => {
        try {
          for (;;) {
            const r = await fireDueAlarms(this.orm.em.fork(), this.calendars, this.opts.batch);
            if (r.fired + r.skipped) this.log.debug(r, 'clock alarms fired');
            // The tracked tasks' (督办事项) 催办 steps, on the same rounds.
            const t = await fireDueTaskAlarms(this.orm.em.fork(), this.opts.batch);
            if (t.fired + t.skipped) this.log.debug(t, 'task alarms fired');
            if ((r.fired + r.skipped < this.opts.batch && t.fired + t.skipped < this.opts.batch) || this.stopped) break;
          }
        } catch (e) {
          this.log.warn({ err: e }, 'clock scheduler round failed; retrying on next poll');
        }
      })();
      await this.round;
      if (!this.stopped) {
        this.timer = setTimeout(tick, this.opts.pollMs);
        this.timer.unref();
      }
    };
    void tick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.round;
  }
}
