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
import { noReplyScripts } from './replies/reply-scripts';
import { Reply } from './replies/reply.entity';
import { buildDispatchSchema } from './schema';
import { DispatchModel } from './suggestions/dispatch-model';
import { suggester } from './suggestions/suggest-department';

let model: DispatchModel | undefined;

main({
  name: 'dispatch',
  configSchema: DispatchConfigSchema,
  entities: [DispatchCase, Reply, DepartmentProjection, AssignmentRecord, AssistTask, ExtensionRequest, ResponsibilityRule],
  migrations,
  schema: buildDispatchSchema,
  consumers: () => [caseEventsConsumer(), departmentsConsumer()],
  context: ({ config }): ContextExtras<DispatchContext> => {
    model ??= new DispatchModel({ useDemoHistory: config.SEED_DEMO });
    return { dispatchLimitMinutes: config.DISPATCH_LIMIT_MINUTES, model, suggest: suggester(model), replyScripts: noReplyScripts };
  },
  onStart: async ({ orm, config, log }) => {
    if (config.SEED_DEMO) log.info({ created: await seedDemoRules(orm.em.fork()) }, 'demo responsibility rules seeded');
    const m = (model ??= new DispatchModel({ useDemoHistory: config.SEED_DEMO }));
    const info = await m.retrain(orm.em.fork(), 'start');
    log.info({ documents: info.documents, accuracy: info.accuracy, top3: info.top3Accuracy, ms: info.trainMs }, 'dispatch model trained');
    if (config.MODEL_RETRAIN_MINUTES > 0) {
      setInterval(() => {
        m.retrain(orm.em.fork(), 'schedule').catch((e) => log.warn({ err: e }, 'scheduled model training failed'));
      }, config.MODEL_RETRAIN_MINUTES * 60_000).unref();
    }
  },
});
