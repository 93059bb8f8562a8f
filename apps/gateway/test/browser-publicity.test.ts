import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runPublicityScreens } from '../../web/e2e/publicity-screens.e2e';
import { as, gatewayUrl, receive } from './helpers';

/**
 * The publicity screens (宣传加分) in a real Chromium (Debian's package) against the real system.
 * Screenshots of each step are kept in apps/gateway/test-artifacts/browser-publicity/.
 */
describe('the publicity screens in a real browser', () => {
  it("a supervisor nominates a case from its page, drafts it with a photo, has it reviewed, submits it, records its points and finds them in the month's ledger and its export", async () => {
    const duty = await as('duty');
    const c = await receive(duty, { title: `浏览器测试：电梯修复 ${Date.now() % 100000}` });
    const artifactsDir = path.resolve(__dirname, '..', 'test-artifacts', 'browser-publicity');
    fs.rmSync(artifactsDir, { recursive: true, force: true });
    const result = await runPublicityScreens({ baseUrl: gatewayUrl(), artifactsDir, receiveCase: c });
    if (result.browserErrors.length) console.log(`[browser-publicity] browser errors:\n  ${result.browserErrors.join('\n  ')}`);
    expect(result.screenshots.length).toBeGreaterThanOrEqual(7);

    // What the browser did is in the system, as the API tells it.
    const supervisor = await as('supervisor');
    const r = await supervisor.request<{ case: { publicity: Array<{ kind: string; title: string; status: string }> } }>(
      'query($id: ID!) { case(id: $id) { publicity { kind title status } } }',
      { id: c.id },
    );
    expect(r.case.publicity).toEqual([{ kind: 'typical-case', title: result.title, status: 'awarded' }]);
    const ledger = await supervisor.request<{ bonusLedger: { items: Array<{ title: string; points: number }> } }>(
      '{ bonusLedger(limit: 100) { items { title points } } }',
    );
    expect(ledger.bonusLedger.items).toContainEqual({ title: result.title, points: result.points });
  }, 240_000);
});
