import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/** 重点人: a caller a supervisor flagged, known only by the keyed hash of their phone (and its masked form for people). */
@Entity({ tableName: 'intake_key_person' })
export class KeyPerson {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'string', length: 64, unique: true }) callerKey!: string;
  /** e.g. 138****5678: enough for a supervisor to recognize the entry, not to call. */
  @Property({ type: 'string', length: 32 }) phoneMasked!: string;
  @Property({ type: 'string', length: 200 }) reason!: string;
  @Property({ type: 'boolean' }) active!: boolean;
  @Property({ type: 'Date', columnType: 'timestamptz' }) flaggedAt!: Date;
  @Property({ type: 'uuid' }) flaggedBy!: string;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) unflaggedAt?: Date | null;
  @Property({ type: 'uuid', nullable: true }) unflaggedBy?: string | null;
}

/** Every flag and unflag: who, when, why (audit; internal to intake). */
@Entity({ tableName: 'intake_key_person_audit' })
@Index({ properties: ['keyPersonId', 'at'] })
export class KeyPersonAudit {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) keyPersonId!: string;
  @Property({ type: 'string', length: 8 }) action!: 'flag' | 'unflag';
  @Property({ type: 'string', length: 200 }) reason!: string;
  @Property({ type: 'uuid' }) actorUserId!: string;
  @Property({ type: 'string', length: 64 }) actor!: string;
  @Property({ type: 'Date', columnType: 'timestamptz' }) at!: Date;
}
