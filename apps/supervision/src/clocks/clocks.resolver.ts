import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Authorized, codedError } from '@hotline/service-kit';
import { CalendarData } from '@hotline/calendar';
import { CLOCK_KIND_LABELS, ClockKind, URGE_LEVEL_LABELS, UrgeLevel, SUPERVISION_ERRORS } from '@hotline/contracts';
import { assertInScope, departmentScope, groupBy, isUuid, loaderFor, readRows, requireUser, rowsById } from '@hotline/service-kit';
import { CaseProjection, departmentIdsOf } from '../cases/case-projection.entity';
import type { SupervisionContext } from '../context';

type Ctx = SupervisionContext;
import { CaseClockNode, CaseNode, ClockQueueFilter, ClockQueuePage, ClockRebuildReport, UrgeCaseInput, UrgeNode } from '../graphql-types';
import { urgeCase } from '../urging/urge-case';
import { Urge } from '../urging/urge.entity';
import { engineContext } from './apply-case-event';
import { shareUsed } from './clock-engine';
import { Clock } from './clock.entity';
import { verifyCaseClocks } from './rebuild';

export function clockNode(c: Clock, cal: CalendarData, now: Date): CaseClockNode {
  const share = shareUsed(c, now, cal);
  return {
    id: c.id,
    kind: c.kind,
    kindLabel: CLOCK_KIND_LABELS[c.kind as ClockKind] ?? c.kind,
    state: c.state,
    definitionKey: c.definitionKey,
    definitionVersion: c.definitionVersion,
    measure: c.measure,
    targetMinutes: c.targetMs == null ? null : Math.round(c.targetMs / 600) / 100,
    startedAt: c.startedAt,
    dueAt: c.dueAt,
    pausedAt: c.pausedAt,
    pausedMinutes: Math.round((c.pausedMs + (c.state === 'paused' && c.pausedAt ? now.getTime() - c.pausedAt.getTime() : 0)) / 600) / 100,
    shareUsed: share == null ? null : Math.round(share * 1000) / 1000,
    warnedAt: c.warnedAt ?? null,
    warnedShare: c.warnedShare ?? null,
    breachedAt: c.breachedAt ?? null,
    stoppedAt: c.stoppedAt,
    outcome: c.outcome,
    blockedReason: c.blockedReason,
    department: c.departmentId ? { id: c.departmentId } : null,
  };
}

export const urgeNode = (u: Urge): UrgeNode => ({
  id: u.id,
  level: u.level,
  levelLabel: URGE_LEVEL_LABELS[u.level as UrgeLevel] ?? u.level,
  recipients: u.recipients,
  clockKind: u.kind ?? null,
  department: u.departmentId ? { id: u.departmentId } : null,
  note: u.note ?? null,
  at: u.at,
  by: u.byUser ? { id: u.byUser } : null,
});

const KINDS = Object.keys(CLOCK_KIND_LABELS);

const calendars = new WeakMap<object, Promise<CalendarData>>();
/** The calendar once per request (checking its revision is a query): a list's clocks share it. */
function requestCalendar(ctx: Ctx): Promise<CalendarData> {
  let cal = calendars.get(ctx);
  if (!cal) calendars.set(ctx, (cal = ctx.calendars.current(ctx.em)));
  return cal;
}

@Resolver(() => CaseNode)
export class ClocksResolver {
  @FieldResolver(() => [CaseClockNode], { description: '工单的全部时钟（签收、分转、首次联系、办理、回访），按开始时间' })
  async clocks(@Root() c: CaseNode, @Ctx() ctx: Ctx): Promise<CaseClockNode[]> {
    const rows = await loaderFor<Clock[]>(
      ctx,
      'clocks',
      // Plain rows, not entities: they only become the answer (a page of 50 cases has 100+ clocks).
      async (ids) => groupBy(await readRows(ctx.em, Clock, { caseId: { $in: [...ids] } }, { startedAt: 'asc' }), (r) => r.caseId),
      [],
    ).load(c.id);
    const cal = await requestCalendar(ctx);
    const now = new Date();
    return rows.map((r) => clockNode(r, cal, now));
  }

  @FieldResolver(() => [UrgeNode], { description: '催办记录（自动与人工）' })
  async urges(@Root() c: CaseNode, @Ctx() ctx: Ctx): Promise<UrgeNode[]> {
    const rows = await loaderFor<Urge[]>(
      ctx,
      'urges',
      async (ids) => groupBy(await readRows(ctx.em, Urge, { caseId: { $in: [...ids] } }, { at: 'asc' }), (r) => r.caseId),
      [],
    ).load(c.id);
    return rows.map(urgeNode);
  }

