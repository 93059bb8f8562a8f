import fs from 'node:fs';
import { createPrivateKey } from 'node:crypto';
import { SignJWT } from 'jose';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { eventually, GraphQLClient } from '@hotline/testing';
import { as, departmentId, dispatchTo, gatewayUrl, receiveAndSign, waitInInbox } from './helpers';

/**
 * 服务间调用: intake asks dispatch for a reply's full text with a service token from identity
 * (OAuth 2 client credentials). The token opens exactly that one internal query, on the
 * subgraphs only; the gateway refuses it and does not even expose the query.
 */
const identityUrl = () => inject('subgraphUrls').identity;
const subgraph = (name: string, token?: string) => new GraphQLClient(`${inject('subgraphUrls')[name]}/graphql`, token);

async function tokenRequest(body: Record<string, string>, headers: Record<string, string> = {}) {
  const res = await fetch(`${identityUrl()}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(body).toString(),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown>, cacheControl: res.headers.get('cache-control') };
}

const COMPLETION_REPLY = 'query($c: ID!) { completionReply(caseId: $c) { text result resultLabel departmentName repliedAt approvedAt contactedAt } }';

describe('service tokens (服务凭据) for calls between services', () => {
  let serviceToken: string;
  let completedCaseId: string;
  let openCaseId: string;
  const replyText = '经现场核查，小区西门垃圾清运点已由物业每日清运两次，并加装密闭垃圾箱，异味问题已解决。后续由物业经理每周巡查并记录。';

  beforeAll(async () => {
    const [duty, handler] = await Promise.all([as('duty'), as('handler-property')]);
    const property = await departmentId(duty, 'property');
    const done = await receiveAndSign(duty, { title: '垃圾清运不及时', content: '小区西门垃圾点三天没有清运，异味很大。' });
    await dispatchTo(duty, done.id, property);
    await waitInInbox(handler, done.id);
    await handler.request('mutation($i: ReplyInput!) { replyCase(input: $i) { id } }', { i: { caseId: done.id, result: 'solved', text: replyText } });
    await eventually(async () => !(await duty.raw('mutation($i: ApproveReplyInput!) { approveReply(input: $i) { id } }', { i: { caseId: done.id } })).errors, {
      what: 'approval',
    });
    completedCaseId = done.id;
    openCaseId = (await receiveAndSign(duty, { title: '路灯不亮', content: '小区南门路灯不亮。' })).id;
    const t = await tokenRequest({ grant_type: 'client_credentials', client_id: 'intake', client_secret: inject('intakeClientSecret') });
    serviceToken = String(t.body.access_token);
  }, 90_000);

  it('identity issues a token for the right client secret (form or HTTP Basic) with exactly the granted scope', async () => {
    const form = await tokenRequest({ grant_type: 'client_credentials', client_id: 'intake', client_secret: inject('intakeClientSecret') });
    expect(form.status).toBe(200);
    expect(form.cacheControl).toBe('no-store');
    expect(form.body).toMatchObject({ token_type: 'Bearer', expires_in: 300, scope: 'dispatch.reply:read callback.task:read' });
    const claims = JSON.parse(Buffer.from(String(form.body.access_token).split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ sub: 'service:intake', role: 'service', aud: 'hotline-internal', scope: 'dispatch.reply:read callback.task:read' });
    expect(claims.exp - claims.iat).toBe(300);

    const basic = await tokenRequest(
      { grant_type: 'client_credentials' },
      { authorization: `Basic ${Buffer.from(`intake:${inject('intakeClientSecret')}`).toString('base64')}` },
    );
    expect(basic.status).toBe(200);
  });

  it('refuses a wrong secret, an unknown client, a missing or other grant type — RFC 6749 errors', async () => {
    const secret = inject('intakeClientSecret');
    expect(await tokenRequest({ grant_type: 'client_credentials', client_id: 'intake', client_secret: `${secret}x` })).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    });
    expect(await tokenRequest({ grant_type: 'client_credentials', client_id: 'dispatch', client_secret: secret })).toMatchObject({
      status: 401,
      body: { error: 'invalid_client' },
    });
    expect(await tokenRequest({ client_id: 'intake', client_secret: secret })).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    expect(await tokenRequest({ grant_type: 'password', client_id: 'intake', client_secret: secret })).toMatchObject({
      status: 400,
      body: { error: 'unsupported_grant_type' },
    });
    expect(await tokenRequest({ grant_type: 'client_credentials', client_id: 'intake' })).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
    const malformed = await tokenRequest({ grant_type: 'client_credentials' }, { authorization: `Basic ${Buffer.from('intake:%E0%A4%A').toString('base64')}` });
    expect(malformed).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
  });

  it('repeated bad secrets are rate-limited per client and address', async () => {
    const statuses: number[] = [];
    // From an address of its own (identity believes X-Forwarded-For from loopback, TRUST_PROXY),
    // with a different made-up client id each time: they all count against that address.
    const from = { 'x-forwarded-for': '192.0.2.77' };
    for (let i = 0; i < 6; i++)
      statuses.push(
        (await tokenRequest({ grant_type: 'client_credentials', client_id: `prober-${i}`, client_secret: 'guess-guess-guess-guess-guess' }, from)).status,
      );
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429]);
    // the real client, from its own address, is not affected
    expect((await tokenRequest({ grant_type: 'client_credentials', client_id: 'intake', client_secret: inject('intakeClientSecret') })).status).toBe(200);
  });

  it('the token reads the full approved reply from dispatch, directly on the subgraph', async () => {
    const r = await subgraph('dispatch', serviceToken).request<{ completionReply: Record<string, unknown> }>(COMPLETION_REPLY, { c: completedCaseId });
    expect(r.completionReply).toMatchObject({ text: replyText, result: 'solved', resultLabel: '已解决', departmentName: '物业管理科', contactedAt: null });
    const none = await subgraph('dispatch', serviceToken).raw(COMPLETION_REPLY, { c: openCaseId });
    expect(none.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'NO_APPROVED_REPLY' });
  });

  it('and nothing else: other queries on every subgraph answer FORBIDDEN', async () => {
    const refused: Array<[string, string]> = [
      ['dispatch', '{ dispatchQueue { id } }'],
      ['intake', '{ unsignedCases { id } }'],
      ['intake', `mutation { revealCitizen(caseId: "${completedCaseId}", reason: "服务不应查看来电人") { phone } }`],
      ['identity', '{ departments { id } }'],
      // reference resolvers too: the token cannot read cases through _entities
      ['dispatch', `{ _entities(representations: [{ __typename: "Case", id: "${completedCaseId}" }]) { ... on Case { id replies { text } } } }`],
      ['intake', `{ _entities(representations: [{ __typename: "Case", id: "${completedCaseId}" }]) { ... on Case { id title } } }`],
      ['callback', '{ callbackQueue { total } }'],
      ['callback', `{ _entities(representations: [{ __typename: "Case", id: "${completedCaseId}" }]) { ... on Case { id callbacks { id } } } }`],
    ];
    for (const [name, query] of refused) {
      const r = await subgraph(name, serviceToken).raw(query);
      expect(r.errors?.[0].extensions?.code, `${name}: ${query}`).toBe('FORBIDDEN');
      // no data: null, or (for _entities) only null entities
      expect(JSON.stringify(r.data ?? null), `${name}: ${query}`).toMatch(/^(null|\{"_entities":\[null\]\})$/);
    }
  });

  it('a person may not read it: a duty token is FORBIDDEN on dispatch, and the gateway does not expose the query', async () => {
    const duty = await as('duty');
    const direct = await subgraph('dispatch', duty.token).raw(COMPLETION_REPLY, { c: completedCaseId });
    expect(direct.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const edge = await duty.raw(COMPLETION_REPLY, { c: completedCaseId });
    expect(edge.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(edge.errors?.[0].message).toContain('completionReply');
  });

  it('the gateway refuses a service token outright', async () => {
    const r = await new GraphQLClient(`${gatewayUrl()}/graphql`, serviceToken).raw('{ __typename }');
    expect(r.status).toBe(401);
    expect(r.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('role and audience must match: a person-audience token claiming role service, or a service-audience token claiming a person role, is refused', async () => {
    const key = createPrivateKey(fs.readFileSync(inject('keyFile')));
    const now = Math.floor(Date.now() / 1000);
    const sign = (claims: Record<string, unknown>, aud: string) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'ES256' })
        .setSubject('service:intake')
        .setIssuer('hotline-identity')
        .setAudience(aud)
        .setIssuedAt(now)
        .setExpirationTime(now + 300)
        .sign(key);
    const serviceAsPerson = await sign({ role: 'service', scope: 'dispatch.reply:read', client_id: 'intake' }, 'hotline');
    const personAsService = await sign({ role: 'duty', username: 'duty' }, 'hotline-internal');
    for (const [kind, token] of Object.entries({ serviceAsPerson, personAsService })) {
      const r = await subgraph('dispatch', token).raw(COMPLETION_REPLY, { c: completedCaseId });
      expect(r.status, kind).toBe(401);
      expect(r.errors?.[0].extensions?.code, kind).toBe('UNAUTHENTICATED');
    }
  });
});
