// A year of the district platform's export (13,000 rows of .xlsx) imported through the running
// system (upload → validate → one transaction with the outbox → job done) against the raw
// baseline of reading the same workbook with exceljs in this process.
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { median, fmt } from './stats.mjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ExcelJS = createRequire(path.join(root, 'apps', 'intake', 'package.json'))('exceljs');
const { startTestStack, loginAs } = require('@hotline/testing');

/** The district platform's export columns, in its order (packages/contracts district-import.ts). */
const { DISTRICT_EXPORT_COLUMNS: HEADERS } = require('@hotline/contracts');
const local = (d) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

async function workbook(count, prefix) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('工单');
  ws.addRow(HEADERS);
  const start = Date.UTC(2025, 0, 1);
  for (let i = 0; i < count; i++) {
    const received = new Date(start + Math.floor((i / count) * 364 * 86_400_000));
    ws.addRow([
      `${prefix}-${String(i + 1).padStart(6, '0')}`,
      local(received),
      '',
      `市民${i % 997}`,
      `139${String(10_000_000 + i).padStart(8, '0')}`,
      '否',
      '否',
      `北京市经济技术开发区林肯公园${(i % 30) + 1}号楼`,
      '荣华街道',
      '荣华社区',
      '林肯公园',
      '',
      '',
      '小区电梯频繁故障',
      `5号楼电梯多次故障，物业维修拖延（${i}）`,
      '投诉',
      '物业',
      '一般',
      '',
      '',
      local(new Date(received.getTime() + 5 * 86_400_000)),
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function imports({ runs }) {
  const n = 13_000;
  console.log(`\n== import: ${n} rows of .xlsx × ${Math.min(runs, 3)} runs (through the system vs exceljs read alone)`);
  const stack = await startTestStack(root);
  try {
    const duty = await loginAs(stack.gatewayUrl, 'duty');
    const raw = [],
      ours = [];
    for (let r = 0; r < Math.min(runs, 3); r++) {
      const file = await workbook(n, `BENCH${r}-${Date.now() % 100000}`);
      let t = performance.now();
      await new ExcelJS.Workbook().xlsx.load(file);
      raw.push(performance.now() - t);
      t = performance.now();
      const res = await fetch(`${stack.gatewayUrl}/imports?fileName=bench.xlsx`, {
        method: 'POST',
        headers: { authorization: `Bearer ${duty.token}`, 'content-type': 'application/octet-stream' },
        body: file,
      });
      if (!res.ok) throw new Error(`upload refused: ${res.status} ${await res.text()}`);
      const { jobId: id } = await res.json();
      for (;;) {
        const { importJob } = await duty.request('query($id: ID!) { importJob(id: $id) { status message } }', { id });
        if (importJob.status === 'succeeded') break;
        if (importJob.status === 'failed') throw new Error(`import failed: ${importJob.message}`);
        await new Promise((s) => setTimeout(s, 100));
      }
      ours.push(performance.now() - t);
      console.log(`  run ${r + 1}: exceljs read ${fmt(raw[r])} ms, import ${fmt(ours[r])} ms`);
    }
    const result = { rows: n, readMedianMs: median(raw), importMedianMs: median(ours), ratio: median(ours) / median(raw) };
    console.log(`  median: read ${fmt(result.readMedianMs)} ms, import ${fmt(result.importMedianMs)} ms (${fmt(result.ratio, 1)}×)`);
    return result;
  } finally {
    await stack.stop();
  }
}