  /** 督办队列: open clocks at risk (a warning fired) or overdue, paged on the server; a handler sees their department's only. */
  @Authorized(['supervisor', 'leader', 'admin', 'duty', 'handler'])
  @Query(() => ClockQueuePage, { description: '督办队列：即将超期（已预警）或已超期的在办时钟，分页；承办人只看本科室' })
  async clockQueue(
    @Arg('filter', () => ClockQueueFilter) filter: ClockQueueFilter,
    @Arg('departmentId', () => ID, { nullable: true }) departmentId: string | null,
    @Arg('kind', () => String, { nullable: true }) kind: string | null,
    @Arg('offset', () => Int, { defaultValue: 0 }) offset: number,
    @Arg('limit', () => Int, { defaultValue: 20 }) limit: number,
    @Ctx() ctx: Ctx,
  ): Promise<ClockQueuePage> {
    const user = requireUser(ctx);
    if (offset < 0 || limit < 1 || limit > 200) throw codedError(SUPERVISION_ERRORS.INVALID_PAGE);
    if (kind && !KINDS.includes(kind)) throw codedError(SUPERVISION_ERRORS.UNKNOWN_CLOCK_KIND, { kind });
    if (departmentId && !isUuid(departmentId)) throw codedError(SUPERVISION_ERRORS.INVALID_DEPARTMENT);
    const scope = departmentScope(user);
    const where: string[] = ["c.state = 'running'", 'c.due_at is not null'];
    const params: unknown[] = [];
    const now = new Date();
    if (filter === ClockQueueFilter.OVERDUE) {
      where.push('c.due_at <= ?');
    } else {
      where.push('c.due_at > ? and c.warned_at is not null');
    }
    params.push(now);
    if (scope !== 'all') {
      where.push('c.department_id = ?');
      params.push(scope[0]);
    }
    if (departmentId) {
      where.push('c.department_id = ?');
      params.push(departmentId);
    }
    if (kind) {
      where.push('c.kind = ?');
      params.push(kind);
    }
    const sql = where.join(' and ');
    const [{ n }] = await ctx.em.execute<Array<{ n: number }>>(`select count(*)::int as n from sup_clock c where ${sql}`, params);
    const rows = await ctx.em.execute<Array<{ id: string }>>(`select c.id from sup_clock c where ${sql} order by c.due_at asc, c.id limit ? offset ?`, [
      ...params,
      limit,
      offset,
    ]);
    const clocks = new Map((await readRows(ctx.em, Clock, { id: { $in: rows.map((r) => r.id) } })).map((c) => [c.id, c]));
    const caseIds = [...new Set([...clocks.values()].map((c) => c.caseId))];
    const cases = new Map((await readRows(ctx.em, CaseProjection, { id: { $in: caseIds } })).map((c) => [c.id, c]));
    const urgeCounts = new Map(
      caseIds.length
        ? (
            await ctx.em.execute<Array<{ case_id: string; n: number }>>(
              `select case_id, count(*)::int as n from sup_urge where case_id in (${caseIds.map(() => '?').join(',')}) group by case_id`,
              caseIds,
            )
          ).map((r) => [r.case_id, r.n])
        : [],
    );
    const cal = await ctx.calendars.current(ctx.em);
    return {
      total: n,
      items: rows.map((r) => {
        const c = clocks.get(r.id)!;
        const p = cases.get(c.caseId);
        return {
          clock: clockNode(c, cal, now),
          case: { id: c.caseId },
          externalNo: p?.externalNo ?? '',
          title: p?.title ?? '',
          urgeCount: urgeCounts.get(c.caseId) ?? 0,
        };
      }),
    };
  }

  @Authorized(['supervisor'])
  @Mutation(() => UrgeNode, { description: '人工催办：向主办科室发出催办（附说明），记入工单时间线' })
  async urgeCase(@Arg('input', () => UrgeCaseInput) input: UrgeCaseInput, @Ctx() ctx: Ctx): Promise<UrgeNode> {
    return urgeNode(await urgeCase(ctx.em, requireUser(ctx), { ...input }));
  }

  @Authorized(['admin', 'supervisor'])
  @Query(() => ClockRebuildReport, { description: '按工单事件历史重算时钟，并与现存时钟比较（应完全一致）' })
  async verifyCaseClocks(@Arg('caseId', () => ID) caseId: string, @Ctx() ctx: Ctx): Promise<ClockRebuildReport> {
    requireUser(ctx);
    if (!isUuid(caseId) || !(await ctx.em.findOne(CaseProjection, { id: caseId }))) throw codedError(SUPERVISION_ERRORS.CASE_MISSING);
    return verifyCaseClocks(ctx.em, await engineContext(ctx.em, ctx), caseId);
  }
}

/** The gateway asks for supervision's fields of a case; a handler's scope applies here too. */
export const caseReference = {
  __resolveReference: async (ref: { id: string }, ctx: Ctx): Promise<CaseNode> => {
    const user = requireUser(ctx);
    // The case's row only decides a department's scope: a user who sees every case (duty, supervisor,
    // leader, admin) needs none, and a queue page's 50 references cost no read here. The fields below
    // read what they show themselves.
    if (departmentScope(user) !== 'all') {
      // Plain rows (kit readRows): a page's references only need each case's departments.
      const p = await rowsById(ctx, 'case-reference', (ids) => readRows(ctx.em, CaseProjection, { id: { $in: ids } })).load(ref.id);
      if (!p) throw codedError(SUPERVISION_ERRORS.CASE_HIDDEN);
      assertInScope(user, departmentIdsOf(p));
    }
    return Object.assign(new CaseNode(), { id: ref.id });
  },
};
