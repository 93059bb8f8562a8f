import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** dispatch's own copy of identity's departments (科室), kept from hotline.department.* events. */
@Entity({ tableName: 'dispatch_department' })
export class DepartmentProjection {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string', length: 64 }) code!: string;
  @Property({ type: 'string', length: 100 }) name!: string;
  @Property({ type: 'boolean' }) active!: boolean;
}
