import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { RequestType, Urgency } from '@hotline/contracts';

export const DISPATCH_STAGES = ['received', 'signed', 'dispatched', 'replied', 'completed'] as const;
export type DispatchStage = (typeof DISPATCH_STAGES)[number];

/**
 * dispatch's view of a case: what intake's events told it (no personal data), plus what
 * dispatch owns — the assignment (主办/协办), its deadline, and the stage of the department work.
 */
@Entity({ tableName: 'dispatch_case' })
@Index({ properties: ['stage', 'signedAt'] })
export class DispatchCase {
  [OptionalProps]?: 'version' | 'assistDepartmentIds' | 'stage';

  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string', length: 64 }) externalNo!: string;
  @Property({ type: 'string', length: 50 }) topic!: string;
  @Property({ type: 'string', length: 16 }) requestType!: RequestType;
  @Property({ type: 'string', length: 16 }) urgency!: Urgency;
  @Property({ type: 'Date', columnType: 'timestamptz' }) receivedAt!: Date;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) upstreamDeadlineAt?: Date | null;
  @Property({ type: 'string', length: 16 }) stage: DispatchStage = 'received';
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) signedAt?: Date | null;

  /** 主办科室 */
  @Property({ type: 'uuid', nullable: true }) leadDepartmentId?: string | null;
  /** 协办科室 */
  @Property({ type: 'string[]', columnType: 'text[]' }) assistDepartmentIds: string[] = [];
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) dispatchedAt?: Date | null;
  @Property({ type: 'uuid', nullable: true }) dispatchedBy?: string | null;
  /** 办理时限 */
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) handleDeadlineAt?: Date | null;

  @Property({ type: 'integer', version: true }) version: number = 1;

  departmentIds(): string[] {
    return this.leadDepartmentId ? [this.leadDepartmentId, ...this.assistDepartmentIds] : [];
  }
}
