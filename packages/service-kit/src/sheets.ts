import { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { inspectArchive } from './file-type';

/** A spreadsheet cell as the services use it: text, number, boolean, date or empty. */
export type SheetCell = string | number | boolean | Date | null;

export interface Sheet {
  /** The first row's texts, blanks dropped. */
  headers: string[];
  /** Every later row with a value, keyed by its column's header; `row` is the 1-based row number in the file. */
  rows: Array<{ row: number; cells: Record<string, SheetCell> }>;
}

/** A cell's value as text, number, boolean or Date (rich text, links and formulas unwrapped). */
function plain(v: ExcelJS.CellValue): SheetCell {
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

/**
 * Reads the first worksheet of an .xlsx, or a .csv (UTF-8, BOM allowed), into header-keyed rows —
 * intake's work-order import and callback's district results import. An .xlsx is a zip: its
 * uncompressed size, entry count and contents are checked (`inspectArchive`) before exceljs expands
 * it, since a small file can unpack to hundreds of MiB. CSV values stay text: order numbers and
 * phones must not become numbers or dates. exceljs is loaded on first use, so services that never
 * read a sheet do not pay for it at start-up.
 */
export async function readSheet(data: Buffer, format: 'xlsx' | 'csv'): Promise<Sheet> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  let ws: ExcelJS.Worksheet | undefined;
  if (format === 'xlsx') {
    const verdict = inspectArchive(data);
    if (!verdict.ok) throw verdict.error;
    await wb.xlsx.load(data as unknown as ArrayBuffer);
    ws = wb.worksheets[0];
  } else {
    const text = data.toString('utf8').replace(/^\uFEFF/, '');
    ws = await wb.csv.read(Readable.from([text]), { map: (v: unknown) => v, parserOptions: { trim: true } });
  }
  if (!ws || ws.rowCount === 0) return { headers: [], rows: [] };
  const headers: string[] = [];
  ws.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => {
    headers[col - 1] = String(plain(cell.value) ?? '').trim();
  });
  const rows: Sheet['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (row, n) => {
    if (n === 1) return;
    const cells: Record<string, SheetCell> = {};
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
