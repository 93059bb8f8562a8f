import { beforeAll, describe, expect, it } from 'vitest';
import { GraphQLClient } from '@hotline/testing';
import { randomUUID } from 'node:crypto';
import { as, gatewayUrl } from './helpers';
import { beijing, exportRow, importRows } from './intake-files';
import {
  assertSchema,
  discoverySchema,
  errorsSchema,
  postResponseSchema,
  serviceDefinitionSchema,
  serviceRequestsSchema,
  servicesSchema,
} from './intake-open311-schemas';

const api = (path: string) => `${gatewayUrl()}/open311/v2/${path}`;
const form = (fields: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(fields).toString(),
});
const getJson = async (path: string) => {
  const res = await fetch(api(path));
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: await res.json() };
};

const goodRequest = (over: Record<string, string> = {}) => ({
  api_key: 'demo-open311-key',
  service_code: 'construction',
  lat: '39.79531',
  long: '116.50612',
  address_string: '北京市经济技术开发区荣华南路12号',
  description: '荣华南路工地夜间十一点后仍在打桩，噪音很大，请查处。我的电话 13811119999。',
  first_name: '海',
  last_name: '林',
  phone: '13811119999',
  email: 'lin@example.com',
  'attribute[project_name]': '经开区X85地块项目',
  'attribute[request_type]': 'report',
  'attribute[street]': '荣华街道',
  ...over,
});

