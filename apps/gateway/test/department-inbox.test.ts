import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { eventually, GraphQLClient, loginAs } from '@hotline/testing';
import { must, refusal } from './dispatch-helpers';
import { as, gatewayUrl } from './helpers';
import { exportRow, importRows } from './intake-files';

/**
 * 科室工作台 is served by dispatch page by page: the department's held cases in a bucket, narrowed
 * by a 工单编号 / 标题 / 楼盘 fragment on the server, nearest deadline first, with the total
 * (the browser used to load at most 500 and filter them itself). A department of this test's own,
 * so no other test's inbox grows.
 */
describe('科室工作台 paged and filtered on the server (departmentInboxPage)', () => {
  const HELD = 260;
  const prefix = `DI${randomUUID().slice(0, 6)}`;
  const no = (i: number) => `${prefix}-${String(i).padStart(4, '0')}`;

  let duty: GraphQLClient;
  let handler: GraphQLClient;
  const ids = new Map<string, string>();

  type Row = { id: string; externalNo: string; assignment: { deadlineAt: string | null } | null; handling: { inboxBucket: string | null } | null };
  type Page = { departmentInboxPage: { total: number; offset: number; limit: number; items: Row[] } };
  const PAGE =
    'query($b: InboxBucket, $o: Int, $l: Int, $f: String) { departmentInboxPage(bucket: $b, offset: $o, limit: $l, filter: $f) { total offset limit items { id externalNo assignment { deadlineAt } handling { inboxBucket } } } }';
  const page = async (vars: Record<string, unknown>) => (await handler.request<Page>(PAGE, vars)).departmentInboxPage;

  beforeAll(async () => {
    const admin = await as('admin');
    duty = await as('duty');
    const code = `di${randomUUID().slice(0, 6)}`;
    const dept = (
      await admin.request<{ createDepartment: { id: string } }>('mutation($i: DepartmentInput!) { createDepartment(input: $i) { id } }', {
        i: { code, name: `工作台测试科${code}` },
      })
    ).createDepartment.id;
    const username = `inbox-${code}`;
    await admin.request('mutation($i: CreateUserInput!) { createUser(input: $i) { id } }', {
      i: { username, displayName: '工作台 测试', password: 'demo12345', role: 'handler', departmentId: dept },
    });
    handler = await loginAs(gatewayUrl(), username);

    // 260 orders from the district platform's export; every 10th about 楼道照明 (the filter below).
    const rows = Array.from({ length: HELD }, (_, i) =>
      exportRow(no(i), { 标题: i % 10 === 3 ? `楼道照明损坏 ${i}` : `工作台工单 ${i}`, 联系电话: `137${String(i).padStart(8, '0')}` }),
    );
    const poll = async (id: string) =>
      (
        await duty.request<{ importJob: { status: string; errorCount: number; message: string | null } }>(
          'query($id: ID!) { importJob(id: $id) { status errorCount message } }',
          { id },
        )
      ).importJob;
    await importRows(gatewayUrl(), duty.token!, rows, poll);
    type Unsigned = { unsignedCases: Array<{ id: string; externalNo: string }> };
    for (let offset = 0; offset < HELD; offset += 200) {
      const r = await duty.request<Unsigned>('query($o: Int, $f: String) { unsignedCases(offset: $o, limit: 200, filter: $f) { id externalNo } }', {
        o: offset,
        f: prefix,
      });
      for (const c of r.unsignedCases) ids.set(c.externalNo, c.id);
    }
    expect(ids.size).toBe(HELD);
    await duty.request('mutation($ids: [ID!]!) { signCases(ids: $ids) { id } }', { ids: [...ids.values()] });
    const all = [...ids.values()];
    for (let i = 0; i < all.length; i += 100) {
      const batch = all.slice(i, i + 100);
      await eventually(
        async () => {
          const r = await duty.request<{ dispatchCases: Array<{ ok: boolean; reason: string | null }> }>(
            'mutation($i: [DispatchInput!]!) { dispatchCases(inputs: $i) { ok reason } }',
            {
              i: batch.map((caseId) => ({ caseId, leadDepartmentId: dept })),
            },
          );
          return r.dispatchCases.every((x) => x.ok || x.reason === 'ALREADY_DISPATCHED');
        },
        { what: 'a batch dispatched to the test department', timeoutMs: 60_000 },
      );
    }
    await eventually(async () => (await page({ o: 0, l: 1 })).total === HELD, { what: `${HELD} cases in the department's inbox`, timeoutMs: 60_000 });
  }, 300_000);

  it('pages through every held case once, nearest deadline first, with the total', async () => {
    const seen: Row[] = [];
    for (let offset = 0; offset < HELD; offset += 100) {
      const p = await page({ o: offset, l: 100 });
      expect([p.total, p.offset, p.limit]).toEqual([HELD, offset, 100]);
      seen.push(...p.items);
    }
    expect(seen).toHaveLength(HELD);
    expect(new Set(seen.map((c) => c.id))).toEqual(new Set(ids.values()));
    const deadlines = seen.map((c) => new Date(c.assignment!.deadlineAt!).getTime());
    expect(deadlines).toEqual([...deadlines].sort((a, b) => a - b));
    expect((await page({ o: HELD, l: 50 })).items).toEqual([]);
  });

  it('filters by bucket and text on the server; the counts agree', async () => {
    // Three cases accepted move from 新到 to 办理中.
    const accepted = [no(3), no(13), no(100)].map((n) => ids.get(n)!);
    for (const caseId of accepted) await must(handler, 'acceptCase', 'CaseActionInput', { caseId });
    const fresh = await page({ b: 'new', o: 0, l: 200 });
    expect(fresh.total).toBe(HELD - 3);
    expect(fresh.items.every((c) => c.handling?.inboxBucket === 'new')).toBe(true);
    const working = await page({ b: 'inProgress', o: 0, l: 200 });
    expect(new Set(working.items.map((c) => c.id))).toEqual(new Set(accepted));
    expect(working.items.every((c) => c.handling?.inboxBucket === 'inProgress')).toBe(true);
    const counts = (await handler.request<{ departmentInboxCounts: Record<string, number> }>('{ departmentInboxCounts { new inProgress dueSoon overdue } }'))
      .departmentInboxCounts;
    expect(counts).toEqual({ new: HELD - 3, inProgress: 3, dueSoon: 0, overdue: 0 });

    // 楼道照明: 26 of them by title, two of those accepted; a 工单编号 fragment finds one.
    const lighting = await page({ f: '楼道照明', o: 0, l: 10 });
    expect(lighting.total).toBe(26);
    expect(lighting.items).toHaveLength(10);
    expect((await page({ b: 'inProgress', f: '楼道照明', o: 0, l: 10 })).items.map((c) => c.externalNo).sort()).toEqual([no(3), no(13)]);
    expect((await page({ f: no(42), o: 0, l: 10 })).items.map((c) => c.externalNo)).toEqual([no(42)]);
  });

  it('refuses a page it cannot serve, a long filter and a user who holds no department', async () => {
    expect(refusal(await handler.raw(PAGE, { o: 0, l: 201 }))).toEqual({ code: 'BAD_USER_INPUT', reason: 'PAGE_INVALID' });
    expect(refusal(await handler.raw(PAGE, { o: -1, l: 10 }))).toEqual({ code: 'BAD_USER_INPUT', reason: 'PAGE_INVALID' });
    expect(refusal(await handler.raw(PAGE, { o: 0, l: 10, f: '长'.repeat(101) }))).toEqual({ code: 'BAD_USER_INPUT', reason: 'FILTER_TOO_LONG' });
    expect(refusal(await duty.raw(PAGE, { o: 0, l: 10 }))).toMatchObject({ code: 'FORBIDDEN' });
  });
});
