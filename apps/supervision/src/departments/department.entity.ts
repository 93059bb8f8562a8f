import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** supervision's copy of identity's departments (科室), kept from `hotline.department.*`: meeting attendance, task owners, material by department. */
@Entity({ tableName: 'sup_department' })
export class DepartmentProjection {
  @PrimaryKey({ type: 'uuid' }) id!: string;
  @Property({ type: 'string', length: 64 }) code!: string;
  @Property({ type: 'string', length: 100 }) name!: string;
  @Property({ type: 'boolean' }) active!: boolean;
}
