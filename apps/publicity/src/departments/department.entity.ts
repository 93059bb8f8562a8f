import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** publicity's copy of identity's departments (科室), kept from hotline.department.* events. */
@Entity({ tableName: 'publicity_department' })
export class DepartmentProjection {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string', length: 64 }) code!: string;
  @Property({ type: 'string', length: 100 }) name!: string;
  @Property({ type: 'boolean' }) active!: boolean;
}
