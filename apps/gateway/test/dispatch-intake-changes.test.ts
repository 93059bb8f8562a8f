import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectEvents, eventually, GraphQLClient } from '@hotline/testing';
import { as, receiveAndSign } from './helpers';
import { act, departments, dispatched, must, refusal, view } from './dispatch-helpers';
import { addWorkingDays, createCalendar, seedOverrides, seedYears } from '@hotline/calendar';

const BUNDLED_CALENDAR = createCalendar({ years: seedYears(), overrides: seedOverrides() });

type Partner = Awaited<ReturnType<typeof collectEvents>>;
const HOUR = 3_600_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const RECLASSIFY = 'mutation($i: ReclassifyInput!) { reclassifyCase(input: $i) { id urgency } }';
const LINK = 'mutation($i: LinkCaseInput!) { linkCase(input: $i) { id masterCaseId linkKind } }';
const ASSIGNMENT = 'query($id: ID!) { case(id: $id) { urgency assignment { dispatchedAt deadlineAt } handling { state inboxBucket } dispatchDueAt } }';

interface AssignmentView {
  urgency: string;
  assignment: { dispatchedAt: string; deadlineAt: string } | null;
  handling: { state: string; inboxBucket: string | null } | null;
  dispatchDueAt: string | null;
}

/** What intake changes on a case after it reached dispatch: 分类调整 and 并单. */
describe('dispatch follows intake: reclassification and merges (并单)', () => {
  let duty: GraphQLClient;
  let supervisor: GraphQLClient;
  let property: GraphQLClient;
  let construction: GraphQLClient;
  let dept: Record<string, string>;
  let partner: Partner;

  const read = async (client: GraphQLClient, id: string) => (await client.request<{ case: AssignmentView }>(ASSIGNMENT, { id })).case;
  /** Waits until the deadline dispatch shows is `hours` after the dispatch time. */
  const deadlineIsDispatchPlus = (client: GraphQLClient, id: string, hours: number) =>
    eventually(
      async () => {
        const c = await read(client, id);
        const a = c.assignment;
        return a && new Date(a.deadlineAt).getTime() - new Date(a.dispatchedAt).getTime() === hours * HOUR && c;
      },
      { what: `a deadline ${hours} h after dispatch` },
    );
  const inQueue = async (id: string) =>
    (await duty.request<{ dispatchQueue: Array<{ id: string }> }>('{ dispatchQueue { id } }')).dispatchQueue.some((x) => x.id === id);
  const inInbox = async (client: GraphQLClient, id: string) =>
    (await client.request<{ departmentInbox: Array<{ id: string }> }>('{ departmentInbox { id } }')).departmentInbox.some((x) => x.id === id);

  beforeAll(async () => {
    partner = await collectEvents(inject('natsUrl'), 'hotline.case.>');
    [duty, supervisor, property, construction] = await Promise.all([as('duty'), as('supervisor'), as('handler-property'), as('handler-construction')]);
    dept = await departments(duty);
  });
  afterAll(async () => {
    await partner?.close();
  });

  describe('分类调整 (reclassification)', () => {
    it('a normal case reclassified urgent before dispatch gets the urgent handling limit (2 h)', async () => {
      const c = await receiveAndSign(duty, { title: '小区绿化修剪不及时', content: '小区绿化带长期无人修剪。' });
      expect((await read(duty, c.id)).urgency).toBe('normal');
      const r = await duty.request<{ reclassifyCase: { urgency: string } }>(RECLASSIFY, {
        i: { caseId: c.id, urgency: 'urgent', reason: '复核发现树枝压住电线，存在安全隐患' },
      });
      expect(r.reclassifyCase.urgency).toBe('urgent');
      await eventually(async () => partner.messages.some((m) => m.subject === 'hotline.case.classified' && m.json.caseId === c.id), {
        what: 'the classified event',
      });
      await sleep(500); // give dispatch's projection a moment; either way the deadline must end up urgent
      await must(duty, 'dispatchCase', 'DispatchInput', { caseId: c.id, leadDepartmentId: dept.property });
      await deadlineIsDispatchPlus(duty, c.id, 2);
    });

    it('a dispatched case reclassified urgent: its deadline is recomputed from its dispatch time', async () => {
      const { id } = await dispatched(duty, { client: property, id: dept.property }, { over: { title: '楼道灯不亮', content: '5号楼楼道灯坏了一周。' } });
      // A normal-urgency case: 7 working days on the PRC calendar (weekends, holidays and 调休
      // counted) — 15 when intake classed it 疑难类 (repeats of the same phone make it so here).
      const { tier } = (await duty.request<{ case: { tier: string } }>('query($id: ID!) { case(id: $id) { tier } }', { id })).case;
      const days = tier === 'difficult' ? 15 : 7;
      await eventually(
        async () => {
          const a = (await read(property, id)).assignment;
          return a && new Date(a.deadlineAt).getTime() === addWorkingDays(BUNDLED_CALENDAR, new Date(a.dispatchedAt), days).getTime();
        },
        { what: `a deadline ${days} working days after dispatch (tier ${tier})` },
      );
      await supervisor.request(RECLASSIFY, { i: { caseId: id, urgency: 'urgent', reason: '楼道无照明，老人夜间摔倒风险高' } });
      const c = await deadlineIsDispatchPlus(property, id, 2);
      expect(c.handling?.inboxBucket).not.toBeNull();
      // Back to timely: the limit follows again (24 h).
      await duty.request(RECLASSIFY, { i: { caseId: id, urgency: 'timely', reason: '已临时加装照明，按及时件办理' } });
      const last = await deadlineIsDispatchPlus(property, id, 24);
      // Partners (and the clocks) are told each new deadline.
      const changes = await eventually(
        async () => {
          const e = partner.messages.filter((m) => m.json.type === 'hotline.case.deadline-changed' && m.json.caseId === id);
          return e.length === 2 && e;
        },
        { what: 'two deadline-changed events' },
      );
      expect(changes.map((m) => (m.json.data as { urgency: string }).urgency)).toEqual(['urgent', 'timely']);
      expect(changes[1].json.data).toMatchObject({
        reason: 'reclassified',
        departmentId: dept.property,
        newDeadlineAt: new Date(last.assignment!.deadlineAt).toISOString(),
      });
    });

    it('a granted extension stands when the case is reclassified afterwards', async () => {
      const { id } = await dispatched(duty, { client: property, id: dept.property }, { over: { title: '电梯按钮失灵', content: '3号楼电梯按钮失灵。' } });
      const deadline = (await view(property, id)).assignment!.deadlineAt!;
      const until = new Date(new Date(deadline).getTime() + 3 * 86_400_000).toISOString();
      const ext = (await must(property, 'requestExtension', 'ExtensionRequestInput', { caseId: id, reason: '需厂家更换按钮面板', requestedUntil: until }))
        .extensions[0];
      await must(supervisor, 'approveExtension', 'ExtensionDecisionInput', { extensionId: ext.id });
      await duty.request(RECLASSIFY, { i: { caseId: id, urgency: 'urgent', reason: '复核认为存在困人风险' } });
      // A barrier on the same case: dispatch handles a case's events in order, so once the merge that
      // follows the reclassification has reached dispatch, the reclassification has too.
      const master = await receiveAndSign(duty, { title: '电梯按钮失灵（主工单）', content: '3号楼电梯按钮失灵。' });
      await duty.request(LINK, { i: { caseId: id, masterCaseId: master.id, kind: 'merge' } });
      await eventually(async () => !(await inInbox(property, id)), { what: 'the merge in dispatch' });
      expect((await read(property, id)).assignment?.deadlineAt).toBe(until);
    });
  });

  describe('并单 (merge into a master case)', () => {
    it('a merged case leaves 待分转, its clock stops, and it cannot be dispatched; the master can', async () => {
      const master = await receiveAndSign(duty, { title: '小区停车位被占', content: '小区地面停车位长期被外来车辆占用。' });
      const b = await receiveAndSign(duty, { title: '小区停车位被占用', content: '小区地面停车位被外来车辆占用，物业不管。' });
      expect((await read(duty, b.id)).dispatchDueAt).not.toBeNull();
      const l = await duty.request<{ linkCase: { masterCaseId: string; linkKind: string } }>(LINK, {
        i: { caseId: b.id, masterCaseId: master.id, kind: 'merge' },
      });
      expect(l.linkCase).toEqual({ id: b.id, masterCaseId: master.id, linkKind: 'merge' });

      await eventually(async () => !(await inQueue(b.id)), { what: 'the merged case out of 待分转' });
      expect(await inQueue(master.id)).toBe(true);
      expect((await read(duty, b.id)).dispatchDueAt).toBeNull();
      const r = await act(duty, 'dispatchCase', 'DispatchInput', { caseId: b.id, leadDepartmentId: dept.property });
      expect(refusal(r)).toEqual({ code: 'CONFLICT', reason: 'CASE_MERGED' });
      expect(r.errors?.[0].message).toBe(`工单 ${b.externalNo} 已并单至主工单 ${master.externalNo}，请办理主工单`);
      expect(r.errors?.[0].extensions?.details).toEqual({ masterCaseId: master.id });
      const bulk = await duty.request<{ dispatchCases: Array<{ caseId: string; ok: boolean; reason: string | null }> }>(
        'mutation($i: [DispatchInput!]!) { dispatchCases(inputs: $i) { caseId ok reason } }',
        {
          i: [
            { caseId: b.id, leadDepartmentId: dept.property },
            { caseId: master.id, leadDepartmentId: dept.property },
          ],
        },
      );
      expect(bulk.dispatchCases).toEqual([
        { caseId: b.id, ok: false, reason: 'CASE_MERGED' },
        { caseId: master.id, ok: true, reason: null },
      ]);
      expect((await read(duty, b.id)).handling?.state).toBe('signed');
    });

    it('a merged case that departments already hold leaves their inboxes; every action on it is refused', async () => {
      const master = await receiveAndSign(duty, { title: '工地渣土车遗撒', content: '工地渣土车沿路遗撒泥土。' });
      const { id, externalNo } = await dispatched(
        duty,
        { client: construction, id: dept.construction },
        { assists: [dept.property], over: { title: '渣土车遗撒泥土', topic: '施工', content: '渣土车进出工地遗撒泥土。' } },
      );
      await must(construction, 'acceptCase', 'CaseActionInput', { caseId: id });
      const deadline = (await view(construction, id)).assignment!.deadlineAt!;
      await must(construction, 'requestExtension', 'ExtensionRequestInput', {
        caseId: id,
        reason: '需联合城管执法',
        requestedUntil: new Date(new Date(deadline).getTime() + 86_400_000).toISOString(),
      });
      expect(await inInbox(property, id)).toBe(true);

      await duty.request(LINK, { i: { caseId: id, masterCaseId: master.id, kind: 'merge' } });
      await eventually(async () => !(await inInbox(construction, id)), { what: 'the merged case out of the lead inbox' });
      expect(await inInbox(property, id)).toBe(false);

      const merged = { code: 'CONFLICT', reason: 'CASE_MERGED' };
      expect(refusal(await act(construction, 'replyCase', 'ReplyInput', { caseId: id, result: 'solved', text: '并单后不能单独答复' }))).toEqual(merged);
      expect(refusal(await act(construction, 'recordContact', 'ContactInput', { caseId: id, channel: 'phone' }))).toEqual(merged);
      expect(refusal(await act(construction, 'returnCase', 'ReturnInput', { caseId: id, reasonCode: 'wrong_department', basis: '并单后不能退回' }))).toEqual(
        merged,
      );
      expect(refusal(await act(property, 'reportAssist', 'AssistReportInput', { caseId: id, text: '并单后不能协办反馈' }))).toEqual(merged);
      expect(refusal(await act(duty, 'redispatchCase', 'RedispatchInput', { caseId: id, leadDepartmentId: dept.property, reason: '并单后不能改派' }))).toEqual(
        merged,
      );
      const r = await act(construction, 'acceptCase', 'CaseActionInput', { caseId: id });
      expect(r.errors?.[0].message).toBe(`工单 ${externalNo} 已并单至主工单 ${master.externalNo}，请办理主工单`);
      // An outsider still gets NOT_FOUND, as for any case outside its department.
      const housing = await as('handler-housing');
      expect(refusal(await act(housing, 'acceptCase', 'CaseActionInput', { caseId: id })).code).toBe('NOT_FOUND');

      // The record stays readable: the routing, the superseded assist task, the withdrawn extension.
      const v = await view(construction, id);
      expect(v.assignment).toMatchObject({ leadDepartmentId: dept.construction, assistDepartmentIds: [dept.property] });
      expect(v.handling?.inboxBucket).toBeNull();
      expect(v.assistTasks).toEqual([{ departmentId: dept.property, status: 'withdrawn', reportText: null }]);
      expect(v.extensions[0]).toMatchObject({ status: 'withdrawn', decisionNote: '工单已并单至主工单，申请自动撤销' });
    });

    it('a case linked as a repeat (重复件) is not merged: it stays in 待分转 and can be dispatched', async () => {
      const master = await receiveAndSign(duty, { title: '路灯不亮', content: '小区南门路灯不亮。' });
      const b = await receiveAndSign(duty, { title: '南门路灯不亮', content: '小区南门路灯一直不亮。' });
      await duty.request(LINK, { i: { caseId: b.id, masterCaseId: master.id, kind: 'repeat' } });
      await eventually(async () => partner.messages.some((m) => m.subject === 'hotline.case.linked' && m.json.caseId === b.id), { what: 'the linked event' });
      await sleep(500);
      expect(await inQueue(b.id)).toBe(true);
      await must(duty, 'dispatchCase', 'DispatchInput', { caseId: b.id, leadDepartmentId: dept.property });
    });
  });
});
