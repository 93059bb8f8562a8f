import { z } from 'zod';
import { defineEvent, EventDefinition, iso } from './shared';
import { URGE_LEVELS, URGE_LEVEL_LABELS, URGE_RECIPIENTS, URGE_RECIPIENT_LABELS } from './supervision.events';

/** Where a tracked task (督办事项) comes from: a 调度会 decision, or a publicity episode's task. */
export const TRACKED_TASK_SOURCES = ['meeting', 'publicity'] as const;
export type TrackedTaskSource = (typeof TRACKED_TASK_SOURCES)[number];
export const TRACKED_TASK_SOURCE_LABELS: Record<TrackedTaskSource, string> = { meeting: '调度会决定', publicity: '宣传任务' };

const meetingId = z.string().min(1);
const taskId = z.string().min(1);
const departmentId = z.string().min(1);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * 调度会 (dispatch meetings) and 督办事项 (tracked tasks), published by supervision. No free text
 * (titles, topics, decisions and task texts stay in supervision): partners learn that a meeting
 * was held, which department owes what by when, when it was done, and each 催办 of a task.
 */
export const MEETING_EVENTS = {
  /** A 调度会 was scheduled (or recorded): its date, the attending departments and how many topics it has. */
  'hotline.meeting.scheduled': defineEvent({
    label: '调度会安排',
    versions: {
      1: z.object({ meetingId, heldOn: date, departmentIds: z.array(departmentId), topicCount: z.number().int().min(0), caseIds: z.array(z.string().min(1)) }),
    },
  }),
  /** A task decided at the meeting: its owner department and its due time on the working calendar. */
  'hotline.meeting.task-assigned': defineEvent({
    label: '调度会任务分派',
    versions: { 1: z.object({ meetingId, taskId, departmentId, dueDate: date, dueAt: iso }) },
  }),
  /** The owner department marked the task done (the 催办 ladder stops). */
  'hotline.meeting.task-done': defineEvent({
    label: '调度会任务完成',
    versions: { 1: z.object({ meetingId, taskId, departmentId, doneAt: iso, late: z.boolean() }) },
  }),
  /** 督办事项催办: a step of the 催办 ladder reached a tracked task (a meeting's or a publicity episode's); the owner department is told. */
  'hotline.task.urged': defineEvent({
    label: '督办事项催办',
    versions: {
      1: z.object({
        taskId,
        source: z.enum(TRACKED_TASK_SOURCES),
        /** The meeting id or the publicity item id the task belongs to. */
        sourceId: z.string().min(1),
        departmentId,
        level: z.enum(URGE_LEVELS),
        recipients: z.array(z.enum(URGE_RECIPIENTS)).min(1),
        dueAt: iso,
        stepId: z.string().optional(),
      }),
    },
    summary: (d) =>
      `${URGE_LEVEL_LABELS[d.level]}（${TRACKED_TASK_SOURCE_LABELS[d.source]}） → ${d.recipients.map((r) => URGE_RECIPIENT_LABELS[r]).join('、')}`,
  }),
} as const satisfies Record<string, EventDefinition>;
