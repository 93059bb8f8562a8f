import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventually } from '@hotline/testing';
import { runCallbackScreens } from '../../web/e2e/callback-screens.e2e';
import { as, gatewayUrl } from './helpers';
import { departments } from './dispatch-helpers';
import { callbacks, completedCase } from './callback-helpers';

/**
 * The 回访 screens in a real Chromium against the real system: the 回访员 takes a completed case,
 * reveals the phone (audited), records 已接通 and 未解决 / 不满意 with a 重办说明; the case goes round
 * again (二次督办); the leader opens 三率考核 with its 本月预测; the administrator's new scoring policy whose
 * weights do not add up is refused. Screenshots in apps/gateway/test-artifacts/browser-callback/.
 */
describe('the callback screens in a real browser', () => {
  it('a 回访员 works a case from the queue and sends it round again; the leader reads the three rates', async () => {
    const [duty, property, agent, admin] = await Promise.all(['duty', 'handler-property', 'callback', 'admin'].map((u) => as(u)));
    const propertyId = (await departments(duty)).property;
    const c = await completedCase(duty, { client: property, id: propertyId }, agent, { citizenPhone: '13912345678' }, { contact: true });

    const artifactsDir = path.resolve(__dirname, '..', 'test-artifacts', 'browser-callback');
    fs.rmSync(artifactsDir, { recursive: true, force: true });
    const result = await runCallbackScreens({ baseUrl: gatewayUrl(), artifactsDir, externalNo: c.externalNo, caseId: c.id });
    if (result.browserErrors.length) console.log(`[browser-callback] browser errors:\n  ${result.browserErrors.join('\n  ')}`);
    expect(result.screenshots.length).toBeGreaterThanOrEqual(5);
    expect(result.revealedPhone).toBe('13912345678');
    expect(result.leaderFigures).toMatch(/响应率.*解决率.*满意率.*综合得分.*综合得分（含加分）/);
    expect(result.leaderOutlook).toMatch(/本月预测.*至今.*若待回访按近三个周期情况完成/);
    expect(result.policyRefusal).toBe('三率权重之和须为 100%，当前为 90%');

    // What the browser did is in the system, as the API tells it.
    const after = await eventually(
      async () => {
        const r = await callbacks(agent, c.id);
        return r.supervisions.length > 0 && r;
      },
      { what: '二次督办 opened by supervision' },
    );
    expect(after.callbacks[0]).toMatchObject({ round: 1, status: 'done', result: { reached: true, resolved: false, satisfaction: 'dissatisfied' } });
    expect(after.supervisions[0]).toMatchObject({ round: 2, status: 'open', reason: result.explanation });
    await eventually(
      async () => {
        const r = await property.request<{ case: { handling: { round: number; state: string } } }>(
          'query($id: ID!) { case(id: $id) { handling { round state } } }',
          { id: c.id },
        );
        return r.case.handling.round === 2 && r.case.handling.state === 'accepted';
      },
      { what: 'round 2 with the department' },
    );
    const log = await admin.request<{ revealLog: Array<{ role: string; user: { username: string } }> }>(
      'query($id: ID!) { revealLog(caseId: $id) { role user { username } } }',
      { id: c.id },
    );
    expect(log.revealLog).toEqual([{ role: 'callback', user: { username: 'callback' } }]);
  }, 180_000);
});
