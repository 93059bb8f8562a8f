import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runScriptsScreens } from '../../web/e2e/scripts-screens.e2e';
import { departments, dispatched } from './dispatch-helpers';
import { as, gatewayUrl } from './helpers';

/** 答复口径 in a real Chromium against the real system (screenshots in test-artifacts/browser-scripts/). */
describe('the reply-script screens in a real browser', () => {
  it('a supervisor publishes a script; the department adopts it in its reply; the use is counted', async () => {
    const [duty, property, supervisor] = await Promise.all([as('duty'), as('handler-property'), as('supervisor')]);
    const dept = await departments(duty);
    const topic = `浏览器口径-${randomUUID().slice(0, 6)}`;
    const c = await dispatched(duty, { client: property, id: dept.property }, { over: { topic } });
    const artifactsDir = path.resolve(__dirname, '..', 'test-artifacts', 'browser-scripts');
    const result = await runScriptsScreens({ baseUrl: gatewayUrl(), artifactsDir, dispatchedCase: c, topic });
    expect(result.screenshots.length).toBe(5);
    const reply = await duty.request<{ case: { replies: Array<{ scriptId: string | null; scriptVersion: number | null; text: string }> } }>(
      'query($id: ID!) { case(id: $id) { replies { scriptId scriptVersion text } } }',
      { id: c.id },
    );
    const scripts = await supervisor.request<{ replyScripts: { items: Array<{ id: string; title: string; uses: number }> } }>(
      'query($k: String) { replyScripts(scopeKey: $k) { items { id title uses } } }',
      { k: topic },
    );
    expect(scripts.replyScripts.items).toEqual([{ id: expect.any(String), title: result.title, uses: 1 }]);
    expect(reply.case.replies).toEqual([{ scriptId: scripts.replyScripts.items[0].id, scriptVersion: 1, text: result.text }]);
  }, 240_000);
});
