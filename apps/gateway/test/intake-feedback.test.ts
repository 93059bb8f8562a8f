import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectEvents, eventually, GraphQLClient } from '@hotline/testing';
import { as, departmentId, dispatchTo, receiveAndSign, waitInInbox } from './helpers';

interface Received {
  headers: http.IncomingHttpHeaders;
  body: string;
  status: number;
}

/** The district platform's receiver, on 127.0.0.1: fails the first two tries of every delivery. */
async function startReceiver(failuresPerDelivery: number) {
  const calls: Received[] = [];
  const tries = new Map<string, number>();
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => {
      body += c;
    });
    req.on('end', () => {
      const id = String(req.headers['x-hotline-delivery']);
      const n = (tries.get(id) ?? 0) + 1;
      tries.set(id, n);
      const status = n <= failuresPerDelivery ? 500 : 200;
      calls.push({ headers: req.headers, body, status });
      res.writeHead(status, { 'content-type': 'application/json' }).end(status === 200 ? '{"ok":true}' : '{"error":"busy"}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    calls,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/district/feedback`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

const SECRET = 'district-platform-shared-secret-2026';

/** A case through dispatch to 办结: dispatched to 物业管理科, replied, approved by the bureau. */
async function complete(duty: GraphQLClient, handler: GraphQLClient, caseId: string, propertyId: string, text: string) {
  await dispatchTo(duty, caseId, propertyId);
  await waitInInbox(handler, caseId);
  await handler.request('mutation($i: ReplyInput!) { replyCase(input: $i) { id } }', { i: { caseId, result: 'solved', text } });
  await eventually(async () => !(await duty.raw('mutation($i: ApproveReplyInput!) { approveReply(input: $i) { id } }', { i: { caseId } })).errors, {
    what: 'the bureau approving the reply',
  });
}

describe('办结反馈: the outcome flows back to the district platform', () => {
  let duty: GraphQLClient;
  let admin: GraphQLClient;
  let handler: GraphQLClient;
  let propertyId: string;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let partner: Awaited<ReturnType<typeof collectEvents>>;

  beforeAll(async () => {
    [duty, admin, handler] = await Promise.all([as('duty'), as('admin'), as('handler-property')]);
    propertyId = await departmentId(duty, 'property');
    receiver = await startReceiver(2);
    partner = await collectEvents(inject('natsUrl'), 'hotline.case.feedback-delivered');
  });
  afterAll(async () => {
    await partner?.close();
    await receiver?.close();
  });

  it('a completed case and the case merged into it are delivered, signed, after two failed tries each', async () => {
    const w = await admin.request<{ configureFeedbackWebhook: { url: string; source: string } }>(
      'mutation($u: String!, $s: String!) { configureFeedbackWebhook(url: $u, secret: $s) { url source } }',
      { u: receiver.url, s: SECRET },
    );
    expect(w.configureFeedbackWebhook).toEqual({ url: receiver.url, source: 'admin' });
    expect(JSON.stringify(await admin.request('{ feedbackWebhook { url source } }'))).not.toContain(SECRET);
    expect((await duty.request<{ feedbackDeliveryAutomatic: boolean }>('{ feedbackDeliveryAutomatic }')).feedbackDeliveryAutomatic).toBe(true);

    const master = await receiveAndSign(duty, { title: '电梯停运', content: '林肯公园5号楼电梯停运三天，老人上下楼困难。', citizenPhone: '13812340001' });
    const merged = await receiveAndSign(duty, { title: '电梯停运', content: '林肯公园5号楼电梯停运三天，请尽快维修。', citizenPhone: '13812340002' });
    await duty.request('mutation($i: LinkCaseInput!) { linkCase(input: $i) { id } }', { i: { caseId: merged.id, masterCaseId: master.id, kind: 'merge' } });
    // Longer than the 60-character digest events carry, with a number the district platform needs.
    const replyText =
      '经核实，林肯公园5号楼电梯因主板老化停运。我科已于当日约谈物业公司，督促其更换电梯主板并完成维保检测，5号楼电梯已恢复运行。物业值班电话 13900001111，如再发生故障可直接联系。';
    await complete(duty, handler, master.id, propertyId, replyText);

    const done = await eventually(
      async () => {
        const r = await duty.request<{
          case: { feedback: Array<{ state: string; attempts: number; externalNo: string; attemptLog: Array<{ attempt: number; statusCode: number }> }> };
        }>('query($id: ID!) { case(id: $id) { feedback { state attempts externalNo attemptLog { attempt statusCode } } } }', { id: master.id });
        return r.case.feedback[0]?.state === 'delivered' && r.case.feedback[0];
      },
      { timeoutMs: 45_000, intervalMs: 500, what: 'the master case feedback delivered' },
    );
    expect(done.attempts).toBe(3);
    expect(done.attemptLog.map((a) => a.statusCode)).toEqual([500, 500, 200]);

    const forMerged = await eventually(
      async () => {
        const r = await duty.request<{ case: { feedback: Array<{ state: string; attempts: number }> } }>(
          'query($id: ID!) { case(id: $id) { feedback { state attempts } } }',
          { id: merged.id },
        );
        return r.case.feedback[0]?.state === 'delivered' && r.case.feedback[0];
      },
      { timeoutMs: 45_000, intervalMs: 500, what: 'the merged case feedback delivered' },
    );
    expect(forMerged.attempts).toBe(3);

    // What the platform received: signed, the same delivery id on every retry, no personal data.
    const mine = receiver.calls.filter((c) => [master.externalNo, merged.externalNo].includes(JSON.parse(c.body).externalNo));
    expect(mine).toHaveLength(6);
    for (const c of mine) {
      const ts = String(c.headers['x-hotline-timestamp']);
      expect(c.headers['x-hotline-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(`${ts}.${c.body}`).digest('hex')}`);
      expect(c.body).not.toMatch(/1381234000\d|张三丰|荣京东街/);
    }
    const bodies = mine.filter((c) => c.status === 200).map((c) => JSON.parse(c.body));
    // The reply in full (read by intake from dispatch with its service token), not the digest.
    expect(bodies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          externalNo: master.externalNo,
          result: 'solved',
          resultLabel: '已解决',
          replyText,
          departmentName: '物业管理科',
          replySummary: expect.stringContaining('林肯公园5号楼电梯'),
          repliedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        }),
        expect.objectContaining({ externalNo: merged.externalNo, masterExternalNo: master.externalNo, result: 'solved', replyText }),
      ]),
    );
    expect(replyText.length).toBeGreaterThan(60);
    // The bureau's screens show it masked.
    const shown = await duty.request<{ case: { feedback: Array<{ replyText: string; departmentName: string }> } }>(
      'query($id: ID!) { case(id: $id) { feedback { replyText departmentName } } }',
      { id: master.id },
    );
    expect(shown.case.feedback[0]).toEqual({ replyText: replyText.replace('13900001111', '139****1111'), departmentName: '物业管理科' });
    expect(new Set(mine.filter((c) => JSON.parse(c.body).externalNo === master.externalNo).map((c) => c.headers['x-hotline-delivery'])).size).toBe(1);

    const events = await eventually(
      async () => {
        const e = partner.messages.filter((m) => [master.id, merged.id].includes(String(m.json.caseId)));
        return e.length === 2 && e;
      },
      { what: 'feedback-delivered events' },
    );
    expect(events.map((e) => e.json.data)).toEqual(expect.arrayContaining([expect.objectContaining({ channel: 'webhook', state: 'delivered', attempts: 3 })]));
  }, 120_000);

  it('when the platform cannot be reached, the feedback is exported for manual upload instead', async () => {
    await admin.request('mutation($u: String!, $s: String!) { configureFeedbackWebhook(url: $u, secret: $s) { url } }', {
      u: 'http://127.0.0.1:9/unreachable',
      s: SECRET,
    });
    const c = await receiveAndSign(duty, { title: '楼道灯不亮', content: '林肯公园3号楼楼道灯坏了一周。' });
    const replyText = '已安排物业更换3号楼全部楼道灯具，并加装声控开关；物业承诺每周巡查一次照明设施，发现损坏当日修复。';
    await complete(duty, handler, c.id, propertyId, replyText);
    await eventually(
      async () => {
        const r = await duty.request<{ case: { feedback: Array<{ attempts: number; state: string; lastError: string | null }> } }>(
          'query($id: ID!) { case(id: $id) { feedback { attempts state lastError } } }',
          { id: c.id },
        );
        return r.case.feedback[0]?.attempts >= 1 && r.case.feedback[0].state === 'pending' && r.case.feedback[0].lastError;
      },
      { intervalMs: 500, what: 'a failed try against the unreachable platform' },
    );

    const ex = await duty.request<{ exportFeedback: { fileName: string; content: string; count: number } }>(
      'mutation { exportFeedback { fileName content count } }',
    );
    expect(ex.exportFeedback.fileName).toMatch(/^办结反馈-\d{12}\.csv$/);
    expect(ex.exportFeedback.content.startsWith('\uFEFF"工单编号","办理结果","答复内容","承办科室"')).toBe(true);
    expect(ex.exportFeedback.content).toContain(`"${c.externalNo}","已解决","${replyText}","物业管理科"`);
    const after = await duty.request<{ case: { feedback: Array<{ state: string }> } }>('query($id: ID!) { case(id: $id) { feedback { state } } }', {
      id: c.id,
    });
    expect(after.case.feedback[0].state).toBe('exported');
    const e = await eventually(async () => partner.messages.find((m) => m.json.caseId === c.id), { what: 'the exported event' });
    expect(e.json.data).toMatchObject({ channel: 'export', state: 'exported' });
    const nothingLeft = await duty.request<{ exportFeedback: { count: number } }>('mutation { exportFeedback { count } }');
    expect(nothingLeft.exportFeedback.count).toBe(0);

    // The operator uploaded the file by hand and says so: the record is delivered (channel export).
    const feedbackId = (
      await duty.request<{ case: { feedback: Array<{ id: string }> } }>('query($id: ID!) { case(id: $id) { feedback { id } } }', { id: c.id })
    ).case.feedback[0].id;
    const MARK = 'mutation($ids: [ID!]!) { markFeedbackUploaded(ids: $ids) { id state deliveredAt } }';
    expect((await handler.raw(MARK, { ids: [feedbackId] })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const marked = await duty.request<{ markFeedbackUploaded: Array<{ id: string; state: string; deliveredAt: string }> }>(MARK, { ids: [feedbackId] });
    expect(marked.markFeedbackUploaded).toEqual([expect.objectContaining({ id: feedbackId, state: 'delivered', deliveredAt: expect.any(String) })]);
    expect((await duty.request<{ markFeedbackUploaded: unknown[] }>(MARK, { ids: [feedbackId] })).markFeedbackUploaded).toEqual([]); // only exported records move
    const uploaded = await eventually(
      async () => partner.messages.find((m) => m.json.caseId === c.id && (m.json.data as { state: string }).state === 'delivered'),
      { what: 'the uploaded event' },
    );
    expect(uploaded.json.data).toMatchObject({ channel: 'export', state: 'delivered' });

    // An answered case keeps its own outcome: it cannot be merged into another afterwards.
    const later = await receiveAndSign(duty, { title: '楼道灯不亮', content: '林肯公园3号楼楼道灯又坏了。', citizenPhone: '13812340003' });
    const refused = await duty.raw('mutation($i: LinkCaseInput!) { linkCase(input: $i) { id } }', {
      i: { caseId: c.id, masterCaseId: later.id, kind: 'merge' },
    });
    expect(refused.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_ANSWERED' });
  }, 120_000);

  it('without a webhook (the admin stops it), the record of a completed case still gets the full reply, ready for the export', async () => {
    const stopped = await admin.request<{ removeFeedbackWebhook: { url: string | null; source: string } }>('mutation { removeFeedbackWebhook { url source } }');
    expect(stopped.removeFeedbackWebhook).toEqual({ url: null, source: 'none' });
    // duty cannot read the address, but knows the records now wait for the export
    expect((await duty.request<{ feedbackDeliveryAutomatic: boolean }>('{ feedbackDeliveryAutomatic }')).feedbackDeliveryAutomatic).toBe(false);
    expect((await duty.raw('{ feedbackWebhook { url } }')).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const refused = await duty.raw('mutation { removeFeedbackWebhook { source } }');
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const c = await receiveAndSign(duty, { title: '小区垃圾清运不及时', content: '林肯公园西门垃圾点三天未清运。' });
    // Starts like a spreadsheet formula: the export must not let Excel run it.
    const replyText = '=HYPERLINK("http://x","详情")已督促物业公司增加垃圾清运频次至每日两次，西门垃圾点已于当日清运完毕。';
    await complete(duty, handler, c.id, propertyId, replyText);
    const record = await eventually(
      async () => {
        const r = await duty.request<{
          case: { feedback: Array<{ state: string; attempts: number; replyText: string | null; departmentName: string | null }> };
        }>('query($id: ID!) { case(id: $id) { feedback { state attempts replyText departmentName } } }', { id: c.id });
        return r.case.feedback[0]?.replyText && r.case.feedback[0];
      },
      { intervalMs: 500, what: 'the reply read into the pending record' },
    );
    expect(record).toEqual({ state: 'pending', attempts: 0, replyText, departmentName: '物业管理科' });
    const ex = await duty.request<{ exportFeedback: { content: string } }>('mutation { exportFeedback { content } }');
    expect(ex.exportFeedback.content).toContain(`"${c.externalNo}","已解决","'${replyText.replace(/"/g, '""')}","物业管理科"`);
    // times as the bureau reads them: Beijing time, not UTC ISO strings
    const line = ex.exportFeedback.content.split('\r\n').find((l) => l.startsWith(`"${c.externalNo}"`))!;
    expect(line).toMatch(/"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d"/);
    expect(line).not.toMatch(/T\d\d:\d\d:\d\d/);
  }, 120_000);
});
