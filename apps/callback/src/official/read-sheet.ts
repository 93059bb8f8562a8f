import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { DomainError, inspectArchive } from '@hotline/service-kit';

export type Cell = string | number | boolean | Date | null;
export interface SheetRow { row: number; cells: Record<string, Cell> }

function plain(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return plain(v.result as ExcelJS.CellValue);
    if ('error' in v) return null;
  }
  return String(v);
}

/** The first worksheet of an .xlsx, or a UTF-8 .csv (BOM allowed, every value kept as text), as header-keyed rows. */
export async function readSheet(data: Buffer, format: 'xlsx' | 'csv'): Promise<SheetRow[]> {
  const wb = new ExcelJS.Workbook();
  let ws: ExcelJS.Worksheet | undefined;
  if (format === 'xlsx') {
    // An .xlsx is a zip: its uncompressed size, entry count and contents are checked before exceljs
    // expands it (the same guard as intake's import; a small file can unpack to hundreds of MiB).
    const verdict = inspectArchive(data);
    if (!verdict.ok) throw new DomainError('BAD_USER_INPUT', verdict.reason, verdict.message);
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    ws = wb.worksheets[0];
  } else {
    ws = await wb.csv.read(Readable.from([data.toString('utf8').replace(/^\uFEFF/, '')]), { map: (v: unknown) => v, parserOptions: { trim: true } });
  }
  if (!ws || ws.rowCount === 0) return [];
  const headers: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => { headers[col - 1] = String(plain(cell.value) ?? '').trim(); });
  const rows: SheetRow[] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const cells: Record<string, Cell> = {};
    let any = false;
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const h = headers[col - 1];
      if (!h) return;
      const v = plain(cell.value);
      cells[h] = typeof v === 'string' ? v.trim() : v;
      if (v !== null && v !== '') any = true;
    });
    if (any) rows.push({ row: n, cells });
  });
  return rows;
}