describe('Open311 GeoReport v2 through the gateway origin', () => {
  let duty: GraphQLClient;
  let admin: GraphQLClient;
  beforeAll(async () => {
    [duty, admin] = await Promise.all([as('duty'), as('admin')]);
  });

  it('discovery, the service list (topics as service codes) and a service definition, in JSON and XML', async () => {
    const d = await getJson('discovery.json');
    expect(d.status).toBe(200);
    assertSchema(discoverySchema, d.body);
    expect(d.body.endpoints[0].url).toBe(`${gatewayUrl()}/open311/v2`);

    const s = await getJson('services.json');
    expect(s.type).toContain('application/json');
    assertSchema(servicesSchema, s.body);
    const codes = s.body as Array<{ service_code: string; service_name: string; group: string }>;
    expect(codes).toContainEqual(expect.objectContaining({ service_code: 'delayed-handover', service_name: '延期交房', group: '房屋交付与销售' }));
    expect(codes.map((c) => c.service_code)).not.toContain('housing'); // a group, not a service

    const def = await getJson('services/delayed-handover.json');
    assertSchema(serviceDefinitionSchema, def.body);
    expect(def.body.attributes.map((a: { code: string }) => a.code)).toContain('project_name');

    const xml = await fetch(api('services.xml'));
    expect(xml.headers.get('content-type')).toContain('text/xml');
    const text = await xml.text();
    expect(text).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?><services><service><service_code>/);
    expect(text).toContain('<service_name>延期交房</service_name>');

    const unknown = await getJson('services/flying-saucers.json');
    expect(unknown.status).toBe(404);
    assertSchema(errorsSchema, unknown.body);
    expect(unknown.body[0].code).toBe(404);
  });

  it('POST /requests needs a valid api_key (403), a known service (400), a location (400) and a description of at most 4,000 characters (400)', async () => {
    const cases: Array<[Record<string, string>, number, RegExp]> = [
      [goodRequest({ api_key: '' }), 403, /api_key/],
      [goodRequest({ api_key: 'stolen-or-guessed' }), 403, /api_key/],
      [goodRequest({ service_code: 'flying-saucers' }), 400, /service_code/],
      [goodRequest({ lat: '', long: '', address_string: '' }), 400, /位置/],
      [goodRequest({ description: '噪'.repeat(4001) }), 400, /4000/],
      [goodRequest({ description: '' }), 400, /description/],
    ];
    for (const [fields, status, message] of cases) {
      const res = await fetch(api('requests.json'), form(fields));
      const body = await res.json();
      expect(res.status, JSON.stringify(body)).toBe(status);
      assertSchema(errorsSchema, body);
      expect(body[0].code).toBe(status);
      expect(body[0].description).toMatch(message);
    }
    const xml = await fetch(api('requests.xml'), form(goodRequest({ api_key: 'nope' })));
    expect(xml.status).toBe(403);
    expect(await xml.text()).toMatch(/<errors><error><code>403<\/code><description>.+<\/description><\/error><\/errors>/);
  });

  it('files a request with the demo key, and GET returns it without any personal data', async () => {
    const res = await fetch(
      api('requests.json'),
      form(goodRequest({ description: '荣华南路工地夜间十一点后仍在打桩，噪音很大，请查处。'.repeat(2) + '我的电话 13811119999。' + '噪'.repeat(3900) })),
    );
    expect(res.status).toBe(201);
    const created = await res.json();
    assertSchema(postResponseSchema, created);
    const id = created[0].service_request_id as string;
    expect(id).toMatch(/^O311-\d{8}-[0-9A-F]{8}$/);

    const one = await getJson(`requests/${id}.json`);
    expect(one.status).toBe(200);
    assertSchema(serviceRequestsSchema, one.body);
    expect(one.body[0]).toMatchObject({
      service_request_id: id,
      status: 'open',
      status_notes: '待签收',
      service_code: 'construction',
      service_name: '施工',
      lat: 39.795,
      long: 116.506,
    });
    const raw = JSON.stringify(one.body);
    for (const secret of ['13811119999', '林海', 'lin@example.com', '荣华南路12号']) expect(raw).not.toContain(secret);
    expect(one.body[0].description).toContain('138****9999');

    // The bureau sees the order in its queue, from the Open311 channel, with the person masked.
    const list = await duty.request<{
      searchCases: { items: Array<{ channel: string; citizenName: string; citizenPhone: string; projectName: string; requestType: string }> };
    }>('query($f: CaseSearchInput!) { searchCases(filter: $f) { items { channel citizenName citizenPhone projectName requestType } } }', {
      f: { externalNo: id },
    });
    expect(list.searchCases.items).toEqual([
      { channel: 'open311', citizenName: '林*', citizenPhone: '138****9999', projectName: '经开区X85地块项目', requestType: 'report' },
    ]);

    const xml = await (await fetch(api(`requests/${id}.xml`))).text();
    expect(xml).toContain(`<service_requests><request><service_request_id>${id}</service_request_id><status>open</status>`);
    expect(xml).not.toContain('13811119999');
  });

  it('accepts a JSON body and an anonymous request', async () => {
    const res = await fetch(api('requests.json'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        api_key: 'demo-open311-key',
        service_code: 'property',
        address_string: '林肯公园5号楼',
        description: '电梯又坏了',
        attribute: { project_name: '林肯公园' },
      }),
    });
    expect(res.status).toBe(201);
    const id = (await res.json())[0].service_request_id;
    const r = await duty.request<{ searchCases: { items: Array<{ anonymous: boolean; citizenName: string }> } }>(
      'query($f: CaseSearchInput!) { searchCases(filter: $f) { items { anonymous citizenName } } }',
      { f: { externalNo: id } },
    );
    expect(r.searchCases.items).toEqual([{ anonymous: true, citizenName: '匿名' }]);
  });

  it('GET /requests filters by service code, status and a window of at most 90 days', async () => {
    const now = Date.now();
    const iso = (ms: number) => new Date(ms).toISOString();
    const tooWide = await getJson(`requests.json?start_date=${iso(now - 91 * 86_400_000)}&end_date=${iso(now)}`);
    expect(tooWide.status).toBe(400);
    assertSchema(errorsSchema, tooWide.body);
    expect(tooWide.body[0].description).toContain('90');
    const backwards = await getJson(`requests.json?start_date=${iso(now)}&end_date=${iso(now - 86_400_000)}`);
    expect(backwards.status).toBe(400);
    const badDate = await getJson('requests.json?start_date=yesterday');
    expect(badDate.status).toBe(400);

    const ok = await getJson(
      `requests.json?start_date=${iso(now - 90 * 86_400_000 + 120_000)}&end_date=${iso(now + 60_000)}&service_code=construction&status=open`,
    );
    expect(ok.status).toBe(200);
    assertSchema(serviceRequestsSchema, ok.body);
    expect(ok.body.length).toBeGreaterThan(0);
    expect(ok.body.every((r: { service_code: string; status: string }) => r.service_code === 'construction' && r.status === 'open')).toBe(true);
    // A completed construction order (history import with 办结时间): listed as closed, never as open.
    const done = `O311-DONE-${randomUUID().slice(0, 8)}`;
    await importRows(
      gatewayUrl(),
      duty.token!,
      [exportRow(done, { 受理时间: beijing(new Date(now - 2 * 86_400_000)), 办结时间: beijing(new Date(now - 86_400_000)) })],
      async (id) =>
        (
          await duty.request<{ importJob: { status: string; errorCount: number; message: string | null } }>(
            'query($id: ID!) { importJob(id: $id) { status errorCount message } }',
            { id },
          )
        ).importJob,
    );
    const closed = await getJson(`requests.json?status=closed&service_code=construction`);
    expect(closed.body.map((r: { service_request_id: string }) => r.service_request_id)).toContain(done);
    expect(closed.body.every((r: { status: string }) => r.status === 'closed')).toBe(true);
    const open = await getJson(`requests.json?status=open&service_code=construction`);
    expect(open.body.map((r: { service_request_id: string }) => r.service_request_id)).not.toContain(done);

    const all = await getJson('requests.json');
    assertSchema(serviceRequestsSchema, all.body);
    expect(all.body.length).toBeLessThanOrEqual(1000);
    const missing = await getJson('requests/O311-19990101-DEADBEEF.json');
    expect(missing.status).toBe(404);
    assertSchema(errorsSchema, missing.body);
    // A malformed escape is a 400 in the standard's format, not a server error page.
    const malformed = await getJson('requests/%E0%A4%A.json');
    expect(malformed.status).toBe(400);
    assertSchema(errorsSchema, malformed.body);
  });

  it('a confidential order (保密件) is never listed', async () => {
    const r = await duty.request<{ receiveCase: { externalNo: string } }>('mutation($i: ReceiveCaseInput!) { receiveCase(input: $i) { externalNo } }', {
      i: {
        externalNo: `SEC-${Date.now()}`,
        channel: 'district',
        confidential: true,
        citizenName: '王五',
        citizenPhone: '13700002222',
        title: '举报施工单位',
        content: '举报某施工单位夜间违规施工。',
        requestType: 'report',
        topic: '施工',
      },
    });
    const one = await getJson(`requests/${r.receiveCase.externalNo}.json`);
    expect(one.status).toBe(404);
  });

  it('the admin creates a partner key (stored hashed, shown once), the partner uses it, and a revoked key is refused', async () => {
    const created = await admin.request<{ createOpen311Key: { key: string; record: { id: string; keyPrefix: string; name: string } } }>(
      'mutation { createOpen311Key(name: "亦庄城运中心") { key record { id keyPrefix name } } }',
    );
    const { key, record } = created.createOpen311Key;
    expect(key.startsWith(record.keyPrefix)).toBe(true);
    expect(key.length).toBeGreaterThan(40);
    const ok = await fetch(api('requests.json'), form(goodRequest({ api_key: key })));
    expect(ok.status).toBe(201);
    const listed = await admin.request<{ open311Keys: Array<{ id: string; lastUsedAt: string | null }> }>('{ open311Keys { id lastUsedAt } }');
    expect(listed.open311Keys.find((k) => k.id === record.id)?.lastUsedAt).toBeTruthy();
    expect(JSON.stringify(listed)).not.toContain(key);

    await admin.request('mutation($id: ID!) { revokeOpen311Key(id: $id) { revokedAt } }', { id: record.id });
    const refused = await fetch(api('requests.json'), form(goodRequest({ api_key: key })));
    expect(refused.status).toBe(403);

    const notAdmin = await duty.raw('mutation { createOpen311Key(name: "值守员不能建密钥") { key } }');
    expect(notAdmin.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
