import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { TrackedTaskSource } from '@hotline/contracts';

export type TrackedTaskStatus = 'open' | 'done';

/**
 * 督办事项: a task some department owes by a due date on the working calendar — decided at a
 * 调度会, or a publicity episode's preparation / follow-up task (publicity owns those; supervision
 * only reminds through the 催办 ladder and records when publicity says they are done).
 */
@Entity({ tableName: 'sup_task' })
export class TrackedTask {
  [OptionalProps]?: 'status' | 'doneAt' | 'doneBy' | 'doneNote' | 'meetingId' | 'decisionId' | 'phase' | 'createdBy';

  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string', length: 16 }) source!: TrackedTaskSource;
  /** The meeting id, or publicity's item (episode) id. */
  @Property({ type: 'uuid' }) sourceId!: string;
  @Property({ type: 'uuid', nullable: true }) meetingId?: string | null;
  @Property({ type: 'uuid', nullable: true }) decisionId?: string | null;
  /** A publicity task's phase: preparation | follow-up. */
  @Property({ type: 'string', length: 16, nullable: true }) phase?: string | null;
  @Property({ type: 'string', length: 200 }) title!: string;
  /** 责任科室 */
  @Property({ type: 'uuid' }) departmentId!: string;
  /** Where the ladder's shares are measured from (the meeting day, or when publicity assigned it). */
  @Property({ type: 'Date', columnType: 'timestamptz' }) startsAt!: Date;
  /** The due date (Beijing, a working day). */
  @Property({ type: 'string', length: 10 }) dueDate!: string;
  /** The end of the due date's working time. */
  @Property({ type: 'Date', columnType: 'timestamptz' }) dueAt!: Date;
  @Property({ type: 'string', length: 8 }) status: TrackedTaskStatus = 'open';
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) doneAt?: Date | null;
  @Property({ type: 'uuid', nullable: true }) doneBy?: string | null;
  @Property({ type: 'string', length: 500, nullable: true }) doneNote?: string | null;
  @Property({ type: 'Date', columnType: 'timestamptz' }) createdAt!: Date;
  @Property({ type: 'uuid', nullable: true }) createdBy?: string | null;
}
