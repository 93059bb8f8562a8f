import { createRequire } from 'node:module';
import path from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { DISTRICT_EXPORT_COLUMNS } from '@hotline/contracts';

/** exceljs is intake's dependency: load it from there to write test spreadsheets. */
const requireFromIntake = createRequire(path.resolve(__dirname, '..', '..', 'intake', 'package.json'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const ExcelJS = requireFromIntake('exceljs') as typeof import('exceljs');

/** The district platform's export columns, in its order (packages/contracts district-import.ts). */
export const HEADERS = DISTRICT_EXPORT_COLUMNS;

const TOPICS = [
  ['延期交房', '投诉', '亦庄金茂悦', '二期延期交房无说法', '合同约定交房日期已过，开发商未交付也未书面说明，要求尽快交房并支付违约金。'],
  ['购房退费', '投诉', '星悦城', '退房后购房款迟迟不退', '已与开发商协商解除购房合同，约定期限内退还首付款，现已超期仍未退款。'],
  ['物业', '投诉', '林肯公园', '小区电梯频繁故障', '5号楼电梯近一个月多次故障，物业维修拖延，要求彻底维修并公开维保记录。'],
  ['施工', '举报', '经开区X85地块项目', '工地夜间施工噪音扰民', '工地每天晚上十一点后仍在施工打桩，严重影响周边居民休息，要求查处。'],
  ['物业', '咨询', '鹿海园', '物业费调整咨询', '想咨询物业费调整是否需要业主大会表决，有什么规定。'],
] as const;

/**
 * One realistic order per row, spread over `year`, numbered `${prefix}-000001`... With
 * `completed`, each row carries its 办结时间 (history: the orders arrive completed, not 待签收).
 */
export function orderRows(count: number, prefix: string, year = 2025, completed = false): string[][] {
  const rows: string[][] = [];
  const start = Date.UTC(year, 0, 1);
  for (let i = 0; i < count; i++) {
    const [topic, type, project, title, content] = TOPICS[i % TOPICS.length];
    const received = new Date(start + Math.floor((i / count) * 364 * 86_400_000));
    const local = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    rows.push([
      `${prefix}-${String(i + 1).padStart(6, '0')}`,
      local(received),
      local(new Date(received.getTime() + 600_000)),
      `市民${i % 997}`,
      `13${String(100_000_000 + ((i * 7919) % 900_000_000)).padStart(9, '0')}`,
      '否',
      i % 50 === 0 ? '是' : '否',
      `北京市经济技术开发区${project}${(i % 30) + 1}号楼`,
      '荣华街道',
      '荣华社区',
      project,
      '116.5061',
      '39.7953',
      title,
      `${content}（${i}）`,
      type,
      topic,
      '一般',
      local(new Date(received.getTime() + 7 * 86_400_000)),
      '',
      completed ? local(new Date(received.getTime() + 5 * 86_400_000)) : '',
    ]);
  }
  return rows;
}

export async function xlsxOf(headers: readonly string[], rows: Array<Array<string | number | Date>>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工单');
  ws.addRow(headers);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function csvOf(headers: readonly string[], rows: string[][]): Buffer {
  const q = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return Buffer.from(`\uFEFF${[headers, ...rows].map((r) => r.map(q).join(',')).join('\r\n')}\r\n`, 'utf8');
}

/** A ZIP built by hand (deflated entries), for files no Office program would write: bombs, programs inside. */
export function zipOf(entries: Record<string, string | Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content] of Object.entries(entries)) {
    const raw = Buffer.from(content);
    const data = deflateRawSync(raw);
    const n = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(raw), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(raw), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

/**
 * Imports rows (HEADERS order) as a .csv through the gateway, as the duty operator does, and waits
 * for the job; throws unless every row went in.
 */
export async function importRows(
  gatewayUrl: string,
  token: string,
  rows: string[][],
  poll: (jobId: string) => Promise<{ status: string; errorCount: number; message: string | null } | null>,
): Promise<void> {
  const res = await fetch(`${gatewayUrl}/imports?${new URLSearchParams({ fileName: 'rows.csv' })}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${token}` },
    body: new Uint8Array(csvOf(HEADERS, rows)),
  });
  if (res.status !== 202) throw new Error(`import refused: ${res.status} ${await res.text()}`);
  const { jobId } = (await res.json()) as { jobId: string };
  const deadline = Date.now() + 120_000;
  for (;;) {
    const job = await poll(jobId);
    if (job?.status === 'succeeded') return;
    if (job?.status === 'failed') throw new Error(`import failed: ${job.message}`);
    if (Date.now() > deadline) throw new Error(`import job ${jobId} did not finish`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Beijing wall-clock time as the export writes it: `2026-11-01 09:30`. */
export const beijing = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/** One export row (HEADERS order) with no personal data worth the name; `over` by header. */
export function exportRow(externalNo: string, over: Partial<Record<(typeof HEADERS)[number], string>> = {}): string[] {
  const received = new Date(Date.now() - 3_600_000);
  const base: Record<string, string> = {
    工单编号: externalNo,
    受理时间: beijing(received),
    派单时间: '',
    来电人: '市民',
    联系电话: '13800001111',
    是否匿名: '否',
    是否保密: '否',
    地址: '北京市经济技术开发区荣华南路12号',
    街道: '荣华街道',
    社区: '荣华社区',
    楼盘小区: '经开区X85地块项目',
    经度: '116.5061',
    纬度: '39.7953',
    标题: '工地夜间施工噪音扰民',
    诉求内容: '工地每天晚上十一点后仍在施工打桩，影响休息，要求查处。',
    诉求类型: '投诉',
    主题: '施工',
    紧急程度: '一般',
    办理时限: '',
    附件: '',
    办结时间: '',
  };
  return HEADERS.map((h) => over[h] ?? base[h]);
}
