import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import type { UrgeLevel, UrgeRecipient } from '@hotline/contracts';

/** 催办: one reminder or escalation, by the ladder or by a supervisor's hand. */
@Entity({ tableName: 'sup_urge' })
export class Urge {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'uuid' }) caseId!: string;
  @Property({ type: 'uuid', nullable: true }) clockId?: string | null;
  /** The clock kind it was about. */
  @Property({ type: 'string', length: 16, nullable: true }) kind?: string | null;
  @Property({ type: 'string', length: 16 }) level!: UrgeLevel;
  @Property({ type: 'string[]', columnType: 'text[]' }) recipients!: UrgeRecipient[];
  @Property({ type: 'uuid', nullable: true }) departmentId?: string | null;
  @Property({ type: 'uuid', nullable: true }) stepId?: string | null;
  /** The supervisor's note (manual 催办), as written; the event carries it with numbers scrubbed. */
  @Property({ type: 'string', length: 200, nullable: true }) note?: string | null;
  @Property({ type: 'Date', columnType: 'timestamptz' }) at!: Date;
  @Property({ type: 'uuid', nullable: true }) byUser?: string | null;
  @Property({ type: 'string', length: 16, nullable: true }) byRole?: string | null;
}
