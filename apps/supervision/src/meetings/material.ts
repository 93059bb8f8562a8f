import type { EntityManager } from '@mikro-orm/postgresql';
import { beijingMidnight, nextDate } from '@hotline/calendar';
import { CLOCK_KIND_LABELS, ClockKind } from '@hotline/contracts';
import { departmentNames } from '../departments/department-check';
import type { Meeting } from './meeting.entity';

/**
 * 调度会分析材料, generated from supervision's own data (its case projection, clocks and case
 * history) for the meeting's period: counts per department and topic, the trend by week, the top
 * problems (topic × department), the overdue and the reopened cases, and the cases of each topic.
 */
export interface MaterialCount {
  key: string;
  label: string;
  count: number;
}
export interface MaterialWeek {
  weekStart: string;
  count: number;
}
export interface MaterialProblem {
  topic: string;
  departmentId: string | null;
  departmentName: string;
  count: number;
  overdue: number;
}
export interface MaterialCase {
  caseId: string;
  externalNo: string;
  title: string;
  topic: string;
  departmentId: string | null;
  departmentName: string;
  receivedAt: Date;
  completed: boolean;
  overdue: boolean;
  overdueClocks: string[];
  reopened: boolean;
}
export interface MeetingMaterial {
  periodFrom: string;
  periodTo: string;
  total: number;
  byDepartment: MaterialCount[];
  byTopic: MaterialCount[];
  weekly: MaterialWeek[];
  topProblems: MaterialProblem[];
  overdueTotal: number;
  overdueCases: MaterialCase[];
  reopenedTotal: number;
  reopenedCases: MaterialCase[];
}

const LIST = 20;
const NO_DEPT = '未分转';

/** A case is overdue when one of its clocks breached, stopped late, or runs past its due time. */
const OVERDUE = `exists (select 1 from sup_clock k where k.case_id = c.id and (k.breached_at is not null or k.outcome = 'late' or (k.state = 'running' and k.due_at <= now())))`;
const REOPENED = `exists (select 1 from sup_case_event e where e.case_id = c.id and e.type = 'hotline.case.reopened')`;

interface CaseRow {
  id: string;
  external_no: string;
  title: string;
  topic: string;
  lead_department_id: string | null;
  received_at: Date;
  completed_at: Date | null;
  overdue: boolean;
  reopened: boolean;
}

export async function casesWithFlags(em: EntityManager, where: string, params: unknown[], limit: number): Promise<CaseRow[]> {
  return em.execute<CaseRow[]>(
    `select c.id, c.external_no, c.title, c.topic, c.lead_department_id, c.received_at, c.completed_at, ${OVERDUE} as overdue, ${REOPENED} as reopened
     from sup_case c where ${where} order by c.received_at desc, c.id limit ?`,
    [...params, limit],
  );
}

/** The overdue clock kinds of some cases (Chinese labels). */
async function overdueClocks(em: EntityManager, caseIds: string[]): Promise<Map<string, string[]>> {
  if (caseIds.length === 0) return new Map();
  const rows = await em.execute<Array<{ case_id: string; kind: string }>>(
    `select distinct case_id, kind from sup_clock k where case_id in (${caseIds.map(() => '?').join(',')}) and (k.breached_at is not null or k.outcome = 'late' or (k.state = 'running' and k.due_at <= now())) order by kind`,
    caseIds,
  );
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.case_id, [...(out.get(r.case_id) ?? []), CLOCK_KIND_LABELS[r.kind as ClockKind] ?? r.kind]);
  return out;
}

export async function materialCases(em: EntityManager, rows: CaseRow[], names: Map<string, string>): Promise<MaterialCase[]> {
  const clocks = await overdueClocks(
    em,
    rows.filter((r) => r.overdue).map((r) => r.id),
  );
  return rows.map((r) => ({
    caseId: r.id,
    externalNo: r.external_no,
    title: r.title,
    topic: r.topic,
    departmentId: r.lead_department_id,
    departmentName: r.lead_department_id ? (names.get(r.lead_department_id) ?? '未知科室') : NO_DEPT,
    receivedAt: new Date(r.received_at),
    completed: r.completed_at != null,
    overdue: r.overdue,
    overdueClocks: clocks.get(r.id) ?? [],
    reopened: r.reopened,
  }));
}

