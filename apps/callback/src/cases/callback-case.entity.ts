import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * callback's view of a case, kept from the event stream (no personal data): what the three rates
 * need — topic, lead department, when it was dispatched, first contacted, due and completed — and
 * the round the case is in (1, then 2 after a 二次督办 …).
 */
@Entity({ tableName: 'callback_case' })
export class CallbackCase {
  [OptionalProps]?: 'round' | 'version';

  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string', length: 64 }) externalNo!: string;
  @Property({ type: 'string', length: 50 }) topic!: string;
  @Property({ type: 'Date', columnType: 'timestamptz' }) receivedAt!: Date;
  @Property({ type: 'uuid', nullable: true }) leadDepartmentId?: string | null;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) dispatchedAt?: Date | null;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) contactedAt?: Date | null;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) handleDeadlineAt?: Date | null;
  /** The first 办结: puts the case in an assessment period. */
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) firstCompletedAt?: Date | null;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) lastCompletedAt?: Date | null;
  /** 办理轮次: 1, and one more for each reopen (二次督办). */
  @Property({ type: 'integer' }) round: number = 1;
  @Property({ type: 'integer', version: true }) version: number = 1;
}
