import ExcelJS from 'exceljs';
import { PUBLICITY_KIND_LABELS } from '@hotline/contracts';
import { shownText } from '../privacy/public-text';
import type { LedgerEntry } from './ledger-entry.entity';

const beijing = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

/**
 * 加分台账 as an .xlsx workbook: one row per line (月份, 类别, 事项, 加分科室, 分值, 加分依据, 登记人,
 * 登记时间 in Beijing time) and a 合计 row. Department names come from publicity's copy of identity's. Free text is masked like on screen.
 */
export async function ledgerWorkbook(month: string, entries: readonly LedgerEntry[], departmentName: (id: string | null) => string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'hotline publicity';
  const ws = wb.addWorksheet(`${month} 加分台账`);
  ws.columns = [
    { header: '月份', key: 'month', width: 10 },
    { header: '类别', key: 'kind', width: 18 },
    { header: '事项', key: 'title', width: 40 },
    { header: '加分科室', key: 'department', width: 16 },
    { header: '分值', key: 'points', width: 8 },
    { header: '加分依据', key: 'evidence', width: 50 },
    { header: '登记人', key: 'user', width: 14 },
    { header: '登记时间（北京时间）', key: 'at', width: 20 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const e of entries) {
    ws.addRow({
      month: e.month,
      kind: PUBLICITY_KIND_LABELS[e.itemKind],
      title: e.title,
      department: departmentName(e.departmentId),
      points: e.points,
      evidence: shownText(e.evidence),
      user: e.awardedByName,
      at: beijing(e.awardedAt),
    });
  }
  const total = ws.addRow({ month: '合计', points: entries.reduce((s, e) => s + e.points, 0), title: `${entries.length} 项` });
  total.font = { bold: true };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
