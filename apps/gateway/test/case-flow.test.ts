import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectEvents, eventually, GraphQLClient, GraphQLRequestError } from '@hotline/testing';
import { as, departmentId, dispatchTo, receiveAndSign, waitInInbox } from './helpers';

type Partner = Awaited<ReturnType<typeof collectEvents>>;

describe('one case through every layer: receive → sign → dispatch → department reply', () => {
  let duty: GraphQLClient;
  let property: GraphQLClient;
  let housing: GraphQLClient;
  let partner: Partner;
  let propertyId: string;
  let caseId: string;
  let externalNo: string;

  beforeAll(async () => {
    partner = await collectEvents(inject('natsUrl'), 'hotline.>'); // a partner system, read-only
    duty = await as('duty');
    property = await as('handler-property');
    housing = await as('handler-housing');
    propertyId = await departmentId(duty, 'property');
  });
  afterAll(async () => {
    await partner?.close();
  });

  it('the duty operator receives, signs and dispatches the case to 物业管理科', async () => {
    const c = await receiveAndSign(duty);
    caseId = c.id;
    externalNo = c.externalNo;
    const r = await duty.request<{ dispatchCase: { id: string; dispatchDueAt: string; assignment: { leadDepartment: { name: string }; deadlineAt: string } } }>(
      'mutation($i: DispatchInput!) { dispatchCase(input: $i) { id dispatchDueAt assignment { leadDepartment { name } deadlineAt } } }',
      { i: { caseId, leadDepartmentId: propertyId, note: '电梯故障，物业主办' } },
    );
    expect(r.dispatchCase.assignment.leadDepartment.name).toBe('物业管理科');
    expect(new Date(r.dispatchCase.assignment.deadlineAt).getTime()).toBeGreaterThan(Date.now());
  });

  it('the property handler finds it in the inbox, masked, and replies', async () => {
    await waitInInbox(property, caseId);
    const view = await property.request<{ case: { citizenName: string; citizenPhone: string; address: string } }>(
      'query($id: ID!) { case(id: $id) { citizenName citizenPhone address } }',
      { id: caseId },
    );
    expect(view.case).toEqual({ citizenName: '张**', citizenPhone: '138****5678', address: '北京市经济技****' });
    const r = await property.request<{ replyCase: { replies: Array<{ result: string; text: string }> } }>(
      'mutation($i: ReplyInput!) { replyCase(input: $i) { replies { result text } } }',
      { i: { caseId, result: 'solved', text: '已联系物业公司，5号楼电梯已于今日修复并恢复运行。' } },
    );
    expect(r.replyCase.replies).toEqual([{ result: 'solved', text: '已联系物业公司，5号楼电梯已于今日修复并恢复运行。' }]);
  });

  it('the duty operator reads the reply and the whole timeline on the case', async () => {
    const c = await eventually(
      async () => {
        const r = await duty.request<{
          case: {
            stage: string;
            replies: Array<{ text: string; department: { name: string } }>;
            timeline: Array<{ type: string; actorRole: string; actor: { displayName: string } | null }>;
          };
        }>('query($id: ID!) { case(id: $id) { stage replies { text department { name } } timeline { type actorRole actor { displayName } } } }', {
          id: caseId,
        });
        return r.case.stage === 'replied' && r.case.timeline.length === 4 && r.case;
      },
      { what: 'the replied stage and a full timeline' },
    );
    expect(c.replies[0].department.name).toBe('物业管理科');
    expect(c.timeline.map((t) => t.type)).toEqual(['hotline.case.received', 'hotline.case.signed', 'hotline.case.dispatched', 'hotline.case.replied']);
    expect(c.timeline[3].actor?.displayName).toBe('物业管理科承办人');
  });

  it('a handler of another department can neither see nor reply to it', async () => {
    const seen = await housing.raw('query($id: ID!) { case(id: $id) { id title } }', { id: caseId });
    expect(seen.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const inbox = await housing.request<{ departmentInbox: Array<{ id: string }> }>('{ departmentInbox { id } }');
    expect(inbox.departmentInbox.some((x) => x.id === caseId)).toBe(false);
    const reply = await housing.raw('mutation($i: ReplyInput!) { replyCase(input: $i) { id } }', {
      i: { caseId, result: 'solved', text: '试图越权答复此工单' },
    });
    expect(reply.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('a partner subscribed to hotline.> saw every step, and no event carries personal data', async () => {
    const mine = await eventually(
      async () => {
        const m = partner.messages.filter((x) => x.json.caseId === caseId && x.subject.startsWith('hotline.case.'));
        return m.length >= 4 && m;
      },
      { what: 'four events of the case' },
    );
    expect(mine.map((m) => m.subject)).toEqual(['hotline.case.received', 'hotline.case.signed', 'hotline.case.dispatched', 'hotline.case.replied']);
    for (const m of mine) {
      expect(m.headers['Nats-Msg-Id']).toBe(m.json.id);
      expect(m.data).not.toContain('13812345678');
      expect(m.data).not.toContain('张三丰');
      expect(m.data).not.toContain('荣京东街3号院');
      expect(m.data).not.toMatch(/citizenName|citizenPhone|"address"/);
    }
    expect((mine[0].json.data as { externalNo: string }).externalNo).toBe(externalNo);
    expect((mine[2].json.data as { leadDepartmentId: string }).leadDepartmentId).toBe(propertyId);
  });

  it('the reply cannot be given twice', async () => {
    const again = await property.raw('mutation($i: ReplyInput!) { replyCase(input: $i) { id } }', {
      i: { caseId, result: 'partly', text: '第二次答复应被拒绝' },
    });
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('an assisting department sees the case but may not give the reply', async () => {
    const c = await receiveAndSign(duty, { title: '施工噪音扰民', topic: '施工' });
    const construction = await departmentId(duty, 'construction');
    await duty.request('mutation($i: DispatchInput!) { dispatchCase(input: $i) { id } }', {
      i: { caseId: c.id, leadDepartmentId: construction, assistDepartmentIds: [propertyId] },
    });
    await waitInInbox(property, c.id);
    const r = await property.raw('mutation($i: ReplyInput!) { replyCase(input: $i) { id } }', {
      i: { caseId: c.id, result: 'solved', text: '协办科室不应答复主办工单' },
    });
    expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(r.errors?.[0].extensions?.reason).toBe('NOT_LEAD_DEPARTMENT');
    await expect(dispatchTo(duty, c.id, propertyId)).rejects.toThrow(GraphQLRequestError);
  });
});
