import type { EntityManager } from '@mikro-orm/postgresql';
import type { CalendarData } from '@hotline/calendar';
import { beijingDate, parseDate } from '@hotline/calendar';
import { createEvent, PUBLICITY_ERRORS } from '@hotline/contracts';
import { actorOf, AuthUser, isUuid, parseInput, recordEvent, codedError } from '@hotline/service-kit';
import { z } from 'zod';
import { loadVisibleCases } from '../cases/case-access';
import { ItemCase } from '../cases/item-case.entity';
import { assertDepartments } from '../departments/department-check';
import { audit } from '../items/audit';
import { assertPublicityRole } from '../items/roles';
import { Episode } from './episode.entity';
import { EpisodeTask, TASK_PHASES } from './episode-task.entity';
import { planEpisodeTasks } from './plan-tasks';

export const beijingDateString = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((d) => {
    try {
      parseDate(d);
      return true;
    } catch {
      return false;
    }
  }, '日期不存在');

export const ScheduleEpisodeCommand = z.object({
  topic: z.string().trim().min(2, '选题至少 2 个字').max(100, '选题不能超过 100 个字'),
  airDate: beijingDateString,
  summary: z.string().trim().max(2000, '节目简介不能超过 2000 字').nullish(),
  caseIds: z.array(z.string()).max(50, '一期节目最多关联 50 件工单').default([]),
  departmentIds: z.array(z.string()).min(1, '请选择参与科室').max(20),
  tasks: z
    .array(
      z.object({
        phase: z.enum(TASK_PHASES),
        title: z.string().trim().max(200, '任务内容不能超过 200 字').nullish(),
        departmentId: z.string(),
      }),
    )
    .max(50)
    .nullish(),
});

export interface EpisodeDays {
  preparationDays: number;
  followUpDays: number;
}

/**
 * 策划一期《向前一步》: the episode, its cases, its departments and their preparation and
 * follow-up tasks (due on the working calendar), each task announced for the 催办 ladder.
 */
export async function scheduleEpisode(em: EntityManager, cal: CalendarData, days: EpisodeDays, user: AuthUser, input: unknown): Promise<Episode> {
  assertPublicityRole(user);
  const cmd = parseInput(ScheduleEpisodeCommand, input);
  const departmentIds = [...new Set(cmd.departmentIds)];
  if (cmd.tasks?.some((t) => !departmentIds.includes(t.departmentId))) throw codedError(PUBLICITY_ERRORS.TASK_DEPARTMENT_NOT_PARTICIPATING);
  const plan = planEpisodeTasks(cal, cmd.airDate, departmentIds, days, cmd.tasks);
  return em.transactional(async (tx) => {
    await assertDepartments(tx, departmentIds);
    const cases = await loadVisibleCases(tx, user, cmd.caseIds);
    const now = new Date();
    const ep = tx.create(Episode, { topic: cmd.topic, airDate: cmd.airDate, summary: cmd.summary ?? null, departmentIds, createdBy: user.id, createdAt: now });
    for (const c of cases) tx.create(ItemCase, { itemId: ep.id, caseId: c.id, itemKind: 'episode' });
    const tasks = plan.map((p) => tx.create(EpisodeTask, { itemId: ep.id, ...p }));
    audit(tx, user, 'episode', ep.id, 'scheduled', now, null);
    await tx.flush();
    for (const t of tasks) {
      await recordEvent(
        tx,
        createEvent({
          type: 'hotline.publicity.task-assigned',
          source: 'publicity',
          actor: actorOf(user),
          data: { itemId: ep.id, kind: 'episode', taskId: t.id, phase: t.phase, departmentId: t.departmentId, dueAt: t.dueAt.toISOString() },
        }),
      );
    }
    return ep;
  });
}

const EpisodeRef = z.object({ id: z.string(), expectedVersion: z.number().int().min(1).nullish() });

async function loadEpisode(tx: EntityManager, id: string, expectedVersion?: number | null): Promise<Episode> {
  if (!isUuid(id)) throw codedError(PUBLICITY_ERRORS.EPISODE_NOT_FOUND);
  const ep = await tx.findOne(Episode, { id });
  if (!ep) throw codedError(PUBLICITY_ERRORS.EPISODE_NOT_FOUND);
  if (expectedVersion != null && expectedVersion !== ep.version) throw codedError(PUBLICITY_ERRORS.EPISODE_STALE);
  return ep;
}

/** 已播出 / 取消: a planned episode aired (it may then earn points) or was cancelled. */
export async function setEpisodeStatus(em: EntityManager, user: AuthUser, input: unknown): Promise<Episode> {
  assertPublicityRole(user);
  const cmd = parseInput(EpisodeRef.extend({ status: z.enum(['aired', 'cancelled']) }), input);
  return em.transactional(async (tx) => {
    const ep = await loadEpisode(tx, cmd.id, cmd.expectedVersion);
    if (ep.status !== 'planned') throw codedError(PUBLICITY_ERRORS.EPISODE_NOT_PLANNED);
    if (cmd.status === 'aired' && ep.airDate > beijingDate(new Date())) throw codedError(PUBLICITY_ERRORS.NOT_AIRED_YET);
    ep.status = cmd.status;
    audit(tx, user, 'episode', ep.id, cmd.status, new Date(), null);
    await tx.flush();
    return ep;
  });
}

/** 任务完成: the owner department's handler or a supervisor marks a task done. */
export async function completeEpisodeTask(em: EntityManager, user: AuthUser, input: unknown): Promise<EpisodeTask> {
  const cmd = parseInput(z.object({ taskId: z.string(), note: z.string().trim().max(1000, '完成情况不能超过 1000 字').nullish() }), input);
  return em.transactional(async (tx) => {
    const t = isUuid(cmd.taskId) ? await tx.findOne(EpisodeTask, { id: cmd.taskId }) : null;
    // A handler sees only their department's tasks: any other is "not found".
    if (!t || (user.role === 'handler' && user.departmentId !== t.departmentId)) throw codedError(PUBLICITY_ERRORS.TASK_NOT_FOUND);
    if (user.role !== 'handler' && user.role !== 'supervisor') throw codedError(PUBLICITY_ERRORS.TASK_DONE_FORBIDDEN);
    if (t.doneAt) throw codedError(PUBLICITY_ERRORS.TASK_ALREADY_DONE);
    const now = new Date();
    t.doneAt = now;
    t.doneBy = user.id;
    t.doneNote = cmd.note ?? null;
    audit(tx, user, 'episode', t.itemId, 'task-done', now, cmd.note ?? null);
    await tx.flush();
    await recordEvent(
      tx,
      createEvent({
        type: 'hotline.publicity.task-done',
        source: 'publicity',
        actor: actorOf(user),
        data: { itemId: t.itemId, kind: 'episode', taskId: t.id, departmentId: t.departmentId, doneAt: now.toISOString() },
      }),
    );
    return t;
  });
}
