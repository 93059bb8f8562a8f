import 'reflect-metadata';
import { createTokenVerifier, main } from '@hotline/service-kit';
import { Case } from './cases/case.entity';
import { IntakeConfigSchema } from './config';
import { migrations } from './migrations';
import { buildIntakeSchema } from './schema';
import { seedDemoCases } from './seed/demo-cases';
import { caseEventsConsumer } from './timeline/case-events.consumer';
import { TimelineEntry } from './timeline/timeline-entry.entity';
import { RevealLogEntry } from './personal-data/reveal-log.entity';
import { CaseAudit } from './audit/case-audit.entity';
import { Open311Key } from './open311/api-key.entity';
import { seedDemoKey } from './open311/api-keys';
import { open311Routes } from './open311/open311.routes';
import { Topic } from './topics/topic.entity';
import { ImportJob, ImportMapping } from './imports/import-job.entity';
import { failInterruptedJobs } from './imports/imports';
import { importRoutes } from './imports/imports.routes';
import { feedbackConsumer } from './feedback/completed.consumer';
import { FeedbackDelivery } from './feedback/delivery-loop';
import { FeedbackAttempt, FeedbackRecord } from './feedback/feedback.entity';

main({
  name: 'intake',
  configSchema: IntakeConfigSchema,
  entities: [Case, TimelineEntry, RevealLogEntry, CaseAudit, Topic, Open311Key, ImportJob, ImportMapping, FeedbackRecord, FeedbackAttempt],
  migrations,
  schema: buildIntakeSchema,
  consumers: () => [caseEventsConsumer(), feedbackConsumer()],
  context: ({ config }) => ({ feedbackConfig: { FEEDBACK_WEBHOOK_URL: config.FEEDBACK_WEBHOOK_URL, FEEDBACK_WEBHOOK_SECRET: config.FEEDBACK_WEBHOOK_SECRET } }),
  routes: (app, { orm, log, config }) => {
    open311Routes(app, { orm, log, publicUrl: config.OPEN311_PUBLIC_URL });
    const verify = createTokenVerifier({ jwksUrl: config.IDENTITY_JWKS_URL, issuer: config.JWT_ISSUER, audience: config.JWT_AUDIENCE });
    importRoutes(app, { orm, log, verify });
  },
  onStart: async ({ orm, config, log }) => {
    const interrupted = await failInterruptedJobs(orm.em.fork());
    if (interrupted) log.warn({ interrupted }, 'import jobs interrupted by a restart were marked failed');
    if (config.SEED_DEMO) log.info({ created: await seedDemoCases(orm.em.fork()) }, 'demo cases seeded');
    if (config.SEED_DEMO) log.info({ created: await seedDemoKey(orm.em.fork()) }, 'demo Open311 key seeded');
    new FeedbackDelivery(orm, log, {
      maxAttempts: config.FEEDBACK_MAX_ATTEMPTS, retryBaseMs: config.FEEDBACK_RETRY_BASE_MS, pollMs: config.FEEDBACK_POLL_MS, config,
    }).start();
  },
});
