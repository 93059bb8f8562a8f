import 'reflect-metadata';
import { main } from '@hotline/service-kit';
import { caseEventsConsumer } from './cases/case-events.consumer';
import { DispatchCase } from './cases/dispatch-case.entity';
import { DispatchConfigSchema } from './config';
import { DepartmentProjection } from './departments/department.entity';
import { departmentsConsumer } from './departments/departments.consumer';
import { migrations } from './migrations';
import { Reply } from './replies/reply.entity';
import { buildDispatchSchema } from './schema';

main({
  name: 'dispatch',
  configSchema: DispatchConfigSchema,
  entities: [DispatchCase, Reply, DepartmentProjection],
  migrations,
  schema: buildDispatchSchema,
  consumers: () => [caseEventsConsumer(), departmentsConsumer()],
  context: ({ config }) => ({ dispatchLimitMinutes: config.DISPATCH_LIMIT_MINUTES }),
});
