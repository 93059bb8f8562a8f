// Browser test of the intake screens (诉求受理), driven through the real web client and API.
// Not part of the unit test run: the stack-level test (apps/gateway/test/browser-intake.test.ts)
// calls `runIntakeScreens` after it has started the stack.
import { mkdir, readFile } from 'node:fs/promises';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { DISTRICT_EXPORT_COLUMNS } from '@hotline/contracts/browser';
import { CHROMIUM_ARGS, expectUserBar, Flow } from './daily-flow.e2e';

export interface IntakeScreensOptions {
  /** Origin serving the web client, /graphql, /imports and /open311, e.g. http://127.0.0.1:4000 */
  baseUrl: string;
  /** Directory for the PNGs of the steps (created if missing). */
  artifactsDir: string;
  /** Demo password shared by the demo accounts. */
  password?: string;
  /** Per-wait timeout in ms (default 15 s). */
  timeoutMs?: number;
  /** How long to wait for data that arrives asynchronously in ms (default 45 s). */
  propagationTimeoutMs?: number;
}

export interface IntakeScreensResult {
  screenshots: string[];
  /** The order recorded by hand in 录入工单 (step 1). */
  received: { id: string; externalNo: string; citizenName: string; citizenPhone: string };
  /** The reason given in 查看联系方式 (step 2). */
  revealReason: string;
  /** 工单编号 prefix of the imported orders and their numbers (step 3). */
  importPrefix: string;
  importedNos: string[];
  /** The Open311 key created and then revoked in the admin screen (step 5). */
  open311: { name: string; key: string };
  /** Uncaught page errors and console.error lines seen during the whole run (for the log). */
  browserErrors: string[];
}

/** The district platform's standard export columns (the import's default mapping), in its order. */
const IMPORT_HEADERS = DISTRICT_EXPORT_COLUMNS;

const CN_DIGITS = '〇一二三四五六七八九';
/** 2024 → 二〇二四: run-unique text that is still Chinese (for the 标题或内容 search). */
const chineseDigits = (digits: string) => [...digits].map((d) => CN_DIGITS[Number(d)]).join('');

/** Beijing wall-clock time as the district export writes it: 2026-11-01 09:30. */
const beijing = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

function csvOf(rows: string[][]): Buffer {
  const q = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return Buffer.from(`\uFEFF${[IMPORT_HEADERS, ...rows].map((r) => r.map(q).join(',')).join('\r\n')}\r\n`, 'utf8');
}

