import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { CaseFacts } from './three-rates';
import type { ScoringPolicyRules } from './scoring-policy';

/** One version of the scoring policy (三率考核口径), from a month on. Never edited: a change is a new version. */
@Entity({ tableName: 'callback_scoring_policy' })
@Unique({ properties: ['effectiveFrom', 'version'] })
export class ScoringPolicy {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  /** YYYY-MM */
  @Property({ type: 'string', length: 7 }) effectiveFrom!: string;
  @Property({ type: 'integer' }) version!: number;
  @Property({ type: 'json' }) rules!: ScoringPolicyRules;
  /** The shipped default, to be confirmed with the bureau (待确认). */
  @Property({ type: 'boolean' }) isDefault!: boolean;
  @Property({ type: 'string', length: 200 }) note!: string;
  @Property({ type: 'Date', columnType: 'timestamptz' }) createdAt!: Date;
  @Property({ type: 'string', length: 64 }) createdBy!: string;
}

/** A closed (frozen) assessment period: the policy it was closed under and the raw facts of its cases. */
@Entity({ tableName: 'callback_scoring_period' })
export class ClosedPeriod {
  /** YYYY-MM */
  @PrimaryKey({ type: 'string', length: 7 }) period!: string;
  @Property({ type: 'uuid' }) policyId!: string;
  @Property({ type: 'json' }) facts!: CaseFacts[];
  @Property({ type: 'Date', columnType: 'timestamptz' }) closedAt!: Date;
  @Property({ type: 'uuid' }) closedBy!: string;
}
