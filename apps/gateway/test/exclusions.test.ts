import { randomUUID } from 'node:crypto';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectEvents, eventually, GraphQLClient, GraphQLResponse } from '@hotline/testing';
import { as, gatewayUrl } from './helpers';
import { departments, dispatched, refusal } from './dispatch-helpers';
import { ATTEMPT, CLAIM, completedCase, currentPeriod, RESULT } from './callback-helpers';

type Partner = Awaited<ReturnType<typeof collectEvents>>;
type Ev = { type: string; caseId?: string; data: Record<string, unknown> };

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(200, 0x41)]);
const STATEMENT = '该市民就同一电梯维修事项自本月起反复来电二十余次，均已答复且无新情况、新理由，联系电话13812345678（不得出现在事件中）。';

const CLAIM_FIELDS =
  'id externalNo month ruleSetMonth ruleSetVersion type typeLabel statement status checklist { key label done } complete deadline evidence { id kind name url size } packageUrl';
interface Claim {
  id: string;
  externalNo: string;
  month: string;
  ruleSetMonth: string;
  ruleSetVersion: number;
  type: string;
  typeLabel: string;
  statement: string;
  status: string;
  checklist: Array<{ key: string; label: string; done: boolean }>;
  complete: boolean;
  deadline: string;
  evidence: Array<{ id: string; kind: string; name: string; url: string; size: number }>;
  packageUrl: string;
}
const ok = <T>(r: GraphQLResponse<T>): T => {
  if (r.errors?.length) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
};
const mutate = (c: GraphQLClient, name: string, type: string, input: Record<string, unknown>) =>
  c.raw<Record<string, Claim>>(`mutation($i: ${type}!) { ${name}(input: $i) { ${CLAIM_FIELDS} } }`, { i: input });
const create = async (c: GraphQLClient, input: Record<string, unknown>) =>
  ok(await mutate(c, 'createExclusionClaim', 'ExclusionClaimCreateInput', input)).createExclusionClaim;
const submit = (c: GraphQLClient, claimId: string) =>
  c.raw<{ submitExclusionClaim: Claim }>(`mutation($id: ID!) { submitExclusionClaim(claimId: $id) { ${CLAIM_FIELDS} } }`, { id: claimId });
const claimsOf = async (c: GraphQLClient, caseId: string) =>
  (await c.request<{ case: { exclusionClaims: Claim[] } }>(`query($id: ID!) { case(id: $id) { exclusionClaims { ${CLAIM_FIELDS} } } }`, { id: caseId })).case
    .exclusionClaims;
const upload = (c: GraphQLClient, claimId: string, kind: string, body: Buffer, fileName: string) =>
  fetch(`${gatewayUrl()}/exclusion-claims/${claimId}/evidence?kind=${encodeURIComponent(kind)}&fileName=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${c.token}` },
    body: new Uint8Array(body),
  });
const download = (c: GraphQLClient, url: string) => fetch(`${gatewayUrl()}${url}`, { headers: { authorization: `Bearer ${c.token}` } });
const beijingMonth = (d = new Date()) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);

const SAVE_RULES =
  'mutation($i: ExclusionRuleSetInput!) { saveExclusionRuleSet(input: $i) { id month version isDefault types { code requiredEvidence { key } deadlineWorkingDay } } }';
const RULES = 'query($m: String!) { exclusionRuleSet(month: $m) { id month version isDefault types { code label deadline requiredEvidence { key label } } } }';

/**
 * 不纳入考核 claims through the gateway: monthly rule sets, claims with evidence and their checklist,
 * refusals that write nothing, the decision reaching callback's three rates, and the claim package.
 * The cases have a topic of their own, so the three rates of that topic are exactly this file's cases.
 */
