import { randomUUID } from 'node:crypto';
import { addWorkingDays, CalendarError, createCalendar, seedOverrides, seedYears } from '@hotline/calendar';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectEvents, eventually, GraphQLClient } from '@hotline/testing';
import { departments, dispatched, must, refusal } from './dispatch-helpers';
import { as, gatewayUrl, receive } from './helpers';
import { beijing, exportRow, importRows } from './intake-files';

const CALENDAR = createCalendar({ years: seedYears(), overrides: seedOverrides() });
/** dispatch's rule for a general case, written out: 7 working days, natural days past the loaded years. */
function sevenWorkingDays(from: Date): Date {
  try {
    return addWorkingDays(CALENDAR, from, 7);
  } catch (e) {
    if (!(e instanceof CalendarError)) throw e;
    return new Date(from.getTime() + 7 * 86_400_000);
  }
}

type Partner = Awaited<ReturnType<typeof collectEvents>>;
const DAY = 86_400_000;
const LINK = 'mutation($i: LinkCaseInput!) { linkCase(input: $i) { id masterCaseId linkKind } }';
const CASE = 'query($id: ID!) { case(id: $id) { id stage completedAt replyResult assignment { dispatchedAt deadlineAt } timeline { type label detail } } }';
interface CaseRead {
  id: string;
  stage: string;
  completedAt: string | null;
  replyResult: string | null;
  assignment: { dispatchedAt: string; deadlineAt: string } | null;
  timeline: Array<{ type: string; label: string; detail: string | null }>;
}

