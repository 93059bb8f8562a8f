import 'reflect-metadata';
import { ContextExtras, main } from '@hotline/service-kit';
import { Case } from './cases/case.entity';
import { IntakeConfigSchema } from './config';
import type { IntakeContext } from './context';
import { migrations } from './migrations';
import { buildIntakeSchema } from './schema';
import { seedDemoCases } from './seed/demo-cases';
import { callbackEventsConsumer, supervisionEventsConsumer } from './timeline/callback-events.consumer';
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
import { dispatchReplySource } from './feedback/completion-reply';
import { callbackTaskCheck } from './personal-data/callback-task-check';
import { FeedbackAttempt, FeedbackRecord } from './feedback/feedback.entity';
import { CaseAttachment } from './attachments/attachment.entity';
import { attachmentRoutes } from './attachments/attachments.routes';
import { configureCallerKey } from './key-persons/caller-key';
import { KeyPerson, KeyPersonAudit } from './key-persons/key-person.entity';

main({
  name: 'intake',
  configSchema: IntakeConfigSchema,
  entities: [
    Case,
    TimelineEntry,
    RevealLogEntry,
    CaseAudit,
    Topic,
    Open311Key,
    ImportJob,
    ImportMapping,
    FeedbackRecord,
    FeedbackAttempt,
    CaseAttachment,
    KeyPerson,
    KeyPersonAudit,
  ],
  migrations,
  schema: buildIntakeSchema,
  // The 办结反馈 webhook loop: made here, started with the service, stopped before its database closes.
  // The caller key (重点人, distinct callers) is set here, before anything is received (routes, seed, imports).
  setup: ({ orm, config, log, services }) => {
    configureCallerKey(config.CALLER_KEY_SECRET);
    return {
      delivery: new FeedbackDelivery(orm, log, {
        maxAttempts: config.FEEDBACK_MAX_ATTEMPTS,
        retryBaseMs: config.FEEDBACK_RETRY_BASE_MS,
        pollMs: config.FEEDBACK_POLL_MS,
        config,
        replies: dispatchReplySource(services, config.DISPATCH_GRAPHQL_URL),
      }),
    };
  },
  consumers: () => [caseEventsConsumer(), feedbackConsumer(), callbackEventsConsumer(), supervisionEventsConsumer()],
  context: ({ config, services, log }): ContextExtras<IntakeContext> => ({
    callbackTasks: callbackTaskCheck(services, config.CALLBACK_GRAPHQL_URL, log),
    feedbackConfig: { FEEDBACK_WEBHOOK_URL: config.FEEDBACK_WEBHOOK_URL, FEEDBACK_WEBHOOK_SECRET: config.FEEDBACK_WEBHOOK_SECRET },
    replies: dispatchReplySource(services, config.DISPATCH_GRAPHQL_URL),
  }),
  routeTemplates: ['/open311', '/imports', '/cases/:id/attachments'],
  routes: (app, { orm, log, config, verify }) => {
    open311Routes(app, { orm, log, publicUrl: config.OPEN311_PUBLIC_URL });
    importRoutes(app, { orm, log, verify });
    attachmentRoutes(app, { orm, log, verify, limits: { maxBytes: config.ATTACHMENT_MAX_BYTES, maxPerCase: config.ATTACHMENT_MAX_PER_CASE } });
  },
  onStop: async (_deps, { delivery }) => {
    await delivery.stop();
  },
  onStart: async ({ orm, config, log }, { delivery }) => {
    const interrupted = await failInterruptedJobs(orm.em.fork());
    if (interrupted) log.warn({ interrupted }, 'import jobs interrupted by a restart were marked failed');
    if (config.SEED_DEMO) log.info({ created: await seedDemoCases(orm.em.fork()) }, 'demo cases seeded');
    if (config.SEED_DEMO) log.info({ created: await seedDemoKey(orm.em.fork()) }, 'demo Open311 key seeded');
    if (!config.SERVICE_CLIENT_SECRET) log.warn('SERVICE_CLIENT_SECRET is not set: 办结反馈 cannot read reply texts from dispatch and will retry until it is');
    delivery.start();
  },
});
