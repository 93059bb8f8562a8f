// Browser test of the supervision screens: the supervisor's 督办 page (overdue queue, 催办), the
// clocks on the case page, and the administrator's 工作日历 and 时限规则. The stack-level test
// (apps/gateway/test/browser-supervision.test.ts) prepares an overdue case through the API first.
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, Flow, type DailyFlowCase } from './daily-flow.e2e';

export interface SupervisionScreensOptions {
  baseUrl: string;
  artifactsDir: string;
  /** A dispatched case whose handling clock is overdue. */
  overdueCase: DailyFlowCase;
  password?: string;
  timeoutMs?: number;
  propagationTimeoutMs?: number;
}

export async function runSupervisionScreens(options: SupervisionScreensOptions): Promise<{ screenshots: string[]; note: string }> {
  const opts = { password: 'demo12345', timeoutMs: 15_000, propagationTimeoutMs: 45_000, ...options, receiveCase: options.overdueCase };
  const { externalNo, id } = opts.overdueCase;
  await mkdir(opts.artifactsDir, { recursive: true });
  const note = `请今日内办结并回复市民（浏览器测试 ${externalNo}）`;
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    page.setDefaultTimeout(opts.timeoutMs);
    const flow = new Flow(page, opts);

    // 1. The supervisor starts the day on 督办: the overdue queue holds the case.
    await flow.step('supervisor-overdue-queue', async () => {
      await flow.login('supervisor');
      await page.goto(flow.url('/supervision'));
      await page.locator('[data-testid="supervision-page"][data-loaded="true"]').waitFor();
      await page.getByTestId('tab-overdue').click();
      // Narrow the queue to the handling clocks of 物业管理科 (the shared test stack has many overdue cases).
      await flow.selectOption(page.getByTestId('queue-kind'), '办理时限');
      await flow.selectOption(page.getByTestId('queue-department'), '物业管理科');
      const row = page.getByTestId(`queue-case-${externalNo}`);
      await flow.eventually(
        'the case in the overdue queue',
        () => row.isVisible(),
        () => page.getByTestId('supervision-refresh').click(),
      );
      await flow.shot('supervisor-overdue-queue');
    });

    // 2. 催办 with a note from the queue.
    await flow.step('supervisor-urges', async () => {
      await page.getByTestId(`urge-${externalNo}`).click();
      await page.getByTestId('urge-note').fill(note);
      await flow.shot('supervisor-urge-dialog');
      await page.getByTestId('urge-submit').click();
      await page.getByTestId('urge-note').waitFor({ state: 'detached' });
      await page.getByText('已催办，已记入工单办理过程').waitFor();
    });

    // 3. The case page shows every clock and the 催办; the timeline has the 催办 line.
    await flow.step('case-clocks', async () => {
      await page.goto(flow.url(`/cases/${id}`));
      const panel = page.getByTestId('case-clocks');
      await panel.waitFor();
      await flow.eventually(
        'the clocks and the manual 催办 on the case page',
        async () => {
          const text = await panel.innerText();
          return ['签收时限', '分转时限', '首次联系时限', '办理时限', '已超期', '人工催办', note].every((t) => text.includes(t));
        },
        () => page.getByTestId('case-refresh').click(),
      );
      await flow.eventually(
        'the 催办 line on the timeline',
        async () => (await page.getByTestId('case-timeline-card').innerText()).includes('人工催办'),
        () => page.getByTestId('case-refresh').click(),
      );
      await flow.shot('case-clocks');
      await flow.logout();
    });

    // 4. The administrator's 工作日历 and 时限规则.
    await flow.step('admin-calendar-and-rules', async () => {
      await flow.login('admin');
      await page.goto(flow.url('/admin/calendar'));
      await page.getByTestId('calendar-year').waitFor();
      await flow.selectOption(page.getByTestId('calendar-year'), '2026 年');
      await page.getByTestId('day-2026-10-01').waitFor();
      await page.getByTestId('day-2026-10-10').waitFor();
      await flow.shot('admin-calendar');
      await page.goto(flow.url('/admin/clocks'));
      await page.getByTestId('definition-edit-handle-general').waitFor();
      const rules = await page.getByTestId('clock-definitions-table').innerText();
      if (!rules.includes('7 工作日') || !rules.includes('30 分钟')) throw new Error('the default limits are not on the 时限规则 page');
      await flow.shot('admin-clock-definitions');
      // 新建规则: a handling limit for one topic of its own (nothing else matches it).
      const key = `e2e-ui-${Date.now() % 1_000_000}`;
      await page.getByTestId('definition-create').click();
      await page.getByTestId('definition-key').fill(key);
      await page.getByLabel('名称').fill('浏览器测试：专项办理时限');
      await page.getByLabel('主题（空 = 全部）').fill(`浏览器专项-${key}`);
      await page.keyboard.press('Enter');
      await page.getByTestId('definition-amount').fill('3');
      await flow.shot('admin-new-definition');
      await page.getByTestId('definition-save').click();
      await page.getByText('已保存为新版本；已在计时的时钟仍按原版本').waitFor();
      await page.getByTestId(`definition-edit-${key}`).waitFor();
      await flow.logout();
    });
    return { screenshots: flow.screenshots, note };
  } finally {
    await browser?.close();
  }
}
