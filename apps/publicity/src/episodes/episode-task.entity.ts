import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

export const TASK_PHASES = ['preparation', 'follow-up'] as const;
export type TaskPhase = (typeof TASK_PHASES)[number];

/** 筹备 / 跟进任务 of an episode: what a department must do, by when (working calendar). */
@Entity({ tableName: 'publicity_task' })
@Index({ properties: ['itemId', 'dueAt'] })
// A department's open tasks: the partial index publicity_task_open (department_id, due_at) where done_at is null (migration).
export class EpisodeTask {
  [OptionalProps]?: 'doneAt' | 'doneBy' | 'doneNote';
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) itemId!: string;
  @Property({ type: 'string', length: 16 }) phase!: TaskPhase;
  @Property({ type: 'string', length: 200 }) title!: string;
  /** 责任科室 */
  @Property({ type: 'uuid' }) departmentId!: string;
  @Property({ type: 'Date', columnType: 'timestamptz' }) dueAt!: Date;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) doneAt: Date | null = null;
  @Property({ type: 'uuid', nullable: true }) doneBy: string | null = null;
  @Property({ type: 'text', nullable: true }) doneNote: string | null = null;
}
