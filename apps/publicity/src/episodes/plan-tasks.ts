import type { CalendarData } from '@hotline/calendar';
import { workingDaysAfterDate, workingDaysBefore } from '../calendar/working-calendar';
import type { TaskPhase } from './episode-task.entity';

export interface TaskPlan {
  phase: TaskPhase;
  title: string;
  departmentId: string;
  dueAt: Date;
}

/** What a task asks for when the supervisor names no task of their own. */
export const DEFAULT_TASK_TITLES: Record<TaskPhase, string> = {
  preparation: '准备节目材料，确定出镜人员，核实所涉工单办理情况',
  'follow-up': '跟进节目所涉问题的整改，报送整改结果',
};

/**
 * The tasks of an episode, due on the working calendar: a preparation task is due at the end of
 * the `preparationDays`-th working day before the air date, a follow-up task at the end of the
 * `followUpDays`-th working day after it. Without explicit tasks, each participating department
 * gets one of each.
 */
export function planEpisodeTasks(
  cal: CalendarData,
  airDate: string,
  departmentIds: readonly string[],
  days: { preparationDays: number; followUpDays: number },
  tasks?: ReadonlyArray<{ phase: TaskPhase; title?: string | null; departmentId: string }> | null,
): TaskPlan[] {
  const wanted =
    tasks && tasks.length
      ? tasks
      : departmentIds.flatMap((departmentId) => (['preparation', 'follow-up'] as const).map((phase) => ({ phase, departmentId, title: null })));
  const prepDue = workingDaysBefore(cal, airDate, days.preparationDays);
  const followDue = workingDaysAfterDate(cal, airDate, days.followUpDays);
  return wanted.map((t) => ({
    phase: t.phase,
    title: t.title?.trim() || DEFAULT_TASK_TITLES[t.phase],
    departmentId: t.departmentId,
    dueAt: t.phase === 'preparation' ? prepDue : followDue,
  }));
}
