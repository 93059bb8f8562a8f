import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { Satisfaction } from '@hotline/contracts';

/**
 * 区级平台回访结果: the district platform's own callback answer for a case (imported from its
 * .xlsx/.csv), shown beside the bureau's and counted when the month's policy says so. One per case
 * and round; importing the same row again changes nothing.
 */
@Entity({ tableName: 'callback_official_result' })
@Unique({ properties: ['caseId', 'round'] })
@Index({ properties: ['externalNo'] })
export class OfficialResult {
  @PrimaryKey({ type: 'uuid' }) id: string = randomUUID();
  @Property({ type: 'uuid' }) caseId!: string;
  @Property({ type: 'string', length: 64 }) externalNo!: string;
  @Property({ type: 'integer' }) round!: number;
  @Property({ type: 'boolean' }) reached!: boolean;
  @Property({ type: 'boolean', nullable: true }) resolved?: boolean | null;
  @Property({ type: 'string', length: 16, nullable: true }) satisfaction?: Satisfaction | null;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) calledAt?: Date | null;
  @Property({ type: 'Date', columnType: 'timestamptz' }) importedAt!: Date;
  @Property({ type: 'uuid' }) importedBy!: string;
  @Property({ type: 'string', length: 200 }) fileName!: string;
}
