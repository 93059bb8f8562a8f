import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent, EventEnvelope, TrackedTaskSource, UrgeLevel, UrgeRecipient } from '@hotline/contracts';
import { recordEvents } from '@hotline/service-kit';
import { activeSteps } from '../urging/ladder';
import { isStaleReminder, planTaskAlarms, TaskAlarmPlan } from './task-rules';
import type { TrackedTask } from './tracked-task.entity';

/**
 * The 催办 ladder for tracked tasks, on the same mechanism as the case clocks' alarms: one row per
 * (task, step) with its fire time in Postgres (never a process timer), claimed by the scheduler
 * with FOR UPDATE SKIP LOCKED and marked fired in the transaction that writes its event — so each
 * reminder fires once across replicas and restarts.
 */

/** Plans a task's reminders from the current ladder; fired rows are never touched. */
export async function scheduleTaskAlarms(em: EntityManager, task: TrackedTask): Promise<TaskAlarmPlan[]> {
  const steps = await activeSteps(em);
  const plans = planTaskAlarms(
    task.startsAt,
    task.dueAt,
    steps.map((s) => ({ id: s.id, clockKinds: s.clockKinds, sharePct: s.sharePct, level: s.level, recipients: s.recipients, active: s.active })),
  );
  if (plans.length === 0) return plans;
  await em.execute(
    `insert into sup_task_alarm (task_id, mark, share_pct, level, recipients, step_id, fire_at)
     values ${plans.map(() => '(?, ?, ?, ?, ?::text[], ?, ?)').join(', ')}
     on conflict (task_id, mark) do update set fire_at = excluded.fire_at where sup_task_alarm.fired_at is null`,
    plans.flatMap((p) => [task.id, p.mark, p.sharePct, p.level, `{${p.recipients.join(',')}}`, p.stepId, p.fireAt]),
    'all',
    em.getTransactionContext(),
  );
  return plans;
}

/** A done task is reminded no more: its unfired alarms are unscheduled. */
export async function clearTaskAlarms(em: EntityManager, taskId: string): Promise<void> {
  await em.execute(
    'update sup_task_alarm set fire_at = null where task_id = ? and fired_at is null and fire_at is not null',
    [taskId],
    'all',
    em.getTransactionContext(),
  );
}

export interface TaskAlarmRow {
  task_id: string;
  mark: string;
  share_pct: number;
  level: UrgeLevel;
  recipients: UrgeRecipient[];
  step_id: string | null;
  fire_at: Date | null;
  fired_at: Date | null;
  skipped: boolean;
}

interface DueTaskAlarm extends TaskAlarmRow {
  status: string;
  source: TrackedTaskSource;
  source_id: string;
  department_id: string;
  due_at: Date;
}

/** Fires the tasks' due reminders once (see the module comment); returns how many fired and were skipped. */
export async function fireDueTaskAlarms(em: EntityManager, batch: number, now = new Date()): Promise<{ fired: number; skipped: number }> {
  return em.transactional(async (tx) => {
    const due = await tx.execute<DueTaskAlarm[]>(
      `select a.task_id, a.mark, a.share_pct, a.level, a.recipients, a.step_id, t.status, t.source, t.source_id, t.department_id, t.due_at
       from sup_task_alarm a join sup_task t on t.id = a.task_id
       where a.fired_at is null and a.fire_at <= ?
       order by a.fire_at
       limit ?
       for update of a, t skip locked`,
      [now, batch],
    );
    if (due.length === 0) return { fired: 0, skipped: 0 };
    const events: EventEnvelope[] = [];
    const fired: DueTaskAlarm[] = [];
    const skipped: DueTaskAlarm[] = [];
    for (const a of due) {
      const dueAt = new Date(a.due_at);
      if (a.status !== 'open' || isStaleReminder(a.share_pct, dueAt, now)) {
        skipped.push(a);
        continue;
      }
      events.push(
        createEvent({
          type: 'hotline.task.urged',
          source: 'supervision',
          actor: { system: 'supervision-ladder' },
          data: {
            taskId: a.task_id,
            source: a.source,
            sourceId: a.source_id,
            departmentId: a.department_id,
            level: a.level,
            recipients: a.recipients,
            dueAt: dueAt.toISOString(),
            ...(a.step_id ? { stepId: a.step_id } : {}),
          },
        }),
      );
      fired.push(a);
    }
    const mark = async (rows: DueTaskAlarm[], isSkipped: boolean) => {
      if (rows.length === 0) return;
      await tx.execute(`update sup_task_alarm set fired_at = ?, skipped = ? where (task_id, mark) in (${rows.map(() => '(?::uuid, ?)').join(',')})`, [
        now,
        isSkipped,
        ...rows.flatMap((r) => [r.task_id, r.mark]),
      ]);
    };
    await mark(fired, false);
    await mark(skipped, true);
    if (events.length) await recordEvents(tx, events);
    return { fired: fired.length, skipped: skipped.length };
  });
}

/** The alarm rows of some tasks, in firing order. */
export async function taskAlarmsOf(em: EntityManager, taskIds: readonly string[]): Promise<TaskAlarmRow[]> {
  if (taskIds.length === 0) return [];
  return em.execute<TaskAlarmRow[]>(
    `select task_id, mark, share_pct, level, recipients, step_id, fire_at, fired_at, skipped from sup_task_alarm where task_id in (${taskIds.map(() => '?').join(',')}) order by share_pct`,
    [...taskIds],
  );
}
