import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** open 待回访 → done 已回访 | unreachable 未接通 | refused 拒绝回访 | cancelled (a supervisor reopened the case first). */
export const TASK_STATUSES = ['open', 'done', 'unreachable', 'refused', 'cancelled'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** 回访任务: one per case and round, created on 办结, held by one 回访员 at a time. */
@Entity({ tableName: 'callback_task' })
@Unique({ properties: ['caseId', 'round'] })
@Index({ name: 'callback_task_open_due', expression: "create index callback_task_open_due on callback_task (due_at, id) where status = 'open'" })
@Index({ name: 'callback_task_assignee', expression: "create index callback_task_assignee on callback_task (assignee_id, due_at) where status = 'open'" })
export class CallbackTask {
  [OptionalProps]?: 'status' | 'attempts' | 'version';

  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) caseId!: string;
  @Property({ type: 'string', length: 64 }) externalNo!: string;
  @Property({ type: 'string', length: 50 }) topic!: string;
  @Property({ type: 'uuid', nullable: true }) departmentId?: string | null;
  @Property({ type: 'integer' }) round!: number;
  @Property({ type: 'string', length: 16 }) status: TaskStatus = 'open';
  @Property({ type: 'Date', columnType: 'timestamptz' }) completedAt!: Date;
  /** 回访时限 */
  @Property({ type: 'Date', columnType: 'timestamptz' }) dueAt!: Date;
  @Property({ type: 'uuid', nullable: true }) assigneeId?: string | null;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) assignedAt?: Date | null;
  @Property({ type: 'integer' }) attempts: number = 0;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) nextAttemptAt?: Date | null;
  @Property({ type: 'Date', columnType: 'timestamptz' }) createdAt: Date = new Date();
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) closedAt?: Date | null;
  @Property({ type: 'integer', version: true }) version: number = 1;
}

/** 回访呼叫记录: one call, its outcome, who made it. Never changed. */
@Entity({ tableName: 'callback_attempt' })
@Unique({ properties: ['taskId', 'attempt'] })
export class CallbackAttempt {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) taskId!: string;
  @Property({ type: 'uuid' }) caseId!: string;
  @Property({ type: 'integer' }) attempt!: number;
  @Property({ type: 'string', length: 16 }) outcome!: string;
  @Property({ type: 'text', nullable: true }) note?: string | null;
  @Property({ type: 'Date', columnType: 'timestamptz' }) at!: Date;
  @Property({ type: 'uuid' }) byUser!: string;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) nextAttemptAt?: Date | null;
}
