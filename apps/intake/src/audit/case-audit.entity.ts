import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * A change to a case's own data (re-import, classification correction, link): before, after,
 * who and why. Internal to intake (it may hold personal data); events carry only field names.
 */
@Entity({ tableName: 'intake_case_audit' })
@Index({ properties: ['caseId', 'at'] })
export class CaseAudit {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) caseId!: string;
  /** import-update | classified | linked | attachment-added | attachment-removed */
  @Property({ type: 'string', length: 32 }) kind!: string;
  @Property({ type: 'json', columnType: 'jsonb', nullable: true }) before?: Record<string, unknown> | null;
  @Property({ type: 'json', columnType: 'jsonb' }) after!: Record<string, unknown>;
  @Property({ type: 'string', length: 200 }) reason!: string;
  @Property({ type: 'uuid', nullable: true }) actorUserId?: string | null;
  /** role of the person, or `system:<name>` */
  @Property({ type: 'string', length: 64 }) actor!: string;
  @Property({ type: 'Date', columnType: 'timestamptz' }) at!: Date;
}
