import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runIntakeScreens } from '../../web/e2e/intake-screens.e2e';
import { as, gatewayUrl } from './helpers';

interface Found {
  searchCases: {
    total: number;
    items: Array<{ externalNo: string; channel: string; stage: string; citizenName: string; citizenPhone: string; content: string }>;
  };
}
const SEARCH = 'query($f: CaseSearchInput!) { searchCases(filter: $f) { total items { externalNo channel stage citizenName citizenPhone content } } }';

/**
 * The intake screens (诉求受理) in a real Chromium (Debian's package) against the real system:
 * the web app served by the gateway, every subgraph, Postgres and NATS. Screenshots of each step
 * are kept in apps/gateway/test-artifacts/browser-intake/.
 */
describe('the intake screens in a real browser', () => {
  it('duty records an order (masked in 待签收 and 工单详情), reveals the contact with a reason, imports a district export (a bad row refuses the file, the fixed file imports) and finds an order in 工单查询; the admin sees the reveal in 查看记录 and revokes an Open311 key (refused afterwards); duty opens 办结反馈', async () => {
    const artifactsDir = path.resolve(__dirname, '..', 'test-artifacts', 'browser-intake');
    fs.rmSync(artifactsDir, { recursive: true, force: true }); // only this run's screenshots
    const result = await runIntakeScreens({ baseUrl: gatewayUrl(), artifactsDir });
    if (result.browserErrors.length) console.log(`[browser-intake] browser errors during the run:\n  ${result.browserErrors.join('\n  ')}`);
    expect(result.screenshots.length).toBeGreaterThanOrEqual(6);
    for (const file of result.screenshots) expect(fs.statSync(file).size).toBeGreaterThan(0);

    // What the browser did is in the system, as the API tells it.
    const [duty, admin] = await Promise.all([as('duty'), as('admin')]);
    const manual = (await duty.request<Found>(SEARCH, { f: { externalNo: result.received.externalNo } })).searchCases;
    expect(manual.total).toBe(1);
    expect(manual.items[0]).toMatchObject({
      channel: 'manual',
      stage: 'received',
      citizenName: '欧***',
      citizenPhone: expect.stringMatching(/^139\*{4}\d{4}$/),
    });
    expect(manual.items[0].content).not.toContain(result.received.citizenPhone);

    const imported = (await duty.request<Found>(SEARCH, { f: { externalNo: result.importPrefix } })).searchCases;
    expect(imported.total).toBe(3); // the fixed file once; nothing from the refused one
    expect(imported.items.map((c) => c.externalNo).sort()).toEqual([...result.importedNos].sort());
    expect(imported.items.every((c) => c.channel === 'import')).toBe(true);

    const log = await admin.request<{ revealLog: Array<{ externalNo: string; reason: string; user: { username: string } }> }>(
      'query($id: ID) { revealLog(caseId: $id, limit: 10) { externalNo reason user { username } } }',
      { id: result.received.id },
    );
    expect(log.revealLog).toEqual([
      expect.objectContaining({ externalNo: result.received.externalNo, reason: result.revealReason, user: { username: 'duty' } }),
    ]);

    const keys = await admin.request<{ open311Keys: Array<{ name: string; revokedAt: string | null }> }>('{ open311Keys { name revokedAt } }');
    expect(keys.open311Keys.find((k) => k.name === result.open311.name)?.revokedAt).toBeTruthy();
    const refused = await fetch(`${gatewayUrl()}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        api_key: result.open311.key,
        service_code: 'construction',
        address_string: '北京市经济技术开发区荣华南路12号',
        description: '停用后的密钥不能再提交诉求。',
      }).toString(),
    });
    expect(refused.status).toBe(403);
  }, 180_000);
});
