import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectEvents, eventually, GraphQLClient, GraphQLResponse } from '@hotline/testing';
import { departments, dispatched, refusal } from './dispatch-helpers';
import { as, gatewayUrl, receive } from './helpers';

/** exceljs is a dependency of publicity (and intake): load it from there to read the export. */
const ExcelJS = createRequire(path.resolve(__dirname, '..', '..', 'publicity', 'package.json'))('exceljs') as typeof import('exceljs');

type Partner = Awaited<ReturnType<typeof collectEvents>>;

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const EXE = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'), Buffer.alloc(200, 0x41)]);
const DRAFT =
  '林肯公园5号楼电梯停运三天，老人上下楼困难。物业管理科接单后当日约谈物业公司，督促更换主板并公开维保记录，' +
  '两天内恢复运行，并建立电梯故障24小时响应机制。市民回访表示满意，联系电话13812345678（应被遮蔽）。此案体现了接诉即办“闻风而动”的要求，' +
  '可作为物业类诉求的典型案例推广。';

const TC = 'id title stage stageLabel stageDueAt version draftText missing materials { id name url contentType size } history { action }';

const nominate = (c: GraphQLClient, input: Record<string, unknown>) =>
  c.raw<{ nominateTypicalCase: { id: string; stage: string; stageDueAt: string; version: number } }>(
    `mutation($i: NominateTypicalCaseInput!) { nominateTypicalCase(input: $i) { ${TC} } }`,
    { i: input },
  );
const act = (c: GraphQLClient, mutation: string, type: string, input: Record<string, unknown>) =>
  c.raw<Record<string, { id: string; stage: string; version: number; draftText: string | null; stageDueAt: string | null; missing: string[] }>>(
    `mutation($i: ${type}!) { ${mutation}(input: $i) { ${TC} } }`,
    { i: input },
  );
const typical = async (c: GraphQLClient, id: string) =>
  (
    await c.request<{ typicalCase: { id: string; stage: string; version: number; history: Array<{ action: string }>; materials: unknown[] } }>(
      `query($id: ID!) { typicalCase(id: $id) { ${TC} } }`,
      { id },
    )
  ).typicalCase;
const award = (c: GraphQLClient, input: Record<string, unknown>) =>
  c.raw<{ awardPublicityPoints: { id: string; month: string; points: number; kindLabel: string } }>(
    'mutation($i: AwardPublicityPointsInput!) { awardPublicityPoints(input: $i) { id month points kindLabel } }',
    { i: input },
  );
const totals = async (c: GraphQLClient, from: string, to: string) =>
  new Map(
    (
      await c.request<{ bonusMonthTotals: Array<{ month: string; points: number; count: number }> }>(
        'query($f: String!, $t: String!) { bonusMonthTotals(from: $f, to: $t) { month points count } }',
        { f: from, t: to },
      )
    ).bonusMonthTotals.map((m) => [m.month, m]),
  );
const upload = (c: GraphQLClient, itemId: string, body: Buffer, fileName: string) =>
  fetch(`${gatewayUrl()}/typical-cases/${itemId}/materials?fileName=${encodeURIComponent(fileName)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${c.token}` },
    body: new Uint8Array(body),
  });
const beijingMonth = (d = new Date()) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 7);
const ok = <T>(r: GraphQLResponse<T>): T => {
  if (r.errors?.length) throw new Error(JSON.stringify(r.errors));
  return r.data as T;
};

