import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { afterWorkingDays } from '../calendar/working-time';
import type { CallbackCase } from '../cases/callback-case.entity';
import type { CallbackSettings } from '../context';
import { CallbackTask } from './callback-task.entity';

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

/** One task per case and round: a redelivered or repeated 办结 of the same round finds it and adds nothing. */
export async function createTaskForRound(em: EntityManager, c: CallbackCase, completedAt: Date, departmentId: string | null, s: CallbackSettings): Promise<void> {
  await em.upsert(
    CallbackTask,
    {
      // upsert writes plain data (no entity initializers): every column is given here.
      id: randomUUID(), caseId: c.id, externalNo: c.externalNo, topic: c.topic, departmentId, round: c.round, status: 'open', completedAt,
      dueAt: callbackDueAt(completedAt, s), attempts: 0, createdAt: new Date(), version: 1,
    },
    { onConflictFields: ['caseId', 'round'], onConflictAction: 'ignore' },
  );
}
