import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { SupervisionOutcome } from '@hotline/contracts';

/**
 * 二次督办: the tracked second (or later) round of a case the citizen called unresolved or
 * dissatisfied — opened with the reopen, closed by that round's callback result. Hosted in
 * callback until apps/supervision takes it over (docs/architecture.md).
 */
@Entity({ tableName: 'callback_supervision' })
@Index({ properties: ['status', 'dueAt'] })
export class SecondSupervision {
  [OptionalProps]?: 'status';

  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) caseId!: string;
  @Property({ type: 'string', length: 64 }) externalNo!: string;
  @Property({ type: 'integer' }) round!: number;
  @Property({ type: 'uuid', nullable: true }) departmentId?: string | null;
  /** 重办说明 (free text, shown masked; events carry a scrubbed copy). */
  @Property({ type: 'text' }) reason!: string;
  @Property({ type: 'string', length: 16 }) trigger!: 'callback' | 'supervisor';
  @Property({ type: 'Date', columnType: 'timestamptz' }) openedAt!: Date;
  @Property({ type: 'uuid' }) openedBy!: string;
  @Property({ type: 'Date', columnType: 'timestamptz' }) dueAt!: Date;
  @Property({ type: 'string', length: 16 }) status: 'open' | 'closed' = 'open';
  @Property({ type: 'string', length: 16, nullable: true }) outcome?: SupervisionOutcome | null;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) closedAt?: Date | null;
}
