import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runExclusionsScreens } from '../../web/e2e/exclusions-screens.e2e';
import { as, gatewayUrl, receive } from './helpers';

/**
 * The 不纳入考核 screen in a real Chromium (Debian's package) against the real system.
 * Screenshots of each step are kept in apps/gateway/test-artifacts/browser-exclusions/.
 */
describe('the 不纳入考核 screen in a real browser', () => {
  it('a supervisor drafts a claim, uploads the evidence the checklist asks for, submits it, records the approval and downloads the package; the administrator opens the rule set editor', async () => {
    const duty = await as('duty');
    const c = await receive(duty, { title: `浏览器测试：重复来电 ${Date.now() % 100000}` });
    const artifactsDir = path.resolve(__dirname, '..', 'test-artifacts', 'browser-exclusions');
    fs.rmSync(artifactsDir, { recursive: true, force: true });
    const result = await runExclusionsScreens({ baseUrl: gatewayUrl(), artifactsDir, receiveCase: c });
    if (result.browserErrors.length) console.log(`[browser-exclusions] browser errors:\n  ${result.browserErrors.join('\n  ')}`);
    expect(result.screenshots.length).toBeGreaterThanOrEqual(5);

    // What the browser did is in the system, as the API tells it.
    const leader = await as('leader');
    const r = await leader.request<{ case: { exclusionClaims: Array<{ status: string; statement: string; evidence: Array<{ name: string }> }> } }>(
      'query($id: ID!) { case(id: $id) { exclusionClaims { status statement evidence { name } } } }',
      { id: c.id },
    );
    expect(r.case.exclusionClaims).toEqual([
      { status: 'approved', statement: result.statement, evidence: [{ name: '既往工单.pdf' }, { name: '来电记录截图.png' }] },
    ]);
  }, 240_000);
});
