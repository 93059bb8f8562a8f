import 'reflect-metadata';
import { calendarYears, fileStoreOf, main } from '@hotline/service-kit';
import { Article } from './articles/article.entity';
import { LoadedCalendar } from '@hotline/calendar';
import { calendarYearsConsumer } from './calendar/calendar-years.consumer';
import { AuditRecord } from './cases/audit-record.entity';
import { caseEventsConsumer } from './cases/case-events.consumer';
import { CaseProjection } from './cases/case-projection.entity';
import { ItemCase } from './cases/item-case.entity';
import { PublicityConfigSchema } from './config';
import { DepartmentProjection } from './departments/department.entity';
import { departmentsConsumer } from './departments/departments.consumer';
import { Episode } from './episodes/episode.entity';
import { EpisodeTask } from './episodes/episode-task.entity';
import { LedgerEntry } from './ledger/ledger-entry.entity';
import { Material } from './materials/material.entity';
import { materialRoutes } from './materials/materials.routes';
import { migrations } from './migrations';
import { buildPublicitySchema } from './schema';
import { TypicalCase } from './typical-cases/typical-case.entity';

/** The bundled calendar years, with those supervision loads laid over them (kept in publicity's table). */
const calendar = new LoadedCalendar();
const years = calendarYears('publicity_calendar_year', calendar);

main({
  name: 'publicity',
  configSchema: PublicityConfigSchema,
  entities: [CaseProjection, DepartmentProjection, ItemCase, AuditRecord, TypicalCase, Material, Episode, EpisodeTask, Article, LedgerEntry],
  migrations,
  schema: buildPublicitySchema,
  consumers: () => [caseEventsConsumer(), departmentsConsumer(), calendarYearsConsumer(years)],
  context: ({ config }) => ({
    // A getter: each request's context (a copy of this object) takes the calendar as it is then.
    get calendar() {
      return calendar.data;
    },
    stageDays: { draft: config.TYPICAL_DRAFT_DAYS, review: config.TYPICAL_REVIEW_DAYS, submit: config.TYPICAL_SUBMIT_DAYS },
    episodeDays: { preparationDays: config.EPISODE_PREPARATION_DAYS, followUpDays: config.EPISODE_FOLLOW_UP_DAYS },
    materials: fileStoreOf(config, config.DATA_DIR, 'materials'),
  }),
  onStart: (deps) => years.start(deps),
  onStop: () => years.stop(),
  routes: (app, { orm, log, verify, config }) => {
    materialRoutes(app, {
      orm,
      log,
      verify,
      store: fileStoreOf(config, config.DATA_DIR, 'materials'),
      limits: { maxBytes: config.MATERIAL_MAX_BYTES, maxPerItem: config.MATERIAL_MAX_PER_ITEM },
    });
  },
});
