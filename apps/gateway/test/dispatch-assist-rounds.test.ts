import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, GraphQLClient } from '@hotline/testing';
import { as } from './helpers';
import { act, departments, dispatched, intakeStage, must, refusal, view } from './dispatch-helpers';

/**
 * 协办 belongs to one routing. When a case is routed again (after a 退回, or by 改派) and the same
 * department assists again, it reports again for the new routing, and the lead replies once the
 * new routing's assist tasks are reported — an earlier routing's report neither blocks nor counts.
 */
describe('dispatch: the same assisting department after a 退回 or 改派', () => {
  let duty: GraphQLClient;
  let property: GraphQLClient;
  let construction: GraphQLClient;
  let housing: GraphQLClient;
  let dept: Record<string, string>;

  const inInbox = (client: GraphQLClient, caseId: string, what: string) =>
    eventually(
      async () => (await client.request<{ departmentInbox: Array<{ id: string }> }>('{ departmentInbox { id } }')).departmentInbox.some((x) => x.id === caseId),
      { what },
    );

  beforeAll(async () => {
    [duty, property, construction, housing] = await Promise.all([as('duty'), as('handler-property'), as('handler-construction'), as('handler-housing')]);
    dept = await departments(duty);
  });

  it('lead A + assist B; B reports; A returns; dispatched again with B assisting: B reports again and A replies', async () => {
    const { id: caseId } = await dispatched(
      duty,
      { client: construction, id: dept.construction },
      { assists: [dept.property], over: { title: '工地扬尘', topic: '施工' } },
    );
    await must(property, 'reportAssist', 'AssistReportInput', { caseId, text: '第一轮：已通知物业清扫积尘。' });
    expect(refusal(await act(property, 'reportAssist', 'AssistReportInput', { caseId, text: '同一轮不能反馈两次' }))).toEqual({
      code: 'CONFLICT',
      reason: 'ALREADY_REPORTED',
    });
    await must(construction, 'returnCase', 'ReturnInput', { caseId, reasonCode: 'wrong_department', basis: '请值守员重新确认分转' });

    // Dispatched again, same lead and the same assisting department.
    await must(duty, 'dispatchCase', 'DispatchInput', { caseId, leadDepartmentId: dept.construction, assistDepartmentIds: [dept.property] });
    await inInbox(construction, caseId, 'the case back in the lead inbox');
    // The new routing's assist task is open: the lead must wait for it.
    expect(refusal(await act(construction, 'replyCase', 'ReplyInput', { caseId, result: 'solved', text: '第二轮答复：已处理。' }))).toEqual({
      code: 'CONFLICT',
      reason: 'ASSIST_OPEN',
    });
    const reported = await must(property, 'reportAssist', 'AssistReportInput', { caseId, text: '第二轮：物业已再次清扫并洒水。' });
    expect(reported.assistTasks).toEqual([
      { departmentId: dept.property, status: 'reported', reportText: '第一轮：已通知物业清扫积尘。' },
      { departmentId: dept.property, status: 'reported', reportText: '第二轮：物业已再次清扫并洒水。' },
    ]);
    expect(refusal(await act(property, 'reportAssist', 'AssistReportInput', { caseId, text: '第二轮不能反馈两次' }))).toEqual({
      code: 'CONFLICT',
      reason: 'ALREADY_REPORTED',
    });
    const replied = await must(construction, 'replyCase', 'ReplyInput', { caseId, result: 'solved', text: '已责令工地覆盖裸土，物业已清扫。' });
    expect(replied.handling?.state).toBe('replied');
    await intakeStage(duty, caseId, 'replied');
  });

  it('lead A + assist B; B reports; duty re-dispatches (改派) to C keeping B: B reports again and C replies', async () => {
    const { id: caseId } = await dispatched(
      duty,
      { client: construction, id: dept.construction },
      { assists: [dept.property], over: { title: '小区门口道路破损', topic: '施工' } },
    );
    await must(property, 'reportAssist', 'AssistReportInput', { caseId, text: '第一轮：物业已设置警示标志。' });
    await must(duty, 'redispatchCase', 'RedispatchInput', {
      caseId,
      leadDepartmentId: dept.housing,
      assistDepartmentIds: [dept.property],
      reason: '道路移交前由房屋交付科牵头',
    });
    await inInbox(housing, caseId, 'the case in the new lead inbox');
    expect(refusal(await act(housing, 'replyCase', 'ReplyInput', { caseId, result: 'solved', text: '新主办科室的答复。' }))).toEqual({
      code: 'CONFLICT',
      reason: 'ASSIST_OPEN',
    });
    // The former lead no longer holds the case.
    expect(refusal(await act(construction, 'replyCase', 'ReplyInput', { caseId, result: 'solved', text: '原主办科室不能再答复' }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    await must(property, 'reportAssist', 'AssistReportInput', { caseId, text: '第二轮：物业配合房屋交付科修补路面。' });
    const replied = await must(housing, 'replyCase', 'ReplyInput', { caseId, result: 'solved', text: '已协调开发商修补路面并恢复通行。' });
    expect(replied.handling?.state).toBe('replied');
    const v = await view(duty, caseId);
    expect(v.assistTasks.map((t) => [t.status, t.reportText])).toEqual([
      ['reported', '第一轮：物业已设置警示标志。'],
      ['reported', '第二轮：物业配合房屋交付科修补路面。'],
    ]);
  });

  it('an open assist task of the previous routing is withdrawn and does not block the new lead', async () => {
    const { id: caseId } = await dispatched(
      duty,
      { client: construction, id: dept.construction },
      { assists: [dept.property], over: { title: '绿化带被占用', topic: '施工' } },
    );
    await must(duty, 'redispatchCase', 'RedispatchInput', { caseId, leadDepartmentId: dept.housing, reason: '改由房屋交付科单独办理' });
    await inInbox(housing, caseId, 'the case in the new lead inbox');
    expect(refusal(await act(property, 'reportAssist', 'AssistReportInput', { caseId, text: '已不再协办的科室反馈' }))).toMatchObject({ code: 'NOT_FOUND' });
    const replied = await must(housing, 'replyCase', 'ReplyInput', { caseId, result: 'explained', text: '已向市民解释绿化带使用规定。' });
    expect(replied.assistTasks).toEqual([{ departmentId: dept.property, status: 'withdrawn', reportText: null }]);
  });
});
