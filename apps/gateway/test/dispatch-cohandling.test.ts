import { beforeAll, describe, expect, it } from 'vitest';
import { GraphQLClient } from '@hotline/testing';
import { as, receiveAndSign } from './helpers';
import { act, departments, dispatched, intakeStage, must, refusal, view } from './dispatch-helpers';

describe('dispatch: 延期, 协办, optimistic locking and bulk dispatch', () => {
  let duty: GraphQLClient;
  let supervisor: GraphQLClient;
  let property: GraphQLClient;
  let construction: GraphQLClient;
  let housing: GraphQLClient;
  let dept: Record<string, string>;

  beforeAll(async () => {
    [duty, supervisor, property, construction, housing] = await Promise.all([
      as('duty'),
      as('supervisor'),
      as('handler-property'),
      as('handler-construction'),
      as('handler-housing'),
    ]);
    dept = await departments(duty);
  });

  describe('延期 (extension)', () => {
    it('is asked before the deadline with a reason; a supervisor approves and the new deadline holds', async () => {
      const { id: caseId } = await dispatched(duty, { client: property, id: dept.property });
      const before = await view(property, caseId);
      const until = new Date(new Date(before.assignment!.deadlineAt!).getTime() + 3 * 86_400_000).toISOString();
      expect(refusal(await act(property, 'requestExtension', 'ExtensionRequestInput', { caseId, reason: '短', requestedUntil: until }))).toMatchObject({
        code: 'BAD_USER_INPUT',
      });
      expect(
        refusal(
          await act(property, 'requestExtension', 'ExtensionRequestInput', {
            caseId,
            reason: '需协调电梯厂家采购配件',
            requestedUntil: before.assignment!.deadlineAt,
          }),
        ),
      ).toEqual({ code: 'BAD_USER_INPUT', reason: 'EXTENSION_NOT_LATER' });
      const asked = await must(property, 'requestExtension', 'ExtensionRequestInput', { caseId, reason: '需协调电梯厂家采购配件', requestedUntil: until });
      const ext = asked.extensions[0];
      expect(ext).toMatchObject({ status: 'pending', reason: '需协调电梯厂家采购配件' });
      expect(refusal(await act(property, 'requestExtension', 'ExtensionRequestInput', { caseId, reason: '再申请一次延期', requestedUntil: until }))).toEqual({
        code: 'CONFLICT',
        reason: 'EXTENSION_PENDING',
      });
      // Only a supervisor decides.
      expect(refusal(await act(duty, 'approveExtension', 'ExtensionDecisionInput', { extensionId: ext.id }))).toMatchObject({ code: 'FORBIDDEN' });
      expect(refusal(await act(property, 'approveExtension', 'ExtensionDecisionInput', { extensionId: ext.id }))).toMatchObject({ code: 'FORBIDDEN' });
      const approved = await must(supervisor, 'approveExtension', 'ExtensionDecisionInput', { extensionId: ext.id, note: '同意' });
      expect(approved.assignment?.deadlineAt).toBe(until);
      expect(approved.extensions[0]).toMatchObject({ status: 'approved' });
      expect(refusal(await act(supervisor, 'refuseExtension', 'ExtensionDecisionInput', { extensionId: ext.id, note: '重复审批' }))).toEqual({
        code: 'CONFLICT',
        reason: 'EXTENSION_DECIDED',
      });
      await intakeStage(duty, caseId, 'dispatched');
    });

    it('a refusal needs a reason and leaves the deadline as it was', async () => {
      const { id: caseId } = await dispatched(duty, { client: property, id: dept.property });
      const deadline = (await view(property, caseId)).assignment!.deadlineAt!;
      const until = new Date(new Date(deadline).getTime() + 86_400_000).toISOString();
      const ext = (await must(property, 'requestExtension', 'ExtensionRequestInput', { caseId, reason: '市民近期出差无法配合入户', requestedUntil: until }))
        .extensions[0];
      expect(refusal(await act(supervisor, 'refuseExtension', 'ExtensionDecisionInput', { extensionId: ext.id }))).toMatchObject({ code: 'BAD_USER_INPUT' });
      const c = await must(supervisor, 'refuseExtension', 'ExtensionDecisionInput', { extensionId: ext.id, note: '可电话沟通，无需延期' });
      expect(c.assignment?.deadlineAt).toBe(deadline);
      expect(c.extensions[0]).toMatchObject({ status: 'refused', decisionNote: '可电话沟通，无需延期' });
    });

    it('is refused after the deadline (an upstream deadline already past); the case shows as overdue', async () => {
      const past = new Date(Date.now() - 3_600_000).toISOString();
      const { id: caseId } = await dispatched(duty, { client: property, id: dept.property }, { over: { deadlineAt: past } });
      const v = await view(property, caseId);
      expect(v.assignment?.deadlineAt).toBe(past);
      expect(v.handling?.inboxBucket).toBe('overdue');
      const overdue = await property.request<{ departmentInbox: Array<{ id: string }> }>('{ departmentInbox(bucket: overdue) { id } }');
      expect(overdue.departmentInbox.map((x) => x.id)).toContain(caseId);
      const r = await act(property, 'requestExtension', 'ExtensionRequestInput', {
        caseId,
        reason: '超期后才申请延期',
        requestedUntil: new Date(Date.now() + 86_400_000).toISOString(),
      });
      expect(refusal(r)).toEqual({ code: 'CONFLICT', reason: 'DEADLINE_PASSED' });
      expect((await view(property, caseId)).extensions).toEqual([]);
    });
  });

  describe('协办 (co-handling)', () => {
    it('the lead cannot reply while an assisting department is open; the assist reports, then the lead replies', async () => {
      const { id: caseId } = await dispatched(
        duty,
        { client: construction, id: dept.construction },
        { assists: [dept.property], over: { title: '工地扬尘', topic: '施工' } },
      );
      const blocked = await act(construction, 'replyCase', 'ReplyInput', { caseId, result: 'solved', text: '已责令工地覆盖裸土并洒水降尘。' });
      expect(refusal(blocked)).toEqual({ code: 'CONFLICT', reason: 'ASSIST_OPEN' });
      expect(blocked.errors?.[0].extensions?.details).toEqual({ departmentIds: [dept.property] });
      expect(refusal(await act(property, 'replyCase', 'ReplyInput', { caseId, result: 'solved', text: '协办科室不能答复' }))).toEqual({
        code: 'FORBIDDEN',
        reason: 'NOT_LEAD_DEPARTMENT',
      });
      expect(refusal(await act(construction, 'reportAssist', 'AssistReportInput', { caseId, text: '主办科室不能提交协办反馈' }))).toEqual({
        code: 'FORBIDDEN',
        reason: 'NOT_ASSIST_DEPARTMENT',
      });
      expect(refusal(await act(housing, 'reportAssist', 'AssistReportInput', { caseId, text: '无关科室不能反馈' }))).toMatchObject({ code: 'NOT_FOUND' });
      const reported = await must(property, 'reportAssist', 'AssistReportInput', { caseId, text: '已通知物业配合清扫小区内积尘。' });
      expect(reported.assistTasks).toEqual([{ departmentId: dept.property, status: 'reported', reportText: '已通知物业配合清扫小区内积尘。' }]);
      expect(refusal(await act(property, 'reportAssist', 'AssistReportInput', { caseId, text: '第二次协办反馈' }))).toEqual({
        code: 'CONFLICT',
        reason: 'ALREADY_REPORTED',
      });
      const replied = await must(construction, 'replyCase', 'ReplyInput', { caseId, result: 'solved', text: '已责令工地覆盖裸土并洒水降尘。' });
      expect(replied.handling?.state).toBe('replied');
      await intakeStage(duty, caseId, 'replied');
    });
  });

  describe('optimistic locking', () => {
    it('two replies at once: exactly one wins, the other gets CONFLICT', async () => {
      const { id: caseId } = await dispatched(duty, { client: property, id: dept.property });
      const other = await as('handler-property'); // a second person of the same department
      const [a, b] = await Promise.all([
        act(property, 'replyCase', 'ReplyInput', { caseId, result: 'solved', text: '第一位承办人的答复内容。' }),
        act(other, 'replyCase', 'ReplyInput', { caseId, result: 'partly', text: '第二位承办人的答复内容。' }),
      ]);
      const outcomes = [a, b].map((r) => (r.errors ? refusal(r).code : 'ok'));
      expect(outcomes.sort()).toEqual(['CONFLICT', 'ok']);
      const v = await view(duty, caseId);
      expect(v.replies).toHaveLength(1);
    });

    it('many accepts at once: one wins, every other gets CONFLICT', async () => {
      const { id: caseId } = await dispatched(duty, { client: property, id: dept.property });
      const rs = await Promise.all(Array.from({ length: 5 }, () => act(property, 'acceptCase', 'CaseActionInput', { caseId })));
      expect(rs.filter((r) => !r.errors)).toHaveLength(1);
      expect(rs.filter((r) => r.errors).map((r) => refusal(r).code)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT', 'CONFLICT']);
    });

    it('an action on a version someone else already changed is refused with STALE_VERSION', async () => {
      const { id: caseId } = await dispatched(duty, { client: property, id: dept.property });
      const seen = (await view(property, caseId)).handling!.version;
      await must(property, 'recordContact', 'ContactInput', { caseId, channel: 'phone', expectedVersion: seen });
      expect(refusal(await act(property, 'acceptCase', 'CaseActionInput', { caseId, expectedVersion: seen }))).toEqual({
        code: 'CONFLICT',
        reason: 'STALE_VERSION',
      });
      const now = (await view(property, caseId)).handling!.version;
      expect(now).toBe(seen + 1);
      expect((await must(property, 'acceptCase', 'CaseActionInput', { caseId, expectedVersion: now })).handling?.state).toBe('accepted');
    });
  });

  describe('批量分转 (bulk dispatch)', () => {
    it('dispatches each case on its own; a refused one does not stop the others', async () => {
      const a = await receiveAndSign(duty);
      const b = await receiveAndSign(duty);
      const { id: done } = await dispatched(duty, { client: property, id: dept.property });
      const r = await duty.request<{
        dispatchCases: Array<{
          caseId: string;
          ok: boolean;
          errorCode: string | null;
          reason: string | null;
          case: { assignment: { leadDepartmentId: string } } | null;
        }>;
      }>('mutation($i: [DispatchInput!]!) { dispatchCases(inputs: $i) { caseId ok errorCode reason case { assignment { leadDepartmentId } } } }', {
        i: [a.id, done, b.id].map((caseId) => ({ caseId, leadDepartmentId: dept.housing })),
      });
      expect(r.dispatchCases.map((x) => [x.caseId, x.ok, x.reason])).toEqual([
        [a.id, true, null],
        [done, false, 'ALREADY_DISPATCHED'],
        [b.id, true, null],
      ]);
      expect(r.dispatchCases[0].case?.assignment.leadDepartmentId).toBe(dept.housing);
      expect(
        refusal(
          await property.raw('mutation($i: [DispatchInput!]!) { dispatchCases(inputs: $i) { ok } }', { i: [{ caseId: a.id, leadDepartmentId: dept.housing }] }),
        ),
      ).toMatchObject({ code: 'FORBIDDEN' });
    });
  });
});
