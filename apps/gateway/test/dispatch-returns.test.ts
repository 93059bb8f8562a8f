import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectEvents, eventually, GraphQLClient } from '@hotline/testing';
import { as } from './helpers';
import { act, departments, dispatched, intakeStage, must, refusal, view } from './dispatch-helpers';

type Partner = Awaited<ReturnType<typeof collectEvents>>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('dispatch: 退回 and 改派, with the time charged to the department that held the case', () => {
  let duty: GraphQLClient;
  let property: GraphQLClient;
  let housing: GraphQLClient;
  let construction: GraphQLClient;
  let dept: Record<string, string>;
  let partner: Partner;

  beforeAll(async () => {
    partner = await collectEvents(inject('natsUrl'), 'hotline.case.>');
    [duty, property, housing, construction] = await Promise.all([as('duty'), as('handler-property'), as('handler-housing'), as('handler-construction')]);
    dept = await departments(duty);
  });
  afterAll(async () => {
    await partner?.close();
  });

  it('the property department returns a misrouted case with a coded reason and basis; it goes back to 待分转', async () => {
    const { id: caseId } = await dispatched(
      duty,
      { client: property, id: dept.property },
      { over: { title: '新房延期交付', topic: '延期交房', content: '购买的商品房合同约定今年六月交房，至今未交付，要求开发商说明。' } },
    );
    const dispatchedAt = Date.now();
    await sleep(1500);
    expect(refusal(await act(property, 'returnCase', 'ReturnInput', { caseId, reasonCode: 'wrong_department', basis: '' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(refusal(await act(housing, 'returnCase', 'ReturnInput', { caseId, reasonCode: 'wrong_department', basis: '不是我们的' }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(refusal(await act(duty, 'returnCase', 'ReturnInput', { caseId, reasonCode: 'wrong_department', basis: '值守员不能退回' }))).toMatchObject({
      code: 'FORBIDDEN',
    });
    const r = await act(property, 'returnCase', 'ReturnInput', { caseId, reasonCode: 'wrong_department', basis: '权责清单：延期交房属房屋交付科' });
    expect(r.errors).toBeUndefined();
    const returnedAt = Date.now();

    // Back in the duty queue with a fresh 30-minute clock; the property handler no longer holds it.
    await eventually(
      async () => (await duty.request<{ dispatchQueue: Array<{ id: string }> }>('{ dispatchQueue { id } }')).dispatchQueue.some((x) => x.id === caseId),
      { what: 'the case back in 待分转' },
    );
    const v = await view(duty, caseId);
    expect(v.assignment).toBeNull();
    expect(v.handling).toMatchObject({ state: 'signed', returnCount: 1 });
    expect(new Date(v.dispatchDueAt!).getTime()).toBeGreaterThan(returnedAt + 29 * 60_000);
    const ret = v.assignmentHistory.find((h) => h.kind === 'return')!;
    expect(ret).toMatchObject({
      fromDepartmentId: dept.property,
      toDepartmentId: null,
      reasonCode: 'wrong-department',
      reason: '权责清单：延期交房属房屋交付科',
      byRole: 'handler',
      heldMinutes: 0,
    });
    expect(ret.heldSeconds).toBeGreaterThanOrEqual(1);
    expect(ret.heldSeconds).toBeLessThanOrEqual(Math.ceil((returnedAt - dispatchedAt) / 1000) + 2);
    expect(refusal(await act(property, 'acceptCase', 'CaseActionInput', { caseId }))).toMatchObject({ code: 'NOT_FOUND' });
    const inbox = await property.request<{ departmentInbox: Array<{ id: string }> }>('{ departmentInbox { id } }');
    expect(inbox.departmentInbox.some((x) => x.id === caseId)).toBe(false);
    const returns = await property.request<{ departmentReturns: Array<{ caseId: string; reasonCode: string; externalNo: string; title: string }> }>(
      '{ departmentReturns { caseId reasonCode externalNo title } }',
    );
    expect(returns.departmentReturns.find((x) => x.caseId === caseId)).toMatchObject({ reasonCode: 'wrong-department', title: '新房延期交付' });
    await intakeStage(duty, caseId, 'signed');

    const ev = await eventually(async () => partner.messages.find((m) => m.json.caseId === caseId && m.subject === 'hotline.case.returned'), {
      what: 'the returned event',
    });
    expect(ev.json.data).toMatchObject({
      departmentId: dept.property,
      reasonCode: 'wrong-department',
      basis: '权责清单：延期交房属房屋交付科',
      heldMinutes: 0,
    });

    // Dispatched again, to housing: an audit record and redispatch: true.
    await must(duty, 'dispatchCase', 'DispatchInput', { caseId, leadDepartmentId: dept.housing });
    const again = await eventually(
      async () => {
        const m = partner.messages.filter((x) => x.json.caseId === caseId && x.subject === 'hotline.case.dispatched');
        return m.length === 2 && m;
      },
      { what: 'the second dispatch' },
    );
    expect(again.map((m) => (m.json.data as { redispatch: boolean }).redispatch)).toEqual([false, true]);
    // intake lets housing see the case once it has read the new dispatch.
    const history = await eventually(async () => (await view(housing, caseId)).assignmentHistory, { what: 'housing sees the case' });
    expect(history.map((h) => h.kind)).toEqual(['dispatch', 'return', 'dispatch']);
  });

  it('the duty operator re-dispatches (改派) an accepted case: who, from, to, when, why, and the time held', async () => {
    const { id: caseId } = await dispatched(
      duty,
      { client: property, id: dept.property },
      { over: { title: '工地夜间施工噪音', topic: '施工', content: '小区旁工地每天夜里十一点后仍在施工，噪音很大。' } },
    );
    await must(property, 'acceptCase', 'CaseActionInput', { caseId });
    await sleep(1100);
    expect(refusal(await act(duty, 'redispatchCase', 'RedispatchInput', { caseId, leadDepartmentId: dept.construction, reason: '' }))).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    expect(
      refusal(await act(property, 'redispatchCase', 'RedispatchInput', { caseId, leadDepartmentId: dept.construction, reason: '科室不能自行改派' })),
    ).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusal(await act(duty, 'redispatchCase', 'RedispatchInput', { caseId, leadDepartmentId: dept.property, reason: '原样改派无意义' }))).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'SAME_ASSIGNMENT',
    });
    const c = await must(duty, 'redispatchCase', 'RedispatchInput', {
      caseId,
      leadDepartmentId: dept.construction,
      assistDepartmentIds: [dept.property],
      reason: '施工噪音属施工管理科，物业协助',
    });
    expect(c.assignment).toMatchObject({ leadDepartmentId: dept.construction, assistDepartmentIds: [dept.property], status: 'dispatched' });
    expect(c.handling?.acceptedAt).toBeNull();
    const last = c.assignmentHistory.at(-1)!;
    expect(last).toMatchObject({
      kind: 'redispatch',
      fromDepartmentId: dept.property,
      toDepartmentId: dept.construction,
      reason: '施工噪音属施工管理科，物业协助',
      byRole: 'duty',
    });
    expect(last.heldSeconds).toBeGreaterThanOrEqual(1);
    // The property department now only assists: it cannot accept or reply, the construction department can.
    expect(refusal(await act(property, 'acceptCase', 'CaseActionInput', { caseId }))).toEqual({ code: 'FORBIDDEN', reason: 'NOT_LEAD_DEPARTMENT' });
    await eventually(
      async () =>
        (await construction.request<{ departmentInbox: Array<{ id: string }> }>('{ departmentInbox { id } }')).departmentInbox.some((x) => x.id === caseId),
      { what: 'the case in the construction inbox' },
    );
    await must(construction, 'acceptCase', 'CaseActionInput', { caseId });
    const ev = await eventually(
      async () => {
        const m = partner.messages.filter((x) => x.json.caseId === caseId && x.subject === 'hotline.case.dispatched');
        return m.length === 2 && m[1];
      },
      { what: 'the re-dispatch event' },
    );
    expect(ev.json.data).toMatchObject({ redispatch: true, fromDepartmentId: dept.property, leadDepartmentId: dept.construction, heldMinutes: 0 });
    await intakeStage(duty, caseId, 'accepted');
  });

  it('re-dispatch is refused once the case is replied', async () => {
    const { id: caseId } = await dispatched(duty, { client: property, id: dept.property });
    await must(property, 'replyCase', 'ReplyInput', { caseId, result: 'explained', text: '已向市民解释说明相关政策。' });
    expect(refusal(await act(duty, 'redispatchCase', 'RedispatchInput', { caseId, leadDepartmentId: dept.housing, reason: '答复后不能改派' }))).toEqual({
      code: 'CONFLICT',
      reason: 'WRONG_STAGE',
    });
  });
});
