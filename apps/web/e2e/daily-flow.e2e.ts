// Browser test of the bureau's daily flow, driven through the real web client and API.
// Not part of the unit test run: the stack-level test calls `runDailyFlow` after it has
// started the stack and created a fresh case through the API.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export interface DailyFlowCase {
  /** Case id as the API returns it (used for /cases/:id). */
  id: string;
  /** 工单编号 of the fresh case, shown in every list. */
  externalNo: string;
}

export interface DailyFlowOptions {
  /** Origin serving the web client and /graphql, e.g. http://127.0.0.1:4000 */
  baseUrl: string;
  /** Directory for one PNG per step (created if missing). */
  artifactsDir: string;
  /** The fresh, unsigned case the caller created through the API. */
  receiveCase: DailyFlowCase;
  /** Demo password shared by the demo accounts. */
  password?: string;
  /** Per-wait timeout in ms (default 15 s). */
  timeoutMs?: number;
  /** How long to wait for data that arrives asynchronously (events) in ms (default 45 s). */
  propagationTimeoutMs?: number;
}

export interface DailyFlowResult {
  screenshots: string[];
  replyText: string;
}

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const LEAD_DEPARTMENT = '物业管理科';
const INBOX_TABS = ['new', 'inProgress', 'dueSoon', 'overdue', 'returned'] as const;
const OPEN_INBOX_TABS = ['new', 'inProgress', 'dueSoon', 'overdue'] as const;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class Flow {
  readonly screenshots: string[] = [];
  private readonly problems: string[] = [];
  private counter = 0;

  constructor(
    readonly page: Page,
    private readonly opts: Required<Omit<DailyFlowOptions, 'receiveCase'>> & { receiveCase: DailyFlowCase },
  ) {
    page.on('pageerror', (e) => this.problems.push(`页面异常: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') this.problems.push(`console.error: ${m.text()}`);
    });
  }

  get timeout(): number {
    return this.opts.timeoutMs;
  }

  url(path: string): string {
    return new URL(path, this.opts.baseUrl).toString();
  }

  async shot(name: string): Promise<void> {
    // Let antd's open/close animations settle so the picture shows the final state.
    await this.page.waitForTimeout(400);
    this.counter += 1;
    const file = join(this.opts.artifactsDir, `${String(this.counter).padStart(2, '0')}-${name}.png`);
    await this.page.screenshot({ path: file, fullPage: true });
    this.screenshots.push(file);
  }

  /** Runs one step; on failure saves a screenshot and rethrows with the step's name and page context. */
  async step<T>(name: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      const file = join(this.opts.artifactsDir, `failed-${name}.png`);
      await this.page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
      const alerts = await this.page
        .locator('.ant-alert-message, .ant-message-notice-content')
        .allInnerTexts()
        .catch(() => [] as string[]);
      const lines = [
        `daily flow step "${name}" failed: ${(e as Error).message}`,
        `  page: ${this.page.url()}`,
        alerts.length ? `  messages on page: ${alerts.join(' | ')}` : '',
        this.problems.length ? `  browser problems:\n    ${this.problems.slice(-10).join('\n    ')}` : '',
        `  screenshot: ${file}`,
      ];
      throw new Error(lines.filter(Boolean).join('\n'), { cause: e });
    }
  }

  /** Polls `check` (clicking `refresh` between tries) until it holds or the propagation timeout passes. */
  async eventually(what: string, check: () => Promise<boolean>, refresh: () => Promise<void>): Promise<void> {
    const deadline = Date.now() + this.opts.propagationTimeoutMs;
    for (;;) {
      if (await check()) return;
      if (Date.now() > deadline) throw new Error(`timed out after ${this.opts.propagationTimeoutMs} ms waiting for ${what}`);
      await sleep(1000);
      await refresh();
    }
  }

  async login(username: string): Promise<void> {
    const { page } = this;
    await page.goto(this.url('/login'));
    await page.getByTestId('login-page').waitFor({ timeout: this.timeout });
    await page.getByTestId('login-username').fill(username);
    await page.getByTestId('login-password').fill(this.opts.password);
    await page.getByTestId('login-submit').click();
    const bar = page.getByTestId('user-bar');
    const error = page.getByTestId('login-error');
    await bar.or(error).first().waitFor({ timeout: this.timeout });
    if (await error.isVisible()) {
      throw new Error(`login as ${username} refused: ${await error.innerText()}`);
    }
  }

  async logout(): Promise<void> {
    await this.page.getByTestId('logout-button').click();
    await this.page.getByTestId('login-page').waitFor({ timeout: this.timeout });
    const token = await this.page.evaluate(() => sessionStorage.getItem('hotline.token'));
    if (token) throw new Error('token still in sessionStorage after logout');
  }

  /** Confirms the open Modal.confirm dialog. */
  async confirm(): Promise<void> {
    const ok = this.page.getByTestId('confirm-ok');
    await ok.waitFor({ timeout: this.timeout });
    await ok.click();
    // A click that lands while the dialog is still animating in can be lost: click once more.
    const closed = await ok.waitFor({ state: 'detached', timeout: 3000 }).then(
      () => true,
      () => false,
    );
    if (!closed) {
      await ok.click({ timeout: 2000 }).catch(() => undefined);
      await ok.waitFor({ state: 'detached', timeout: this.timeout });
    }
  }

  row(container: Locator): Locator {
    return container.getByTestId(`case-row-${this.opts.receiveCase.externalNo}`);
  }

  /**
   * Types `text` into a queue's filter box and waits until the server's answer for it is shown:
   * the queue filters on the server, so the rows on screen before that are the unfiltered ones.
   */
  async filterQueue(filterTestId: string, queue: Locator, text: string): Promise<void> {
    await this.page.getByTestId(filterTestId).locator('input').fill(text);
    await queue.and(this.page.locator(`[data-filter="${text}"][data-fetching="false"]`)).waitFor({ timeout: this.timeout });
  }

  async visible(locator: Locator): Promise<boolean> {
    return (await locator.count()) > 0 && (await locator.first().isVisible());
  }

  /**
   * Picks an option of an antd Select and waits until the Select shows it. A click that lands while
   * the dropdown is still animating open can be lost; then the pick is tried again (three tries),
   * waiting on the state the next step needs rather than on time.
   */
  async selectOption(select: Locator, optionText: string): Promise<void> {
    const shown = select.locator('.ant-select-selection-item').filter({ hasText: optionText });
    let lastError: unknown;
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        await select.click();
        const option = this.page
          .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option')
          .filter({ hasText: optionText })
          .first();
        await option.waitFor({ state: 'visible', timeout: this.timeout });
        await option.click();
        await shown.first().waitFor({ state: 'visible', timeout: 3000 });
        await this.page
          .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
          .waitFor({ state: 'hidden', timeout: this.timeout })
          .catch(() => undefined);
        return;
      } catch (e) {
        lastError = e;
        await this.page.keyboard.press('Escape').catch(() => undefined);
      }
    }
    throw new Error(`the select did not take "${optionText}": ${(lastError as Error)?.message}`);
  }

  async waitLoaded(testId: string): Promise<void> {
    await this.page.locator(`[data-testid="${testId}"][data-loaded="true"]`).waitFor({ timeout: this.timeout });
  }
}

export async function expectUserBar(flow: Flow, roleText: string, department?: string): Promise<void> {
  const role = await flow.page.getByTestId('user-role').innerText();
  if (role.trim() !== roleText) throw new Error(`header shows role "${role}", expected "${roleText}"`);
  if (department) {
    const dep = await flow.page.getByTestId('user-department').innerText();
    if (!dep.includes(department)) throw new Error(`header shows department "${dep}", expected "${department}"`);
  }
}

/**
 * The bureau's day for one case: duty signs and dispatches it to 物业管理科, the property
 * handler 接收s and replies, duty sees the reply on the case timeline and approves it in
 * 局审核 (the case reaches 已办结), and the housing handler cannot see the case. Throws an
 * Error naming the failed step.
 */
export async function runDailyFlow(options: DailyFlowOptions): Promise<DailyFlowResult> {
  const opts = {
    password: 'demo12345',
    timeoutMs: 15_000,
    propagationTimeoutMs: 45_000,
    ...options,
  };
  const { externalNo, id } = opts.receiveCase;
  if (!externalNo || !id) throw new Error('runDailyFlow: receiveCase.id and receiveCase.externalNo are required');
  await mkdir(opts.artifactsDir, { recursive: true });
  const replyText = `已联系市民并协调物业公司完成维修（自动化测试 ${externalNo}）`;

  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: CHROMIUM_ARGS,
    });
    const context = await browser.newContext({
      viewport: { width: 1366, height: 768 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const page = await context.newPage();
    page.setDefaultTimeout(opts.timeoutMs);
    const flow = new Flow(page, opts);

    // 1. Duty signs in and finds the fresh case in 待签收.
    await flow.step('duty-login', async () => {
      await flow.login('duty');
      await expectUserBar(flow, '值守员');
      await flow.waitLoaded('duty-workbench');
      await flow.shot('duty-workbench');
    });

    await flow.step('duty-sign', async () => {
      const pane = page.getByTestId('unsigned-table');
      await page.getByTestId('tab-unsigned').click();
      // The queue may hold more cases than one page: find ours as an operator would.
      await flow.filterQueue('unsigned-filter', pane, externalNo);
      await flow.eventually(
        `case ${externalNo} in 待签收`,
        () => flow.visible(flow.row(pane)),
        () => page.getByTestId('duty-refresh').click(),
      );
      await flow.shot('duty-unsigned-with-case');
      await page.getByTestId(`sign-${externalNo}`).click();
      await flow.row(pane).waitFor({ state: 'detached', timeout: flow.timeout });
    });

    // 2. Duty dispatches it to 物业管理科 from 待分转.
    await flow.step('duty-dispatch', async () => {
      await page.getByTestId('tab-dispatch').click();
      const pane = page.getByTestId('dispatch-table');
      await flow.filterQueue('dispatch-filter', pane, externalNo);
      await flow.eventually(
        `case ${externalNo} in 待分转`,
        () => flow.visible(flow.row(pane)),
        () => page.getByTestId('duty-refresh').click(),
      );
      const countdown = flow.row(pane).getByTestId('dispatch-countdown');
      const state = await countdown.getAttribute('data-state');
      if (!state || state === 'none') throw new Error('no dispatch countdown shown for the signed case');
      await flow.shot('duty-dispatch-queue');
      await page.getByTestId(`dispatch-${externalNo}`).click();
      const modal = page.getByTestId('dispatch-modal');
      await modal.waitFor();
      await flow.selectOption(modal.getByTestId('dispatch-lead-select'), LEAD_DEPARTMENT);
      // The suggestion may preselect assisting departments: this flow dispatches to the lead alone.
      const removeAssist = modal.getByTestId('dispatch-assist-select').locator('.ant-select-selection-item-remove');
      while ((await removeAssist.count()) > 0) await removeAssist.first().click();
      await modal.getByTestId('dispatch-note').fill('物业维修类诉求，请物业管理科主办');
      await flow.shot('duty-dispatch-modal');
      await page.getByTestId('dispatch-submit').click();
      const confirmText = await page.getByTestId('dispatch-confirm-content').innerText();
      if (!confirmText.includes(LEAD_DEPARTMENT)) throw new Error(`confirm dialog does not name ${LEAD_DEPARTMENT}: ${confirmText}`);
      await flow.confirm();
      await flow.row(pane).waitFor({ state: 'detached', timeout: flow.timeout });
      await flow.shot('duty-dispatched');
      await flow.logout();
    });

    // 3. The property handler finds it in the inbox and replies.
    await flow.step('handler-inbox', async () => {
      await flow.login('handler-property');
      await expectUserBar(flow, '科室承办人', LEAD_DEPARTMENT);
      await flow.waitLoaded('inbox-page');
      await page.getByTestId('inbox-filter').locator('input').fill(externalNo);
      let found = false;
      await flow.eventually(
        `case ${externalNo} in the 物业管理科 inbox`,
        async () => {
          for (const tab of OPEN_INBOX_TABS) {
            await page.getByTestId(`inbox-tab-${tab}`).click();
            if (await flow.visible(flow.row(page.getByTestId(`inbox-table-${tab}`)))) {
              found = true;
              return true;
            }
          }
          return false;
        },
        () => page.getByTestId('inbox-refresh').click(),
      );
      if (!found) throw new Error('case not found in any open inbox tab');
      await flow.shot('handler-inbox-with-case');
    });

    // The handler opens the case and 接收s it in the 办理 panel.
    await flow.step('handler-accept', async () => {
      await page.getByTestId(`open-${externalNo}`).click();
      const panel = page.getByTestId('handling-panel');
      await panel.waitFor();
      await panel.getByTestId('handling-accept').click();
      await flow.confirm();
      await panel.locator('[data-testid="handling-stage"]', { hasText: '科室已接收' }).waitFor({ timeout: flow.timeout });
      await flow.shot('handler-accepted');
    });

    await flow.step('handler-reply', async () => {
      const panel = page.getByTestId('handling-panel');
      const form = panel.getByTestId('reply-form');
      await form.waitFor();
      await form.getByText('已解决', { exact: true }).click();
      await form.getByTestId('reply-text').fill(replyText);
      await form.scrollIntoViewIfNeeded();
      await flow.shot('handler-reply-form');
      await form.getByTestId('reply-submit').click();
      await flow.confirm();
      await page.locator('[data-testid="handling-panel"][data-stage="replied"]').waitFor({ timeout: flow.timeout });
      await flow.shot('handler-replied');
      await flow.logout();
    });

    // 4. Duty opens the case and sees the reply on the timeline.
    await flow.step('duty-sees-reply', async () => {
      await flow.login('duty');
      await page.goto(flow.url(`/cases/${encodeURIComponent(id)}`));
      await page.getByTestId('case-detail').waitFor();
      const timelineHasReply = async () => {
        const entries = page.getByTestId('timeline-entry');
        const count = await entries.count();
        for (let i = 0; i < count; i++) {
          const entry = entries.nth(i);
          const type = (await entry.getAttribute('data-type')) ?? '';
          const text = await entry.innerText();
          if (text.includes(replyText) || /repl/i.test(type) || text.includes('答复')) return true;
        }
        return false;
      };
      await flow.eventually('the reply on the case timeline', timelineHasReply, () => page.getByTestId('case-refresh').click());
      const externalShown = await page.getByTestId('case-externalNo').innerText();
      if (externalShown.trim() !== externalNo) throw new Error(`case page shows ${externalShown}, expected ${externalNo}`);
      await page.getByTestId('case-timeline-card').scrollIntoViewIfNeeded();
      await flow.shot('duty-case-timeline');
    });

    // 4b. Duty attaches a photo to the case (附件) and previews it on request.
    await flow.step('duty-attachment', async () => {
      const fileName = `现场照片-${externalNo}.png`;
      const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
      await page.getByTestId('attachment-upload-button').scrollIntoViewIfNeeded();
      await page.locator('input[type=file]').first().setInputFiles({ name: fileName, mimeType: 'image/png', buffer: png });
      const item = page.getByTestId('attachment-item').filter({ hasText: fileName });
      await item.waitFor({ timeout: flow.timeout });
      const text = await item.innerText();
      if (!text.includes('PNG')) throw new Error(`uploaded attachment shows no PNG type: ${text}`);
      await item.getByTestId('attachment-preview').click();
      await page.locator('.ant-image-preview-img').waitFor({ timeout: flow.timeout });
      await flow.shot('duty-attachment-preview');
      await page.keyboard.press('Escape');
      await item.getByTestId('attachment-thumb').waitFor({ timeout: flow.timeout });
    });

    // 4c. Duty takes the photo back (撤回附件): the dialog warns it is deleted for good and wants a
    // reason; once confirmed the file leaves the case's list.
    await flow.step('duty-attachment-remove', async () => {
      const fileName = `现场照片-${externalNo}.png`;
      const item = page.getByTestId('attachment-item').filter({ hasText: fileName });
      await item.getByTestId('attachment-remove').click();
      await page.getByTestId('attachment-remove-modal').waitFor({ timeout: flow.timeout });
      const warning = await page.getByTestId('attachment-remove-warning').innerText();
      if (!warning.includes('彻底删除，无法恢复')) throw new Error(`the removal dialog does not say the file is deleted for good: ${warning}`);
      await page.getByTestId('attachment-remove-reason').fill('误传了其他市民的现场照片');
      await flow.shot('duty-attachment-remove');
      // The dialog is the 受理信息 panel's, outside the list and its Descriptions, so re-renders and
      // re-layouts of the list do not close it. Should it still be gone here, say what the page showed
      // rather than time out on the click.
      const submit = page.getByTestId('attachment-remove-submit');
      if (!(await flow.visible(submit))) {
        const listed = await flow.visible(item);
        const loading = await flow.visible(page.getByTestId('case-intake-loading'));
        throw new Error(`the 撤回附件 dialog closed before 确认撤回 was clicked (file still listed: ${listed}; 受理信息 loading: ${loading})`);
      }
      await submit.click();
      await item.waitFor({ state: 'detached', timeout: flow.timeout });
      await page.getByTestId('attachment-remove-modal').waitFor({ state: 'detached', timeout: flow.timeout });
    });

    // 5. Duty approves the reply in 局审核; the case reaches 已办结 on the timeline.
    await flow.step('duty-review', async () => {
      await page.getByTestId('logout-button').waitFor();
      await page.goto(flow.url('/review'));
      await flow.waitLoaded('review-page');
      const item = page.getByTestId(`review-item-${externalNo}`);
      // The queue pages on the server (oldest reply first): find ours as a reviewer would.
      await flow.filterQueue('review-filter', page.getByTestId('review-queue'), externalNo);
      await flow.eventually(
        `case ${externalNo} in 局审核`,
        () => flow.visible(item),
        () => page.getByTestId('review-refresh').click(),
      );
      const shownReply = await item.getByTestId('review-reply-text').innerText();
      if (!shownReply.includes(replyText)) throw new Error(`局审核 shows reply "${shownReply}", expected "${replyText}"`);
      await flow.shot('duty-review-queue');
      await item.getByTestId(`review-approve-${externalNo}`).click();
      await flow.confirm();
      await item.waitFor({ state: 'detached', timeout: flow.timeout });
      await page.goto(flow.url(`/cases/${encodeURIComponent(id)}`));
      await page.getByTestId('case-detail').waitFor();
      const timelineCompleted = async () => {
        const entries = page.getByTestId('timeline-entry');
        const count = await entries.count();
        for (let i = 0; i < count; i++) {
          const entry = entries.nth(i);
          const type = (await entry.getAttribute('data-type')) ?? '';
          if (/complet/i.test(type) || (await entry.innerText()).includes('办结')) return true;
        }
        return false;
      };
      await flow.eventually('已办结 on the case timeline', timelineCompleted, () => page.getByTestId('case-refresh').click());
      await page.getByTestId('case-timeline-card').scrollIntoViewIfNeeded();
      await flow.shot('duty-case-completed');
      await flow.logout();
    });

    // 6. Another department's handler must not see the case.
    await flow.step('housing-cannot-see', async () => {
      await flow.login('handler-housing');
      await expectUserBar(flow, '科室承办人', '房屋交付科');
      await flow.waitLoaded('inbox-page');
      for (const tab of INBOX_TABS) {
        await page.getByTestId(`inbox-tab-${tab}`).click();
        if ((await flow.row(page.getByTestId(`inbox-table-${tab}`)).count()) > 0) {
          throw new Error(`case ${externalNo} is visible in the 房屋交付科 inbox (tab ${tab})`);
        }
      }
      await page.getByTestId('inbox-tab-new').click();
      await flow.shot('housing-inbox-without-case');
      await page.goto(flow.url(`/cases/${encodeURIComponent(id)}`));
      const denied = page.getByTestId('case-not-found').or(page.getByTestId('case-error'));
      const shown = page.getByTestId('case-info');
      await denied.or(shown).first().waitFor();
      if (await shown.isVisible()) throw new Error(`房屋交付科 handler can open case ${externalNo}`);
      await flow.shot('housing-case-denied');
    });

    return { screenshots: flow.screenshots, replyText };
  } finally {
    await browser?.close();
  }
}
