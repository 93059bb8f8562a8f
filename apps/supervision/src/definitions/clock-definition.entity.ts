import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { ClockKind } from '@hotline/contracts';
import type { ClockDef } from '../clocks/clock-engine';
import type { Selector, TargetUnit, Triggers } from './definition-rules';

/** A version of a clock definition (时限规则). A new version supersedes the current one; rows are never changed otherwise. */
@Entity({ tableName: 'sup_clock_definition' })
export class ClockDefinition implements ClockDef {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string', length: 64 }) key!: string;
  @Property({ type: 'integer' }) version!: number;
  @Property({ type: 'string', length: 16 }) kind!: ClockKind;
  @Property({ type: 'string', length: 100 }) name!: string;
  @Property({ type: 'json' }) selector!: Selector;
  @Property({ type: 'string', length: 16 }) targetUnit!: TargetUnit;
  @Property({ type: 'double' }) targetAmount!: number;
  @Property({ type: 'json' }) triggers!: Triggers;
  @Property({ type: 'number[]', columnType: 'integer[]' }) warnShares!: number[];
  @Property({ type: 'integer' }) priority!: number;
  @Property({ type: 'boolean' }) deadlineFromEvent!: boolean;
  @Property({ type: 'boolean' }) active!: boolean;
  @Property({ type: 'string', length: 200, nullable: true }) note?: string | null;
  @Property({ type: 'Date', columnType: 'timestamptz' }) createdAt!: Date;
  @Property({ type: 'string', length: 64 }) createdBy!: string;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) supersededAt!: Date | null;
}
