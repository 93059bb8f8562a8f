import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, GraphQLClient } from '@hotline/testing';
import { act, departments, must, refusal, view } from './dispatch-helpers';
import { as, gatewayUrl, receive, waitInInbox } from './helpers';
import { beijing, exportRow, importRows } from './intake-files';

/**
 * Work queues are served by the service that owns them, paged, ordered and counted on the server:
 * intake's 待签收, dispatch's 待分转, 局审核 and 延期审批 — with a backlog of 3,000 orders.
 */
describe('work queues served by their owners, through the gateway', () => {
  const BACKLOG = 3_000;
  const prefix = `WQ${randomUUID().slice(0, 6)}`;
  const no = (i: number) => `${prefix}-${String(i).padStart(5, '0')}`;
  /** Row i was received at start + i minutes (all within the last 2.5 days); every 100th is urgent. */
  const start = Date.now() - 60 * 3_600_000;
  const receivedAt = (i: number) => new Date(start + i * 60_000);
  const urgent = (i: number) => i % 100 === 7;

  let duty: GraphQLClient;
  let supervisor: GraphQLClient;
  let property: GraphQLClient;
  let admin: GraphQLClient;
  let dept: Record<string, string>;
  let importMs = 0;

  const pollJob = (client: GraphQLClient) => async (id: string) =>
    (
      await client.request<{ importJob: { status: string; errorCount: number; message: string | null } }>(
        'query($id: ID!) { importJob(id: $id) { status errorCount message } }',
        { id },
      )
    ).importJob;

  beforeAll(async () => {
    [duty, supervisor, property, admin] = await Promise.all([as('duty'), as('supervisor'), as('handler-property'), as('admin')]);
    dept = await departments(duty);
    // A backlog as a duty operator meets it: 3,000 unsigned orders from the district platform's export.
    const rows = Array.from({ length: BACKLOG }, (_, i) =>
      exportRow(no(i), {
        受理时间: beijing(receivedAt(i)),
        标题: `积压工单 ${i}`,
        紧急程度: urgent(i) ? '紧急' : '一般',
        联系电话: `139${String(i).padStart(8, '0')}`,
        地址: `北京市经济技术开发区荣华南路${i}号`,
        楼盘小区: `积压楼盘${i % 40}`,
      }),
    );
    const t0 = Date.now();
    await importRows(gatewayUrl(), duty.token!, rows, pollJob(duty));
    importMs = Date.now() - t0;
    console.log(`[queues] ${BACKLOG} unsigned orders imported in ${importMs} ms`);
  }, 180_000);

  type Row = { id: string; externalNo: string; urgency: string; receivedAt: string };
  const UNSIGNED =
    'query($o: Int, $l: Int, $s: QueueSort, $f: String) { unsignedCases(offset: $o, limit: $l, sort: $s, filter: $f) { id externalNo urgency receivedAt } unsignedSummary(filter: $f) { count oldestReceivedAt oldestWaitMinutes } }';
  const unsigned = (vars: Record<string, unknown>) =>
    duty.request<{ unsignedCases: Row[]; unsignedSummary: { count: number; oldestReceivedAt: string | null; oldestWaitMinutes: number | null } }>(
      UNSIGNED,
      vars,
    );

  it('the unsigned queue (待签收) pages through 3,000 cases, longest wait first or most urgent first, with the count and the oldest wait', async () => {
    const first = await unsigned({ o: 0, l: 200, f: prefix });
    expect(first.unsignedSummary.count).toBe(BACKLOG);
    expect(new Date(first.unsignedSummary.oldestReceivedAt!).getTime()).toBe(Math.floor(receivedAt(0).getTime() / 60_000) * 60_000);
    expect(first.unsignedSummary.oldestWaitMinutes).toBeGreaterThanOrEqual(59 * 60);
    // Without the filter the whole queue is counted, this backlog included.
    expect((await unsigned({ o: 0, l: 1 })).unsignedSummary.count).toBeGreaterThanOrEqual(BACKLOG);

    const seen: Row[] = [...first.unsignedCases];
    for (let offset = 200; offset < BACKLOG + 200; offset += 200) seen.push(...(await unsigned({ o: offset, l: 200, f: prefix })).unsignedCases);
    expect(seen).toHaveLength(BACKLOG);
    expect(new Set(seen.map((c) => c.id)).size).toBe(BACKLOG);
    // Longest waiting first, across the page boundaries.
    expect(seen.map((c) => c.externalNo)).toEqual(Array.from({ length: BACKLOG }, (_, i) => no(i)));

    // Most urgent first: the 30 urgent orders (oldest of them first), then the rest by wait.
    const byUrgency = (await unsigned({ o: 0, l: 40, s: 'urgency', f: prefix })).unsignedCases;
    const urgentNos = Array.from({ length: BACKLOG }, (_, i) => i)
      .filter(urgent)
      .map(no);
    expect(byUrgency.slice(0, 30).map((c) => c.externalNo)).toEqual(urgentNos);
    expect(byUrgency.slice(0, 30).every((c) => c.urgency === 'urgent')).toBe(true);
    expect(byUrgency.slice(30).map((c) => c.externalNo)).toEqual([0, 1, 2, 3, 4, 5, 6, 8, 9, 10].map(no));
    // The newest urgent order is found on the first page, however long the backlog.
    expect(byUrgency.map((c) => c.externalNo)).toContain(no(2_907));

    // A page the server will not serve is refused, not clamped.
    expect(refusal(await duty.raw(UNSIGNED, { o: 0, l: 201 }))).toEqual({ code: 'BAD_USER_INPUT', reason: 'PAGE_INVALID' });
    expect(refusal(await duty.raw(UNSIGNED, { o: -1, l: 10 }))).toEqual({ code: 'BAD_USER_INPUT', reason: 'PAGE_INVALID' });
    expect(refusal(await property.raw(UNSIGNED, { o: 0, l: 10 }))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('the dispatch queue (待分转) pages and sorts on the server too; the cases then leave it', async () => {
    // 60 of the backlog signed: the 49 oldest plus the 11 urgent ones among the first 1,100.
    const picked = [...Array.from({ length: 49 }, (_, i) => i + 10), ...Array.from({ length: 11 }, (_, k) => k * 100 + 7)];
    const ids = new Map<string, string>();
    for (let offset = 0; offset < 1_200; offset += 200) {
      for (const c of (await unsigned({ o: offset, l: 200, f: prefix })).unsignedCases) ids.set(c.externalNo, c.id);
    }
    const pickedIds = picked.map((i) => ids.get(no(i))!);
    const signedFrom = Date.now();
    await duty.request('mutation($ids: [ID!]!) { signCases(ids: $ids) { id } }', { ids: pickedIds });
    const signedTo = Date.now();
    const QUEUE =
      'query($o: Int, $l: Int, $s: QueueSort, $f: String) { dispatchQueue(offset: $o, limit: $l, sort: $s, filter: $f) { id externalNo urgency } dispatchQueueSummary(filter: $f) { count oldestQueuedAt oldestWaitMinutes } }';
    type Queue = {
      dispatchQueue: Array<{ id: string; externalNo: string; urgency: string }>;
      dispatchQueueSummary: { count: number; oldestQueuedAt: string | null; oldestWaitMinutes: number | null };
    };
    await eventually(async () => (await duty.request<Queue>(QUEUE, { o: 0, l: 1, f: prefix })).dispatchQueueSummary.count === 60, {
      what: '60 signed cases in 待分转',
    });
    expect((await unsigned({ o: 0, l: 1, f: prefix })).unsignedSummary.count).toBe(BACKLOG - 60);

    const pages = await Promise.all([0, 25, 50].map((o) => duty.request<Queue>(QUEUE, { o, l: 25, f: prefix })));
    const all = pages.flatMap((p) => p.dispatchQueue);
    expect(all).toHaveLength(60);
    expect(new Set(all.map((c) => c.id))).toEqual(new Set(pickedIds));
    expect(pages[0].dispatchQueueSummary.oldestWaitMinutes).toBeLessThanOrEqual(1);
    // The longest wait counts from the signature (the backlog was received hours before it).
    const oldest = Date.parse(pages[0].dispatchQueueSummary.oldestQueuedAt!);
    expect(oldest).toBeGreaterThanOrEqual(signedFrom - 1000);
    expect(oldest).toBeLessThanOrEqual(signedTo + 1000);
    expect((await duty.request<Queue>(QUEUE, { o: 0, l: 1, f: `${prefix}-none` })).dispatchQueueSummary).toEqual({
      count: 0,
      oldestQueuedAt: null,
      oldestWaitMinutes: null,
    });
    const byUrgency = (await duty.request<Queue>(QUEUE, { o: 0, l: 12, s: 'urgency', f: prefix })).dispatchQueue;
    expect(byUrgency.slice(0, 11).every((c) => c.urgency === 'urgent')).toBe(true);
    expect(byUrgency[11].urgency).toBe('normal');
    expect(refusal(await duty.raw(QUEUE, { o: 0, l: 0 }))).toEqual({ code: 'BAD_USER_INPUT', reason: 'PAGE_INVALID' });

    // They leave the shared queue: dispatched to a department of this test's own, in one bulk call.
    const code = `q${randomUUID().slice(0, 6)}`;
    const own = (
      await admin.request<{ createDepartment: { id: string } }>('mutation($i: DepartmentInput!) { createDepartment(input: $i) { id } }', {
        i: { code, name: `队列测试科${code}` },
      })
    ).createDepartment.id;
    const bulk = await eventually(
      async () => {
        const r = await duty.request<{ dispatchCases: Array<{ ok: boolean; reason: string | null }> }>(
          'mutation($i: [DispatchInput!]!) { dispatchCases(inputs: $i) { ok reason } }',
          { i: pickedIds.map((caseId) => ({ caseId, leadDepartmentId: own })) },
        );
        return r.dispatchCases.every((x) => x.ok || x.reason === 'ALREADY_DISPATCHED') && r;
      },
      { what: 'dispatch knows the new department' },
    );
    expect(bulk.dispatchCases).toHaveLength(60);
    expect((await duty.request<Queue>(QUEUE, { o: 0, l: 1, f: prefix })).dispatchQueueSummary.count).toBe(0);
  });

  it('a pending extension on a case older than the 1,000 newest is in 延期审批; a date already past is refused and writes nothing', async () => {
    const old = await receive(duty, { receivedAt: new Date(start - 86_400_000).toISOString(), title: '老旧小区外墙脱落' });
    await duty.request('mutation($id: ID!) { signCase(id: $id) { id } }', { id: old.id });
    await eventually(async () => !refusal(await act(duty, 'dispatchCase', 'DispatchInput', { caseId: old.id, leadDepartmentId: dept.property })).code, {
      what: 'the old case dispatched',
    });
    await waitInInbox(property, old.id);
    await eventually(async () => !(await property.raw('query($id: ID!) { case(id: $id) { id } }', { id: old.id })).errors, {
      what: 'the case visible to the department',
    });
    const accepted = await must(property, 'acceptCase', 'CaseActionInput', { caseId: old.id });
    const deadline = new Date(accepted.assignment!.deadlineAt!);

    // 申请延至 a time already past: refused as such, and no request is written.
    const past = await act(property, 'requestExtension', 'ExtensionRequestInput', {
      caseId: old.id,
      reason: '需协调多方现场核查',
      requestedUntil: new Date(Date.now() - 3_600_000).toISOString(),
    });
    expect(refusal(past)).toEqual({ code: 'BAD_USER_INPUT', reason: 'EXTENSION_IN_PAST' });
    expect(past.errors?.[0].message).toContain('已经过去');
    expect((await view(property, old.id)).extensions).toEqual([]);

    const until = new Date(deadline.getTime() + 3 * 86_400_000).toISOString();
    const asked = await must(property, 'requestExtension', 'ExtensionRequestInput', {
      caseId: old.id,
      reason: '需协调多方现场核查，预计三天',
      requestedUntil: until,
    });
    const extensionId = asked.extensions[0].id;

    // The old screen read the 500 newest cases and filtered them in the browser: this one is not among them.
    const newest = await supervisor.request<{ cases: Array<{ id: string }> }>('{ cases(limit: 500) { id } }');
    expect(newest.cases.some((c) => c.id === old.id)).toBe(false);

    const PENDING =
      'query($o: Int, $l: Int) { pendingExtensions(offset: $o, limit: $l) { total offset limit items { id status requestedUntil department { id } case { id externalNo title handling { version } } } } }';
    type Pending = {
      pendingExtensions: {
        total: number;
        offset: number;
        limit: number;
        items: Array<{
          id: string;
          status: string;
          requestedUntil: string;
          department: { id: string };
          case: { id: string; externalNo: string; title: string; handling: { version: number } };
        }>;
      };
    };
    const first = await supervisor.request<Pending>(PENDING, { o: 0, l: 20 });
    expect(first.pendingExtensions).toMatchObject({ offset: 0, limit: 20 });
    const found: Pending['pendingExtensions']['items'] = [];
    for (let o = 0; o < first.pendingExtensions.total; o += 20)
      found.push(...(await supervisor.request<Pending>(PENDING, { o, l: 20 })).pendingExtensions.items);
    expect(found).toHaveLength(first.pendingExtensions.total);
    expect(found.every((x) => x.status === 'pending')).toBe(true);
    const mine = found.find((x) => x.id === extensionId);
    expect(mine).toMatchObject({ department: { id: dept.property }, case: { id: old.id, externalNo: old.externalNo, title: '老旧小区外墙脱落' } });
    expect(new Date(mine!.requestedUntil).toISOString()).toBe(until);
    expect(refusal(await duty.raw(PENDING, { o: 0, l: 20 }))).toMatchObject({ code: 'FORBIDDEN' });
    expect(refusal(await property.raw(PENDING, { o: 0, l: 20 }))).toMatchObject({ code: 'FORBIDDEN' });

    // Decided, it leaves the queue.
    await must(supervisor, 'approveExtension', 'ExtensionDecisionInput', { extensionId });
    const after = await supervisor.request<Pending>(PENDING, { o: 0, l: 200 });
    expect(after.pendingExtensions.total).toBe(first.pendingExtensions.total - 1);
    expect(after.pendingExtensions.items.some((x) => x.id === extensionId)).toBe(false);

    // 局审核: the reply waits in dispatch's review queue until approved.
    await must(property, 'replyCase', 'ReplyInput', { caseId: old.id, result: 'solved', text: '已组织物业对外墙进行排查修复，已电话告知市民。' });
    const REVIEW =
      'query($o: Int, $l: Int) { reviewQueue(offset: $o, limit: $l) { total items { id externalNo stage handling { state } replies { reviewStatus } } } }';
    type Review = {
      reviewQueue: {
        total: number;
        items: Array<{ id: string; externalNo: string; stage: string; handling: { state: string }; replies: Array<{ reviewStatus: string }> }>;
      };
    };
    const review = (await duty.request<Review>(REVIEW, { o: 0, l: 200 })).reviewQueue;
    expect(review.items).toHaveLength(Math.min(review.total, 200));
    expect(review.items.every((c) => c.handling.state === 'replied' && c.replies.some((r) => r.reviewStatus === 'pending'))).toBe(true);
    expect(review.items.map((c) => c.id)).toContain(old.id);
    const REVIEW_FILTERED = 'query($f: String) { reviewQueue(filter: $f) { total items { id } } }';
    expect((await duty.request<{ reviewQueue: { total: number; items: Array<{ id: string }> } }>(REVIEW_FILTERED, { f: old.externalNo })).reviewQueue).toEqual({
      total: 1,
      items: [{ id: old.id }],
    });
    expect(refusal(await property.raw(REVIEW, { o: 0, l: 10 }))).toMatchObject({ code: 'FORBIDDEN' });
    await must(duty, 'approveReply', 'ApproveReplyInput', { caseId: old.id });
    const reviewed = (await duty.request<Review>(REVIEW, { o: 0, l: 200 })).reviewQueue;
    expect(reviewed.total).toBe(review.total - 1);
    expect(reviewed.items.map((c) => c.id)).not.toContain(old.id);
    // Case.stage is the one stage the API has: intake's, following the lifecycle table. Once 已办结, the
    // callback service may already have scheduled the 回访 (待回访): both are past the review.
    await eventually(
      async () =>
        ['completed', 'awaitingCallback'].includes(
          (await duty.request<{ case: { stage: string } }>('query($id: ID!) { case(id: $id) { stage } }', { id: old.id })).case.stage,
        ),
      { what: 'the case 已办结 (or already 待回访)' },
    );
  });
});
