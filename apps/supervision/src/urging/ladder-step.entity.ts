import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { UrgeLevel, UrgeRecipient } from '@hotline/contracts';

/** A step of the 催办 ladder: at this share of a clock's target, urge these people. */
@Entity({ tableName: 'sup_ladder_step' })
export class LadderStep {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string', length: 50 }) name!: string;
  /** Clock kinds it applies to; empty = every kind. */
  @Property({ type: 'string[]', columnType: 'text[]' }) clockKinds!: string[];
  /** Share of the target in percent: 80 = before the deadline, 100 = at it, 150 = half the target again after it. */
  @Property({ type: 'integer' }) sharePct!: number;
  @Property({ type: 'string', length: 16 }) level!: UrgeLevel;
  @Property({ type: 'string[]', columnType: 'text[]' }) recipients!: UrgeRecipient[];
  @Property({ type: 'boolean' }) active!: boolean;
  @Property({ type: 'Date', columnType: 'timestamptz' }) updatedAt!: Date;
  @Property({ type: 'string', length: 64 }) updatedBy!: string;
}
