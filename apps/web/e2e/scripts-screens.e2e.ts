// Browser test of 答复口径 and 聚类/重点人: a supervisor writes, approves and publishes a topic's
// script; the department's handler sees it offered in the reply form, adopts it and replies; the
// script's use is counted on 答复口径. The stack-level test (apps/gateway/test/browser-scripts.test.ts)
// dispatches a case of that topic through the API first.
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, Flow, type DailyFlowCase } from './daily-flow.e2e';

export interface ScriptsScreensOptions {
  baseUrl: string;
  artifactsDir: string;
  /** A case of `topic` dispatched to 物业管理科. */
  dispatchedCase: DailyFlowCase;
  topic: string;
  password?: string;
  timeoutMs?: number;
  propagationTimeoutMs?: number;
}

export async function runScriptsScreens(options: ScriptsScreensOptions): Promise<{ screenshots: string[]; title: string; text: string }> {
  const opts = { password: 'demo12345', timeoutMs: 15_000, propagationTimeoutMs: 45_000, ...options, receiveCase: options.dispatchedCase };
  const { id } = opts.dispatchedCase;
  const title = `浏览器口径 ${opts.topic}`;
  const text = '已督促物业公司限期整改，整改结果将在小区公告栏公示，请您关注。';
  await mkdir(opts.artifactsDir, { recursive: true });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    page.setDefaultTimeout(opts.timeoutMs);
    const flow = new Flow(page, opts);
    const row = () => page.locator('[data-testid="scripts-table"] tr', { hasText: title });

    // 1. The supervisor writes a script for the topic, approves and publishes it.
    await flow.step('supervisor-publishes-script', async () => {
      await flow.login('supervisor');
      await page.goto(flow.url('/scripts'));
      await page.locator('[data-testid="scripts-page"][data-loaded="true"]').waitFor();
      await page.getByTestId('script-new').click();
      await page.getByTestId('script-scope-key').fill(opts.topic);
      await page.getByTestId('script-title').fill(title);
      await page.getByTestId('script-text').fill(text);
      await flow.shot('script-new');
      await page.getByRole('button', { name: '保存草稿' }).click();
      await page.getByText('口径草稿已保存，待审核').waitFor();
      await row().getByRole('button', { name: '审核通过' }).click();
      await page.getByText('已审核通过').waitFor();
      // antd spaces a two-character label (发 布): the button by its test id
      await row().locator('[data-testid^="script-publish-"]').click();
      await flow.confirm();
      await row().getByText('第 1 版').waitFor();
      await flow.shot('script-published');
      await flow.logout();
    });

    // 2. The handler sees the script offered in the reply form, adopts it and replies.
    await flow.step('handler-adopts-script', async () => {
      await flow.login('handler-property');
      await page.goto(flow.url(`/cases/${id}`));
      const form = page.getByTestId('handling-panel').getByTestId('reply-form');
      await form.waitFor();
      const offered = form.getByTestId('reply-offered-script');
      await flow.eventually(
        'the script offered in the reply form',
        () => offered.isVisible(),
        async () => {
          await page.reload();
          await form.waitFor();
        },
      );
      await offered.getByTestId('reply-script-adopt').click();
      if ((await form.getByTestId('reply-text').inputValue()) !== text) throw new Error('adopting the script did not fill the reply');
      await form.getByText('已解决', { exact: true }).click();
      await flow.shot('handler-reply-with-script');
      await form.getByTestId('reply-submit').click();
      await flow.confirm();
      await page.locator('[data-testid="handling-panel"][data-stage="replied"]').waitFor({ timeout: flow.timeout });
      await flow.logout();
    });

    // 3. Its use is counted on 答复口径; 聚类/重点人 opens with its tabs.
    await flow.step('supervisor-sees-use', async () => {
      await flow.login('supervisor');
      await page.goto(flow.url('/scripts'));
      await page.locator('[data-testid="scripts-page"][data-loaded="true"]').waitFor();
      await flow.eventually(
        'the use counted',
        async () =>
          (await row().innerText())
            .split('\t')
            .map((s) => s.trim())
            .includes('1'),
        async () => {
          await page.getByRole('button', { name: /刷\s*新/ }).click();
        },
      );
      await flow.shot('script-used');
      await page.goto(flow.url('/clusters'));
      await page.getByTestId('clusters-table').waitFor();
      await page.getByRole('tab', { name: '重点人' }).waitFor();
      await flow.shot('clusters');
      await flow.logout();
    });
    return { screenshots: flow.screenshots, title, text };
  } finally {
    await browser?.close();
  }
}
