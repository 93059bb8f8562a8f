import 'reflect-metadata';
import { main } from '@hotline/service-kit';
import { Case } from './cases/case.entity';
import { IntakeConfigSchema } from './config';
import { migrations } from './migrations';
import { buildIntakeSchema } from './schema';
import { seedDemoCases } from './seed/demo-cases';
import { caseEventsConsumer } from './timeline/case-events.consumer';
import { TimelineEntry } from './timeline/timeline-entry.entity';

main({
  name: 'intake',
  configSchema: IntakeConfigSchema,
  entities: [Case, TimelineEntry],
  migrations,
  schema: buildIntakeSchema,
  consumers: () => [caseEventsConsumer()],
  onStart: async ({ orm, config, log }) => {
    if (config.SEED_DEMO) log.info({ created: await seedDemoCases(orm.em.fork()) }, 'demo cases seeded');
  },
});
