// Browser test of the 调度会 and 督办事项 screens, driven through the real web client and API.
// Not part of the unit test run: apps/gateway/test/browser-meetings.test.ts calls it after it has
// started the stack and scheduled a meeting through the API.
import { mkdir } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_ARGS, Flow } from './daily-flow.e2e';

export interface MeetingsScreensOptions {
  baseUrl: string;
  artifactsDir: string;
  /** A meeting scheduled through the API, with a topic linked to `case`. */
  meeting: { id: string; title: string };
  case: { id: string; externalNo: string };
  /** A working day on the calendar, for the task's due date. */
  dueDate: string;
  password?: string;
  timeoutMs?: number;
  propagationTimeoutMs?: number;
}

export interface MeetingsScreensResult {
  screenshots: string[];
  /** The task as typed in the decision. */
  taskTitle: string;
  minutesFile: string;
  browserErrors: string[];
}

/**
 * A supervisor opens the meeting (its topic's case, the material's charts), records a decision with
 * a task for 物业管理科 due on a working day and downloads the minutes; the department's handler
 * finds the task under 督办事项 and marks it done. Throws an Error naming the failed step.
 */
export async function runMeetingsScreens(options: MeetingsScreensOptions): Promise<MeetingsScreensResult> {
  const opts = { password: 'demo12345', timeoutMs: 15_000, propagationTimeoutMs: 45_000, ...options };
  await mkdir(opts.artifactsDir, { recursive: true });
  const taskTitle = `督促物业公开电梯维保记录${String(Date.now()).slice(-6)}`;
  const browserErrors: string[] = [];
  let minutesFile = '';

  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
    const page = await context.newPage();
    page.setDefaultTimeout(opts.timeoutMs);
    page.on('pageerror', (e) => browserErrors.push(`页面异常: ${e.message}`));
    const flow = new Flow(page, { ...opts, receiveCase: opts.case });
    const toast = (text: string) => page.locator('.ant-message-notice-content').filter({ hasText: text }).first().waitFor({ timeout: flow.timeout });
    const drawer = page.getByTestId('meeting-drawer');

    await flow.step('supervisor-opens-meeting', async () => {
      await flow.login('supervisor');
      await page.getByTestId('nav-meetings').click();
      await page.getByTestId('meetings-page').waitFor();
      await page.getByTestId('meetings-page').getByText(opts.meeting.title).click();
      await drawer.getByText(opts.case.externalNo).first().waitFor();
      await drawer.getByTestId('meeting-material').waitFor();
      for (const chart of ['meeting-chart-department', 'meeting-chart-topic', 'meeting-chart-weekly'])
        await drawer.getByTestId(chart).locator('canvas').waitFor();
      await flow.shot('meeting-material');
    });

    await flow.step('supervisor-records-decision', async () => {
      await drawer.getByTestId('meeting-decide').click();
      const modal = page.locator('.ant-modal-content').filter({ hasText: '记录会议决定' });
      await modal.locator('#text').fill('物业管理科督促物业公司公开电梯维保记录，每周报送进展');
      await modal.locator('#tasks_0_title').fill(taskTitle);
      await flow.selectOption(modal.getByTestId('meeting-task-department'), '物业管理科');
      await modal.locator('#tasks_0_dueDate').click();
      await modal.locator('#tasks_0_dueDate').fill(opts.dueDate);
      await page.keyboard.press('Enter');
      await flow.shot('meeting-decision-form');
      await modal.locator('.ant-modal-footer .ant-btn-primary').click();
      await toast('会议决定已记录');
      await drawer.getByText(taskTitle).waitFor();
      await flow.shot('meeting-decision-recorded');
    });

    await flow.step('supervisor-downloads-minutes', async () => {
      const download = page.waitForEvent('download', { timeout: flow.timeout });
      await drawer.getByTestId('meeting-minutes').click();
      const file = await download;
      if (!file.suggestedFilename().endsWith('.docx')) throw new Error(`minutes named ${file.suggestedFilename()}`);
      minutesFile = file.suggestedFilename();
      await page.locator('.ant-drawer-close').click();
      await flow.logout();
    });

    await flow.step('department-marks-done', async () => {
      await flow.login('handler-property');
      await page.getByTestId('nav-tracked-tasks').click();
      const list = page.getByTestId('tracked-tasks-page');
      const row = list.locator('tr').filter({ hasText: taskTitle });
      await row.waitFor();
      await flow.shot('department-tasks');
      await row.getByRole('button').click();
      await page.getByTestId('task-done-note').fill('物业公司已在单元门口张贴维保记录');
      await flow.confirm();
      await toast('已标记完成');
      await list.getByText('全部', { exact: true }).first().click();
      await list.locator('tr').filter({ hasText: taskTitle }).filter({ hasText: '已完成' }).waitFor();
      await flow.shot('department-task-done');
    });

    return { screenshots: flow.screenshots, taskTitle, minutesFile, browserErrors };
  } finally {
    await browser?.close();
  }
}
