import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { ClaimStatus, ExclusionTypeRule } from './exclusion-rules';

/** 不纳入考核规则集: one version of a month's rules. Never edited: a change is a new version. */
@Entity({ tableName: 'sup_exclusion_rule_set' })
@Unique({ properties: ['month', 'version'] })
export class ExclusionRuleSet {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  /** Applies from this month (YYYY-MM) until a later rule set. */
  @Property({ type: 'string', length: 7 }) month!: string;
  @Property({ type: 'integer' }) version!: number;
  @Property({ type: 'json' }) types!: ExclusionTypeRule[];
  /** The shipped default, to confirm with the bureau (待与局方确认). */
  @Property({ type: 'boolean' }) isDefault!: boolean;
  @Property({ type: 'string', length: 200 }) note!: string;
  @Property({ type: 'Date', columnType: 'timestamptz' }) createdAt!: Date;
  @Property({ type: 'string', length: 64 }) createdBy!: string;
}

/** 不纳入考核申请: a claim to leave one case out of the assessment of a month. */
@Entity({ tableName: 'sup_exclusion_claim' })
@Index({ properties: ['month', 'status'] })
export class ExclusionClaim {
  [OptionalProps]?: 'submittedAt' | 'decidedAt' | 'decidedBy' | 'decisionNote';

  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) caseId!: string;
  @Property({ type: 'string', length: 64 }) externalNo!: string;
  /** The assessment month (YYYY-MM) the claim is for. */
  @Property({ type: 'string', length: 7 }) month!: string;
  /** The rule set version it was made under (kept when the month's rules change later). */
  @Property({ type: 'uuid' }) ruleSetId!: string;
  @Property({ type: 'string', length: 64 }) type!: string;
  /** 申请说明 — free text: may name people; never in an event or a log. */
  @Property({ type: 'text' }) statement!: string;
  @Property({ type: 'string', length: 16 }) status!: ClaimStatus;
  @Property({ type: 'Date', columnType: 'timestamptz' }) createdAt!: Date;
  @Property({ type: 'uuid' }) createdBy!: string;
  @Property({ type: 'Date', columnType: 'timestamptz' }) updatedAt!: Date;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) submittedAt: Date | null = null;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) decidedAt: Date | null = null;
  @Property({ type: 'uuid', nullable: true }) decidedBy: string | null = null;
  /** The district's answer as recorded (approve/reject) or the reason for withdrawing. */
  @Property({ type: 'string', length: 500, nullable: true }) decisionNote: string | null = null;
}

/** 佐证材料 of a claim: its bytes sit in the service's FileStore (by SHA-256). */
@Entity({ tableName: 'sup_exclusion_evidence' })
@Index({ properties: ['claimId', 'uploadedAt'] })
export class ExclusionEvidence {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) claimId!: string;
  /** The evidence kind of the type's rule it answers (e.g. `call-record`). */
  @Property({ type: 'string', length: 64 }) kind!: string;
  @Property({ type: 'string', length: 200 }) name!: string;
  @Property({ type: 'string', length: 120 }) contentType!: string;
  @Property({ type: 'integer' }) size!: number;
  @Property({ type: 'string', length: 64 }) sha256!: string;
  @Property({ type: 'uuid' }) uploadedBy!: string;
  @Property({ type: 'Date', columnType: 'timestamptz' }) uploadedAt!: Date;
}

/** Who did what to a claim, and who downloaded its files (审计). Details are scrubbed free text. */
@Entity({ tableName: 'sup_exclusion_audit' })
@Index({ properties: ['claimId', 'at'] })
export class ExclusionAudit {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) claimId!: string;
  @Property({ type: 'string', length: 32 }) action!: string;
  @Property({ type: 'string', length: 200, nullable: true }) detail!: string | null;
  @Property({ type: 'Date', columnType: 'timestamptz' }) at!: Date;
  @Property({ type: 'string', length: 64 }) byUser!: string;
  @Property({ type: 'string', length: 16 }) byRole!: string;
}
