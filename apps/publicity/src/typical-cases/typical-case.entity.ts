import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { TypicalCaseStage } from '@hotline/contracts';

/**
 * 典型案例 (typical case): a work order written up to earn bonus points. Nominated by a
 * supervisor from a case, drafted (text and material files), reviewed, submitted to the district,
 * then closed with points awarded (已加分) or refused (未采纳). Each open stage has a deadline on
 * the working calendar.
 */
@Entity({ tableName: 'publicity_typical_case' })
@Index({ properties: ['stage', 'stageDueAt'] })
export class TypicalCase {
  [OptionalProps]?: 'version' | 'draftText' | 'reviewNote' | 'refusalReason' | 'submittedAt' | 'closedAt';
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  /** The work order it was nominated from (more may be linked in publicity_item_case). */
  @Property({ type: 'uuid' }) caseId!: string;
  @Property({ type: 'string', length: 100 }) title!: string;
  /** Why this case is worth showing (提名理由). */
  @Property({ type: 'text' }) reason!: string;
  @Property({ type: 'string', length: 16 }) stage!: TypicalCaseStage;
  /** Deadline of the current stage (null once submitted or closed). */
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) stageDueAt!: Date | null;
  @Property({ type: 'text', nullable: true }) draftText: string | null = null;
  @Property({ type: 'text', nullable: true }) reviewNote: string | null = null;
  @Property({ type: 'text', nullable: true }) refusalReason: string | null = null;
  @Property({ type: 'uuid' }) nominatedBy!: string;
  @Property({ type: 'Date', columnType: 'timestamptz' }) nominatedAt!: Date;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) submittedAt: Date | null = null;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) closedAt: Date | null = null;
  /** Optimistic lock: two supervisors acting at once cannot both commit. */
  @Property({ type: 'integer', version: true }) version!: number;
}
