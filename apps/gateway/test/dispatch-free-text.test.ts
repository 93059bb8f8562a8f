import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectEvents, eventually, GraphQLClient } from '@hotline/testing';
import { as } from './helpers';
import { act, departments, dispatched, must, refusal, view } from './dispatch-helpers';

type Partner = Awaited<ReturnType<typeof collectEvents>>;

/**
 * Free text that people write in dispatch (replies, assist reports, extension reasons, 退回 bases,
 * 局审核 reasons, dispatch notes) may hold a citizen's phone or ID number. dispatch keeps it in full,
 * shows it masked to every reader, and puts it into events scrubbed — so writing a number never
 * makes an action fail, and partners never receive one.
 */
const PHONE = '13812345678';
const MASKED_PHONE = '138****5678';
const ID_NUMBER = '110101199001011234';
const MASKED_ID = '110***********1234';

const subgraph = (name: string, token?: string) => new GraphQLClient(`${inject('subgraphUrls')[name]}/graphql`, token);

async function intakeServiceToken(): Promise<string> {
  const res = await fetch(`${inject('subgraphUrls').identity}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: 'intake', client_secret: inject('intakeClientSecret') }).toString(),
  });
  return String(((await res.json()) as { access_token: string }).access_token);
}

describe('dispatch: free text is masked for every reader and scrubbed in events, kept in full in dispatch', () => {
  let duty: GraphQLClient;
  let supervisor: GraphQLClient;
  let leader: GraphQLClient;
  let callback: GraphQLClient;
  let property: GraphQLClient;
  let construction: GraphQLClient;
  let housing: GraphQLClient;
  let dept: Record<string, string>;
  let partner: Partner;

  const eventOf = (caseId: string, subject: string, n = 1) =>
    eventually(
      async () => {
        const m = partner.messages.filter((x) => x.json.caseId === caseId && x.subject === subject);
        return m.length >= n && m[n - 1];
      },
      { what: `${subject} #${n} of ${caseId}` },
    );

  beforeAll(async () => {
    partner = await collectEvents(inject('natsUrl'), 'hotline.case.>');
    [duty, supervisor, leader, callback, property, construction, housing] = await Promise.all(
      ['duty', 'supervisor', 'leader', 'callback', 'handler-property', 'handler-construction', 'handler-housing'].map((u) => as(u)),
    );
    dept = await departments(duty);
  });
  afterAll(async () => {
    await partner?.close();
  });

  it('a reply, an assist report and an extension reason with personal numbers: accepted, shown masked to every role, full text kept for 办结反馈', async () => {
    const { id: caseId } = await dispatched(
      duty,
      { client: construction, id: dept.construction },
      { assists: [dept.property], over: { title: '工地扬尘', topic: '施工' } },
    );
    const reportText = `已通知物业配合清扫，物业经理电话${PHONE}，身份证${ID_NUMBER}。`;
    const extensionReason = `需与市民（${PHONE}）约定入户时间`;
    const refusalNote = `请直接致电${PHONE}沟通`;
    const replyText = `已责令工地覆盖裸土并洒水降尘，已电话${PHONE}告知市民，身份证${ID_NUMBER}已核实。`;

    await must(property, 'reportAssist', 'AssistReportInput', { caseId, text: reportText });
    const deadline = (await view(construction, caseId)).assignment!.deadlineAt!;
    const until = new Date(new Date(deadline).getTime() + 86_400_000).toISOString();
    const asked = await must(construction, 'requestExtension', 'ExtensionRequestInput', { caseId, reason: extensionReason, requestedUntil: until });
    await must(supervisor, 'refuseExtension', 'ExtensionDecisionInput', { extensionId: asked.extensions[0].id, note: refusalNote });
    const replied = await must(construction, 'replyCase', 'ReplyInput', { caseId, result: 'solved', text: replyText });
    // Even the mutation's own answer shows the text masked.
    expect(replied.replies[0].text).toBe(replyText.replaceAll(PHONE, MASKED_PHONE).replace(ID_NUMBER, MASKED_ID));

    // The assisting department sees the case once intake has read the dispatch.
    await eventually(async () => !(await property.raw('query($id: ID!) { case(id: $id) { id } }', { id: caseId })).errors, {
      what: 'the assisting department sees the case',
    });
    for (const [who, client] of Object.entries({ duty, supervisor, leader, callback, lead: construction, assist: property })) {
      const v = await view(client, caseId);
      const shown = JSON.stringify([v.replies, v.assistTasks, v.extensions]);
      expect(shown, who).not.toContain(PHONE);
      expect(shown, who).not.toContain(ID_NUMBER);
      expect(v.replies[0].text, who).toBe(`已责令工地覆盖裸土并洒水降尘，已电话${MASKED_PHONE}告知市民，身份证${MASKED_ID}已核实。`);
      expect(v.assistTasks[0].reportText, who).toBe(`已通知物业配合清扫，物业经理电话${MASKED_PHONE}，身份证${MASKED_ID}。`);
      expect(v.extensions[0], who).toMatchObject({
        status: 'refused',
        reason: `需与市民（${MASKED_PHONE}）约定入户时间`,
        decisionNote: `请直接致电${MASKED_PHONE}沟通`,
      });
    }
    // Another department still does not see the case at all.
    expect(refusal(await housing.raw('query($id: ID!) { case(id: $id) { replies { text } } }', { id: caseId })).code).toBe('NOT_FOUND');

    // Partners get the texts scrubbed.
    const requested = await eventOf(caseId, 'hotline.case.extension-requested');
    expect(requested.json.data).toMatchObject({ reason: `需与市民（${MASKED_PHONE}）约定入户时间` });
    expect((await eventOf(caseId, 'hotline.case.extension-refused')).json.data).toMatchObject({ reason: `请直接致电${MASKED_PHONE}沟通` });
    expect((await eventOf(caseId, 'hotline.case.assist-reported')).json.data).toMatchObject({ reportDigest: expect.stringContaining(MASKED_PHONE) });
    expect((await eventOf(caseId, 'hotline.case.replied')).json.data).toMatchObject({ replyDigest: expect.stringContaining(MASKED_PHONE) });

    // dispatch keeps the reply in full: intake's 办结反馈 reads it with its service token.
    await must(duty, 'approveReply', 'ApproveReplyInput', { caseId });
    const full = await subgraph('dispatch', await intakeServiceToken()).request<{ completionReply: { text: string } }>(
      'query($c: ID!) { completionReply(caseId: $c) { text } }',
      { c: caseId },
    );
    expect(full.completionReply.text).toBe(replyText);
    await eventOf(caseId, 'hotline.case.completed');
    for (const m of partner.messages.filter((x) => x.json.caseId === caseId)) {
      expect(m.data).not.toContain(PHONE);
      expect(m.data).not.toContain(ID_NUMBER);
    }
  });

  it('a 退回 basis, a dispatch note and a 改派 reason with a phone number: the actions succeed, events and history show it masked', async () => {
    const { id: caseId } = await dispatched(duty, { client: property, id: dept.property }, { over: { title: '新房延期交付', topic: '延期交房' } });
    const basis = `权责清单：延期交房属房屋交付科，已与市民${PHONE}说明`;
    const r = await act(property, 'returnCase', 'ReturnInput', { caseId, reasonCode: 'wrong_department', basis });
    expect(r.errors).toBeUndefined();
    expect(r.data!.returnCase.handling?.state).toBe('signed');
    const returned = await eventOf(caseId, 'hotline.case.returned');
    expect(returned.json.data).toMatchObject({
      departmentId: dept.property,
      reasonCode: 'wrong-department',
      basis: `权责清单：延期交房属房屋交付科，已与市民${MASKED_PHONE}说明`,
    });

    const note = `市民${PHONE}要求尽快处理`;
    await must(duty, 'dispatchCase', 'DispatchInput', { caseId, leadDepartmentId: dept.housing, note });
    expect((await eventOf(caseId, 'hotline.case.dispatched', 2)).json.data).toMatchObject({
      leadDepartmentId: dept.housing,
      note: `市民${MASKED_PHONE}要求尽快处理`,
    });

    const reason = `房屋交付科反馈应由物业处理，联系人身份证${ID_NUMBER}`;
    const moved = await must(duty, 'redispatchCase', 'RedispatchInput', { caseId, leadDepartmentId: dept.property, reason });
    expect((await eventOf(caseId, 'hotline.case.dispatched', 3)).json.data).toMatchObject({
      leadDepartmentId: dept.property,
      note: `房屋交付科反馈应由物业处理，联系人身份证${MASKED_ID}`,
    });

    // 分派记录 through the API: masked.
    expect(moved.assignmentHistory.map((h) => h.reason)).toEqual([
      null,
      `权责清单：延期交房属房屋交付科，已与市民${MASKED_PHONE}说明`,
      `市民${MASKED_PHONE}要求尽快处理`,
      `房屋交付科反馈应由物业处理，联系人身份证${MASKED_ID}`,
    ]);
    const returns = await property.request<{ departmentReturns: Array<{ caseId: string; reason: string }> }>('{ departmentReturns { caseId reason } }');
    expect(returns.departmentReturns.find((x) => x.caseId === caseId)?.reason).toBe(`权责清单：延期交房属房屋交付科，已与市民${MASKED_PHONE}说明`);
  });

  it('a 局审核 rejection reason with a phone number: the rejection succeeds, the event and the reply show it masked', async () => {
    const { id: caseId } = await dispatched(duty, { client: property, id: dept.property });
    await must(property, 'replyCase', 'ReplyInput', { caseId, result: 'partly', text: '已联系物业，电梯部件需采购。' });
    const reason = `答复未说明修复时间，请回电市民${PHONE}后补充`;
    const r = await act(supervisor, 'rejectReply', 'RejectReplyInput', { caseId, reason });
    expect(r.errors).toBeUndefined();
    expect(r.data!.rejectReply.handling?.state).toBe('accepted');
    expect(r.data!.rejectReply.replies[0]).toMatchObject({ reviewStatus: 'rejected', reviewNote: `答复未说明修复时间，请回电市民${MASKED_PHONE}后补充` });
    const ev = await eventOf(caseId, 'hotline.case.review-rejected');
    expect(ev.json.data).toMatchObject({ departmentId: dept.property, reason: `答复未说明修复时间，请回电市民${MASKED_PHONE}后补充` });
    expect(ev.data).not.toContain(PHONE);
  });
});