describe('宣传加分: typical cases, 《向前一步》, the 12345 column and the bonus ledger, through the gateway', () => {
  let duty: GraphQLClient;
  let supervisor: GraphQLClient;
  let leader: GraphQLClient;
  let property: GraphQLClient;
  let housing: GraphQLClient;
  let partner: Partner;
  let dept: Record<string, string>;
  let caseId: string;
  let itemId: string;
  const month = beijingMonth();
  let before: Map<string, { points: number; count: number }>;

  beforeAll(async () => {
    partner = await collectEvents(inject('natsUrl'), 'hotline.publicity.>');
    [duty, supervisor, leader, property, housing] = await Promise.all(
      ['duty', 'supervisor', 'leader', 'handler-property', 'handler-housing'].map((u) => as(u)),
    );
    dept = await departments(duty);
    before = await totals(supervisor, '2026-11', month);
  });
  afterAll(async () => {
    await partner?.close();
  });

  it('a case the supervisor may see is nominated; handlers and leaders may not, an unknown case is NOT_FOUND, and refusals write nothing', async () => {
    caseId = (await receive(duty, { title: '电梯停运三天后修复' })).id;
    const input = { caseId, title: '林肯公园电梯两日修复', reason: '响应快、回访满意，适合物业类宣传' };
    expect(refusal(await nominate(property, input))).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusal(await nominate(leader, input))).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusal(await nominate(supervisor, { ...input, caseId: '00000000-0000-4000-8000-000000000000' }))).toEqual({
      code: 'NOT_FOUND',
      reason: 'CASE_NOT_FOUND',
    });
    expect(refusal(await nominate(supervisor, { ...input, title: '短' }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    const board = await supervisor.request<{ typicalCases: { total: number } }>('{ typicalCases(stage: "drafting") { total } }');

    // publicity learns of the case from intake's event: until then it is "not found" too.
    const t = await eventually(
      async () => {
        const r = await nominate(supervisor, input);
        if (r.errors?.[0]?.extensions?.reason === 'CASE_NOT_FOUND') return undefined;
        return ok(r).nominateTypicalCase;
      },
      { what: 'the nomination once publicity knows the case' },
    );
    itemId = t.id;
    expect(t.stage).toBe('drafting');
    expect(new Date(t.stageDueAt).getTime()).toBeGreaterThan(Date.now() + 2 * 86_400_000); // 5 working days
    const after = await supervisor.request<{ typicalCases: { total: number } }>('{ typicalCases(stage: "drafting") { total } }');
    expect(after.typicalCases.total).toBe(board.typicalCases.total + 1); // only the accepted one

    expect(refusal(await nominate(supervisor, input))).toEqual({ code: 'CONFLICT', reason: 'ALREADY_NOMINATED' });
  });

  it("publicity checks a handler's department itself: reached directly, another department's case is NOT_FOUND", async () => {
    const c = await dispatched(duty, { client: property, id: dept.property });
    const direct = (client: GraphQLClient) =>
      new GraphQLClient(`${inject('subgraphUrls').publicity}/graphql`, client.token).raw<{ _entities: Array<{ publicity: unknown[] }> }>(
        'query($r: [_Any!]!) { _entities(representations: $r) { ... on Case { publicity { kind } } } }',
        { r: [{ __typename: 'Case', id: c.id }] },
      );
    await eventually(async () => refusal(await direct(housing)).code === 'NOT_FOUND', { what: 'the housing handler refused by publicity' });
    expect(ok(await direct(property))._entities).toEqual([{ publicity: [] }]);
  });

  it('review without the required material is refused (MATERIAL_MISSING) and changes nothing', async () => {
    const seen = await typical(supervisor, itemId);
    const r = await act(supervisor, 'sendTypicalCaseForReview', 'TypicalCaseRefInput', { id: itemId });
    expect(refusal(r)).toEqual({ code: 'BAD_USER_INPUT', reason: 'MATERIAL_MISSING' });
    const now = await typical(supervisor, itemId);
    expect(now.stage).toBe('drafting');
    expect(now.version).toBe(seen.version);
    expect(now.history).toEqual(seen.history);
  });

  it('the draft is saved (numbers masked on read), a disguised executable is refused and a photo uploaded', async () => {
    const saved = ok(await act(supervisor, 'saveTypicalCaseDraft', 'TypicalCaseDraftInput', { id: itemId, text: DRAFT })).saveTypicalCaseDraft;
    expect(saved.draftText).toContain('138****5678');
    expect(saved.draftText).not.toContain('13812345678');
    expect(saved.missing).toEqual(['至少一份佐证材料（图片、文档或音视频）']);

    const exe = await upload(supervisor, itemId, EXE, '现场照片.jpg');
    expect(exe.status).toBe(400);
    expect(((await exe.json()) as { error: { reason: string } }).error.reason).toBe('UNSUPPORTED_FILE_TYPE');
    const byHandler = await upload(property, itemId, PNG, '现场.png');
    expect(byHandler.status).toBe(403);
    const empty = await upload(supervisor, itemId, Buffer.alloc(0), '空.png');
    expect(empty.status).toBe(400);
    expect(((await empty.json()) as { error: { reason: string } }).error.reason).toBe('EMPTY_FILE');
    const anonymous = await fetch(`${gatewayUrl()}/typical-cases/${itemId}/materials?fileName=a.png`, { method: 'POST', body: new Uint8Array(PNG) });
    expect(anonymous.status).toBe(401);
    expect((await typical(supervisor, itemId)).materials).toHaveLength(0); // refused uploads wrote nothing

    const res = await upload(supervisor, itemId, PNG, '电梯修复现场.png');
    expect(res.status).toBe(201);
    const m = (await res.json()) as { url: string; contentType: string };
    expect(m.contentType).toBe('image/png');
    const down = await fetch(`${gatewayUrl()}${m.url}`, { headers: { authorization: `Bearer ${leader.token}` } });
    expect(down.status).toBe(200);
    expect(Buffer.from(await down.arrayBuffer()).equals(PNG)).toBe(true);
    const t = await typical(supervisor, itemId);
    expect(t.materials).toHaveLength(1);
  });

  it('each stage in turn: review, approval, submission — out of order is CONFLICT / WRONG_STAGE', async () => {
    expect(refusal(await act(supervisor, 'submitTypicalCase', 'TypicalCaseRefInput', { id: itemId }))).toEqual({ code: 'CONFLICT', reason: 'WRONG_STAGE' });
    const reviewing = ok(await act(supervisor, 'sendTypicalCaseForReview', 'TypicalCaseRefInput', { id: itemId })).sendTypicalCaseForReview;
    expect(reviewing.stage).toBe('reviewing');
    expect(reviewing.stageDueAt).not.toBeNull();
    expect(refusal(await act(supervisor, 'reviewTypicalCase', 'TypicalCaseReviewInput', { id: itemId, approve: false }))).toMatchObject({
      code: 'BAD_USER_INPUT',
    });
    const approved = ok(
      await act(supervisor, 'reviewTypicalCase', 'TypicalCaseReviewInput', { id: itemId, approve: true, note: '同意报送' }),
    ).reviewTypicalCase;
    expect(approved.stage).toBe('approved');
    expect(refusal(await award(supervisor, { kind: 'typical-case', itemId, points: 5, evidence: '区级通报第12期' }))).toEqual({
      code: 'CONFLICT',
      reason: 'WRONG_STAGE',
    });
    const submitted = ok(
      await act(supervisor, 'submitTypicalCase', 'TypicalCaseRefInput', { id: itemId, expectedVersion: approved.version }),
    ).submitTypicalCase;
    expect(submitted.stage).toBe('submitted');
    expect(submitted.stageDueAt).toBeNull();
    // Materials belong to the draft: once submitted, an upload is refused and nothing is added.
    const late = await upload(supervisor, itemId, PNG, '补充.png');
    expect(late.status).toBe(409);
    expect(((await late.json()) as { error: { reason: string } }).error.reason).toBe('WRONG_STAGE');
    expect((await typical(supervisor, itemId)).materials).toHaveLength(1);
  });

  it('points are awarded once: a second award and a handler award are refused and the ledger is unchanged', async () => {
    expect(refusal(await award(property, { kind: 'typical-case', itemId, points: 5, evidence: '区级通报第12期' }))).toMatchObject({ code: 'FORBIDDEN' });
    const entry = ok(
      await award(supervisor, { kind: 'typical-case', itemId, points: 5, evidence: '区级通报第12期', departmentId: dept.property }),
    ).awardPublicityPoints;
    expect(entry).toMatchObject({ month, points: 5, kindLabel: '典型案例' });
    const mid = await totals(supervisor, month, month);
    expect(refusal(await award(supervisor, { kind: 'typical-case', itemId, points: 8, evidence: '重复登记' }))).toEqual({
      code: 'CONFLICT',
      reason: 'ALREADY_AWARDED',
    });
    expect(await totals(supervisor, month, month)).toEqual(mid);
    expect((await typical(supervisor, itemId)).stage).toBe('awarded');
    const c = await supervisor.request<{ case: { publicity: Array<{ kind: string; status: string; statusLabel: string }> } }>(
      'query($id: ID!) { case(id: $id) { publicity { kind status statusLabel } } }',
      { id: caseId },
    );
    expect(c.case.publicity).toEqual([{ kind: 'typical-case', status: 'awarded', statusLabel: '已加分' }]);
  });

  it('《向前一步》: an episode with its departments, tasks due on the working calendar, the owner department completes its task, points once aired', async () => {
    const r = ok(
      await supervisor.raw<{ scheduleEpisode: { id: string; tasks: Array<{ id: string; phase: string; dueAt: string; department: { name: string } }> } }>(
        'mutation($i: ScheduleEpisodeInput!) { scheduleEpisode(input: $i) { id status tasks { id phase dueAt department { name } } } }',
        { i: { topic: '电梯维修为何这么难', airDate: '2026-11-16', caseIds: [caseId], departmentIds: [dept.property] } },
      ),
    ).scheduleEpisode;
    // 3 working days before Monday 16 Nov: Wed 11 Nov; 5 after: Mon 23 Nov (end of day, Beijing).
    expect(r.tasks.map((t) => [t.phase, t.dueAt, t.department.name])).toEqual([
      ['preparation', new Date('2026-11-11T23:59:59+08:00').toISOString(), '物业管理科'],
      ['follow-up', new Date('2026-11-23T23:59:59+08:00').toISOString(), '物业管理科'],
    ]);
    expect(refusal(await housing.raw('mutation($t: ID!) { completePublicityTask(taskId: $t) { id } }', { t: r.tasks[0].id }))).toMatchObject({
      code: 'NOT_FOUND',
    });
    const mine = await property.request<{ publicityTasks: { items: Array<{ id: string }> } }>('{ publicityTasks(limit: 100) { items { id } } }');
    expect(mine.publicityTasks.items.map((t) => t.id)).toEqual(expect.arrayContaining(r.tasks.map((t) => t.id)));
    ok(await property.raw('mutation($t: ID!) { completePublicityTask(taskId: $t, note: "材料已备齐") { id doneAt } }', { t: r.tasks[0].id }));

    expect(refusal(await award(supervisor, { kind: 'episode', itemId: r.id, points: 3, month: '2026-11', evidence: '2026年11月16日播出' }))).toEqual({
      code: 'CONFLICT',
      reason: 'WRONG_STAGE',
    });
    ok(await supervisor.raw('mutation($id: ID!) { setEpisodeStatus(id: $id, status: "aired") { id } }', { id: r.id }));
    ok(await award(supervisor, { kind: 'episode', itemId: r.id, points: 3, month: '2026-11', evidence: '2026年11月16日播出' }));
  });

  it('12345市民热线专栏: a published article needs its link and date; once published it earns points', async () => {
    const save = (i: Record<string, unknown>) =>
      supervisor.raw<{ saveColumnArticle: { id: string; status: string } }>(
        'mutation($i: SaveColumnArticleInput!) { saveColumnArticle(input: $i) { id status statusLabel } }',
        { i },
      );
    const base = { title: '电梯修好了：一件工单的48小时', outlet: '北京日报12345专栏', caseIds: [caseId] };
    expect(refusal(await save({ ...base, status: 'published' }))).toEqual({ code: 'BAD_USER_INPUT', reason: 'ARTICLE_INCOMPLETE' });
    expect(refusal(await save({ ...base, url: 'javascript:alert(1)' }))).toMatchObject({ code: 'BAD_USER_INPUT' });
    const a = ok(await save(base)).saveColumnArticle;
    expect(refusal(await award(supervisor, { kind: 'article', itemId: a.id, points: 2, month: '2026-11', evidence: '专栏文章已刊发' }))).toEqual({
      code: 'CONFLICT',
      reason: 'WRONG_STAGE',
    });
    ok(await save({ ...base, id: a.id, status: 'published', publishDate: '2026-11-20', url: 'https://example.org/12345/elevator' }));
    ok(await award(supervisor, { kind: 'article', itemId: a.id, points: 2, month: '2026-11', evidence: '北京日报2026-11-20刊发' }));
    const c = await supervisor.request<{ case: { publicity: Array<{ kind: string }> } }>('query($id: ID!) { case(id: $id) { publicity { kind } } }', {
      id: caseId,
    });
    expect(c.case.publicity.map((p) => p.kind).sort()).toEqual(['article', 'episode', 'typical-case']);
  });

  it('the ledger totals each month, pages on the server and exports an .xlsx with a total row', async () => {
    const after = await totals(supervisor, '2026-11', month);
    const delta = (m: string) => (after.get(m)?.points ?? 0) - (before.get(m)?.points ?? 0);
    if (month === '2026-11') {
      expect(delta('2026-11')).toBe(10);
    } else {
      expect(delta('2026-11')).toBe(5);
      expect(delta(month)).toBe(5);
    }
    const page = await leader.request<{ bonusLedger: { total: number; points: number; items: Array<{ title: string; evidence: string }> } }>(
      '{ bonusLedger(month: "2026-11", limit: 1) { total points items { title evidence } } }',
    );
    expect(page.bonusLedger.items).toHaveLength(1);
    expect(page.bonusLedger.points).toBe(after.get('2026-11')!.points);
    expect(page.bonusLedger.total).toBe(after.get('2026-11')!.count);

    const x = await leader.request<{ exportBonusLedger: { fileName: string; base64: string } }>('{ exportBonusLedger(month: "2026-11") { fileName base64 } }');
    expect(x.exportBonusLedger.fileName).toBe('加分台账-2026-11.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.exportBonusLedger.base64, 'base64') as never);
    const ws = wb.worksheets[0];
    const rows = ws.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0].slice(1)).toEqual(['月份', '类别', '事项', '加分科室', '分值', '加分依据', '登记人', '登记时间（北京时间）']);
    const last = rows[rows.length - 1];
    expect(last[1]).toBe('合计');
    expect(last[5]).toBe(after.get('2026-11')!.points);
    expect(rows.some((r) => r[3] === '电梯维修为何这么难' && r[5] === 3)).toBe(true);
    expect(refusal(await property.raw('{ bonusLedger { total } }'))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('partners see nominated → advanced → submitted → awarded (month and points), task events, and no free text', async () => {
    const mine = await eventually(
      async () => {
        const m = partner.messages.filter((x) => (x.json.data as { itemId?: string }).itemId === itemId);
        return m.some((x) => x.subject === 'hotline.publicity.awarded') && m;
      },
      { what: 'the awarded event' },
    );
    expect(mine.map((m) => m.subject)).toEqual([
      'hotline.publicity.nominated',
      'hotline.publicity.advanced',
      'hotline.publicity.advanced',
      'hotline.publicity.advanced',
      'hotline.publicity.submitted',
      'hotline.publicity.advanced',
      'hotline.publicity.awarded',
    ]);
    const awarded = mine[mine.length - 1].json;
    expect(awarded.data).toMatchObject({ kind: 'typical-case', month, points: 5, caseIds: [caseId], departmentId: dept.property });
    expect(awarded.caseId).toBe(caseId);
    for (const m of mine) {
      expect(m.headers['Nats-Msg-Id']).toBe(m.json.id);
      expect(m.data).not.toContain('1381234');
      expect(m.data).not.toContain('林肯公园');
      expect(m.data).not.toContain('区级通报');
    }
    const tasks = partner.messages.filter((x) => x.subject === 'hotline.publicity.task-assigned' || x.subject === 'hotline.publicity.task-done');
    expect(tasks.map((t) => t.subject)).toEqual(expect.arrayContaining(['hotline.publicity.task-assigned', 'hotline.publicity.task-done']));
  });
});