function must(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

const textOf = async (locator: Locator) => (await locator.innerText()).trim();

/** The daily flow's Flow, with this test's name in its errors and the browser errors of a step to check. */
class IntakeFlow extends Flow {
  readonly browserErrors: string[] = [];

  constructor(page: Page, opts: ConstructorParameters<typeof Flow>[1]) {
    super(page, opts);
    page.on('pageerror', (e) => this.browserErrors.push(`页面异常: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') this.browserErrors.push(`console.error: ${m.text()}`);
    });
  }

  override async step<T>(name: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await super.step(name, fn);
    } catch (e) {
      // eslint-disable-next-line preserve-caught-error -- the step's own cause is kept; this only renames the step
      throw new Error((e as Error).message.replace(/^daily flow step/, 'intake screens step'), { cause: (e as Error).cause });
    }
  }

  /**
   * Playwright's fill/click scroll the window even under an open modal (body overflow hidden);
   * a full-page picture then draws the fixed parts (menu, modal mask) shifted. Back to the top first.
   */
  override async shot(name: string): Promise<void> {
    await this.page.evaluate(() => window.scrollTo(0, 0));
    await super.shot(name);
  }

  /** Opens a screen from the side menu, as an operator would. */
  async nav(key: string, pageTestId: string): Promise<void> {
    await this.page.getByTestId(`nav-${key}`).click();
    await this.page.getByTestId(pageTestId).waitFor({ timeout: this.timeout });
  }

  /** Waits for an antd message (toast) holding the text. */
  async toast(text: string): Promise<void> {
    await this.page.locator('.ant-message-notice-content').filter({ hasText: text }).first().waitFor({ timeout: this.timeout });
  }
}

/**
 * 诉求受理 in the web client: duty records an order by hand (录入工单) and finds it masked in
 * 待签收, reveals the contact with a reason (查看联系方式), imports a district export (工单导入:
 * a bad file is refused whole with row/column/reason and an error report, the fixed file
 * imports), finds an imported order (工单查询); the admin sees the reveal in 个人信息查看记录 and
 * creates, uses and revokes an Open311 key; duty opens 办结反馈. Throws an Error naming the
 * failed step.
 */
export async function runIntakeScreens(options: IntakeScreensOptions): Promise<IntakeScreensResult> {
  const opts = {
    password: 'demo12345',
    timeoutMs: 15_000,
    propagationTimeoutMs: 45_000,
    ...options,
  };
  await mkdir(opts.artifactsDir, { recursive: true });

  const tag = String(Date.now()).slice(-8);
  const cnTag = chineseDigits(tag);
  const received = {
    id: '',
    externalNo: `BJ-${tag}`,
    citizenName: '欧阳娜娜',
    citizenPhone: `139${tag}`,
  };
  const maskedPhone = `${received.citizenPhone.slice(0, 3)}****${received.citizenPhone.slice(-4)}`;
  const address = '北京市经济技术开发区荣京东街3号院5号楼2单元301';
  const title = `林肯公园5号楼电梯停运两天（录入${cnTag}）`;
  const content = `林肯公园5号楼两部电梯停运两天，老人上下楼困难，物业一直说在等配件。来电人电话${received.citizenPhone}，请尽快督促物业维修。`;
  const revealReason = `联系来电人核实停运楼栋和单元（${received.externalNo}）`;

  const importPrefix = `IMP-${tag}`;
  const importedNos = [1, 2, 3].map((i) => `${importPrefix}-${String(i).padStart(4, '0')}`);
  const searchText = `批次${cnTag}第二件`;
  const now = Date.now();
  const importRow = (i: number, project: string, rowTitle: string, rowContent: string, type: string, topic: string, phone: string) => [
    importedNos[i],
    beijing(now - 30 * 60_000),
    beijing(now - 20 * 60_000),
    `市民${i + 1}`,
    phone,
    '否',
    '否',
    `北京市经济技术开发区${project}${i + 2}号楼`,
    '荣华街道',
    '荣华社区',
    project,
    '',
    '',
    rowTitle,
    rowContent,
    type,
    topic,
    '一般',
    beijing(now + 7 * 86_400_000),
    '',
    '',
  ];
  const importRows = (badPhone?: string) => [
    importRow(
      0,
      '亦庄金茂悦',
      '二期延期交房无说法',
      `合同约定交房日期已过，开发商未交付也未书面说明（导入批次${cnTag}第一件）。`,
      '投诉',
      '延期交房',
      `138${tag}`,
    ),
    importRow(
      1,
      '林肯公园',
      '地下车库积水严重',
      `连续降雨后地下车库积水没过脚踝，物业未及时抽水（导入批次${cnTag}第二件）。`,
      '投诉',
      '物业管理',
      badPhone ?? `137${tag}`,
    ),
    importRow(2, '鹿海园', '物业费调整咨询', `想咨询物业费调整是否需要业主大会表决（导入批次${cnTag}第三件）。`, '咨询', '物业管理', `136${tag}`),
  ];
  const badFile = { name: `区平台导出-${tag}-有错误.csv`, mimeType: 'text/csv', buffer: csvOf(importRows('请回电话')) };
  const goodFile = { name: `区平台导出-${tag}.csv`, mimeType: 'text/csv', buffer: csvOf(importRows()) };

  const open311 = { name: `亦庄城运中心网格系统${cnTag}`, key: '' };

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
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(opts.timeoutMs);
    const flow = new IntakeFlow(page, { ...opts, receiveCase: received });

    // 1. Duty records a complete order by hand (录入工单); it appears in 待签收 without the citizen's data.
    await flow.step('duty-receive-case', async () => {
      await flow.login('duty');
      await expectUserBar(flow, '值守员');
      await flow.waitLoaded('duty-workbench');
      await page.getByTestId('receive-case-button').click();
      const modal = page.getByTestId('receive-modal');
      await modal.waitFor();
      await modal.getByTestId('receive-externalNo').fill(received.externalNo);
      await modal.getByTestId('receive-citizenName').fill(received.citizenName);
      await modal.getByTestId('receive-citizenPhone').fill(received.citizenPhone);
      await modal.getByLabel('地址', { exact: true }).fill(address);
      await modal.getByLabel('街道（乡镇）', { exact: true }).fill('荣华街道');
      await modal.getByLabel('项目名称', { exact: true }).fill('林肯公园');
      await modal.getByTestId('receive-title').fill(title);
      await modal.getByTestId('receive-content').fill(content);
      await flow.selectOption(modal.locator('.ant-select').filter({ has: page.locator('#requestType') }), '求助');
      // 主题 suggests the configured topics (admin 主题分类, a tree) as one types.
      await modal.getByLabel('主题', { exact: true }).fill('物业');
      const topicOption = page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-tree-title').filter({ hasText: /^物业$/ });
      await topicOption.first().click();
      await modal.getByText('及时', { exact: true }).click();
      const topicValue = (
        await modal
          .locator('.ant-select')
          .filter({ has: page.locator('#topic') })
          .locator('.ant-select-selection-item')
          .innerText()
      ).trim();
      must(topicValue === '物业', `主题 shows "${topicValue}" after picking 物业`);
      // antd's own texts are Chinese too (its locale reached the bundle as a CommonJS object once).
      const datePlaceholder = await modal.locator('.ant-picker input').first().getAttribute('placeholder');
      must(datePlaceholder === '请选择日期', `the date picker's placeholder is "${datePlaceholder}", not 请选择日期`);
      await flow.shot('duty-receive-form');
      await page.getByTestId('receive-submit').click();
      const error = page.getByTestId('receive-error');
      await modal.waitFor({ state: 'detached', timeout: flow.timeout }).catch(async (e) => {
        if (await error.isVisible()) throw new Error(`录入工单 refused: ${await error.innerText()}`);
        throw e;
      });
      await flow.toast(`工单 ${received.externalNo} 已录入`);

      const pane = page.getByTestId('unsigned-table');
      await flow.filterQueue('unsigned-filter', pane, received.externalNo);
      await flow.eventually(
        `case ${received.externalNo} in 待签收`,
        () => flow.visible(flow.row(pane)),
        () => page.getByTestId('duty-refresh').click(),
      );
      const row = flow.row(pane);
      received.id = (await row.getAttribute('data-case-id')) ?? '';
      must(received.id, 'the 待签收 row carries no case id');
      const rowText = await row.innerText();
      for (const shown of [title, '求助', '物业', '及时']) must(rowText.includes(shown), `待签收 row does not show "${shown}": ${rowText}`);
      // The queue never shows the citizen in clear (no name, no number, not even inside the title).
      for (const secret of [received.citizenName, received.citizenPhone]) must(!rowText.includes(secret), `待签收 row shows "${secret}" in clear: ${rowText}`);
      const rows = await pane.locator('tr[data-testid^="case-row-"]').count();
      must(rows === 1, `the 待签收 filter ${received.externalNo} shows ${rows} rows`);
      await flow.shot('duty-unsigned-with-case');
    });

    // 2. 工单详情 masks the citizen and the number inside the content; 查看联系方式 needs a reason.
    await flow.step('duty-reveal-contact', async () => {
      await page.getByTestId(`case-link-${received.externalNo}`).click();
      await page.getByTestId('case-info').waitFor();
      must((await textOf(page.getByTestId('case-externalNo'))) === received.externalNo, 'case page shows another number');
      const shownContent = await textOf(page.getByTestId('case-content'));
      must(shownContent.includes(maskedPhone), `诉求内容 does not show the masked number ${maskedPhone}: ${shownContent}`);
      must(!shownContent.includes(received.citizenPhone), `诉求内容 shows the number in clear: ${shownContent}`);
      must(shownContent.includes('林肯公园5号楼两部电梯停运两天'), `诉求内容 lost its text: ${shownContent}`);
      const shownName = await textOf(page.getByTestId('case-citizenName'));
      const shownPhone = await textOf(page.getByTestId('case-citizenPhone'));
      const shownAddress = await textOf(page.getByTestId('case-address'));
      must(shownName === '欧***', `来电人 shows "${shownName}", expected 欧***`);
      must(shownPhone === maskedPhone, `联系电话 shows "${shownPhone}", expected ${maskedPhone}`);
      must(!shownAddress.includes('301') && shownAddress.includes('****'), `地址 is not masked: ${shownAddress}`);
      must((await textOf(page.getByTestId('case-info'))).includes('人工录入'), '来源渠道 is not 人工录入');
      await flow.shot('duty-case-masked');

      await page.getByTestId('reveal-button').click();
      const modal = page.getByTestId('reveal-modal');
      await modal.waitFor();
      // No reason: the form refuses before asking the server.
      await page.getByTestId('reveal-submit').click();
      await modal.locator('.ant-form-item-explain-error').filter({ hasText: '请填写查看原因' }).waitFor();
      // A reason too short to mean anything: the server refuses, in Chinese.
      await modal.getByTestId('reveal-reason').fill('核实');
      await page.getByTestId('reveal-submit').click();
      const refused = page.getByTestId('reveal-error');
      await refused.waitFor();
      const refusal = await textOf(refused);
      must(/[\u4e00-\u9fff]/.test(refusal) && refusal.includes('4'), `a short reason is refused with "${refusal}"`);
      must(!/[A-Za-z]/.test(refusal), `the refusal shows a code name: "${refusal}"`);
      must((await page.getByTestId('reveal-result').count()) === 0, 'contact shown despite a short reason');
      await flow.shot('duty-reveal-refused');

      await modal.getByTestId('reveal-reason').fill(revealReason);
      await page.getByTestId('reveal-submit').click();
      await page.getByTestId('reveal-result').waitFor();
      must((await textOf(page.getByTestId('reveal-name'))) === received.citizenName, 'revealed name differs');
      must((await textOf(page.getByTestId('reveal-phone'))) === received.citizenPhone, 'revealed phone differs');
      must((await textOf(page.getByTestId('reveal-result'))).includes(address), 'revealed address differs');
      must((await textOf(page.getByTestId('reveal-recorded'))).includes('本次查看已记录'), 'the reveal does not say it is recorded');
      await flow.shot('duty-reveal-shown');
      await page.getByTestId('reveal-close').click();
      await modal.waitFor({ state: 'detached' });
      must((await textOf(page.getByTestId('case-citizenPhone'))) === maskedPhone, 'the case page shows the number in clear after the reveal');
    });

    // 3. 工单导入: a file with one bad row imports nothing and says where; the fixed file imports.
    await flow.step('duty-import', async () => {
      await flow.nav('intake-import', 'import-page');
      const fileInput = page.getByTestId('import-page').locator('input[type=file]');
      await fileInput.setInputFiles(badFile);
      await page.locator('.ant-upload-list-item').filter({ hasText: badFile.name }).waitFor();
      await page.getByTestId('import-start').click();
      await flow.toast('文件已上传，正在导入');
      const job = page.getByTestId('import-job');
      await page.locator('[data-testid="import-job"][data-status="failed"]').waitFor({ timeout: opts.propagationTimeoutMs });
      must((await textOf(job.getByTestId('import-status'))) === '导入失败', 'the job is not shown as 导入失败');
      const failure = await textOf(job.getByTestId('import-message'));
      must(failure.includes('1 处错误') && failure.includes('未导入任何数据'), `the failed job says "${failure}"`);
      const errorRows = job.getByTestId('import-errors').locator('tbody tr.ant-table-row');
      must((await errorRows.count()) === 1, `the error table has ${await errorRows.count()} rows, expected 1`);
      const cells = (await errorRows.first().locator('td').allInnerTexts()).map((t) => t.trim());
      must(cells[0] === '3' && cells[1] === '联系电话' && cells[2] === '联系电话格式不正确', `the error row reads ${cells.join(' | ')}`);
      const counts = await textOf(job.getByTestId('import-counts'));
      must(/新增\s*0/.test(counts) && /错误\s*1/.test(counts), `the counts read ${counts}`);
      await flow.shot('duty-import-failed');

      const [download] = await Promise.all([page.waitForEvent('download'), job.getByTestId('import-download-errors').click()]);
      must(download.suggestedFilename() === `导入错误报告-区平台导出-${tag}-有错误.csv`, `the report downloads as ${download.suggestedFilename()}`);
      const reportPath = await download.path();
      const report = (await readFile(reportPath)).toString('utf8');
      must(report.includes('"行号","列","原因"') && report.includes('"3","联系电话","联系电话格式不正确"'), `the error report reads: ${report}`);

      // Nothing of the bad file was imported, not even its good rows: 工单查询 finds none.
      await flow.nav('intake-search', 'search-page');
      await page.getByTestId('search-externalNo').fill(importPrefix);
      await page.getByTestId('search-submit').click();
      const table = page.getByTestId('search-table');
      const empty = table.getByTestId('table-empty').filter({ hasText: '没有符合条件的工单' });
      await flow.eventually(
        `an empty 工单查询 for ${importPrefix}`,
        async () => (await flow.visible(empty)) && (await table.locator('.ant-spin-spinning').count()) === 0,
        () => page.getByTestId('search-submit').click(),
      );
      await flow.shot('duty-search-nothing-imported');

      await flow.nav('intake-import', 'import-page');
      await page.getByTestId('import-page').locator('input[type=file]').setInputFiles(goodFile);
      await page.locator('.ant-upload-list-item').filter({ hasText: goodFile.name }).waitFor();
      await page.getByTestId('import-start').click();
      await page.locator('[data-testid="import-job"][data-status="succeeded"]').waitFor({ timeout: opts.propagationTimeoutMs });
      must((await textOf(job.getByTestId('import-status'))) === '导入成功', 'the job is not shown as 导入成功');
      const progress = job.locator('[role="progressbar"]');
      must((await progress.getAttribute('aria-valuenow')) === '100', `the progress bar stops at ${await progress.getAttribute('aria-valuenow')}`);
      must((await job.locator('.ant-progress-status-success').count()) === 1, 'the progress bar is not shown as complete');
      must((await textOf(job)).includes('已处理 3 / 3 行'), 'the job does not say 已处理 3 / 3 行');
      const done = await textOf(job.getByTestId('import-message'));
      must(done.includes('新增 3 件'), `the finished job says "${done}"`);
      const doneCounts = await textOf(job.getByTestId('import-counts'));
      must(/新增\s*3/.test(doneCounts) && /错误\s*0/.test(doneCounts), `the counts read ${doneCounts}`);
      must((await job.getByTestId('import-download-errors').count()) === 0, 'a successful import offers an error report');
      // Both jobs are listed under 最近的导入.
      const jobs = page.getByTestId('import-jobs-table');
      await flow.eventually(
        'both imports in 最近的导入',
        async () =>
          (await flow.visible(jobs.locator('tr').filter({ hasText: goodFile.name }).filter({ hasText: '导入成功' }))) &&
          (await flow.visible(jobs.locator('tr').filter({ hasText: badFile.name }).filter({ hasText: '导入失败' }))),
        () =>
          page
            .getByTestId('import-page')
            .getByRole('button', { name: /刷\s*新/ })
            .click(),
      );
      await flow.shot('duty-import-succeeded');
    });

    // 4. 工单查询 finds an imported order by its number and by Chinese text of its content.
    await flow.step('duty-search', async () => {
      await flow.nav('intake-search', 'search-page');
      const table = page.getByTestId('search-table');
      const rows = table.locator('tr[data-testid^="case-row-"]');
      const wanted = table.getByTestId(`case-row-${importedNos[1]}`);
      const onlyWanted = async () => (await table.locator('.ant-spin-spinning').count()) === 0 && (await rows.count()) === 1 && (await flow.visible(wanted));
      await page.getByTestId('search-externalNo').fill(importedNos[1]);
      await page.getByTestId('search-submit').click();
      await flow.eventually(`${importedNos[1]} alone in 工单查询 by number`, onlyWanted, () => page.getByTestId('search-submit').click());
      const rowText = await wanted.innerText();
      for (const shown of ['地下车库积水严重', '林肯公园', '待签收', '物业管理'])
        must(rowText.includes(shown), `the search row does not show ${shown}: ${rowText}`);
      await flow.shot('duty-search-by-number');

      await page.getByTestId('search-externalNo').fill('');
      await page.getByTestId('search-text').fill(searchText);
      await page.getByTestId('search-submit').click();
      await flow.eventually(`${importedNos[1]} alone in 工单查询 by 「${searchText}」`, onlyWanted, () => page.getByTestId('search-submit').click());
      await flow.shot('duty-search-by-text');

      await page.getByTestId(`case-link-${importedNos[1]}`).click();
      await page.getByTestId('case-info').waitFor();
      must((await textOf(page.getByTestId('case-externalNo'))) === importedNos[1], 'the search opened another case');
      must((await textOf(page.getByTestId('case-content'))).includes(`导入批次${cnTag}第二件`), 'the imported case shows another content');
      must((await textOf(page.getByTestId('case-info'))).includes('批量导入'), '来源渠道 is not 批量导入');
      must((await textOf(page.getByTestId('case-citizenPhone'))) === `137****${tag.slice(-4)}`, 'the imported number is not masked');
      await flow.shot('duty-imported-case');
      await flow.logout();
    });

    // 5. The admin sees step 2's reveal in 个人信息查看记录, then creates, hands out and revokes an Open311 key.
    await flow.step('admin-reveal-log', async () => {
      await flow.login('admin');
      await expectUserBar(flow, '系统管理员');
      await flow.nav('admin-reveal-log', 'reveal-log-page');
      // The test id sits on the search input itself (antd Input.Search passes it down).
      const filter = page.locator('input[data-testid="reveal-log-filter"], [data-testid="reveal-log-filter"] input').first();
      await filter.fill(received.externalNo);
      await filter.press('Enter');
      const table = page.getByTestId('reveal-log-table');
      const entries = table.locator('tbody tr.ant-table-row');
      await flow.eventually(
        `the reveal of ${received.externalNo} in 个人信息查看记录`,
        async () => (await entries.count()) > 0,
        async () => {
          await page.reload();
          await filter.fill(received.externalNo);
          await filter.press('Enter');
        },
      );
      // Only the granted reveal is recorded: the refused (short-reason) attempt left no entry.
      must((await entries.count()) === 1, `个人信息查看记录 holds ${await entries.count()} entries for ${received.externalNo}, expected 1`);
      const entry = await entries.first().innerText();
      for (const shown of [received.externalNo, '值守员 王敏（duty）', '值守员', revealReason, '姓名', '电话', '地址']) {
        must(entry.includes(shown), `the reveal log entry does not show "${shown}": ${entry}`);
      }
      await flow.shot('admin-reveal-log');
    });

    await flow.step('admin-open311-key', async () => {
      await flow.nav('admin-open311', 'open311-page');
      await page.getByTestId('open311-create').click();
      await page.getByTestId('open311-name').fill(open311.name);
      await page.getByTestId('open311-create-submit').click();
      const shown = page.getByTestId('open311-key-created');
      await shown.waitFor();
      must((await textOf(shown)).includes(`合作方：${open311.name}`), 'the new key is not shown with its partner');
      must((await textOf(shown)).includes('密钥明文只显示这一次'), 'the new key does not warn it is shown once');
      open311.key = await textOf(page.getByTestId('open311-key-value'));
      must(open311.key.length >= 16 && !/\s/.test(open311.key), `the shown key looks wrong: "${open311.key}"`);
      await flow.shot('admin-open311-key-shown');
      await page.getByTestId('open311-key-done').click();
      // The dialog closes (antd keeps its last content in the DOM, hidden, until the page is left).
      await shown.waitFor({ state: 'hidden' });
      const row = page.getByTestId(`open311-row-${open311.name}`);
      await row.waitFor();
      const rowText = await row.innerText();
      must(rowText.includes('启用') && rowText.includes('从未使用'), `the new key's row reads ${rowText}`);
      must(!(await page.locator('body').innerText()).includes(open311.key), 'the plain key is still on the page after 我已保存密钥');

      // The partner uses the key: accepted.
      const post = (apiKey: string) =>
        fetch(new URL('/open311/v2/requests.json', opts.baseUrl), {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            api_key: apiKey,
            service_code: 'construction',
            lat: '39.79531',
            long: '116.50612',
            address_string: '北京市经济技术开发区荣华南路12号',
            description: `荣华南路工地夜间十一点后仍在打桩，噪音很大，请查处（网格上报${cnTag}）。`,
            first_name: '海',
            last_name: '林',
            phone: `135${tag}`,
            'attribute[project_name]': '经开区X85地块项目',
            'attribute[request_type]': 'report',
          }).toString(),
        });
      const accepted = await post(open311.key);
      must(accepted.status === 201, `Open311 POST with the new key: ${accepted.status} ${await accepted.text()}`);

      await page.getByTestId(`open311-revoke-${open311.name}`).click();
      const pop = page.locator('.ant-popover:not(.ant-popover-hidden)').filter({ hasText: `停用「${open311.name}」的密钥？` });
      await pop.waitFor();
      await pop.getByTestId('confirm-ok').click();
      await flow.toast(`已停用「${open311.name}」的密钥`);
      await row.filter({ hasText: '已停用' }).waitFor();
      must((await page.getByTestId(`open311-revoke-${open311.name}`).count()) === 0, 'a revoked key can still be revoked');
      must(!(await row.innerText()).includes('从未使用'), 'the key used by the partner still says 从未使用');
      await flow.shot('admin-open311-key-revoked');

      // The revoked key is refused.
      const refused = await post(open311.key);
      must(refused.status === 403, `Open311 POST with the revoked key: ${refused.status} ${await refused.text()}`);
      await flow.logout();
    });

    // 6. Duty's 办结反馈 screen renders its state filter and table without errors.
    await flow.step('duty-feedback', async () => {
      await flow.login('duty');
      const errorsBefore = flow.browserErrors.length;
      await flow.nav('intake-feedback', 'feedback-page');
      const filter = page.getByTestId('feedback-state-filter');
      await filter.waitFor();
      const options = (await filter.locator('.ant-segmented-item').allInnerTexts()).map((t) => t.trim());
      for (const o of ['反馈失败', '待反馈', '已导出待上传', '已反馈', '全部']) must(options.includes(o), `the state filter lacks ${o}: ${options.join(', ')}`);
      must((await textOf(filter.locator('.ant-segmented-item-selected'))) === '反馈失败', 'the state filter does not start at 反馈失败');
      const table = page.getByTestId('feedback-table');
      await table.waitFor();
      await filter.getByText('全部', { exact: true }).click();
      await filter.locator('.ant-segmented-item-selected').filter({ hasText: '全部' }).waitFor();
      await table.waitFor();
      const headers = (await table.locator('thead th').allInnerTexts()).map((t) => t.trim());
      for (const h of ['工单编号', '答复结果', '状态', '操作']) must(headers.includes(h), `the feedback table lacks the column ${h}: ${headers.join(', ')}`);
      // Let the query settle: rows or the empty state, and never the error.
      await table.locator('tbody tr.ant-table-row').or(table.getByTestId('table-empty')).first().waitFor();
      must((await page.getByTestId('feedback-error').count()) === 0, '办结反馈 shows an error');
      const errors = flow.browserErrors.slice(errorsBefore);
      must(errors.length === 0, `办结反馈 logged errors in the browser:\n  ${errors.join('\n  ')}`);
      await flow.shot('duty-feedback');
    });

    return { screenshots: flow.screenshots, received, revealReason, importPrefix, importedNos, open311, browserErrors: flow.browserErrors };
  } finally {
    await browser?.close();
  }
}
