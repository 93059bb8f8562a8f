import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A 不纳入考核 claim as callback knows it from supervision's events: pending (submitted), approved,
 * or rejected/withdrawn. Only approved ones leave the three-rate denominators (under the policy).
 */
@Entity({ tableName: 'callback_exclusion' })
@Index({ properties: ['caseId', 'status'] })
export class CaseExclusion {
  @PrimaryKey({ type: 'uuid' }) claimId!: string;
  @Property({ type: 'uuid' }) caseId!: string;
  @Property({ type: 'string', length: 64 }) externalNo!: string;
  @Property({ type: 'string', length: 64 }) exclusionType!: string;
  /** The assessment month the claim was made for (YYYY-MM). */
  @Property({ type: 'string', length: 7 }) month!: string;
  @Property({ type: 'string', length: 16 }) status!: 'submitted' | 'approved' | 'rejected' | 'withdrawn';
  @Property({ type: 'Date', columnType: 'timestamptz' }) updatedAt!: Date;
}
