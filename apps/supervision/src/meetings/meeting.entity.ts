import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** A topic (议题) on the agenda, linked to cases and to clusters (ids only: clusters are detected elsewhere). */
export interface MeetingTopic {
  id: string;
  title: string;
  caseIds: string[];
  clusterIds: string[];
}

/** A decision (会议决定) taken at the meeting; its tasks are tracked tasks pointing back to it. */
export interface MeetingDecision {
  id: string;
  text: string;
  at: string;
  by: string;
}

/** 调度会: a dispatch meeting with its agenda, attendance, the period its material covers, and its decisions. */
@Entity({ tableName: 'sup_meeting' })
export class Meeting {
  [OptionalProps]?: 'decisions' | 'version';

  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string', length: 100 }) title!: string;
  /** 会议日期 (Beijing). */
  @Property({ type: 'string', length: 10 }) heldOn!: string;
  /** The period the analysis material covers (received dates, Beijing, inclusive). */
  @Property({ type: 'string', length: 10 }) periodFrom!: string;
  @Property({ type: 'string', length: 10 }) periodTo!: string;
  /** 参会科室 */
  @Property({ type: 'string[]', columnType: 'text[]' }) departmentIds!: string[];
  @Property({ type: 'json', columnType: 'jsonb' }) topics!: MeetingTopic[];
  @Property({ type: 'json', columnType: 'jsonb' }) decisions: MeetingDecision[] = [];
  @Property({ type: 'integer', version: true }) version: number = 1;
  @Property({ type: 'uuid' }) createdBy!: string;
  @Property({ type: 'Date', columnType: 'timestamptz' }) createdAt!: Date;
}
