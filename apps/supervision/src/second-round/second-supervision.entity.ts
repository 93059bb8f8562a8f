import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { SupervisionOutcome } from '@hotline/contracts';

/**
 * 二次督办 (second supervision): the tracked second (or later) round of a completed case — opened
 * from a callback answer that was unresolved or dissatisfied, or by a supervisor's hand; closed by
 * that round's callback result. One per case and round.
 */
@Entity({ tableName: 'sup_second_supervision' })
@Unique({ properties: ['caseId', 'round'] })
@Index({ properties: ['status', 'dueAt'] })
export class SecondSupervision {
  [OptionalProps]?: 'status';

  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) caseId!: string;
  @Property({ type: 'string', length: 64 }) externalNo!: string;
  /** 办理轮次: 2 for the first 二次督办, then 3 … */
  @Property({ type: 'integer' }) round!: number;
  /** 主办科室 the round goes back to. */
  @Property({ type: 'uuid', nullable: true }) departmentId?: string | null;
  /** 重办说明, its personal numbers scrubbed (it is what the events carry too). */
  @Property({ type: 'string', length: 500 }) reason!: string;
  /** callback 回访不满意 | supervisor 督办员发起 */
  @Property({ type: 'string', length: 16 }) trigger!: 'callback' | 'supervisor';
  @Property({ type: 'Date', columnType: 'timestamptz' }) openedAt!: Date;
  /** The supervisor, or the 回访员 whose result asked for the round (null when a system recorded it). */
  @Property({ type: 'uuid', nullable: true }) openedBy?: string | null;
  /** The round's deadline on the working calendar. */
  @Property({ type: 'Date', columnType: 'timestamptz' }) dueAt!: Date;
  @Property({ type: 'string', length: 16 }) status: 'open' | 'closed' = 'open';
  @Property({ type: 'string', length: 16, nullable: true }) outcome?: SupervisionOutcome | null;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) closedAt?: Date | null;
}
