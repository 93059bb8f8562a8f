import { randomUUID } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort, GraphQLClient, loginAs, startService } from '@hotline/testing';
import { as } from './helpers';
import { departments, refusal } from './dispatch-helpers';
import { callbacks, CLAIM, completedCase, TASK } from './callback-helpers';

/**
 * 分配回访任务: a supervisor assigns a case's callback task only to an active 回访员. callback does
 * not own users: it asks identity (`isActiveCallbackAgent`, internal, callback's service token with
 * scope `identity.callback-agent:read`). A refused assignment writes nothing.
 */
const ASSIGN = `mutation($t: ID!, $a: ID) { assignCallbackTask(taskId: $t, agentId: $a) { ${TASK} } }`;
const IS_AGENT = 'query($u: ID!) { isActiveCallbackAgent(userId: $u) }';
const identity = (token?: string) => new GraphQLClient(`${inject('subgraphUrls').identity}/graphql`, token);

async function serviceToken(clientId: string, secret: string): Promise<string> {
  const res = await fetch(`${inject('subgraphUrls').identity}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', client_id: clientId, client_secret: secret }).toString(),
  });
  const body = (await res.json()) as { access_token?: string; scope?: string };
  expect(res.status, `${clientId}'s service token`).toBe(200);
  return String(body.access_token);
}

describe('assigning a callback task: only to an active 回访员 (identity says who)', () => {
  let duty: GraphQLClient, supervisor: GraphQLClient, admin: GraphQLClient, property: GraphQLClient, agent: GraphQLClient;
  let taskId: string, caseId: string;
  /** Two 回访员 of this test's own: one stays active, the other is deactivated below. */
  const agents = { staying: { id: '', username: `cba-${randomUUID().slice(0, 8)}` }, leaving: { id: '', username: `cbl-${randomUUID().slice(0, 8)}` } };
  let handlerId: string;

  const assigneeOf = async () => (await callbacks(supervisor, caseId)).callbacks.find((t) => t.id === taskId)!.assignee;

  beforeAll(async () => {
    [duty, supervisor, admin, property, agent] = await Promise.all(['duty', 'supervisor', 'admin', 'handler-property', 'callback'].map((u) => as(u)));
    for (const a of Object.values(agents)) {
      const r = await admin.request<{ createUser: { id: string } }>('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
        i: { username: a.username, displayName: '回访员 分配测试', password: 'demo12345', role: 'callback' },
      });
      a.id = r.createUser.id;
    }
    handlerId = (await property.request<{ me: { id: string } }>('{ me { id } }')).me.id;
    // The real flow: received → signed → dispatched → accepted → replied → approved (办结) → callback's task.
    const c = await completedCase(duty, { client: property, id: (await departments(duty)).property }, agent, { topic: `分配测试${randomUUID().slice(0, 6)}` });
    caseId = c.id;
    taskId = c.task.id;
    expect(c.task.assignee).toBeNull();
  });

  it('a supervisor assigns the task to an active 回访员, who finds it among their own', async () => {
    const r = await supervisor.request<{ assignCallbackTask: { assignee: { id: string } } }>(ASSIGN, { t: taskId, a: agents.staying.id });
    expect(r.assignCallbackTask.assignee).toEqual({ id: agents.staying.id });
    const staying = await loginAs(inject('gatewayUrl'), agents.staying.username);
    const mine = await staying.request<{ callbackQueue: { items: Array<{ id: string; heldByMe: boolean }> } }>(
      '{ callbackQueue(view: mine, pageSize: 100) { items { id heldByMe } } }',
    );
    expect(mine.callbackQueue.items).toContainEqual({ id: taskId, heldByMe: true });
  });

  it('refuses a department handler, the supervisor themself and an unknown id, with the reason; the task keeps its 回访员', async () => {
    const me = (await supervisor.request<{ me: { id: string } }>('{ me { id } }')).me.id;
    for (const [who, id] of [
      ['handler', handlerId],
      ['supervisor', me],
      ['unknown', randomUUID()],
    ] as const) {
      const r = await supervisor.raw(ASSIGN, { t: taskId, a: id });
      expect(refusal(r), who).toEqual({ code: 'BAD_USER_INPUT', reason: 'NOT_A_CALLBACK_AGENT' });
      expect(r.errors?.[0].message, who).toBe('只能分配给在岗的回访员');
      expect(r.data ?? null, who).toBeNull();
    }
    expect(await assigneeOf()).toEqual({ id: agents.staying.id });
  });

  it('a deactivated 回访员 is refused: assignable while active, not once the admin has deactivated them', async () => {
    expect(
      (await supervisor.request<{ assignCallbackTask: { assignee: { id: string } } }>(ASSIGN, { t: taskId, a: agents.leaving.id })).assignCallbackTask.assignee,
    ).toEqual({ id: agents.leaving.id });
    await supervisor.request(ASSIGN, { t: taskId, a: agents.staying.id });
    await admin.request('mutation($id: ID!, $i: UpdateUserInput!) { updateUser(id: $id, input: $i) { id active } }', {
      id: agents.leaving.id,
      i: { active: false },
    });
    const r = await supervisor.raw(ASSIGN, { t: taskId, a: agents.leaving.id });
    expect(refusal(r)).toEqual({ code: 'BAD_USER_INPUT', reason: 'NOT_A_CALLBACK_AGENT' });
    expect(await assigneeOf()).toEqual({ id: agents.staying.id });
    // Taking the task back (no agent) needs no one's answer.
    expect((await supervisor.request<{ assignCallbackTask: { assignee: null } }>(ASSIGN, { t: taskId, a: null })).assignCallbackTask.assignee).toBeNull();
  });

  it('when identity cannot be asked, nothing is assigned (AGENT_CHECK_UNAVAILABLE)', async () => {
    // A second callback, on the same database, whose IDENTITY_GRAPHQL_URL leads nowhere (a free port nobody listens on).
    const [port, nowhere] = await Promise.all([freePort(), freePort()]);
    const replica = await startService({
      rootDir: inject('rootDir'),
      name: 'callback',
      port,
      env: { ...inject('callbackEnv'), IDENTITY_GRAPHQL_URL: `http://127.0.0.1:${nowhere}/graphql` },
      logFile: path.join(os.tmpdir(), `callback-replica-${port}.log`),
    });
    try {
      const direct = new GraphQLClient(`http://127.0.0.1:${port}/graphql`, supervisor.token);
      const r = await direct.raw(ASSIGN, { t: taskId, a: agents.staying.id });
      expect(refusal(r)).toEqual({ code: 'CONFLICT', reason: 'AGENT_CHECK_UNAVAILABLE' });
      expect(r.errors?.[0].message).toBe('暂时无法核对回访员身份，未分配，请稍后重试');
      expect(await assigneeOf()).toBeNull();
      // The replica itself works: a 回访员 taking a task asks no one.
      const agentId = (await agent.request<{ me: { id: string } }>('{ me { id } }')).me.id;
      const own = await new GraphQLClient(`http://127.0.0.1:${port}/graphql`, agent.token).request<{ assignCallbackTask: { assignee: { id: string } } }>(
        CLAIM,
        { t: taskId },
      );
      expect(own.assignCallbackTask.assignee).toEqual({ id: agentId });
    } finally {
      await replica.stop();
    }
  });

  it("identity's isActiveCallbackAgent answers callback's service token only, and is not in the gateway's API", async () => {
    const token = await serviceToken('callback', inject('callbackClientSecret'));
    const claims = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({ sub: 'service:callback', role: 'service', scope: 'identity.callback-agent:read' });
    const ask = async (userId: string) => (await identity(token).request<{ isActiveCallbackAgent: boolean }>(IS_AGENT, { u: userId })).isActiveCallbackAgent;
    expect(await ask(agents.staying.id)).toBe(true);
    expect(await ask(agents.leaving.id)).toBe(false);
    expect(await ask(handlerId)).toBe(false);
    expect(await ask(randomUUID())).toBe(false);
    expect(await ask('not-a-uuid')).toBe(false);
    // callback's token opens nothing else at identity; intake's token and a person's token do not open this query.
    expect(refusal(await identity(token).raw('{ departments { id } }')).code).toBe('FORBIDDEN');
    const intakeToken = await serviceToken('intake', inject('intakeClientSecret'));
    expect(refusal(await identity(intakeToken).raw(IS_AGENT, { u: agents.staying.id })).code).toBe('FORBIDDEN');
    expect(refusal(await identity(admin.token).raw(IS_AGENT, { u: agents.staying.id })).code).toBe('FORBIDDEN');
    const edge = await supervisor.raw(IS_AGENT, { u: agents.staying.id });
    expect(edge.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(edge.errors?.[0].message).toContain('isActiveCallbackAgent');
  });
});
