import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { collectEvents, eventually, GraphQLClient, loginAs } from '@hotline/testing';
import { as, gatewayUrl, newCaseInput } from './helpers';

/**
 * Issue 17: a disabled user's token kept working for an hour. Disabling a user, changing their
 * role or department, or resetting their password now revokes every token issued before, at the
 * gateway and at every subgraph, within seconds.
 */
describe('tokens die with the user', () => {
  let admin: GraphQLClient;
  beforeAll(async () => {
    admin = await as('admin');
  });

  /** A user of this test's own (the suite shares one system). */
  async function throwaway(role: string, departmentId?: string): Promise<{ id: string; username: string }> {
    const username = `revoke-${randomUUID().slice(0, 8)}`;
    const r = await admin.request<{ createUser: { id: string } }>('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
      i: { username, displayName: '作废测试', password: 'demo12345', role, ...(departmentId ? { departmentId } : {}) },
    });
    return { id: r.createUser.id, username };
  }

  /** The doors (gateway, each subgraph) that refuse this token as revoked. */
  const refusedAt = async (token: string): Promise<string[]> => {
    const urls = inject('subgraphUrls');
    const doors: Array<[string, string, string]> = [
      ['gateway', `${gatewayUrl()}/graphql`, '{ me { id } }'],
      ['identity', `${urls.identity}/graphql`, '{ me { id } }'],
      ['intake', `${urls.intake}/graphql`, '{ unsignedSummary { count } }'],
      ['dispatch', `${urls.dispatch}/graphql`, '{ dispatchQueue { id } }'],
    ];
    const refused: string[] = [];
    for (const [name, url, q] of doors) {
      const r = await new GraphQLClient(url, token).raw(q);
      if (r.status === 401 && r.errors?.[0].extensions?.reason === 'TOKEN_REVOKED') refused.push(name);
    }
    return refused;
  };
  const ALL = ['gateway', 'identity', 'intake', 'dispatch'];
  const refusedEverywhere = async (token: string) => (await refusedAt(token)).length === ALL.length;

  it("a disabled duty operator's token is refused at the gateway, every subgraph and the file routes within seconds", async () => {
    const partner = await collectEvents(inject('natsUrl'), 'hotline.user.>');
    try {
      const u = await throwaway('duty');
      const duty = await loginAs(gatewayUrl(), u.username);
      const c = await duty.request<{ receiveCase: { id: string } }>('mutation($i: ReceiveCaseInput!) { receiveCase(input: $i) { id } }', { i: newCaseInput() });
      expect(c.receiveCase.id).toBeTruthy();
      expect(await refusedAt(duty.token!)).toEqual([]); // works before

      const t0 = Date.now();
      await admin.request('mutation($id: ID!) { updateUser(id: $id, input: { active: false }) { id } }', { id: u.id });
      await eventually(() => refusedEverywhere(duty.token!), { what: 'the old token refused at every door', timeoutMs: 5_000 });
      const seconds = (Date.now() - t0) / 1000;
      expect(seconds).toBeLessThan(5);

      const again = await duty.raw('mutation($i: ReceiveCaseInput!) { receiveCase(input: $i) { id } }', { i: newCaseInput() });
      expect(again.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      const upload = await fetch(`${gatewayUrl()}/cases/${c.receiveCase.id}/attachments?fileName=a.png`, {
        method: 'POST',
        headers: { authorization: `Bearer ${duty.token}` },
        body: new Uint8Array([1, 2, 3]),
      });
      expect(upload.status).toBe(401);
      const imports = await fetch(`${gatewayUrl()}/imports?fileName=a.csv`, { method: 'POST', headers: { authorization: `Bearer ${duty.token}` }, body: 'x' });
      expect(imports.status).toBe(401);

      // The event names the user by id only, with the reason.
      const e = partner.messages.find((m) => (m.json.data as { userId?: string })?.userId === u.id);
      expect(e?.json.data).toMatchObject({ userId: u.id, reason: 'disabled' });
      expect(e?.data).not.toContain(u.username);
      expect(e?.data).not.toContain('作废测试');
    } finally {
      await partner.close();
    }
  });

  it('a changed role or a reset password ends the old token; a new login works with the new role', async () => {
    const a = await throwaway('leader');
    const b = await throwaway('leader');
    const [oldA, oldB] = await Promise.all([loginAs(gatewayUrl(), a.username), loginAs(gatewayUrl(), b.username)]);
    await admin.request('mutation($id: ID!) { updateUser(id: $id, input: { role: supervisor }) { id } }', { id: a.id });
    await admin.request('mutation($id: ID!, $p: String!) { resetPassword(id: $id, password: $p) }', { id: b.id, p: 'new-pass-12345' });
    await eventually(() => refusedEverywhere(oldA.token!), { what: 'role change revokes', timeoutMs: 5_000 });
    await eventually(() => refusedEverywhere(oldB.token!), { what: 'password reset revokes', timeoutMs: 5_000 });
    const newA = await loginAs(gatewayUrl(), a.username);
    expect((await newA.request<{ me: { role: string } }>('{ me { role } }')).me.role).toBe('supervisor');
    const newB = await loginAs(gatewayUrl(), b.username, 'new-pass-12345');
    expect((await newB.request<{ me: { id: string } }>('{ me { id } }')).me.id).toBe(b.id);
  });

  it('a change that is not about access (the display name) revokes nothing', async () => {
    const u = await throwaway('leader');
    const client = await loginAs(gatewayUrl(), u.username);
    await admin.request('mutation($id: ID!) { updateUser(id: $id, input: { displayName: "改名测试" }) { id } }', { id: u.id });
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await client.raw('{ me { id } }')).errors).toBeUndefined();
  });
});
