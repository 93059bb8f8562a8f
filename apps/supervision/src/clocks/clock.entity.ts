import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { ClockKind } from '@hotline/contracts';
import type { ClockOutcome, ClockRecord, ClockState, Measure } from './clock-engine';

/** One clock of a case (签收/分转/首次联系/办理/回访), as the engine computed it from the case's events. */
@Entity({ tableName: 'sup_clock' })
export class Clock implements ClockRecord {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'uuid' }) caseId!: string;
  @Property({ type: 'string', length: 16 }) kind!: ClockKind;
  @Property({ type: 'uuid' }) definitionId!: string;
  @Property({ type: 'string', length: 64 }) definitionKey!: string;
  @Property({ type: 'integer' }) definitionVersion!: number;
  @Property({ type: 'string', length: 8 }) measure!: Measure;
  @Property({ type: 'double', nullable: true }) targetMs!: number | null;
  @Property({ type: 'string', length: 16 }) state!: ClockState;
  @Property({ type: 'Date', columnType: 'timestamptz' }) startedAt!: Date;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) dueAt!: Date | null;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) segmentStartedAt!: Date | null;
  @Property({ type: 'double' }) consumedMs!: number;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) pausedAt!: Date | null;
  @Property({ type: 'double' }) pausedMs!: number;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) stoppedAt!: Date | null;
  @Property({ type: 'string', length: 16, nullable: true }) outcome!: ClockOutcome | null;
  @Property({ type: 'string', length: 64, nullable: true }) blockedReason!: string | null;
  @Property({ type: 'uuid', nullable: true }) departmentId!: string | null;
  /** Written by the scheduler: the last warning and the breach. */
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) warnedAt?: Date | null;
  @Property({ type: 'double', nullable: true }) warnedShare?: number | null;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) breachedAt?: Date | null;
  @Property({ type: 'Date', columnType: 'timestamptz' }) updatedAt: Date = new Date();
}
