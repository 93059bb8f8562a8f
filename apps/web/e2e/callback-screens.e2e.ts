// Browser test of the 回访 screens, driven through the real web client. Not part of the unit test
// run: the stack-level test (apps/gateway/test/browser-callback.test.ts) prepares a completed case
// through the API and calls `runCallbackScreens`.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS } from './daily-flow.e2e';

export interface CallbackScreensOptions {
  baseUrl: string;
  artifactsDir: string;
  /** A completed case whose round-1 callback task is open and unassigned. */
  externalNo: string;
  caseId: string;
  password?: string;
  timeoutMs?: number;
}

export interface CallbackScreensResult {
  screenshots: string[];
  /** The phone the call screen showed after 查看完整号码. */
  revealedPhone: string;
  explanation: string;
  /** The 三率 figures the leader's page showed. */
  leaderFigures: string;
  /** The 本月预测 card the leader's page showed. */
  leaderOutlook: string;
  /** What the admin's policy editor said to weights that do not add up to 100 %. */
  policyRefusal: string;
  browserErrors: string[];
}

export async function runCallbackScreens(opts: CallbackScreensOptions): Promise<CallbackScreensResult> {
  const timeout = opts.timeoutMs ?? 15_000;
  await mkdir(opts.artifactsDir, { recursive: true });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const screenshots: string[] = [];
  const browserErrors: string[] = [];
  let n = 0;
  try {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    page.on('pageerror', (e) => browserErrors.push(`页面异常: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') browserErrors.push(`console.error: ${m.text()}`);
    });
    const shot = async (name: string) => {
      await page.waitForTimeout(400);
      const file = join(opts.artifactsDir, `${String(++n).padStart(2, '0')}-${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      screenshots.push(file);
    };
    const step = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
      try {
        return await fn();
      } catch (e) {
        await page.screenshot({ path: join(opts.artifactsDir, `failed-${name}.png`), fullPage: true }).catch(() => undefined);
        const alerts = await page
          .locator('.ant-alert-message, .ant-message-notice-content')
          .allInnerTexts()
          .catch(() => [] as string[]);
        throw new Error(`callback screens step "${name}" failed: ${(e as Error).message}${alerts.length ? `\n  messages: ${alerts.join(' | ')}` : ''}`, {
          cause: e,
        });
      }
    };
    const login = async (username: string) => {
      if (
        await page
          .getByTestId('logout-button')
          .isVisible()
          .catch(() => false)
      ) {
        await page.getByTestId('logout-button').click();
        await page.getByTestId('login-page').waitFor({ timeout });
      }
      await page.goto(new URL('/login', opts.baseUrl).toString());
      await page.getByTestId('login-username').fill(username);
      await page.getByTestId('login-password').fill(opts.password ?? 'demo12345');
      await page.getByTestId('login-submit').click();
      await page.getByTestId('user-bar').waitFor({ timeout });
    };
    const row = (p: Page) => p.locator('tr').filter({ hasText: opts.externalNo }).first();

    await step('claim', async () => {
      await login('callback');
      await page.getByTestId('nav-callback').click();
      await page.getByTestId('callback-page').waitFor({ timeout });
      await page.getByRole('tab', { name: '未领取' }).click();
      // Other cases may fill the first pages: find this one by its number, as an agent would.
      await page.getByTestId('callback-search').fill(opts.externalNo);
      await page.getByTestId('callback-search').press('Enter');
      await row(page).waitFor({ timeout });
      await shot('callback-unassigned');
      await page.getByTestId(`claim-${opts.externalNo}`).click();
      await page.locator('.ant-message-notice-content').filter({ hasText: '已领取' }).first().waitFor({ timeout });
    });

    const revealedPhone = await step('call-screen', async () => {
      await page.getByRole('tab', { name: '我的回访' }).click();
      await page.getByTestId(`open-${opts.externalNo}`).click();
      const drawer = page.locator('.ant-drawer-content');
      await drawer.waitFor({ timeout });
      const masked = (await page.getByTestId('call-phone').innerText()).trim();
      if (!/\*{4}/.test(masked)) throw new Error(`the phone should be masked before the reveal, shows "${masked}"`);
      await shot('call-screen-masked');
      await page.getByTestId('call-reveal').click();
      await page.getByTestId('call-phone').filter({ hasNotText: '*' }).waitFor({ timeout });
      const phone = (await page.getByTestId('call-phone').innerText()).trim();
      await page.getByTestId('call-attempt-reached').click();
      await page.getByTestId('call-result-form').waitFor({ timeout });
      return phone;
    });

    const explanation = '市民反映电梯仍频繁停运，需科室再次处理';
    await step('result', async () => {
      const form = page.getByTestId('call-result-form');
      await form.getByText('未解决', { exact: true }).click();
      await form.getByText('不满意', { exact: true }).click();
      await page.getByTestId('call-explanation').fill(explanation);
      await shot('call-result-unresolved');
      await page.getByTestId('call-submit').click();
      await page.locator('.ant-message-notice-content').filter({ hasText: '重新办理' }).first().waitFor({ timeout });
    });

    await step('case-page', async () => {
      await page.goto(new URL(`/cases/${opts.caseId}`, opts.baseUrl).toString());
      await page.getByTestId('supervision-round-2').waitFor({ timeout });
      await shot('case-callback-rounds');
    });

    await step('inbox-round-2', async () => {
      // The department finds the case back in its inbox, marked as the second round.
      await login('handler-property');
      await page.getByTestId('nav-inbox').click();
      // Back with the department as 科室已接收: under 办理中.
      const deadline = Date.now() + 30_000;
      for (;;) {
        await page.getByRole('tab', { name: /办理中/ }).click();
        if (
          await page
            .getByTestId(`inbox-round-${opts.externalNo}`)
            .waitFor({ timeout: 3000 })
            .then(
              () => true,
              () => false,
            )
        )
          break;
        if (Date.now() > deadline) throw new Error('the reopened case is not marked 二次督办 in the inbox');
        await page.reload();
      }
      await shot('inbox-round-2');
    });

    const leaderFigures = await step('three-rates', async () => {
      await login('leader');
      await page.getByTestId('nav-three-rates').click();
      await page.getByTestId('three-rates-figures').waitFor({ timeout });
      await page.getByTestId('three-rates-chart').waitFor({ timeout });
      await page.getByTestId('three-rates-projection').waitFor({ timeout });
      await page.getByTestId('bonus-items').first().waitFor({ timeout });
      await shot('three-rates');
      return (await page.getByTestId('three-rates-figures').innerText()).replace(/\s+/g, ' ');
    });
    const leaderOutlook = (await page.getByTestId('three-rates-outlook').innerText()).replace(/\s+/g, ' ');

    // 考核口径: the administrator's new version whose weights add up to 90 % is refused, with the server's reason.
    const policyRefusal = await step('scoring-policy', async () => {
      await login('admin');
      await page.getByTestId('nav-admin-scoring-policy').click();
      await page.getByTestId('scoring-policy-list').waitFor({ timeout });
      await page.getByTestId('policy-month').fill('2097-05');
      await page.getByTestId('policy-weight-satisfaction').fill('30');
      await page.getByTestId('policy-weight-sum').getByText('90%').waitFor({ timeout });
      await page.getByTestId('policy-save').click();
      const notice = page.locator('.ant-message-notice-content').filter({ hasText: '100%' });
      await notice.waitFor({ timeout });
      await shot('scoring-policy-refused');
      return (await notice.innerText()).trim();
    });
    return { screenshots, revealedPhone, explanation, leaderFigures, leaderOutlook, policyRefusal, browserErrors };
  } finally {
    await browser.close();
  }
}