export async function meetingMaterial(em: EntityManager, m: Pick<Meeting, 'periodFrom' | 'periodTo'>): Promise<MeetingMaterial> {
  const inPeriod = 'c.received_at >= ? and c.received_at < ?';
  const p = [beijingMidnight(m.periodFrom), beijingMidnight(nextDate(m.periodTo))];
  const [{ n }] = await em.execute<Array<{ n: number }>>(`select count(*)::int as n from sup_case c where ${inPeriod}`, p);
  const byDept = await em.execute<Array<{ d: string | null; n: number }>>(
    `select c.lead_department_id as d, count(*)::int as n from sup_case c where ${inPeriod} group by 1 order by 2 desc, 1`,
    p,
  );
  const byTopic = await em.execute<Array<{ t: string; n: number }>>(
    `select c.topic as t, count(*)::int as n from sup_case c where ${inPeriod} group by 1 order by 2 desc, 1`,
    p,
  );
  const weekly = await em.execute<Array<{ w: string; n: number }>>(
    `select to_char(date_trunc('week', c.received_at at time zone 'Asia/Shanghai'), 'YYYY-MM-DD') as w, count(*)::int as n from sup_case c where ${inPeriod} group by 1 order by 1`,
    p,
  );
  const problems = await em.execute<Array<{ t: string; d: string | null; n: number; o: number }>>(
    `select c.topic as t, c.lead_department_id as d, count(*)::int as n, count(*) filter (where ${OVERDUE})::int as o
     from sup_case c where ${inPeriod} group by 1, 2 order by 3 desc, 4 desc, 1 limit 10`,
    p,
  );
  const [{ o, r }] = await em.execute<Array<{ o: number; r: number }>>(
    `select count(*) filter (where ${OVERDUE})::int as o, count(*) filter (where ${REOPENED})::int as r from sup_case c where ${inPeriod}`,
    p,
  );
  const overdueRows = await casesWithFlags(em, `${inPeriod} and ${OVERDUE}`, p, LIST);
  const reopenedRows = await casesWithFlags(em, `${inPeriod} and ${REOPENED}`, p, LIST);
  const names = await departmentNames(
    em,
    [
      ...byDept.map((x) => x.d),
      ...problems.map((x) => x.d),
      ...overdueRows.map((x) => x.lead_department_id),
      ...reopenedRows.map((x) => x.lead_department_id),
    ].filter((x): x is string => !!x),
  );
  const deptName = (d: string | null) => (d ? (names.get(d) ?? '未知科室') : NO_DEPT);
  return {
    periodFrom: m.periodFrom,
    periodTo: m.periodTo,
    total: n,
    byDepartment: byDept.map((x) => ({ key: x.d ?? '', label: deptName(x.d), count: x.n })),
    byTopic: byTopic.map((x) => ({ key: x.t, label: x.t, count: x.n })),
    weekly: weekly.map((x) => ({ weekStart: x.w, count: x.n })),
    topProblems: problems.map((x) => ({ topic: x.t, departmentId: x.d, departmentName: deptName(x.d), count: x.n, overdue: x.o })),
    overdueTotal: o,
    overdueCases: await materialCases(em, overdueRows, names),
    reopenedTotal: r,
    reopenedCases: await materialCases(em, reopenedRows, names),
  };
}

/** The cases linked to a meeting's topics, with their flags. */
export async function topicCases(em: EntityManager, m: Pick<Meeting, 'topics'>): Promise<Map<string, MaterialCase>> {
  const ids = [...new Set(m.topics.flatMap((t) => t.caseIds))];
  if (ids.length === 0) return new Map();
  const rows = await casesWithFlags(em, `c.id in (${ids.map(() => '?').join(',')})`, ids, ids.length);
  const names = await departmentNames(
    em,
    rows.map((r) => r.lead_department_id).filter((x): x is string => !!x),
  );
  return new Map((await materialCases(em, rows, names)).map((c) => [c.caseId, c]));
}
