import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DomainError, readSheet } from '../src';

const workbook = async (rows: string[][]): Promise<Buffer> => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('回访结果');
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
};

describe('readSheet: .xlsx and .csv imports (工单导入, 区平台回访结果)', () => {
  it('reads an .xlsx into header-keyed rows', async () => {
    const sheet = await readSheet(
      await workbook([
        ['工单编号', '回访结果'],
        ['E-1', '满意'],
      ]),
      'xlsx',
    );
    expect(sheet.headers).toEqual(['工单编号', '回访结果']);
    expect(sheet.rows).toEqual([{ row: 2, cells: { 工单编号: 'E-1', 回访结果: '满意' } }]);
  });

  it('refuses an .xlsx that expands far beyond its size before exceljs unpacks it (the same guard as intake)', async () => {
    const bomb = await workbook([['工单编号', '备注'], ...Array.from({ length: 600 }, (_, i) => [`E-${i}`, `${'a'.repeat(30_000)}${i}`])]);
    const refused = await readSheet(bomb, 'xlsx').then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(DomainError);
    expect((refused as DomainError).reason).toMatch(/^ARCHIVE_/);
  });

  it('reads a UTF-8 .csv with a BOM, keeping numbers and phones as text', async () => {
    const csv = Buffer.from('\uFEFF工单编号,联系电话,件数\nE-2,01061234567,007\n,,\n', 'utf8');
    const sheet = await readSheet(csv, 'csv');
    expect(sheet.headers).toEqual(['工单编号', '联系电话', '件数']);
    expect(sheet.rows).toEqual([{ row: 2, cells: { 工单编号: 'E-2', 联系电话: '01061234567', 件数: '007' } }]);
  });
});