describe('exclusion claims (不纳入考核): rule sets by month, checklist, deadline, decision, three rates, package', () => {
  const topic = `不纳入考核测试${randomUUID().slice(0, 6)}`;
  const over = { topic, citizenPhone: '13812345678' };
  let duty: GraphQLClient, supervisor: GraphQLClient, admin: GraphQLClient, leader: GraphQLClient, property: GraphQLClient, agent: GraphQLClient;
  let partner: Partner;
  const evs = (): Ev[] => partner.messages.map((m) => m.json as unknown as Ev);
  const cases: Record<'a' | 'b' | 'c', { id: string; externalNo: string }> = {} as never;
  const month = beijingMonth();
  /** Two months long past: rule sets of their own that nobody else reads. */
  const [march, april] = ['2020-03', '2020-04'];
  // Later months keep the default types (the test's rule sets add one type each).
  let defaults: Array<{ code: string; label: string; conditions: string; requiredEvidence: Array<{ key: string; label: string }>; deadlineWorkingDay: number }>;

  beforeAll(async () => {
    partner = await collectEvents(inject('natsUrl'), 'hotline.>');
    [duty, supervisor, admin, leader, property, agent] = await Promise.all(
      ['duty', 'supervisor', 'admin', 'leader', 'handler-property', 'callback'].map((u) => as(u)),
    );
    const lead = { client: property, id: (await departments(duty)).property };
    // a: contacted, resolved, 满意; b: contacted, resolved, 基本满意; c: never contacted (not responded in time), resolved, 基本满意.
    const [a, b, c] = await Promise.all([
      completedCase(duty, lead, agent, over, { contact: true }),
      completedCase(duty, lead, agent, over, { contact: true }),
      completedCase(duty, lead, agent, over, { contact: false }),
    ]);
    for (const [k, v, satisfaction] of [
      ['a', a, 'satisfied'],
      ['b', b, 'basically'],
      ['c', c, 'basically'],
    ] as const) {
      cases[k] = { id: v.id, externalNo: v.externalNo };
      await agent.request(CLAIM, { t: v.task.id });
      await agent.request(ATTEMPT, { i: { taskId: v.task.id, outcome: 'reached' } });
      await agent.request(RESULT, { i: { taskId: v.task.id, resolved: true, satisfaction } });
    }
    const rules = (
      await admin.request<{ exclusionRuleSet: { types: Array<{ code: string; label: string; requiredEvidence: Array<{ key: string; label: string }> }> } }>(
        'query($m: String!) { exclusionRuleSet(month: $m) { types { code label conditions requiredEvidence { key label } deadlineWorkingDay } } }',
        { m: '2001-01' },
      )
    ).exclusionRuleSet;
    defaults = rules.types as typeof defaults;
  });
  afterAll(async () => {
    await partner?.close();
  });

  it('every month has a rule set: the shipped default (待与局方确认) until the administrator saves one', async () => {
    const r = (
      await supervisor.request<{ exclusionRuleSet: { month: string; isDefault: boolean; types: Array<{ code: string; deadline: string }> } }>(RULES, {
        m: '2010-06',
      })
    ).exclusionRuleSet;
    expect(r).toMatchObject({ month: '2000-01', isDefault: true });
    expect(r.types.map((t) => t.code)).toEqual(expect.arrayContaining(['art11-repeat', 'art11-out-of-scope', 'art11-litigation', 'malicious-repeat']));
    // The deadline of June 2010: the 5th working day of July 2010 (Thu 1, Fri 2, Mon 5, Tue 6, Wed 7) → end of 7 July.
    expect(r.types[0].deadline).toBe('2010-07-07T16:00:00.000Z');
    expect(refusal(await property.raw(RULES, { m: month })).code).toBe('FORBIDDEN');
  });

  it('claims under two different monthly rule sets on the same case; a new version leaves existing claims on theirs', async () => {
    const type = (code: string, evidence: string[]) => ({
      code,
      label: `测试类型 ${code}`,
      conditions: '测试用的适用条件',
      requiredEvidence: evidence.map((k) => ({ key: k, label: `材料 ${k}` })),
      deadlineWorkingDay: 5,
    });
    const bad = await admin.raw(SAVE_RULES, { i: { month: march, types: [type('dup', []), type('dup', [])] } });
    expect(refusal(bad)).toEqual({ code: 'BAD_USER_INPUT', reason: 'RULE_SET_DUPLICATE_CODE' });
    expect(refusal(await supervisor.raw(SAVE_RULES, { i: { month: march, types: [type('x', [])] } })).code).toBe('FORBIDDEN');
    const m1 = (
      await admin.request<{ saveExclusionRuleSet: { version: number } }>(SAVE_RULES, {
        i: { month: march, note: '测试三月规则', types: [...defaults, type('test-photo', ['photo'])] },
      })
    ).saveExclusionRuleSet;
    const m2 = (
      await admin.request<{ saveExclusionRuleSet: { version: number } }>(SAVE_RULES, {
        i: { month: april, note: '测试四月规则', types: [...defaults, type('test-record', ['record'])] },
      })
    ).saveExclusionRuleSet;
    expect([m1.version, m2.version]).toEqual([1, 1]);

    const inMarch = await create(supervisor, { caseId: cases.a.id, month: march, type: 'test-photo', statement: STATEMENT });
    const inApril = await create(supervisor, { caseId: cases.a.id, month: april, type: 'test-record', statement: STATEMENT });
    expect(inMarch).toMatchObject({ ruleSetMonth: march, ruleSetVersion: 1, status: 'draft', complete: false });
    expect(inMarch.checklist).toEqual([
      { key: 'statement', label: expect.any(String), done: true },
      { key: 'photo', label: '材料 photo', done: false },
    ]);
    expect(inApril.checklist.map((i) => i.key)).toEqual(['statement', 'record']);
    // March's type does not exist in April's rules, and one live claim per case and month.
    expect(
      refusal(await mutate(supervisor, 'createExclusionClaim', 'ExclusionClaimCreateInput', { caseId: cases.a.id, month: april, type: 'test-photo' })),
    ).toEqual({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_EXCLUSION_TYPE' });
    expect(
      refusal(await mutate(supervisor, 'createExclusionClaim', 'ExclusionClaimCreateInput', { caseId: cases.a.id, month: april, type: 'test-record' })),
    ).toEqual({ code: 'CONFLICT', reason: 'CLAIM_EXISTS' });

    // April's rules change (version 2 asks for a photo too): the April claim keeps version 1.
    const v2 = (
      await admin.request<{ saveExclusionRuleSet: { version: number } }>(SAVE_RULES, {
        i: { month: april, types: [...defaults, type('test-record', ['record', 'photo'])] },
      })
    ).saveExclusionRuleSet;
    expect(v2.version).toBe(2);
    const after = await claimsOf(supervisor, cases.a.id);
    expect(after.find((c) => c.id === inApril.id)).toMatchObject({ ruleSetVersion: 1, checklist: [{ key: 'statement' }, { key: 'record' }] });
    // Withdrawn, a new April claim is made under version 2.
    ok(await mutate(supervisor, 'withdrawExclusionClaim', 'ExclusionClaimDecisionInput', { claimId: inApril.id, note: '按新规则重新申请' }));
    const again = await create(supervisor, { caseId: cases.a.id, month: april, type: 'test-record', statement: STATEMENT });
    expect(again).toMatchObject({ ruleSetVersion: 2, checklist: [{ key: 'statement' }, { key: 'record' }, { key: 'photo' }] });
    expect((await claimsOf(leader, cases.a.id)).map((c) => [c.month, c.ruleSetVersion, c.status])).toEqual([
      [march, 1, 'draft'],
      [april, 1, 'withdrawn'],
      [april, 2, 'draft'],
    ]);
    // A draft never left supervision: withdrawing it publishes nothing.
    expect(evs().filter((e) => e.type.startsWith('hotline.exclusion.') && e.caseId === cases.a.id)).toEqual([]);
  });

  it('refused with nothing written: bad files, an incomplete checklist, a claim after the deadline, the wrong role', async () => {
    const draft = (await claimsOf(supervisor, cases.a.id)).find((c) => c.month === march)!;
    // Files: a program, a kind the type does not ask for, a role that may not upload.
    expect((await upload(supervisor, draft.id, 'photo', EXE, 'evidence.png')).status).toBe(400);
    const wrongKind = await upload(supervisor, draft.id, 'record', PNG, 'photo.png');
    expect(wrongKind.status).toBe(400);
    expect((await wrongKind.json()).error.reason).toBe('UNKNOWN_EVIDENCE_KIND');
    expect((await upload(leader, draft.id, 'photo', PNG, 'photo.png')).status).toBe(403);
    expect((await claimsOf(supervisor, cases.a.id)).find((c) => c.id === draft.id)!.evidence).toEqual([]);
    // Incomplete checklist (this month's claim, in time): the refusal says what is missing.
    const current = await create(supervisor, { caseId: cases.b.id, type: 'art11-repeat', statement: STATEMENT });
    const incomplete = await submit(supervisor, current.id);
    expect(refusal(incomplete)).toEqual({ code: 'BAD_USER_INPUT', reason: 'CHECKLIST_INCOMPLETE' });
    expect(incomplete.errors![0].message).toContain('既往工单及答复记录');
    // Complete, but March 2020's deadline (5th working day of April 2020) is long past (checked first: it cannot be mended).
    expect((await upload(supervisor, draft.id, 'photo', PNG, '现场照片.png')).status).toBe(201);
    const late = await submit(supervisor, draft.id);
    expect(refusal(late)).toEqual({ code: 'BAD_USER_INPUT', reason: 'CLAIM_DEADLINE_PASSED' });
    // Roles: only the supervisor prepares and submits; nobody decides a draft.
    expect(refusal(await submit(leader, draft.id)).code).toBe('FORBIDDEN');
    expect(refusal(await submit(property, draft.id)).code).toBe('FORBIDDEN');
    expect(refusal(await mutate(admin, 'createExclusionClaim', 'ExclusionClaimCreateInput', { caseId: cases.b.id, type: 'art11-repeat' })).code).toBe(
      'FORBIDDEN',
    );
    expect(refusal(await mutate(leader, 'approveExclusionClaim', 'ExclusionClaimDecisionInput', { claimId: draft.id, note: '通过' })).code).toBe('FORBIDDEN');
    expect(refusal(await mutate(supervisor, 'approveExclusionClaim', 'ExclusionClaimDecisionInput', { claimId: draft.id, note: '通过' }))).toEqual({
      code: 'CONFLICT',
      reason: 'CLAIM_STATUS_CONFLICT',
    });
    expect(
      refusal(await mutate(supervisor, 'createExclusionClaim', 'ExclusionClaimCreateInput', { caseId: cases.b.id, month: '2099-01', type: 'art11-repeat' })),
    ).toEqual({ code: 'BAD_USER_INPUT', reason: 'MONTH_IN_FUTURE' });
    const still = (await claimsOf(supervisor, cases.a.id)).find((c) => c.id === draft.id)!;
    expect(still).toMatchObject({ status: 'draft', complete: true });
    expect((await claimsOf(supervisor, cases.b.id)).map((c) => [c.id, c.status, c.evidence.length])).toEqual([[current.id, 'draft', 0]]);
    expect(evs().filter((e) => e.type.startsWith('hotline.exclusion.') && (e.caseId === cases.a.id || e.caseId === cases.b.id))).toEqual([]);
  });

  const RATES = `query($p: String!, $t: String, $pol: ID) { threeRates(period: $p, topic: $t, policyId: $pol) {
    policy { excludeApprovedClaims } counts { cases excluded assessed responded answered pending resolved satisfied basicallySatisfied dissatisfied }
    responseRate resolutionRate satisfactionRate score } }`;
  type Rates = {
    policy: { excludeApprovedClaims: boolean };
    counts: Record<string, number>;
    responseRate: number;
    resolutionRate: number;
    satisfactionRate: number;
    score: number;
  };
  const rates = async (policyId?: string) =>
    (await leader.request<{ threeRates: Rates }>(RATES, { p: currentPeriod(19), t: topic, pol: policyId ?? null })).threeRates;

  it("an approved claim leaves the period's denominators exactly as the policy says", async () => {
    // Before: 3 cases, b and a responded (c never contacted); all three answered and resolved; a 满意, b and c 基本满意.
    const before = await rates();
    expect(before.counts).toEqual({
      cases: 3,
      excluded: 0,
      assessed: 3,
      responded: 2,
      answered: 3,
      pending: 0,
      resolved: 3,
      satisfied: 1,
      basicallySatisfied: 2,
      dissatisfied: 0,
    });
    expect(before.responseRate).toBeCloseTo(2 / 3, 10);
    expect(before.satisfactionRate).toBeCloseTo((1 + 0.9 * 2) / 3, 10);

    // The current month's rules are those the test saved for April 2020 (v2): the default types are among them.
    const claim = await create(supervisor, { caseId: cases.c.id, type: 'art11-repeat', statement: STATEMENT });
    expect(claim).toMatchObject({ month, ruleSetMonth: april, ruleSetVersion: 2, status: 'draft' });
    expect(Date.parse(claim.deadline)).toBeGreaterThan(Date.now());
    for (const k of claim.checklist.filter((i) => i.key !== 'statement')) {
      const r = await upload(supervisor, claim.id, k.key, k.key === 'prior-cases' ? PDF : PNG, `${k.key}.${k.key === 'prior-cases' ? 'pdf' : 'png'}`);
      expect(r.status).toBe(201);
    }
    const submitted = ok(await submit(supervisor, claim.id)).submitExclusionClaim;
    expect(submitted).toMatchObject({ status: 'submitted', complete: true });
    const page = (
      await leader.request<{ exclusionClaims: { total: number; items: Array<{ id: string }> } }>(
        'query($m: String!) { exclusionClaims(month: $m, status: "submitted", limit: 200) { total items { id } } }',
        { m: month },
      )
    ).exclusionClaims;
    expect(page.items.map((i) => i.id)).toContain(claim.id);
    // Pending: it counts still.
    expect((await rates()).counts.excluded).toBe(0);

    const approved = ok(
      await mutate(supervisor, 'approveExclusionClaim', 'ExclusionClaimDecisionInput', { claimId: claim.id, note: '区级平台审核通过（测试）' }),
    ).approveExclusionClaim;
    expect(approved.status).toBe('approved');
    const sent = await eventually(
      async () => {
        const mine = evs().filter((e) => e.type.startsWith('hotline.exclusion.') && e.caseId === cases.c.id);
        return mine.length === 2 ? mine : undefined;
      },
      { what: 'hotline.exclusion.submitted and .approved' },
    );
    expect(sent.map((e) => e.type)).toEqual(['hotline.exclusion.submitted', 'hotline.exclusion.approved']);
    expect(sent[1].data).toMatchObject({ claimId: claim.id, externalNo: cases.c.externalNo, exclusionType: 'art11-repeat', ruleSetMonth: month });
    expect(JSON.stringify(sent)).not.toMatch(/13812345678|反复来电/);

    // After (default policy: approved claims leave the denominators): c is out → a and b only.
    const after = await eventually(
      async () => {
        const r = await rates();
        return r.counts.excluded === 1 ? r : undefined;
      },
      { what: 'the approved claim in the three rates' },
    );
    expect(after.policy.excludeApprovedClaims).toBe(true);
    expect(after.counts).toEqual({
      cases: 3,
      excluded: 1,
      assessed: 2,
      responded: 2,
      answered: 2,
      pending: 0,
      resolved: 2,
      satisfied: 1,
      basicallySatisfied: 1,
      dissatisfied: 0,
    });
    expect(after.responseRate).toBeCloseTo(2 / 2, 10);
    expect(after.resolutionRate).toBeCloseTo(2 / 2, 10);
    expect(after.satisfactionRate).toBeCloseTo((1 + 0.9 * 1) / 2, 10);
    expect(after.score).toBeCloseTo(10 * 1 + 50 * 1 + 40 * (1.9 / 2), 10);

    // A policy that keeps approved claims in (effective 2099, asked for by id): the figures of before.
    const SAVE = 'mutation($i: ScoringPolicyInput!) { saveScoringPolicy(input: $i) { id } }';
    const keep = (
      await admin.request<{ saveScoringPolicy: { id: string } }>(SAVE, {
        i: {
          effectiveFrom: '2099-02',
          responseClocks: ['contact', 'handle'],
          contactHours: 24,
          basicFactor: 0.9,
          weights: { response: 10, resolution: 50, satisfaction: 40 },
          periodKind: 'cutoff',
          cutoffDay: 19,
          resultSource: 'official-first',
          resultRound: 'latest',
          excludeApprovedClaims: false,
          note: `测试：申请不移出分母 ${topic}`,
        },
      })
    ).saveScoringPolicy;
    const kept = await rates(keep.id);
    expect(kept.policy.excludeApprovedClaims).toBe(false);
    expect(kept.counts).toEqual(before.counts);
    expect(kept.satisfactionRate).toBeCloseTo((1 + 0.9 * 2) / 3, 10);
  });

  it('a pending claim pauses the handling clock where the definition says so; a withdrawal resumes it', async () => {
    const pausingTopic = `${topic}-暂停`;
    await admin.request('mutation($i: ClockDefinitionInput!) { saveClockDefinition(input: $i) { id } }', {
      i: {
        key: `test-claim-pause-${randomUUID().slice(0, 8)}`,
        kind: 'handle',
        name: '测试：申请不纳入考核期间暂停办理时限',
        selector: { topics: [pausingTopic] },
        targetUnit: 'working-days',
        targetAmount: 7,
        priority: 100,
        triggers: {
          startOn: ['hotline.case.dispatched'],
          pauseOn: ['hotline.exclusion.submitted'],
          resumeOn: ['hotline.exclusion.rejected'],
          stopOn: ['hotline.case.replied'],
        },
      },
    });
    const c = await dispatched(duty, { client: property, id: (await departments(duty)).property }, { over: { topic: pausingTopic } });
    const handle = async () =>
      (
        await supervisor.request<{ case: { clocks: Array<{ kind: string; state: string; pausedAt: string | null }> } }>(
          'query($id: ID!) { case(id: $id) { clocks { kind state pausedAt } } }',
          { id: c.id },
        )
      ).case.clocks.find((k) => k.kind === 'handle');
    await eventually(async () => (await handle())?.state === 'running', { what: 'the handling clock running' });
    const claim = await eventually(
      async () => {
        const r = await mutate(supervisor, 'createExclusionClaim', 'ExclusionClaimCreateInput', {
          caseId: c.id,
          type: 'malicious-repeat',
          statement: STATEMENT,
        });
        return r.errors ? undefined : r.data!.createExclusionClaim;
      },
      { what: 'the claim draft' },
    );
    for (const k of claim.checklist.filter((i) => i.key !== 'statement'))
      expect((await upload(supervisor, claim.id, k.key, PNG, `${k.key}.png`)).status).toBe(201);
    ok(await submit(supervisor, claim.id));
    await eventually(async () => (await handle())?.state === 'paused', { what: 'the handling clock paused by the pending claim' });
    ok(await mutate(supervisor, 'withdrawExclusionClaim', 'ExclusionClaimDecisionInput', { claimId: claim.id, note: '情况有变，撤回申请' }));
    await eventually(async () => (await handle())?.state === 'running', { what: 'the handling clock running again' });
  });

  it('the claim package: a .zip with the statement as a Word document and the evidence; downloads by role, audited', async () => {
    const [claim] = await claimsOf(supervisor, cases.c.id);
    expect((await download(property, claim.packageUrl)).status).toBe(403);
    expect((await download(supervisor, `/exclusion-claims/${randomUUID()}/package`)).status).toBe(404);
    const res = await download(leader, claim.packageUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/zip');
    const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()));
    const names = Object.keys(zip.files)
      .filter((n) => !zip.files[n].dir)
      .sort();
    expect(names).toEqual(['佐证材料/01-prior-cases.pdf', '佐证材料/02-call-record.png', '申请说明.docx']);
    expect(Buffer.from(await zip.file('佐证材料/02-call-record.png')!.async('uint8array'))).toEqual(PNG);
    // The .docx is itself a zip: its body text holds the statement, the case and the type.
    const docx = await JSZip.loadAsync(await zip.file('申请说明.docx')!.async('uint8array'));
    const xml = await docx.file('word/document.xml')!.async('string');
    const text = xml.replace(/<w:p[ >][\s\S]*?<\/w:p>/g, (p: string) => `${p.replace(/<[^>]+>/g, '')}\n`).replace(/<[^>]+>/g, '');
    expect(text).toContain(STATEMENT);
    expect(text).toContain(`工单编号：${cases.c.externalNo}`);
    expect(text).toContain('申请类型：无新情况、新理由的重复诉求');
    const evidence = await download(supervisor, claim.evidence[1].url);
    expect(evidence.status).toBe(200);
    expect(Buffer.from(await evidence.arrayBuffer())).toEqual(PNG);
  });
});
