// Browser test of the 不纳入考核 screen, driven through the real web client and API.
// Not part of the unit test run: apps/gateway/test/browser-exclusions.test.ts calls it after it
// has started the stack and received a fresh case through the API.
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, Flow } from './daily-flow.e2e';

export interface ExclusionsScreensOptions {
  baseUrl: string;
  artifactsDir: string;
  /** A case received through the API: the claim is made for it by its external number. */
  receiveCase: { id: string; externalNo: string };
  password?: string;
  timeoutMs?: number;
  propagationTimeoutMs?: number;
}

export interface ExclusionsScreensResult {
  screenshots: string[];
  statement: string;
  browserErrors: string[];
}

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

/**
 * A supervisor's claim in the web client: a new claim for a case by its external number, the
 * checklist saying what is missing, the evidence of each required kind uploaded, the claim
 * submitted and the district's approval recorded, the package downloaded; the administrator sees
 * the month's rule set with its editor. Throws an Error naming the failed step.
 */
export async function runExclusionsScreens(options: ExclusionsScreensOptions): Promise<ExclusionsScreensResult> {
  const opts = { password: 'demo12345', timeoutMs: 15_000, propagationTimeoutMs: 45_000, ...options };
  await mkdir(opts.artifactsDir, { recursive: true });
  const statement = `该市民就同一事项本月反复来电，均已依法答复且无新情况、新理由，申请不纳入考核（浏览器测试 ${String(Date.now()).slice(-6)}）。`;
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
    const uploadInput = (kind: string) => drawer.locator('.ant-upload', { has: page.getByTestId(`exclusion-upload-${kind}`) }).locator('input[type=file]');

    await flow.step('supervisor-creates-claim', async () => {
      await flow.login('supervisor');
      await page.getByTestId('nav-exclusions').click();
      await page.getByTestId('exclusions-page').waitFor();
      await page.getByTestId('exclusions-new').click();
      const modal = page.locator('.ant-modal-content').filter({ hasText: '新建不纳入考核申请' });
      await modal.getByTestId('exclusions-new-external-no').fill(opts.receiveCase.externalNo);
      await modal.getByTestId('exclusion-type').click();
      await page.locator('.ant-select-item-option[title="无新情况、新理由的重复诉求"]').click();
      await modal.getByTestId('exclusions-new-statement').fill(statement);
      // supervision learns of the case from intake's event: retry until it knows it.
      const ok = modal.locator('.ant-modal-footer .ant-btn-primary');
      await ok.click();
      await flow.eventually(
        'the claim draft',
        () => flow.visible(drawer.getByTestId('exclusion-checklist')),
        async () => {
          if (await flow.visible(ok)) await ok.click();
        },
      );
      await drawer.getByTestId('exclusion-claim-status').filter({ hasText: '草稿' }).waitFor();
      await drawer.getByTestId('exclusion-checklist').getByText('尚缺').first().waitFor();
      await flow.shot('exclusion-draft-checklist');
    });

    await flow.step('supervisor-uploads-evidence', async () => {
      await uploadInput('prior-cases').setInputFiles({ name: '既往工单.pdf', mimeType: 'application/pdf', buffer: PDF });
      await toast('已上传：既往工单.pdf');
      await uploadInput('call-record').setInputFiles({ name: '来电记录截图.png', mimeType: 'image/png', buffer: PNG });
      await toast('已上传：来电记录截图.png');
      await drawer.getByTestId('exclusion-evidence').getByText('来电记录截图.png').waitFor();
      await drawer.getByTestId('exclusion-checklist').getByText('尚缺').waitFor({ state: 'detached' });
      await flow.shot('exclusion-evidence-complete');
    });

    await flow.step('supervisor-submits-and-records-approval', async () => {
      await drawer.getByTestId('exclusion-submit').click();
      await toast('已提交');
      await drawer.getByTestId('exclusion-claim-status').filter({ hasText: '已提交' }).waitFor();
      await drawer.getByTestId('exclusion-approve').click();
      await page.getByTestId('exclusion-note').fill('区级平台审核通过（浏览器测试）');
      await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
      await toast('已登记通过');
      await drawer.getByTestId('exclusion-claim-status').filter({ hasText: '已通过' }).waitFor();
      const download = page.waitForEvent('download', { timeout: flow.timeout });
      await drawer.getByTestId('exclusion-package').click();
      const file = await download;
      if (!file.suggestedFilename().endsWith('.zip')) throw new Error(`package named ${file.suggestedFilename()}`);
      await flow.shot('exclusion-approved');
      await page.locator('.ant-drawer-close').click();
      await page.getByTestId('exclusions-page').getByText(opts.receiveCase.externalNo).waitFor();
      await flow.shot('exclusion-list');
      await flow.logout();
    });

    await flow.step('admin-sees-rule-set', async () => {
      await flow.login('admin');
      await page.getByTestId('nav-exclusions').click();
      await page.getByTestId('exclusion-rule-set-version').waitFor();
      await page.getByText('恶意重复来电').first().waitFor();
      await page.getByTestId('exclusion-rule-set-edit').click();
      await page.getByTestId('exclusion-rule-set-form').waitFor();
      await flow.shot('exclusion-rule-set-editor');
    });

    return { screenshots: flow.screenshots, statement, browserErrors };
  } finally {
    await browser?.close();
  }
}
