import 'reflect-metadata';
import { fileStoreOf, main } from '@hotline/service-kit';
import { CalendarStore, seedCalendar } from './calendar/calendar-store';
import { caseEventsConsumer } from './clocks/case-events.consumer';
import { Cluster, ClusterCase, ClusterMember, ClusterSettings } from './clusters/cluster.entity';
import { clustersConsumer } from './clusters/clusters.consumer';
import { Clock } from './clocks/clock.entity';
import { ClockScheduler } from './clocks/scheduler';
import { CaseProjection } from './cases/case-projection.entity';
import { SupervisionConfigSchema } from './config';
import { ClockDefinition } from './definitions/clock-definition.entity';
import { DefinitionStore, seedDefinitions } from './definitions/definition-store';
import { DepartmentProjection } from './departments/department.entity';
import { departmentsConsumer } from './departments/departments.consumer';
import { Meeting } from './meetings/meeting.entity';
import { minutesRoutes } from './meetings/minutes.routes';
import { publicityTasksConsumer } from './tasks/publicity-tasks.consumer';
import { TrackedTask } from './tasks/tracked-task.entity';
import { ExclusionAudit, ExclusionClaim, ExclusionEvidence, ExclusionRuleSet } from './exclusions/exclusion.entities';
import { claimClocksConsumer } from './exclusions/claim-clocks.consumer';
import { exclusionRoutes } from './exclusions/exclusions.routes';
import { seedRuleSet } from './exclusions/rule-sets';
import { migrations } from './migrations';
import { buildSupervisionSchema } from './schema';
import { ReplyScript, ReplyScriptUse, ReplyScriptVersion } from './scripts/reply-script.entity';
import { scriptUsesConsumer } from './scripts/script-uses.consumer';
import { callbackResultsConsumer } from './second-round/callback-results.consumer';
import { SecondSupervision } from './second-round/second-supervision.entity';
import { seedLadder } from './urging/ladder';
import { LadderStep } from './urging/ladder-step.entity';
import { Urge } from './urging/urge.entity';

let calendars: CalendarStore | undefined;
const definitions = new DefinitionStore();
let scheduler: ClockScheduler | undefined;

main({
  name: 'supervision',
  configSchema: SupervisionConfigSchema,
  entities: [
    CaseProjection,
    Clock,
    ClockDefinition,
    LadderStep,
    Urge,
    DepartmentProjection,
    Meeting,
    TrackedTask,
    ReplyScript,
    ReplyScriptVersion,
    ReplyScriptUse,
    ClusterSettings,
    ClusterCase,
    Cluster,
    ClusterMember,
    ExclusionRuleSet,
    ExclusionClaim,
    ExclusionEvidence,
    ExclusionAudit,
    SecondSupervision,
  ],
  migrations,
  schema: buildSupervisionSchema,
  consumers: ({ config }) => {
    const deps = { calendars: (calendars ??= new CalendarStore(config.WORKING_HOURS)), definitions };
    return [
      caseEventsConsumer(deps),
      claimClocksConsumer(deps),
      departmentsConsumer(),
      publicityTasksConsumer(),
      scriptUsesConsumer(),
      clustersConsumer(),
      callbackResultsConsumer({ calendars: deps.calendars, workingDays: config.SECOND_ROUND_WORKING_DAYS }),
    ];
  },
  context: ({ config }) => {
    const cals = (calendars ??= new CalendarStore(config.WORKING_HOURS));
    return { calendars: cals, definitions, secondRound: { calendars: cals, workingDays: config.SECOND_ROUND_WORKING_DAYS } };
  },
  routes: (app, { orm, log, verify, config }) => {
    minutesRoutes(app, { orm, log, verify });
    exclusionRoutes(app, {
      orm,
      log,
      verify,
      calendars: (calendars ??= new CalendarStore(config.WORKING_HOURS)),
      store: fileStoreOf(config, config.DATA_DIR, 'evidence'),
      limits: { maxBytes: config.EVIDENCE_MAX_BYTES, maxPerClaim: config.EVIDENCE_MAX_PER_CLAIM },
    });
  },
  routeTemplates: ['/meetings/:id/minutes', '/exclusion-claims/:id/evidence', '/exclusion-claims/:id/evidence/:evidenceId', '/exclusion-claims/:id/package'],
  onStart: async ({ orm, config, log }) => {
    // Configuration every installation needs (not demo data): the bundled calendar years, the
    // default clock definitions and 催办 ladder (to confirm with the bureau), each once.
    const years = await seedCalendar(orm.em.fork());
    if (years.length) log.info({ years: `${years[0]}–${years.at(-1)}` }, 'working calendar seeded from chinese-days');
    const defs = await seedDefinitions(orm.em.fork());
    if (defs) log.info({ definitions: defs }, 'default clock definitions created');
    await seedLadder(orm.em.fork());
    if (await seedRuleSet(orm.em.fork())) log.info('default 不纳入考核 rule set created (to confirm with the bureau)');
    if (config.SCHEDULER_ENABLED) {
      scheduler = new ClockScheduler(orm, (calendars ??= new CalendarStore(config.WORKING_HOURS)), log, {
        pollMs: config.SCHEDULER_POLL_MS,
        batch: config.SCHEDULER_BATCH,
      });
      scheduler.start();
    }
  },
  onStop: async () => {
    await scheduler?.stop();
  },
});
