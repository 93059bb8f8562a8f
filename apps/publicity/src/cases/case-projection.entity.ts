import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * publicity's copy of what it needs to know about a work order (工单), kept from intake's and
 * dispatch's events: that it exists, its number and title (no personal data), and which
 * departments hold it — so a handler's scope applies here as it does in intake.
 */
@Entity({ tableName: 'publicity_case' })
export class CaseProjection {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string', length: 64 }) externalNo!: string;
  @Property({ type: 'string', length: 60 }) title!: string;
  @Property({ type: 'string', length: 50 }) topic!: string;
  @Property({ type: 'Date', columnType: 'timestamptz' }) receivedAt!: Date;
  /** Lead and assisting departments of the current routing. */
  @Property({ type: 'text[]' }) departmentIds: string[] = [];
}
