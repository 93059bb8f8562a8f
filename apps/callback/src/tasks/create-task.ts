import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent } from '@hotline/contracts';
import { recordEvent } from '@hotline/service-kit';
import { afterWorkingDays } from '../calendar/working-time';
import type { CallbackCase } from '../cases/callback-case.entity';
import type { CallbackSettings } from '../context';

/**
 * 回访时限: the end of working hours on the N-th working day after 办结. Beyond the loaded calendar
 * years the calendar refuses; the task is still created (a citizen must be called back) with a
 * natural-day due time, which the queue shows like any other.
 */
export function callbackDueAt(completedAt: Date, s: Pick<CallbackSettings, 'calendar' | 'hours' | 'dueWorkingDays'>): Date {
  try {
    return afterWorkingDays(completedAt, s.dueWorkingDays, s.calendar, s.hours);
  } catch {
    return new Date(completedAt.getTime() + s.dueWorkingDays * 86_400_000);
  }
}

/**
 * One task per case and round: a redelivered or repeated 办结 of the same round finds it and adds
 * nothing. A new task tells the stream (`hotline.callback.scheduled`: the case is 待回访) in the
 * same transaction.
 */
export async function createTaskForRound(
  em: EntityManager,
  c: CallbackCase,
  completedAt: Date,
  departmentId: string | null,
  s: CallbackSettings,
  now = new Date(),
): Promise<void> {
  const dueAt = callbackDueAt(completedAt, s);
  const [created] = await em.execute<Array<{ id: string }>>(
    `insert into callback_task (id, case_id, external_no, topic, department_id, round, status, completed_at, due_at, attempts, created_at, version)
     values (?, ?, ?, ?, ?, ?, 'open', ?, ?, 0, ?, 1) on conflict (case_id, round) do nothing returning id`,
    [randomUUID(), c.id, c.externalNo, c.topic, departmentId, c.round, completedAt, dueAt, now],
  );
  if (!created) return;
  await recordEvent(
    em,
    createEvent({
      type: 'hotline.callback.scheduled',
      source: 'callback',
      actor: { system: 'callback' },
      caseId: c.id,
      data: {
        externalNo: c.externalNo,
        taskId: created.id,
        round: c.round,
        ...(departmentId ? { departmentId } : {}),
        dueAt: dueAt.toISOString(),
        scheduledAt: now.toISOString(),
      },
    }),
  );
}
