import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * 工单全文缓存: a case's whole title and content as intake serves them to routing (personal data
 * already masked by intake), with the topic they were read under and its taxonomy code. A row
 * whose topic no longer matches the case's (reclassified) is read again.
 */
@Entity({ tableName: 'dispatch_case_text' })
export class CaseText {
  @PrimaryKey({ type: 'uuid' }) caseId!: string;
  @Property({ type: 'text' }) title!: string;
  @Property({ type: 'text' }) content!: string;
  @Property({ type: 'string', length: 50 }) topic!: string;
  @Property({ type: 'string', length: 64, nullable: true }) topicCode?: string | null;
  @Property({ type: 'Date', columnType: 'timestamptz' }) fetchedAt!: Date;
}
