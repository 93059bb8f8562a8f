import 'reflect-metadata';
import { ContextExtras, main } from '@hotline/service-kit';
import { AssistTask } from './assists/assist-task.entity';
import { caseEventsConsumer } from './cases/case-events.consumer';
import { DispatchCase } from './cases/dispatch-case.entity';
import { seedDemoRules } from './catalogue/catalogue.service';
import { ResponsibilityRule } from './catalogue/responsibility-rule.entity';
import { DispatchConfigSchema } from './config';
import type { DispatchContext } from './context';
import { DepartmentProjection } from './departments/department.entity';
import { departmentsConsumer } from './departments/departments.consumer';
import { AssignmentRecord } from './dispatching/assignment-record.entity';
import { ExtensionRequest } from './extensions/extension-request.entity';
import { migrations } from './migrations';
import { ClusterCaseProjection, ReplyScriptProjection } from './replies/reply-script.entity';
import { projectedReplyScripts } from './replies/reply-scripts';
import { clusterCasesConsumer, replyScriptsConsumer } from './replies/reply-scripts.consumer';
import { Reply } from './replies/reply.entity';
import { buildDispatchSchema } from './schema';
import { CaseText } from './suggestions/case-text.entity';
import { intakeCaseTexts } from './suggestions/case-texts';
import { DispatchModel } from './suggestions/dispatch-model';
import { suggester } from './suggestions/suggest-department';

main({
  name: 'dispatch',
  configSchema: DispatchConfigSchema,
  entities: [
    DispatchCase,
    Reply,
    DepartmentProjection,
    AssignmentRecord,
    AssistTask,
    ExtensionRequest,
    ResponsibilityRule,
    CaseText,
    ReplyScriptProjection,
    ClusterCaseProjection,
  ],
  migrations,
  schema: buildDispatchSchema,
  // The learned routing model: one per process, trained at start and on a schedule.
  setup: ({ config, services, log }) => ({
    model: new DispatchModel({
      minBureauCases: config.MODEL_MIN_BUREAU_CASES,
      minEvaluatedCases: config.MODEL_MIN_EVALUATED_CASES,
      texts: config.SERVICE_CLIENT_SECRET ? intakeCaseTexts(services, config.INTAKE_GRAPHQL_URL, log) : null,
    }),
  }),
  consumers: () => [caseEventsConsumer(), departmentsConsumer(), replyScriptsConsumer(), clusterCasesConsumer()],
  context: ({ config }, { model }): ContextExtras<DispatchContext> => ({
    dispatchLimitMinutes: config.DISPATCH_LIMIT_MINUTES,
    model,
    suggest: suggester(model),
    replyScripts: projectedReplyScripts,
  }),
  onStart: async ({ orm, config, log }, { model: m }) => {
    if (config.SEED_DEMO) log.info({ created: await seedDemoRules(orm.em.fork()) }, 'demo responsibility rules seeded');
    if (!config.SERVICE_CLIENT_SECRET) log.warn('SERVICE_CLIENT_SECRET is not set: routing reads only the 60-character digests, not the whole case texts');
    const trained = m.retrain(orm.em.fork(), 'start').then((info) => {
      log.info(
        {
          bureau: info.bureauCases,
          synthetic: info.syntheticCases,
          digestOnly: info.digestOnlyCases,
          accuracy: info.metrics?.accuracy ?? null,
          top3: info.metrics?.top3Accuracy ?? null,
          ms: info.trainMs,
        },
        'dispatch model trained',
      );
    });
    // A short history trains in a moment: wait, so the first suggestion already has the model. A
    // long one (cross-validated parameter search) trains in the background; rules work meanwhile.
    if ((await orm.em.fork().count(DispatchCase, { stage: 'completed' })) < config.MODEL_MIN_EVALUATED_CASES) await trained;
    else trained.catch((e) => log.warn({ err: e }, 'model training at start failed'));
    if (config.MODEL_RETRAIN_MINUTES > 0) {
      setInterval(() => {
        m.retrain(orm.em.fork(), 'schedule').catch((e) => log.warn({ err: e }, 'scheduled model training failed'));
      }, config.MODEL_RETRAIN_MINUTES * 60_000).unref();
    }
  },
});
