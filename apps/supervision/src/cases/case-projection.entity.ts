import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

/** supervision's view of a case, from intake's and dispatch's events (no personal data). */
@Entity({ tableName: 'sup_case' })
export class CaseProjection {
  [OptionalProps]?: 'title' | 'assistDepartmentIds' | 'historical';

  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string', length: 64 }) externalNo!: string;
  @Property({ type: 'string', length: 60 }) title: string = '';
  @Property({ type: 'string', length: 16 }) requestType!: string;
  @Property({ type: 'string', length: 50 }) topic!: string;
  @Property({ type: 'string', length: 16 }) tier!: string;
  @Property({ type: 'string', length: 16 }) urgency!: string;
  /** 主办科室 */
  @Property({ type: 'uuid', nullable: true }) leadDepartmentId?: string | null;
  /** 协办科室 */
  @Property({ type: 'string[]', columnType: 'text[]' }) assistDepartmentIds: string[] = [];
  @Property({ type: 'Date', columnType: 'timestamptz' }) receivedAt!: Date;
  @Property({ type: 'Date', columnType: 'timestamptz', nullable: true }) completedAt?: Date | null;
  /** Imported history that arrived completed: it runs no clocks. */
  @Property({ type: 'boolean' }) historical: boolean = false;

  departmentIds(): string[] {
    return departmentIdsOf(this);
  }
}

/** 主办 then 协办 departments of a case (none before it is dispatched); also for plain rows (kit readRows). */
export function departmentIdsOf(p: Pick<CaseProjection, 'leadDepartmentId' | 'assistDepartmentIds'>): string[] {
  return p.leadDepartmentId ? [p.leadDepartmentId, ...p.assistDepartmentIds] : [];
}
