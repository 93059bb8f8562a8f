import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runDailyFlow } from '../../web/e2e/daily-flow.e2e';
import { as, gatewayUrl, receive } from './helpers';

/**
 * The bureau's daily flow in a real Chromium (Debian's package) against the real system: the
 * web app served by the gateway, every subgraph, Postgres and NATS. Screenshots of each step
 * are kept in apps/gateway/test-artifacts/browser/.
 */
describe('the web client in a real browser', () => {
  it('duty signs and dispatches, the property handler accepts and replies, duty approves (办结) and sees it on the timeline; housing does not see the case', async () => {
    const duty = await as('duty');
    const c = await receive(duty, { title: `浏览器测试：电梯停运 ${Date.now() % 100000}` });
    const artifactsDir = path.resolve(__dirname, '..', 'test-artifacts', 'browser');
    fs.rmSync(artifactsDir, { recursive: true, force: true }); // only this run's screenshots
    const result = await runDailyFlow({ baseUrl: gatewayUrl(), artifactsDir, receiveCase: c });
    expect(result.screenshots.length).toBeGreaterThanOrEqual(8);
    const after = await duty.request<{ case: { stage: string; replies: Array<{ text: string }> } }>(
      'query($id: ID!) { case(id: $id) { stage replies { text } } }',
      { id: c.id },
    );
    expect(after.case.replies.map((r) => r.text)).toContain(result.replyText);
  }, 180_000);
});
