import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectEvents, eventually, GraphQLClient } from '@hotline/testing';
import { as, departmentId, dispatchTo, gatewayUrl, newCaseInput, waitInInbox } from './helpers';

type Partner = Awaited<ReturnType<typeof collectEvents>>;

/**
 * Issue 17: a citizen names themself, their door and two phone numbers in the title and the
 * content. None of it may reach a masked field, a search of a masked role, an event, an Open311
 * answer or a log line.
 */
describe('personal data typed into the free text stays inside intake', () => {
  const run = randomUUID().slice(0, 8);
  const digits = () => String(Math.floor(Math.random() * 1e8)).padStart(8, '0');
  const phone = `139${digits()}`;
  const otherPhone = `136${digits()}`;
  const idNumber = `110101199003${digits().slice(0, 5)}X`;
  const project = `荣华家园${run}`;
  const address = '北京市经济技术开发区荣华中路15号3单元502室';
  const secrets = ['王建国', phone, otherPhone, phone.slice(3), otherPhone.slice(3), '15号3单元502', '502室', idNumber, idNumber.slice(6, 14)];
  const leaks = (text: string) => secrets.filter((s) => text.includes(s));
  const input = (over: Record<string, unknown> = {}) =>
    newCaseInput({
      citizenName: '王建国',
      citizenPhone: phone,
      address,
      projectName: project,
      title: '王建国反映荣华中路15号3单元502漏水',
      content: `我叫王建国，住荣华中路15号3单元502室，楼上漏水三天，请王先生本人回电${phone}或${otherPhone}，身份证${idNumber}。`,
      ...over,
    });

  let partner: Partner;
  let duty: GraphQLClient;
  let leader: GraphQLClient;
  let property: GraphQLClient;
  let admin: GraphQLClient;
  let open: { id: string; externalNo: string };
  let secret: { id: string; externalNo: string };
  const RECEIVE = 'mutation($i: ReceiveCaseInput!) { receiveCase(input: $i) { id externalNo } }';
  const SEARCH = 'query($f: CaseSearchInput!) { searchCases(filter: $f) { total items { id title content } } }';
  const search = async (c: GraphQLClient, f: Record<string, unknown>) =>
    (await c.request<{ searchCases: { total: number; items: Array<{ id: string; title: string; content: string }> } }>(SEARCH, { f })).searchCases;

  beforeAll(async () => {
    partner = await collectEvents(inject('natsUrl'), 'hotline.>');
    [duty, leader, property, admin] = await Promise.all([as('duty'), as('leader'), as('handler-property'), as('admin')]);
    open = (await duty.request<{ receiveCase: { id: string; externalNo: string } }>(RECEIVE, { i: input() })).receiveCase;
    secret = (await duty.request<{ receiveCase: { id: string; externalNo: string } }>(RECEIVE, { i: input({ confidential: true }) })).receiveCase;
    // Through dispatch too: signed, dispatched with a note, replied by the department in words that name the caller.
    for (const c of [open, secret]) await duty.request('mutation($id: ID!) { signCase(id: $id) { id } }', { id: c.id });
    const propertyId = await departmentId(duty, 'property');
    for (const c of [open, secret]) {
      await eventually(
        async () => (await duty.request<{ dispatchQueue: Array<{ id: string }> }>('{ dispatchQueue { id } }')).dispatchQueue.some((x) => x.id === c.id),
        { what: 'in 待分转' },
      );
      await dispatchTo(duty, c.id, propertyId);
      await waitInInbox(property, c.id);
      await property.request('mutation($i: ReplyInput!) { replyCase(input: $i) { id } }', {
        i: { caseId: c.id, result: 'solved', text: `已联系王先生（${phone}），我叫李四，已到15号3单元502室查看，漏水已修复。` },
      });
    }
  });
  afterAll(async () => {
    await partner?.close();
  });

  it('the title and the content are redacted for every role that reads them', async () => {
    const Q = 'query($id: ID!) { case(id: $id) { title content citizenName } }';
    for (const reader of [duty, leader, property]) {
      for (const c of [open, secret]) {
        const r = await reader.request<{ case: { title: string; content: string; citizenName: string } }>(Q, { id: c.id });
        expect(leaks(JSON.stringify(r.case))).toEqual([]);
        expect(r.case.content).toContain('楼上漏水三天');
      }
    }
    const r = await duty.request<{ case: { title: string } }>(Q, { id: open.id });
    expect(r.case.title).toBe('***反映荣华中路****漏水');
  });

  it('text search reads the redacted text: what the fields mask cannot be found digit by digit', async () => {
    for (const reader of [leader, property, duty]) {
      expect((await search(reader, { projectName: project, text: '漏水' })).total).toBe(2);
      for (const probe of ['王建国', phone, phone.slice(3, 7), phone.slice(2, 6), otherPhone.slice(3, 8), '3单元502', idNumber.slice(6, 12)]) {
        expect((await search(reader, { projectName: project, text: probe })).total, `${probe}`).toBe(0);
      }
      for (const item of (await search(reader, { projectName: project })).items) expect(leaks(JSON.stringify(item))).toEqual([]);
    }
  });

  it('search by phone or ID number: duty and supervisor only, the whole number, written to the reveal log', async () => {
    for (const f of [{ phone }, { idNumber }]) {
      const refused = await leader.raw(SEARCH, { f });
      expect(refused.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'PHONE_SEARCH_FORBIDDEN' });
      expect((await property.raw(SEARCH, { f })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const partial = await duty.raw(SEARCH, { f: { idNumber: idNumber.slice(0, 10) } });
    expect(partial.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'ID_NUMBER_INCOMPLETE' });
    expect(new Set((await search(duty, { phone })).items.map((i) => i.id))).toEqual(new Set([open.id, secret.id]));
    expect((await search(duty, { idNumber, projectName: project })).total).toBe(2);
    const log = await admin.request<{ revealLog: Array<{ kind: string; fields: string[]; user: { username: string } }> }>(
      'query($id: ID) { revealLog(caseId: $id, limit: 10) { kind fields user { username } } }',
      { id: open.id },
    );
    expect(log.revealLog).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'search', fields: ['phone'], user: { username: 'duty' } }),
        expect.objectContaining({ kind: 'search', fields: ['idNumber'], user: { username: 'duty' } }),
      ]),
    );
  });

  it('no event carries the name, the door or a number; a confidential case carries none of its text', async () => {
    const mine = await eventually(
      async () => {
        const m = partner.messages.filter((x) => x.json.caseId === open.id || x.json.caseId === secret.id);
        return m.filter((x) => x.subject === 'hotline.case.replied').length === 2 && m;
      },
      { what: 'both cases replied on the stream' },
    );
    for (const m of mine) expect(leaks(m.data), m.subject).toEqual([]);
    const received = mine.find((m) => m.subject === 'hotline.case.received' && m.json.caseId === open.id)!.json.data as Record<string, string>;
    expect(received.title).toBe('***反映荣华中路****漏水');
    expect(received.contentDigest).toContain('我叫***');
    const secretReceived = mine.find((m) => m.subject === 'hotline.case.received' && m.json.caseId === secret.id)!.json.data as Record<string, string>;
    expect(secretReceived).toMatchObject({ title: '（保密件）', contentDigest: '', confidential: true });
    const secretReply = mine.find((m) => m.subject === 'hotline.case.replied' && m.json.caseId === secret.id)!.json.data as Record<string, string>;
    expect(secretReply.replyDigest).toBe('');
    const openReply = mine.find((m) => m.subject === 'hotline.case.replied' && m.json.caseId === open.id)!.json.data as Record<string, string>;
    expect(openReply.replyDigest).toContain('*先生');
    expect(openReply.replyDigest).not.toContain('李四');
  });

  it('Open311 answers without a key carry no personal data, and no confidential case', async () => {
    const res = await fetch(`${gatewayUrl()}/open311/v2/requests.json?service_request_id=${open.externalNo},${secret.externalNo}`);
    const body = (await res.json()) as Array<{ service_request_id: string; description: string }>;
    expect(body.map((r) => r.service_request_id)).toEqual([open.externalNo]);
    expect(leaks(JSON.stringify(body))).toEqual([]);
    expect(body[0].description).toContain('楼上漏水三天');
  });

  it('no log line of any service holds them', async () => {
    // The harness keeps every service's output in <data>/logs (the key file sits in <data>/keys).
    const logs = path.join(path.dirname(path.dirname(inject('keyFile'))), 'logs');
    const all = fs
      .readdirSync(logs)
      .map((f) => fs.readFileSync(path.join(logs, f), 'utf8'))
      .join('\n');
    expect(all.length).toBeGreaterThan(0);
    expect(leaks(all)).toEqual([]);
  });
});