/** What the audit found in the lifecycle between services, each fixed and kept fixed. */
describe('the case lifecycle across services', () => {
  let duty: GraphQLClient;
  let supervisor: GraphQLClient;
  let property: GraphQLClient;
  let dept: Record<string, string>;
  let partner: Partner;
  const read = async (client: GraphQLClient, id: string) => (await client.request<{ case: CaseRead }>(CASE, { id })).case;
  const pollJob = async (id: string) =>
    (
      await duty.request<{ importJob: { status: string; errorCount: number; message: string | null } }>(
        'query($id: ID!) { importJob(id: $id) { status errorCount message } }',
        { id },
      )
    ).importJob;

  beforeAll(async () => {
    partner = await collectEvents(inject('natsUrl'), 'hotline.case.>');
    [duty, supervisor, property] = await Promise.all([as('duty'), as('supervisor'), as('handler-property')]);
    dept = await departments(duty);
  });
  afterAll(async () => {
    await partner?.close();
  });

  it("a re-import with a new district deadline reaches dispatch: the held case's deadline follows, announced to partners", async () => {
    const externalNo = `RI-${randomUUID().slice(0, 8)}`;
    const receivedAt = beijing(new Date(Date.now() - 3_600_000));
    const row = (deadline: Date, title: string) => exportRow(externalNo, { 受理时间: receivedAt, 办理时限: beijing(deadline), 主题: '物业', 标题: title });
    const district = new Date(Date.now() + 10 * DAY);
    await importRows(gatewayUrl(), duty.token!, [row(district, '小区电梯停运')], pollJob);
    const id = (
      await duty.request<{ searchCases: { items: Array<{ id: string }> } }>('query($f: CaseSearchInput!) { searchCases(filter: $f) { items { id } } }', {
        f: { externalNo },
      })
    ).searchCases.items[0].id;
    await duty.request('mutation($id: ID!) { signCase(id: $id) { id } }', { id });
    await eventually(
      async () =>
        !refusal(await duty.raw('mutation($i: DispatchInput!) { dispatchCase(input: $i) { id } }', { i: { caseId: id, leadDepartmentId: dept.property } }))
          .code,
      { what: 'the imported case dispatched' },
    );
    const before = await read(duty, id);
    // General urgency: 7 working days from dispatch on the PRC calendar (natural days past the
    // bundled years), or the district's 10 days (minute precision, as the export writes it) if earlier.
    const byRule = sevenWorkingDays(new Date(before.assignment!.dispatchedAt)).getTime();
    expect(new Date(before.assignment!.deadlineAt).getTime()).toBe(Math.min(byRule, Math.floor(district.getTime() / 60_000) * 60_000));

    // The district platform shortens its deadline to 2 days (minute precision, as the export writes it).
    const upstream = new Date(Math.floor((Date.now() + 2 * DAY) / 60_000) * 60_000);
    await importRows(gatewayUrl(), duty.token!, [row(upstream, '小区电梯停运（区平台催办）')], pollJob);
    const after = await eventually(
      async () => {
        const c = await read(duty, id);
        return new Date(c.assignment!.deadlineAt).getTime() === upstream.getTime() && c;
      },
      { what: "dispatch's deadline following the re-import" },
    );
    const changed = await eventually(async () => partner.messages.find((m) => m.subject === 'hotline.case.deadline-changed' && m.json.caseId === id), {
      what: 'the deadline-changed event',
    });
    expect(changed.json.data).toMatchObject({ reason: 'upstream-deadline', departmentId: dept.property, newDeadlineAt: upstream.toISOString() });
    const updated = partner.messages.find((m) => m.subject === 'hotline.case.updated' && m.json.caseId === id);
    expect((updated!.json.data as { after: Record<string, unknown> }).after).toEqual({
      title: '小区电梯停运（区平台催办）',
      deadlineAt: upstream.toISOString(),
    });
    expect(updated!.data).not.toContain('13800001111');
    await eventually(
      async () =>
        (await read(duty, id)).timeline.some((t) => t.type === 'hotline.case.deadline-changed' && t.detail === '区级平台办理时限变更，办理时限重新计算'),
      { what: 'the timeline line' },
    );
    expect(after.stage).toBe('dispatched');
  });

  it('a case merged into another (并单) follows its master to 已办结, and Open311 reports it closed', async () => {
    const master = await dispatched(duty, { client: property, id: dept.property }, { over: { title: '小区门口路面塌陷', topic: '物业' } });
    const merged = await receive(duty, { title: '小区门口路面塌陷有危险', topic: '物业', citizenPhone: '13911112222' });
    await duty.request(LINK, { i: { caseId: merged.id, masterCaseId: master.id, kind: 'merge' } });
    await must(property, 'replyCase', 'ReplyInput', { caseId: master.id, result: 'solved', text: '已组织施工单位回填修复路面，并设置警示标志。' });
    await must(supervisor, 'approveReply', 'ApproveReplyInput', { caseId: master.id });

    const m = await eventually(
      async () => {
        const c = await read(duty, merged.id);
        return c.stage === 'completed' && c;
      },
      { what: 'the merged case 已办结' },
    );
    const masterDone = await read(duty, master.id);
    expect(m.completedAt).toBe(masterDone.completedAt);
    expect(m.replyResult).toBe('solved');
    expect(m.timeline.find((t) => t.type === 'hotline.case.completed')).toMatchObject({
      label: '办结（随主工单）',
      detail: `并单至主工单 ${master.externalNo}，随主工单办结`,
    });

    const open311 = await fetch(`${gatewayUrl()}/open311/v2/requests/${merged.externalNo}.json`);
    expect(open311.status).toBe(200);
    expect((await open311.json())[0]).toMatchObject({ service_request_id: merged.externalNo, status: 'closed', status_notes: '已办结' });

    // A master already answered takes no more merges: the newcomer would never be answered.
    const late = await receive(duty, { title: '路面塌陷（又一位市民）', topic: '物业', citizenPhone: '13933334444' });
    expect(refusal(await duty.raw(LINK, { i: { caseId: late.id, masterCaseId: master.id, kind: 'merge' } }))).toEqual({
      code: 'CONFLICT',
      reason: 'MASTER_ANSWERED',
    });
    expect((await read(duty, late.id)).stage).toBe('received');
  });
});
