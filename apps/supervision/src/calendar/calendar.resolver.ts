import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import { Authorized } from '@hotline/service-kit';
import { CalendarError, yearDays } from '@hotline/calendar';
import { badInput, requireUser } from '@hotline/service-kit';
import type { SupervisionContext } from '../context';

type Ctx = SupervisionContext;
import { CalendarDayNode, CalendarLoadResult, CalendarYearNode, LoadCalendarYearInput } from '../graphql-types';
import { loadCalendarYear } from './load-year';
import { calendarRefusal } from './calendar-refusal';

@Resolver()
export class CalendarResolver {
  @Authorized()
  @Query(() => [CalendarDayNode], { description: '工作日历：某年每一天是否工作日及节假日/调休名称（未导入的年份报错）' })
  async workingCalendar(@Arg('year', () => Int) year: number, @Ctx() ctx: Ctx): Promise<CalendarDayNode[]> {
    requireUser(ctx);
    const cal = await ctx.calendars.current(ctx.em);
    try {
      return yearDays(cal, year);
    } catch (e) {
      if (e instanceof CalendarError) throw calendarRefusal(e);
      throw e;
    }
  }

  @Authorized()
  @Query(() => [CalendarYearNode], { description: '已导入的年度节假日安排' })
  async calendarYears(@Ctx() ctx: Ctx): Promise<CalendarYearNode[]> {
    requireUser(ctx);
    const rows = await ctx.em.execute<
      Array<{ year: number; source: string; loaded_at: Date; loaded_by: string; note: string | null; holidays: number; swapped: number }>
    >(
      `select y.year, y.source, y.loaded_at, y.loaded_by, y.note,
         count(d.date) filter (where not d.working)::int as holidays, count(d.date) filter (where d.working)::int as swapped
       from sup_calendar_year y left join sup_calendar_day d on d.year = y.year group by y.year order by y.year desc`,
    );
    return rows.map((r) => ({
      year: r.year,
      source: r.source,
      loadedAt: new Date(r.loaded_at),
      loadedBy: r.loaded_by,
      note: r.note,
      holidays: r.holidays,
      swappedWorkdays: r.swapped,
    }));
  }

  @Authorized(['admin'])
  @Mutation(() => CalendarLoadResult, { description: '导入（或替换）一年的节假日安排；在办时钟按新日历重算到期时间' })
  loadCalendarYear(@Arg('input', () => LoadCalendarYearInput) input: LoadCalendarYearInput, @Ctx() ctx: Ctx): Promise<CalendarLoadResult> {
    return loadCalendarYear(ctx.em, requireUser(ctx), input, ctx);
  }
}
