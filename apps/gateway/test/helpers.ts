import { randomUUID } from 'node:crypto';
import { inject } from 'vitest';
import { eventually, GraphQLClient, loginAs } from '@hotline/testing';

export const gatewayUrl = () => inject('gatewayUrl');
export const as = (username: string) => loginAs(inject('gatewayUrl'), username);

export const newCaseInput = (over: Record<string, unknown> = {}) => ({
  externalNo: `E2E-${randomUUID().slice(0, 8)}`,
  citizenName: '张三丰',
  citizenPhone: '13812345678',
  address: '北京市经济技术开发区荣京东街3号院5号楼2单元301',
  projectName: '林肯公园',
  title: '小区电梯停运三天',
  content: '林肯公园5号楼电梯停运三天，老人上下楼困难，联系电话13812345678，请尽快督促物业维修。',
  requestType: 'complaint',
  topic: '物业',
  ...over,
});

export async function departmentId(client: GraphQLClient, code: string): Promise<string> {
  const r = await client.request<{ departments: Array<{ id: string; code: string }> }>('{ departments { id code } }');
  const d = r.departments.find((x) => x.code === code);
  if (!d) throw new Error(`no department ${code}`);
  return d.id;
}

export async function receive(duty: GraphQLClient, over: Record<string, unknown> = {}): Promise<{ id: string; externalNo: string }> {
  const r = await duty.request<{ receiveCase: { id: string; externalNo: string } }>(
    'mutation($i: ReceiveCaseInput!) { receiveCase(input: $i) { id externalNo } }',
    { i: newCaseInput(over) },
  );
  return r.receiveCase;
}

/** Signs a case and waits until dispatch has it in the 待分转 queue. */
export async function receiveAndSign(duty: GraphQLClient, over: Record<string, unknown> = {}) {
  const c = await receive(duty, over);
  await duty.request('mutation($id: ID!) { signCase(id: $id) { id } }', { id: c.id });
  await eventually(
    async () => (await duty.request<{ dispatchQueue: Array<{ id: string }> }>('{ dispatchQueue { id } }')).dispatchQueue.some((x) => x.id === c.id),
    { what: `case ${c.externalNo} in the dispatch queue` },
  );
  return c;
}

export async function dispatchTo(duty: GraphQLClient, caseId: string, leadDepartmentId: string) {
  return duty.request('mutation($i: DispatchInput!) { dispatchCase(input: $i) { id } }', { i: { caseId, leadDepartmentId } });
}

export async function waitInInbox(handler: GraphQLClient, caseId: string) {
  return eventually(
    async () =>
      (await handler.request<{ departmentInbox: Array<{ id: string; title: string }> }>('{ departmentInbox { id title } }')).departmentInbox.find(
        (x) => x.id === caseId,
      ),
    { what: 'the case in the department inbox' },
  );
}
