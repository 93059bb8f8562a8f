import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectEvents, eventually, GraphQLClient } from '@hotline/testing';
import { departments, dispatched, refusal } from './dispatch-helpers';
import { as, receive } from './helpers';

type Partner = Awaited<ReturnType<typeof collectEvents>>;

const SCRIPT = 'id scope scopeKey title publishedVersion uses versions { version status uses }';
interface ScriptView {
  id: string;
  scope: string;
  scopeKey: string;
  title: string;
  publishedVersion: number | null;
  uses: number;
  versions: Array<{ version: number; status: string; uses: number }>;
}
interface Offer {
  scriptId: string;
  version: number;
  scope: string;
  title: string;
  text: string;
}

/** A phone of this run (distinct callers for the group threshold, a key person's number). */
const phone = () => `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;

describe('reply scripts (统一答复口径), clusters (聚类) and key persons (重点人)', () => {
  let admin: GraphQLClient;
  let duty: GraphQLClient;
  let supervisor: GraphQLClient;
  let property: GraphQLClient;
  let dept: Record<string, string>;
  let partner: Partner;
  let saved: Record<string, number>;
  const seenPhones: string[] = [];

  beforeAll(async () => {
    partner = await collectEvents(inject('natsUrl'), 'hotline.>');
    [admin, duty, supervisor, property] = await Promise.all(['admin', 'duty', 'supervisor', 'handler-property'].map(as));
    dept = await departments(duty);
    saved = (
      await admin.request<{ clusterThresholds: Record<string, number> }>(
        '{ clusterThresholds { burstMinCases burstWindowHours groupMinCallers groupWindowHours } }',
      )
    ).clusterThresholds;
  });
  afterAll(async () => {
    await admin?.request('mutation($i: ClusterThresholdsInput!) { setClusterThresholds(input: $i) { burstMinCases } }', { i: saved });
    await partner?.close();
  });

  async function createScript(scope: string, scopeKey: string, title: string): Promise<ScriptView> {
    const r = await supervisor.request<{ createReplyScript: ScriptView }>(
      `mutation($i: CreateReplyScriptInput!) { createReplyScript(input: $i) { ${SCRIPT} } }`,
      {
        i: { scope, scopeKey, title, text: `${title}：已督促责任单位处理，处理进展请关注小区公告，联系电话13800001111。` },
      },
    );
    return r.createReplyScript;
  }
  const versionAction = (mutation: 'approveReplyScript' | 'publishReplyScript', scriptId: string, version: number) =>
    supervisor.raw<Record<string, ScriptView>>(`mutation($i: ReplyScriptVersionInput!) { ${mutation}(input: $i) { ${SCRIPT} } }`, { i: { scriptId, version } });
  async function approveAndPublish(scriptId: string, version: number) {
    for (const m of ['approveReplyScript', 'publishReplyScript'] as const) {
      const r = await versionAction(m, scriptId, version);
      expect(r.errors, m).toBeUndefined();
    }
  }
  const offered = (client: GraphQLClient, caseId: string) =>
    client
      .request<{ case: { offeredReplyScript: Offer | null } }>(
        'query($id: ID!) { case(id: $id) { offeredReplyScript { scriptId version scope title text } } }',
        { id: caseId },
      )
      .then((r) => r.case.offeredReplyScript);
  const reply = (caseId: string, scriptId: string, scriptVersion: number) =>
    property.raw('mutation($i: ReplyInput!) { replyCase(input: $i) { id replies { scriptId scriptVersion } } }', {
      i: { caseId, result: 'explained', text: '按统一答复口径答复：已督促责任单位处理。', scriptId, scriptVersion },
    });
  const scriptById = async (id: string, scopeKey: string) =>
    (
      await supervisor.request<{ replyScripts: { items: ScriptView[] } }>(
        `query($k: String) { replyScripts(scopeKey: $k, limit: 50) { items { ${SCRIPT} } } }`,
        { k: scopeKey },
      )
    ).replyScripts.items.find((s) => s.id === id)!;

  describe('reply scripts', () => {
    const topic = `口径测试-${randomUUID().slice(0, 6)}`;
    let script: ScriptView;
    let caseId: string;

    it('a draft is not published before a supervisor approves it; then it is', async () => {
      script = await createScript('topic', topic, '延期交房统一口径');
      expect(script.versions).toEqual([{ version: 1, status: 'draft', uses: 0 }]);
      expect(refusal(await versionAction('publishReplyScript', script.id, 1))).toEqual({ code: 'BAD_USER_INPUT', reason: 'SCRIPT_NOT_APPROVED' });
      expect((await scriptById(script.id, topic)).publishedVersion).toBeNull();
      const byHandler = await property.raw('mutation($i: ReplyScriptVersionInput!) { approveReplyScript(input: $i) { id } }', {
        i: { scriptId: script.id, version: 1 },
      });
      expect(byHandler.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      await approveAndPublish(script.id, 1);
      // The relay publishes after the commit the mutation answered on: wait for the partner's copy.
      const published = await eventually(
        async () =>
          partner.messages.find((m) => m.subject === 'hotline.script.published' && (m.json.data as { scriptId: string }).scriptId === script.id) ?? false,
        { what: 'hotline.script.published on the partner stream' },
      );
      // the event's text is redacted: no phone number leaves supervision
      expect(published!.data).not.toContain('13800001111');
    });

    it('dispatch offers the published script to the department replying to a case of its topic', async () => {
      ({ id: caseId } = await dispatched(duty, { client: property, id: dept.property }, { over: { topic } }));
      const offer = await eventually(async () => (await offered(property, caseId)) ?? false, { what: 'the script offered to the department' });
      expect(offer).toMatchObject({ scriptId: script.id, version: 1, scope: 'topic', title: '延期交房统一口径' });
    });

    it('a reply naming an unknown or missing version is refused, nothing written', async () => {
      expect(refusal(await reply(caseId, script.id, 99))).toEqual({ code: 'BAD_USER_INPUT', reason: 'SCRIPT_VERSION_UNKNOWN' });
      expect(refusal(await reply(caseId, randomUUID(), 1))).toEqual({ code: 'BAD_USER_INPUT', reason: 'SCRIPT_VERSION_UNKNOWN' });
      const r = await property.request<{ case: { replies: unknown[] } }>('query($id: ID!) { case(id: $id) { replies { result } } }', { id: caseId });
      expect(r.case.replies).toEqual([]);
    });

    it('the reply records the script and version; supervision counts its use', async () => {
      const r = await reply(caseId, script.id, 1);
      expect(r.errors).toBeUndefined();
      expect((r.data as { replyCase: { replies: unknown[] } }).replyCase.replies).toEqual([{ scriptId: script.id, scriptVersion: 1 }]);
      const counted = await eventually(
        async () => {
          const s = await scriptById(script.id, topic);
          return s.uses === 1 && s;
        },
        { what: 'the use counted in supervision' },
      );
      expect(counted.versions).toEqual([{ version: 1, status: 'published', uses: 1 }]);
      const replied = await eventually(async () => partner.messages.find((m) => m.subject === 'hotline.case.replied' && m.json.caseId === caseId) ?? false, {
        what: 'hotline.case.replied on the partner stream',
      });
      expect(replied.json.data).toMatchObject({ scriptId: script.id, scriptVersion: 1 });
    });

    it('a new version replaces the old one: the old version is refused from then on', async () => {
      await supervisor.request('mutation($i: ReviseReplyScriptInput!) { reviseReplyScript(input: $i) { id } }', {
        i: { scriptId: script.id, title: '延期交房统一口径（修订）', text: '已督促开发企业制定交房计划，请关注通知。' },
      });
      await approveAndPublish(script.id, 2);
      const next = await dispatched(duty, { client: property, id: dept.property }, { over: { topic } });
      const offer = await eventually(async () => ((await offered(property, next.id))?.version === 2 ? await offered(property, next.id) : false), {
        what: 'version 2 offered',
      });
      expect(offer).toMatchObject({ scriptId: script.id, version: 2 });
      expect(refusal(await reply(next.id, script.id, 1))).toEqual({ code: 'BAD_USER_INPUT', reason: 'SCRIPT_VERSION_UNKNOWN' });
      await eventually(
        async () =>
          partner.messages.some((m) => m.subject === 'hotline.script.retired' && (m.json.data as { scriptId: string; version: number }).scriptId === script.id),
        { what: 'hotline.script.retired on the partner stream' },
      );
    });
  });

  describe('clusters', () => {
    // Cluster detection locks one matter (topic and place) at a time; run beside work-queues'
    // import of 3,000 cases it can be that far behind (seen: 10 s not enough in a 12-file run).
    const BEHIND_BACKLOG = { timeoutMs: 60_000 };
    const topic = `聚类测试-${randomUUID().slice(0, 6)}`;
    const projectName = `聚类小区-${randomUUID().slice(0, 6)}`;
    const ids: string[] = [];
    const callers = [phone(), phone(), phone()];
    type ClusterData = { kind: string; caseCount: number; callerCount: number; caseIds?: string[]; addedCaseIds?: string[] };
    const clusterEvents = () =>
      partner.messages.filter(
        (m) =>
          m.subject.startsWith('hotline.cluster.') &&
          [...((m.json.data as ClusterData).caseIds ?? []), ...((m.json.data as ClusterData).addedCaseIds ?? [])].some((id) => ids.includes(id)),
      );
    const detected = (kind: string) =>
      clusterEvents()
        .filter((m) => m.subject === 'hotline.cluster.detected' && (m.json.data as ClusterData).kind === kind)
        .map((m) => m.json.data as ClusterData);
    const clustersOfMatter = async () =>
      (
        await supervisor.request<{
          clusters: { items: Array<{ id: string; kind: string; topic: string; place: string; caseCount: number; callerCount: number }> };
        }>('{ clusters(limit: 200) { items { id kind topic place caseCount callerCount } } }')
      ).clusters.items.filter((c) => c.topic === topic);
    const receiveFrom = async (p: string) => {
      seenPhones.push(p);
      const c = await receive(duty, { topic, projectName, citizenPhone: p, title: '小区供暖不热', content: '小区供暖温度不达标，室温只有十五度。' });
      ids.push(c.id);
      return c;
    };

    it('the administrator sets the thresholds; a supervisor may not', async () => {
      const i = { burstMinCases: 3, burstWindowHours: 24, groupMinCallers: 3, groupWindowHours: 24 };
      const bySupervisor = await supervisor.raw('mutation($i: ClusterThresholdsInput!) { setClusterThresholds(input: $i) { burstMinCases } }', { i });
      expect(bySupervisor.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(
        refusal(
          await admin.raw('mutation($i: ClusterThresholdsInput!) { setClusterThresholds(input: $i) { burstMinCases } }', { i: { ...i, burstMinCases: 1 } }),
        ).code,
      ).toBe('BAD_USER_INPUT');
      const r = await admin.request<{ setClusterThresholds: Record<string, number> }>(
        'mutation($i: ClusterThresholdsInput!) { setClusterThresholds(input: $i) { burstMinCases burstWindowHours groupMinCallers groupWindowHours } }',
        { i },
      );
      expect(r.setClusterThresholds).toEqual(i);
    });

    it('at the burst threshold (3 cases) a burst is detected, not one case before; the group waits for a third caller', async () => {
      // two cases of one caller: below both thresholds
      await receiveFrom(callers[0]);
      await receiveFrom(callers[0]);
      await receiveFrom(callers[1]);
      const burst = await eventually(async () => (await clustersOfMatter()).find((c) => c.kind === 'burst') ?? false, {
        what: 'the burst cluster',
        ...BEHIND_BACKLOG,
      });
      expect(burst).toMatchObject({ caseCount: 3, callerCount: 2, place: projectName });
      // detected with all three cases: nothing was detected at two (it would have been detected then, and only updated now)
      const [d] = await eventually(async () => detected('burst').length === 1 && detected('burst'), { what: 'the burst detected event', ...BEHIND_BACKLOG });
      expect(d).toMatchObject({ caseCount: 3, callerCount: 2 });
      expect(d.caseIds).toEqual(ids);
    });

    it('at the group threshold (3 distinct callers) a group request is detected; the burst grows', async () => {
      await receiveFrom(callers[2]);
      const group = await eventually(async () => (await clustersOfMatter()).find((c) => c.kind === 'group') ?? false, {
        what: 'the group cluster',
        ...BEHIND_BACKLOG,
      });
      expect(group).toMatchObject({ caseCount: 4, callerCount: 3 });
      // two callers (three cases) were one below the group threshold: detected only now, once
      const groups = await eventually(async () => detected('group').length > 0 && detected('group'), { what: 'the group detected event', ...BEHIND_BACKLOG });
      expect(groups).toEqual([expect.objectContaining({ caseCount: 4, callerCount: 3 })]);
      // distinct callers come from intake's caller key: one caller twice, then two others — three keys, the first twice
      await eventually(async () => ids.every((id) => partner.messages.some((m) => m.subject === 'hotline.case.received' && m.json.caseId === id)), {
        what: 'every received event on the partner stream',
      });
      const keys = ids.map(
        (id) =>
          (partner.messages.find((m) => m.subject === 'hotline.case.received' && m.json.caseId === id)?.json.data as { callerKey?: string } | undefined)
            ?.callerKey,
      );
      for (const k of keys) expect(k).toMatch(/^[0-9a-f]{64}$/);
      expect(keys[0]).toBe(keys[1]);
      expect(new Set(keys).size).toBe(3);
      const burst = await eventually(async () => (await clustersOfMatter()).find((c) => c.kind === 'burst' && c.caseCount === 4) ?? false, {
        what: 'the burst updated',
        ...BEHIND_BACKLOG,
      });
      expect(burst.callerCount).toBe(3);
      const events = await eventually(
        async () => {
          const e = clusterEvents();
          return e.length >= 3 && e;
        },
        { what: 'cluster events', ...BEHIND_BACKLOG },
      );
      expect(events.map((e) => e.subject).sort()).toEqual(['hotline.cluster.detected', 'hotline.cluster.detected', 'hotline.cluster.updated']);
      for (const e of events) for (const p of callers) expect(e.data).not.toContain(p);
    });

    it('the cluster page lists its cases page by page; its script is offered over the topic script; one 督办 urges its open cases', async () => {
      const burst = (await clustersOfMatter()).find((c) => c.kind === 'burst')!;
      const page = await supervisor.request<{
        cluster: { cluster: { caseCount: number }; cases: { total: number; items: Array<{ id: string; externalNo: string }> } };
      }>('query($id: ID!) { cluster(id: $id, offset: 0, limit: 2) { cluster { caseCount } cases { total items { id externalNo } } } }', { id: burst.id });
      expect(page.cluster.cases.total).toBe(4);
      expect(page.cluster.cases.items.map((c) => c.id)).toEqual(ids.slice(0, 2));
      expect(page.cluster.cases.items[0].externalNo).toMatch(/^E2E-/);
      expect(
        refusal(await supervisor.raw('mutation($i: UrgeClusterInput!) { urgeCluster(input: $i) }', { i: { clusterId: burst.id, note: '集中督办供暖问题' } }))
          .reason,
      ).toBe('NO_OPEN_CASES');

      const topicScript = await createScript('topic', topic, '供暖问题口径');
      await approveAndPublish(topicScript.id, 1);
      const clusterScript = await createScript('cluster', burst.id, '该小区供暖集中答复');
      await approveAndPublish(clusterScript.id, 1);
      await duty.request('mutation($id: ID!) { signCase(id: $id) { id } }', { id: ids[0] });
      await eventually(
        async () =>
          (await duty.request<{ dispatchQueue: Array<{ id: string }> }>('{ dispatchQueue(limit: 200) { id } }')).dispatchQueue.some((x) => x.id === ids[0]),
        { what: 'signed case in the queue' },
      );
      await duty.request('mutation($i: DispatchInput!) { dispatchCase(input: $i) { id } }', { i: { caseId: ids[0], leadDepartmentId: dept.property } });
      await eventually(async () => !(await property.raw('query($id: ID!) { case(id: $id) { id } }', { id: ids[0] })).errors, {
        what: 'the case visible to the department',
      });
      const offer = await eventually(async () => ((await offered(property, ids[0]))?.scriptId === clusterScript.id ? await offered(property, ids[0]) : false), {
        what: 'the cluster script offered',
      });
      expect(offer).toMatchObject({ scope: 'cluster', version: 1 });

      const urged = await eventually(
        async () => {
          const r = await supervisor.raw<{ urgeCluster: number }>('mutation($i: UrgeClusterInput!) { urgeCluster(input: $i) }', {
            i: { clusterId: burst.id, note: '集中督办供暖问题' },
          });
          return !r.errors && r.data!.urgeCluster;
        },
        { what: 'the cluster urged once its dispatched case is known to supervision' },
      );
      expect(urged).toBe(1);
      await eventually(async () => partner.messages.some((m) => m.subject === 'hotline.case.urged' && m.json.caseId === ids[0]), { what: 'the urge event' });
    });
  });

  describe('key persons', () => {
    const keyPhone = phone();
    let keyPersonId: string;

    it('a supervisor flags a caller by phone; the flag is audited and no phone is stored in the answer', async () => {
      expect(
        (await duty.raw('mutation($i: KeyPersonInput!) { flagKeyPerson(input: $i) { id } }', { i: { phone: keyPhone, reason: '多次重复来电' } })).errors?.[0]
          .extensions?.code,
      ).toBe('FORBIDDEN');
      const r = await supervisor.request<{
        flagKeyPerson: { id: string; phoneMasked: string; active: boolean; history: Array<{ action: string; reason: string }> };
      }>('mutation($i: KeyPersonInput!) { flagKeyPerson(input: $i) { id phoneMasked active history { action reason } } }', {
        i: { phone: keyPhone, reason: '多次重复来电' },
      });
      keyPersonId = r.flagKeyPerson.id;
      expect(r.flagKeyPerson).toMatchObject({
        phoneMasked: `${keyPhone.slice(0, 3)}****${keyPhone.slice(-4)}`,
        active: true,
        history: [{ action: 'flag', reason: '多次重复来电' }],
      });
      const again = await supervisor.raw('mutation($i: KeyPersonInput!) { flagKeyPerson(input: $i) { id } }', { i: { phone: keyPhone, reason: '重复标记' } });
      expect(refusal(again)).toEqual({ code: 'BAD_USER_INPUT', reason: 'ALREADY_KEY_PERSON' });
    });

    it("the caller's next case is marked for the bureau, not for the department", async () => {
      seenPhones.push(keyPhone);
      const c = await dispatched(duty, { client: property, id: dept.property }, { over: { citizenPhone: `+86 ${keyPhone}` } });
      const other = await receive(duty, { citizenPhone: phone() });
      const read = (client: GraphQLClient, id: string) =>
        client.request<{ case: { keyPerson: boolean | null } }>('query($id: ID!) { case(id: $id) { keyPerson } }', { id }).then((r) => r.case.keyPerson);
      expect(await read(supervisor, c.id)).toBe(true);
      expect(await read(duty, c.id)).toBe(true);
      expect(await read(duty, other.id)).toBe(false);
      expect(await read(property, c.id)).toBeNull();
    });

    it('unflagging is audited too', async () => {
      const r = await supervisor.request<{ unflagKeyPerson: { id: string; active: boolean; history: Array<{ action: string }> } }>(
        'mutation($i: KeyPersonInput!) { unflagKeyPerson(input: $i) { id active history { action } } }',
        { i: { phone: keyPhone, reason: '情况已处理完毕' } },
      );
      expect(r.unflagKeyPerson).toEqual({ id: keyPersonId, active: false, history: [{ action: 'unflag' }, { action: 'flag' }] });
      const list = await supervisor.request<{ keyPersons: { items: Array<{ id: string }> } }>('{ keyPersons(active: false, limit: 200) { items { id } } }');
      expect(list.keyPersons.items.some((p) => p.id === keyPersonId)).toBe(true);
    });

    it('no event on the stream carries any of the phones of this file (key person and callers)', async () => {
      expect(partner.messages.filter((m) => m.subject === 'hotline.case.received').length).toBeGreaterThan(5);
      expect(seenPhones.length).toBe(5);
      for (const m of partner.messages) for (const p of seenPhones) expect(m.data, m.subject).not.toContain(p.slice(3));
    });
  });
});
