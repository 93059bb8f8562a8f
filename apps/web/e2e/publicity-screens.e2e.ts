// Browser test of the publicity screens (宣传加分), driven through the real web client and API.
// Not part of the unit test run: apps/gateway/test/browser-publicity.test.ts calls it after it
// has started the stack and received a fresh case through the API.
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, Flow } from './daily-flow.e2e';

export interface PublicityScreensOptions {
  baseUrl: string;
  artifactsDir: string;
  /** A case received through the API, for the nomination from its page. */
  receiveCase: { id: string; externalNo: string };
  password?: string;
  timeoutMs?: number;
  propagationTimeoutMs?: number;
}

export interface PublicityScreensResult {
  screenshots: string[];
  /** The typical case's title as typed in the nomination. */
  title: string;
  points: number;
  browserErrors: string[];
}

/** A 1×1 PNG: the photo of the repaired lift. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

/**
 * A supervisor's publicity month in the web client: nominates a case from its page (提名典型案例),
 * writes the draft and uploads a photo on the 典型案例 board, sends it for review, approves,
 * submits, records the points, finds them in the month's 加分台账 and exports it; the other
 * tabs (《向前一步》, 专栏) open. Throws an Error naming the failed step.
 */
export async function runPublicityScreens(options: PublicityScreensOptions): Promise<PublicityScreensResult> {
  const opts = { password: 'demo12345', timeoutMs: 15_000, propagationTimeoutMs: 45_000, ...options };
  await mkdir(opts.artifactsDir, { recursive: true });
  const tag = String(Date.now()).slice(-6);
  const title = `电梯两日修复典型案例${tag}`;
  const points = 5;
  const draft =
    '林肯公园5号楼电梯停运，物业管理科接单当日约谈物业公司，督促更换主板并公开维保记录，两天内恢复运行，' +
    '并建立电梯故障二十四小时响应机制。回访时市民表示满意。此案体现接诉即办“闻风而动、接诉即办”的要求，' +
    '可作为物业类诉求的典型案例推广，供各科室在同类诉求中参照办理。';
  const browserErrors: string[] = [];

  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(opts.timeoutMs);
    page.on('pageerror', (e) => browserErrors.push(`页面异常: ${e.message}`));
    const flow = new Flow(page, { ...opts, receiveCase: opts.receiveCase });
    const toast = (text: string) => page.locator('.ant-message-notice-content').filter({ hasText: text }).first().waitFor({ timeout: flow.timeout });
    const drawer = page.locator('.ant-drawer-content');

    await flow.step('supervisor-nominates', async () => {
      await flow.login('supervisor');
      await page.goto(flow.url(`/cases/${opts.receiveCase.id}`));
      await page.getByTestId('case-detail').waitFor();
      // publicity learns of the case from intake's event: reload until the button is there.
      await flow.eventually(
        'the nomination button',
        () => flow.visible(page.getByTestId('case-nominate')),
        async () => {
          await page.reload();
          await page.getByTestId('case-detail').waitFor();
        },
      );
      await page.getByTestId('case-nominate').click();
      await page.getByTestId('nominate-title').fill(title);
      await page.getByTestId('nominate-reason').fill('响应迅速，回访满意，适合物业类宣传');
      await page.locator('.ant-modal-footer .ant-btn-primary').click(); // antd spaces a two-character label: 提 名
      await toast('已提名');
      await page.getByTestId('case-publicity').filter({ hasText: '撰写中' }).waitFor();
      await flow.shot('publicity-nominated-on-case');
    });

    await flow.step('supervisor-drafts', async () => {
      await page.getByTestId('nav-publicity').click();
      await page.getByTestId('typical-board').waitFor();
      await page.getByTestId('typical-column-drafting').getByText(title).click();
      await drawer.getByTestId('typical-text').fill(draft);
      await drawer.getByTestId('typical-save').click();
      await toast('稿件已保存');
      await drawer.locator('input[type=file]').setInputFiles({ name: '电梯修复现场.png', mimeType: 'image/png', buffer: PNG });
      await toast('材料已上传');
      await drawer.locator('.ant-list-item').filter({ hasText: '电梯修复现场.png' }).waitFor();
      await flow.shot('publicity-draft-and-material');
    });

    await flow.step('supervisor-reviews-and-submits', async () => {
      await drawer.getByTestId('typical-send-review').click();
      await toast('已提交审核');
      await drawer.getByTestId('typical-approve').click();
      await toast('审核通过');
      await drawer.getByTestId('typical-submit').click();
      await toast('已报送');
      await drawer.getByTestId('typical-stage').filter({ hasText: '已报送' }).waitFor();
      await flow.shot('publicity-submitted');
    });

    await flow.step('supervisor-awards', async () => {
      await drawer.getByTestId('typical-award').click();
      const modal = page.locator('.ant-modal-content').filter({ hasText: '登记加分' });
      await modal.getByTestId('award-points').fill(String(points));
      await modal.getByTestId('award-evidence').fill(`区接诉即办通报（测试 ${tag}）`);
      await modal.locator('.ant-modal-footer .ant-btn-primary').click();
      await toast('已登记加分');
      await drawer.getByTestId('typical-stage').filter({ hasText: '已加分' }).waitFor();
      await flow.shot('publicity-awarded');
      await page.locator('.ant-drawer-close').click();
      await drawer.waitFor({ state: 'hidden' });
      await page.getByTestId('typical-column-awarded').getByText(title).waitFor();
      await flow.shot('publicity-board');
    });

    await flow.step('supervisor-ledger', async () => {
      await page.getByTestId('publicity-tab-ledger').click();
      await page.getByTestId('ledger-tab').getByText(title).waitFor();
      const download = page.waitForEvent('download', { timeout: flow.timeout });
      await page.getByTestId('ledger-export').click();
      const file = await download;
      if (!file.suggestedFilename().endsWith('.xlsx')) throw new Error(`export named ${file.suggestedFilename()}`);
      await flow.shot('publicity-ledger');
    });

    await flow.step('supervisor-other-tabs', async () => {
      await page.getByTestId('publicity-tab-episodes').click();
      await page.getByTestId('episodes-tab').waitFor();
      await flow.shot('publicity-episodes');
      await page.getByTestId('publicity-tab-articles').click();
      await page.getByTestId('articles-tab').waitFor();
      await flow.shot('publicity-articles');
    });

    return { screenshots: flow.screenshots, title, points, browserErrors };
  } finally {
    await browser?.close();
  }
}
