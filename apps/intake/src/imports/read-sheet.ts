import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { DomainError } from '@hotline/service-kit';
import { inspectArchive } from '../attachments/file-type';
import type { Cell } from './column-mapping';

export interface Sheet {
  headers: string[];
  rows: Array<{ row: number; cells: Record<string, Cell> }>;
}

/** A cell's value as text, number, boolean or Date (rich text, links and formulas unwrapped). */
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

/** Reads the first worksheet of an .xlsx, or a .csv (UTF-8, BOM allowed), into header-keyed rows. */
export async function readSheet(data: Buffer, format: 'xlsx' | 'csv'): Promise<Sheet> {
  const wb = new ExcelJS.Workbook();
  let ws: ExcelJS.Worksheet | undefined;
  if (format === 'xlsx') {
    // The upload route checked this already; a sheet read any other way is checked here too.
    const verdict = inspectArchive(data);
    if (!verdict.ok) throw new DomainError('BAD_USER_INPUT', verdict.reason, verdict.message);
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    ws = wb.worksheets[0];
  } else {
    const textData = data.toString('utf8').replace(/^\uFEFF/, '');
    // Keep every CSV value as text: order numbers and phones must not become numbers or dates.
    ws = await wb.csv.read(Readable.from([textData]), { map: (v: unknown) => v, parserOptions: { trim: true } });
  }
  if (!ws || ws.rowCount === 0) return { headers: [], rows: [] };
  const headerRow = ws.getRow(1);
  const headers: string[] = [];
  headerRow.eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col - 1] = String(plain(cell.value) ?? '').trim();
  });
  const rows: Sheet['rows'] = [];
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
  return { headers: headers.filter(Boolean), rows };
}
