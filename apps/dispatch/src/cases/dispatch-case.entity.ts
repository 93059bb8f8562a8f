import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { ContactChannel, RequestType, Tier, Urgency } from '@hotline/contracts';

/**
 * received 待签收 → signed 待分转 → dispatched 已分转 → accepted 科室已接收 → replied 已答复（待局审核）
 * → completed 已办结. 退回 moves dispatched/accepted back to signed; 局审核退回 moves replied back to accepted.
 */
export const DISPATCH_STAGES = ['received', 'signed', 'dispatched', 'accepted', 'replied', 'completed'] as const;
export type DispatchStage = (typeof DISPATCH_STAGES)[number];

/**
 * dispatch's view of a case: what intake's events told it (no personal data), plus what
 * dispatch owns — the assignment (主办/协办), its deadline, and the stage of the department work.
 */
@Entity({ tableName: 'dispatch_case' })
@Index({ properties: ['stage', 'signedAt'] })
export class DispatchCase {
  [OptionalProps]?: 'version' | 'assistDepartmentIds' | 'stage' | 'title' | 'contentDigest' | 'returnCount' | 'confidential' | 'tier' | 'round';

  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string', length: 64 }) externalNo!: string;
  @Property({ type: 'string', length: 50 }) topic!: string;
  @Property({ type: 'string', length: 16 }) requestType!: RequestType;
  @Property({ type: 'string', length: 16 }) urgency!: Urgency;
  /** 工单分级 (简单类/一般类/疑难类): a 疑难类 case has 15 working days to be handled. */
  @Property({ type: 'string', length: 16 }) tier: Tier = 'general';
  @Property({ type: 'Date', columnType: 'timestamptz' }) receivedAt!: Date;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) upstreamDeadlineAt?: Date | null;
  @Property({ type: 'string', length: 16 }) stage: DispatchStage = 'received';
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) signedAt?: Date | null;
  /** The case's title and content digests (personal numbers scrubbed), project and street: what routing reads. */
  @Property({ type: 'string', length: 60 }) title: string = '';
  @Property({ type: 'string', length: 60 }) contentDigest: string = '';
  @Property({ type: 'string', length: 100, nullable: true }) projectName?: string | null;
  @Property({ type: 'string', length: 50, nullable: true }) street?: string | null;
  /** 保密件 (from hotline.case.received): dispatch's events then carry none of the case's free text. */
  @Property({ type: 'boolean' }) confidential: boolean = false;
  /** When the case (re-)entered 待分转: signature, or the last 退回. The 30-minute clock runs from here. */
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) queuedAt?: Date | null;
  @Property({ type: 'integer' }) returnCount: number = 0;

  /** 主办科室 */
  @Property({ type: 'uuid', nullable: true }) leadDepartmentId?: string | null;
  /** 协办科室 */
  @Property({ type: 'string[]', columnType: 'text[]' }) assistDepartmentIds: string[] = [];
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) dispatchedAt?: Date | null;
  @Property({ type: 'uuid', nullable: true }) dispatchedBy?: string | null;
  /** 办理时限 */
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) handleDeadlineAt?: Date | null;

  /** 接收 */
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) acceptedAt?: Date | null;
  @Property({ type: 'uuid', nullable: true }) acceptedBy?: string | null;
  /** 首次联系 */
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) contactedAt?: Date | null;
  @Property({ type: 'string', length: 16, nullable: true }) contactChannel?: ContactChannel | null;
  @Property({ type: 'uuid', nullable: true }) contactedBy?: string | null;
  /** 办结 */
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) completedAt?: Date | null;
  /** Every action touches these, so every change bumps `version` (optimistic lock) and says who. */
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) lastActionAt?: Date | null;
  @Property({ type: 'uuid', nullable: true }) lastActionBy?: string | null;

  /**
   * 并单: duty merged this case into a master case at intake (`hotline.case.linked`, kind merge).
   * The master is handled and its reply goes to this case's citizen too, so this case leaves the
   * 待分转 queue and every department inbox, and every action on it is refused (CASE_MERGED).
   */
  @Property({ type: 'uuid', nullable: true }) mergedIntoCaseId?: string | null;
  @Property({ type: 'string', length: 64, nullable: true }) mergedIntoExternalNo?: string | null;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) mergedAt?: Date | null;

  /**
   * 办理轮次: 1, then 2 … when callback reopened the completed case (unresolved or dissatisfied at
   * 回访 → 二次督办): the lead department handles it again with a new deadline.
   */
  @Property({ type: 'integer' }) round: number = 1;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) reopenedAt?: Date | null;

  @Property({ type: 'integer', version: true }) version: number = 1;

  departmentIds(): string[] {
    return this.leadDepartmentId ? [this.leadDepartmentId, ...this.assistDepartmentIds] : [];
  }
}
