import type { ConsumerDefinition } from '@hotline/service-kit';
import { DepartmentProjection } from './department.entity';

export const departmentsConsumer = (): ConsumerDefinition => ({
  name: 'supervision-departments',
  subject: 'hotline.department.>',
  handlers: {
    'hotline.department.upserted': async (e, em) => {
      const d = e.data as { departmentId: string; code: string; name: string; active: boolean };
      await em.upsert(DepartmentProjection, { id: d.departmentId, code: d.code, name: d.name, active: d.active });
    },
  },
});
