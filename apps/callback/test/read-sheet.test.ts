import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DomainError } from '@hotline/service-kit';
import { readSheet } from '../src/official/read-sheet';

const workbook = async (rows: string[][]): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('回访结果');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};

describe('the district results file (区平台回访结果)', () => {
  it('reads an .xlsx into header-keyed rows', async () => {
    const rows = await readSheet(await workbook([['工单编号', '回访结果'], ['E-1', '满意']]), 'xlsx');
    expect(rows).toEqual([{ row: 2, cells: { 工单编号: 'E-1', 回访结果: '满意' } }]);
  });

  it('refuses an .xlsx that expands far beyond its size before exceljs unpacks it (the same guard as intake)', async () => {
    const bomb = await workbook([['工单编号', '备注'], ...Array.from({ length: 600 }, (_, i) => [`E-${i}`, `${'a'.repeat(30_000)}${i}`])]);
    const refused = await readSheet(bomb, 'xlsx').then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).reason).toMatch(/^ARCHIVE_/);
  });
});
