import { beforeAll, describe, expect, it } from 'vitest';
import { collectEvents, GraphQLClient } from '@hotline/testing';
import { inject } from 'vitest';
import { as, departmentId, newCaseInput, receive, receiveAndSign } from './helpers';

const RECEIVE = 'mutation($i: ReceiveCaseInput!) { receiveCase(input: $i) { id externalNo } }';

describe('bad input gets a clear, coded error and changes nothing', () => {
  let duty: GraphQLClient;
  let propertyId: string;
  beforeAll(async () => {
    duty = await as('duty');
    propertyId = await departmentId(duty, 'property');
  });

  // The queue's count, not the length of its first page: with a backlog the page is always full.
  const unsignedCount = async () => (await duty.request<{ unsignedSummary: { count: number } }>('{ unsignedSummary { count } }')).unsignedSummary.count;

  it('missing or invalid fields on receive: BAD_USER_INPUT in Chinese, no case created', async () => {
    const before = await unsignedCount();
    const missing = await duty.raw(RECEIVE, { i: { ...newCaseInput(), title: undefined } });
    expect(missing.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const blank = await duty.raw(RECEIVE, { i: newCaseInput({ title: '   ' }) });
    expect(blank.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(blank.errors?.[0].message).toContain('请填写标题');
    const phone = await duty.raw(RECEIVE, { i: newCaseInput({ citizenPhone: 'call me' }) });
    expect(phone.errors?.[0].message).toContain('联系电话格式不正确');
    const type = await duty.raw(RECEIVE, { i: newCaseInput({ requestType: 'gossip' }) });
    expect(type.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(await unsignedCount()).toBe(before);
  });

  it('receiving the same external number twice creates one case and one event', async () => {
    const partner = await collectEvents(inject('natsUrl'), 'hotline.case.received');
    const input = newCaseInput();
    const a = await duty.request<{ receiveCase: { id: string } }>(RECEIVE, { i: input });
    const b = await duty.request<{ receiveCase: { id: string } }>(RECEIVE, { i: { ...input, title: '重复推送' } });
    expect(b.receiveCase.id).toBe(a.receiveCase.id);
    await new Promise((r) => setTimeout(r, 500));
    await partner.close();
    expect(partner.messages.filter((m) => m.json.caseId === a.receiveCase.id)).toHaveLength(1);
  });

  it('signing twice is a CONFLICT and keeps the first signature', async () => {
    const c = await receive(duty);
    const first = await duty.request<{ signCase: { signedAt: string } }>('mutation($id: ID!) { signCase(id: $id) { signedAt } }', { id: c.id });
    const second = await duty.raw('mutation($id: ID!) { signCase(id: $id) { signedAt } }', { id: c.id });
    expect(second.errors?.[0].extensions?.code).toBe('CONFLICT');
    expect(second.errors?.[0].extensions?.reason).toBe('ALREADY_SIGNED');
    const now = await duty.request<{ case: { signedAt: string } }>('query($id: ID!) { case(id: $id) { signedAt } }', { id: c.id });
    expect(now.case.signedAt).toBe(first.signCase.signedAt);
  });

  it('signing an unknown case is NOT_FOUND', async () => {
    const r = await duty.raw('mutation { signCase(id: "00000000-0000-4000-8000-00000000beef") { id } }');
    expect(r.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('dispatching an unsigned case is refused and the case stays undispatched', async () => {
    const c = await receive(duty);
    await new Promise((r) => setTimeout(r, 300)); // let dispatch learn about the case
    const r = await duty.raw('mutation($i: DispatchInput!) { dispatchCase(input: $i) { id } }', { i: { caseId: c.id, leadDepartmentId: propertyId } });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].extensions?.reason).toBe('CASE_NOT_SIGNED');
    const after = await duty.request<{ case: { assignment: unknown; stage: string } }>(
      'query($id: ID!) { case(id: $id) { stage assignment { leadDepartmentId } } }',
      { id: c.id },
    );
    expect(after.case).toEqual({ stage: 'received', assignment: null });
  });

  it('dispatching to an unknown department is refused and the case stays in the queue', async () => {
    const c = await receiveAndSign(duty);
    const r = await duty.raw('mutation($i: DispatchInput!) { dispatchCase(input: $i) { id } }', {
      i: { caseId: c.id, leadDepartmentId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].extensions?.reason).toBe('UNKNOWN_DEPARTMENT');
    const bad = await duty.raw('mutation($i: DispatchInput!) { dispatchCase(input: $i) { id } }', { i: { caseId: c.id, leadDepartmentId: 'not-a-uuid' } });
    expect(bad.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    const same = await duty.raw('mutation($i: DispatchInput!) { dispatchCase(input: $i) { id } }', {
      i: { caseId: c.id, leadDepartmentId: propertyId, assistDepartmentIds: [propertyId] },
    });
    expect(same.errors?.[0].extensions?.reason).toBe('LEAD_ALSO_ASSIST');
    const queue = await duty.request<{ dispatchQueue: Array<{ id: string }> }>('{ dispatchQueue { id } }');
    expect(queue.dispatchQueue.some((x) => x.id === c.id)).toBe(true);
  });

  it('a reply that is too short is refused', async () => {
    const handler = await as('handler-property');
    const c = await receiveAndSign(duty);
    await duty.request('mutation($i: DispatchInput!) { dispatchCase(input: $i) { id } }', { i: { caseId: c.id, leadDepartmentId: propertyId } });
    const r = await handler.raw('mutation($i: ReplyInput!) { replyCase(input: $i) { id } }', { i: { caseId: c.id, result: 'solved', text: '好' } });
    expect(r.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(r.errors?.[0].message).toContain('答复内容至少 5 个字');
  });
});
