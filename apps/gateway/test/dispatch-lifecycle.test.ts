import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectEvents, eventually, GraphQLClient } from '@hotline/testing';
import { as, receiveAndSign } from './helpers';
import { act, departments, dispatched, intakeStage, must, refusal, view } from './dispatch-helpers';

type Partner = Awaited<ReturnType<typeof collectEvents>>;

describe('dispatch: a department accepts, contacts, replies; the bureau reviews and completes (办结)', () => {
  let duty: GraphQLClient;
  let supervisor: GraphQLClient;
  let property: GraphQLClient;
  let housing: GraphQLClient;
  let dept: Record<string, string>;
  let partner: Partner;
  let caseId: string;

  beforeAll(async () => {
    partner = await collectEvents(inject('natsUrl'), 'hotline.case.>');
    [duty, supervisor, property, housing] = await Promise.all([as('duty'), as('supervisor'), as('handler-property'), as('handler-housing')]);
    dept = await departments(duty);
    caseId = (await dispatched(duty, { client: property, id: dept.property })).id;
  });
  afterAll(async () => {
    await partner?.close();
  });

  it('the new case sits in the property inbox as 新到 and counts there', async () => {
    const inbox = await property.request<{ departmentInbox: Array<{ id: string }> }>('{ departmentInbox(bucket: new) { id } }');
    expect(inbox.departmentInbox.map((x) => x.id)).toContain(caseId);
    const counts = await property.request<{ departmentInboxCounts: { new: number } }>('{ departmentInboxCounts { new inProgress dueSoon overdue returned } }');
    expect(counts.departmentInboxCounts.new).toBeGreaterThanOrEqual(1);
    expect((await view(property, caseId)).handling?.inboxBucket).toBe('new');
  });

  it('only the lead department may accept: duty is FORBIDDEN, another department NOT_FOUND', async () => {
    expect(refusal(await act(duty, 'acceptCase', 'CaseActionInput', { caseId }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusal(await act(housing, 'acceptCase', 'CaseActionInput', { caseId }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('the bureau cannot review a reply that does not exist yet', async () => {
    expect(refusal(await act(duty, 'approveReply', 'ApproveReplyInput', { caseId }))).toEqual({ code: 'CONFLICT', reason: 'WRONG_STAGE' });
  });

  it('the property handler accepts it; accepting twice is refused; the inbox moves it to 办理中', async () => {
    const c = await must(property, 'acceptCase', 'CaseActionInput', { caseId });
    expect(c.handling).toMatchObject({ state: 'accepted', inboxBucket: 'inProgress' });
    expect(c.handling?.acceptedAt).toBeTruthy();
    expect(refusal(await act(property, 'acceptCase', 'CaseActionInput', { caseId }))).toEqual({ code: 'CONFLICT', reason: 'WRONG_STAGE' });
    await intakeStage(duty, caseId, 'accepted');
  });

  it('records the first contact with the citizen (time, channel), once', async () => {
    const at = new Date().toISOString();
    const c = await must(property, 'recordContact', 'ContactInput', { caseId, channel: 'phone', contactedAt: at });
    expect(c.handling).toMatchObject({ contactChannel: 'phone', contactedAt: at });
    expect(refusal(await act(property, 'recordContact', 'ContactInput', { caseId, channel: 'sms' }))).toEqual({
      code: 'CONFLICT',
      reason: 'ALREADY_CONTACTED',
    });
    const future = await act(property, 'recordContact', 'ContactInput', {
      caseId,
      channel: 'sms',
      contactedAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
    expect(refusal(future).code).toMatch(/BAD_USER_INPUT|CONFLICT/);
  });

  it('a handler replies; the reply waits for bureau review; a handler may not review it', async () => {
    const c = await must(property, 'replyCase', 'ReplyInput', { caseId, result: 'partly', text: '已联系物业，电梯部件需采购，预计三日内修复。' });
    expect(c.handling?.state).toBe('replied');
    expect(c.replies).toEqual([expect.objectContaining({ result: 'partly', reviewStatus: 'pending' })]);
    expect(refusal(await act(property, 'approveReply', 'ApproveReplyInput', { caseId }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusal(await act(property, 'returnCase', 'ReturnInput', { caseId, reasonCode: 'wrong_department', basis: '答复后不能再退回' }))).toEqual({
      code: 'CONFLICT',
      reason: 'WRONG_STAGE',
    });
  });

  it('the duty operator sends the reply back with a reason (局审核退回); a reason is required', async () => {
    expect(refusal(await act(duty, 'rejectReply', 'RejectReplyInput', { caseId, reason: '' }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    const c = await must(duty, 'rejectReply', 'RejectReplyInput', { caseId, reason: '答复未说明具体修复时间，请补充' });
    expect(c.handling?.state).toBe('accepted');
    expect(c.replies[0]).toMatchObject({ reviewStatus: 'rejected', reviewNote: '答复未说明具体修复时间，请补充' });
    await intakeStage(duty, caseId, 'accepted');
  });

  it('the department replies again and a supervisor approves: the case is completed (办结)', async () => {
    await must(property, 'replyCase', 'ReplyInput', { caseId, result: 'solved', text: '电梯已于今日下午修复并通过检测，已电话告知市民。' });
    const c = await must(supervisor, 'approveReply', 'ApproveReplyInput', { caseId });
    expect(c.handling?.state).toBe('completed');
    expect(c.handling?.completedAt).toBeTruthy();
    expect(c.replies.map((r) => r.reviewStatus)).toEqual(['rejected', 'approved']);
    expect(refusal(await act(supervisor, 'approveReply', 'ApproveReplyInput', { caseId }))).toEqual({ code: 'CONFLICT', reason: 'WRONG_STAGE' });
    expect(refusal(await act(property, 'replyCase', 'ReplyInput', { caseId, result: 'solved', text: '办结后再答复应被拒绝' }))).toEqual({
      code: 'CONFLICT',
      reason: 'WRONG_STAGE',
    });
    // 办结, then callback opens the round's 回访 task at once: intake's stage goes on to 待回访.
    await intakeStage(duty, caseId, 'awaitingCallback');
  });

  it('the events tell the whole story, with Chinese labels on the timeline and no personal data', async () => {
    const subjects = ['dispatched', 'accepted', 'contacted', 'replied', 'review-rejected', 'replied', 'completed'].map((s) => `hotline.case.${s}`);
    const mine = await eventually(
      async () => {
        const m = partner.messages.filter((x) => x.json.caseId === caseId && x.subject !== 'hotline.case.received' && x.subject !== 'hotline.case.signed');
        return m.length >= subjects.length && m;
      },
      { what: 'the dispatch events of the case' },
    );
    expect(mine.map((m) => m.subject)).toEqual(subjects);
    const completed = mine.at(-1)!.json.data as Record<string, unknown>;
    expect(completed).toMatchObject({ result: 'solved', departmentId: dept.property, replyDigest: expect.stringContaining('电梯已于今日下午修复') });
    expect(new Date(String(completed.completedAt)).getTime()).toBeGreaterThan(0);
    for (const m of mine) expect(m.data).not.toMatch(/13812345678|张三丰|荣京东街/);
    const t = await eventually(
      async () => {
        const r = await duty.request<{ case: { timeline: Array<{ type: string; label: string }> } }>(
          'query($id: ID!) { case(id: $id) { timeline { type label } } }',
          { id: caseId },
        );
        return r.case.timeline.some((x) => x.type === 'hotline.case.completed') && r.case.timeline;
      },
      { what: 'completed on the timeline' },
    );
    expect(t.find((x) => x.type === 'hotline.case.completed')?.label).toBe('办结');
    expect(t.find((x) => x.type === 'hotline.case.review-rejected')?.label).toBe('局审核退回');
  });

  it('dispatch is refused to an unknown department and to a handler', async () => {
    const c = await receiveAndSign(duty);
    const r = await act(duty, 'dispatchCase', 'DispatchInput', { caseId: c.id, leadDepartmentId: '00000000-0000-4000-8000-000000000000' });
    expect(refusal(r)).toEqual({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_DEPARTMENT' });
    expect(refusal(await act(property, 'dispatchCase', 'DispatchInput', { caseId: c.id, leadDepartmentId: dept.property }))).toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});
