import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { eventually } from '@hotline/testing';
import { runSupervisionScreens } from '../../web/e2e/supervision-screens.e2e';
import { departments, dispatched } from './dispatch-helpers';
import { as, gatewayUrl } from './helpers';

/** The supervision screens in a real Chromium against the real system (screenshots in test-artifacts/browser-supervision/). */
describe('the supervision screens in a real browser', () => {
  it('the supervisor finds an overdue case on 督办, urges it, and sees every clock on the case page; the admin sees the calendar and the rules', async () => {
    const [admin, duty, property] = await Promise.all([as('admin'), as('duty'), as('handler-property')]);
    const dept = await departments(duty);
    // A handling limit of 3 seconds for this test's own topic only, so the case is overdue at once.
    const topic = `浏览器督办-${randomUUID().slice(0, 6)}`;
    await admin.request('mutation($i: ClockDefinitionInput!) { saveClockDefinition(input: $i) { id } }', {
      i: {
        key: `e2e-browser-${randomUUID().slice(0, 8)}`,
        kind: 'handle',
        name: '测试：办理时限 3 秒',
        selector: { topics: [topic] },
        targetUnit: 'natural-minutes',
        targetAmount: 0.05,
        priority: 100,
        triggers: { startOn: ['hotline.case.dispatched'], stopOn: ['hotline.case.replied'], cancelOn: ['hotline.case.returned'] },
      },
    });
    const c = await dispatched(duty, { client: property, id: dept.property }, { over: { topic, title: `浏览器测试：督办 ${Date.now() % 100000}` } });
    await eventually(
      async () => {
        const r = await duty.request<{ case: { clocks: Array<{ kind: string; breachedAt: string | null }> } }>(
          'query($id: ID!) { case(id: $id) { clocks { kind breachedAt } } }',
          { id: c.id },
        );
        return r.case.clocks.some((k) => k.kind === 'handle' && k.breachedAt);
      },
      { what: 'the handling clock breached' },
    );
    const artifactsDir = path.resolve(__dirname, '..', 'test-artifacts', 'browser-supervision');
    const result = await runSupervisionScreens({ baseUrl: gatewayUrl(), artifactsDir, overdueCase: c });
    expect(result.screenshots.length).toBe(6);
    const after = await duty.request<{ case: { urges: Array<{ level: string; note: string | null }> } }>(
      'query($id: ID!) { case(id: $id) { urges { level note } } }',
      { id: c.id },
    );
    expect(after.case.urges.filter((u) => u.level === 'manual').map((u) => u.note)).toEqual([result.note]);
  }, 180_000);
});
