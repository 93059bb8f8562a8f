import {
  DISTRICT_EXPORT_HEADERS,
  IMPORT_FIELDS,
  type ImportField,
  REQUEST_TYPE_LABELS,
  REQUEST_TYPES,
  REQUIRED_IMPORT_FIELDS,
  URGENCIES,
  URGENCY_LABELS,
} from '@hotline/contracts';
import type { SheetCell } from '@hotline/service-kit';

/**
 * 导入列映射 — which column of the district platform's export holds which field of the work
 * order. Plain functions: they turn one spreadsheet row into a receive command, or say why not.
 * The fields and the export's headers are the contracts' (`district-import.ts`).
 */
export type Cell = SheetCell;

export interface RowProblem {
  /** The spreadsheet's own row number (the header is row 1). */
  row: number;
  /** The column header as it is in the file. */
  column: string;
  reason: string;
}

/** Which header each field reads, given a saved mapping over the defaults; missing required columns are problems. */
export function resolveColumns(
  headers: string[],
  mapping: Partial<Record<ImportField, string>> = {},
): { columns: Partial<Record<ImportField, string>>; problems: RowProblem[] } {
  const present = new Set(headers.map((h) => h.trim()));
  const columns: Partial<Record<ImportField, string>> = {};
  const problems: RowProblem[] = [];
  for (const field of IMPORT_FIELDS) {
    const header = (mapping[field] ?? DISTRICT_EXPORT_HEADERS[field]).trim();
    if (present.has(header)) columns[field] = header;
    else if (REQUIRED_IMPORT_FIELDS.includes(field)) problems.push({ row: 1, column: header, reason: `缺少必需的列「${header}」` });
  }
  return { columns, problems };
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * A time as the export writes it. Excel date cells arrive as Date objects carrying the wall-clock
 * time as UTC; text without an offset is Beijing time (Asia/Shanghai, UTC+8, no DST).
 */
export function parseTime(cell: Cell): Date | null | 'invalid' {
  if (cell === null || cell === '') return null;
  if (cell instanceof Date) {
    const wall = `${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}T${pad(cell.getUTCHours())}:${pad(cell.getUTCMinutes())}:${pad(cell.getUTCSeconds())}+08:00`;
    return new Date(wall);
  }
  const s = String(cell).trim().replace(/\//g, '-');
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(s);
  if (!m) return 'invalid';
  const [, y, mo, d, h = '0', mi = '0', se = '0', tz] = m;
  const date = new Date(`${y}-${pad(+mo)}-${pad(+d)}T${pad(+h)}:${mi}:${pad(+se)}${tz ?? '+08:00'}`);
  return Number.isNaN(date.getTime()) ? 'invalid' : date;
}

const text = (cell: Cell) => (cell === null ? '' : cell instanceof Date ? cell.toISOString() : String(cell).trim());

const YES = ['是', 'y', 'yes', 'true', '1', '匿名', '保密'];
const NO = ['', '否', 'n', 'no', 'false', '0'];

/** A Chinese label (投诉) or a code (complaint) to the code. */
function codeOf<T extends string>(value: string, codes: readonly T[], labels: Record<T, string>): T | undefined {
  if ((codes as readonly string[]).includes(value)) return value as T;
  return codes.find((c) => labels[c] === value);
}

/**
 * One row to the input of `receiveCase` (validated there again with its zod schema), or the
 * problems of this row, each naming its column.
 */
export function rowToInput(
  rowNumber: number,
  cells: Record<string, Cell>,
  columns: Partial<Record<ImportField, string>>,
): { input?: Record<string, unknown>; problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const get = (f: ImportField): Cell => (columns[f] ? (cells[columns[f]!] ?? null) : null);
  const bad = (f: ImportField, reason: string) => problems.push({ row: rowNumber, column: columns[f] ?? DISTRICT_EXPORT_HEADERS[f], reason });
  const input: Record<string, unknown> = { channel: 'import' };

  for (const f of ['externalNo', 'citizenName', 'citizenPhone', 'address', 'street', 'community', 'projectName', 'title', 'content', 'topic'] as const) {
    const v = text(get(f));
    if (v) input[f] = f === 'citizenPhone' ? v.replace(/\.0$/, '') : v;
  }
  for (const f of ['receivedAt', 'districtDispatchedAt', 'deadlineAt', 'completedAt'] as const) {
    const t = parseTime(get(f));
    if (t === 'invalid') bad(f, '时间格式不正确，应为 2026-11-01 09:30 这样的格式');
    else if (t) input[f] = t;
  }
  for (const f of ['anonymous', 'confidential'] as const) {
    const v = text(get(f)).toLowerCase();
    if (YES.includes(v)) input[f] = true;
    else if (NO.includes(v)) input[f] = false;
    else bad(f, '应填写「是」或「否」');
  }
  for (const f of ['latitude', 'longitude'] as const) {
    const v = text(get(f));
    if (!v) continue;
    const n = Number(v);
    if (Number.isFinite(n)) input[f] = n;
    else bad(f, '应为数字');
  }
  const type = text(get('requestType'));
  if (type) {
    const code = codeOf(type, REQUEST_TYPES, REQUEST_TYPE_LABELS);
    if (code) input.requestType = code;
    else bad('requestType', `诉求类型「${type}」无效，应为 ${REQUEST_TYPES.map((t) => REQUEST_TYPE_LABELS[t]).join('/')}`);
  }
  const urgency = text(get('urgency'));
  if (urgency) {
    const code = codeOf(urgency, URGENCIES, URGENCY_LABELS);
    if (code) input.urgency = code;
    else bad('urgency', `紧急程度「${urgency}」无效，应为 一般/及时/紧急`);
  }
  const urls = text(get('attachmentUrls'));
  if (urls)
    input.attachments = urls
      .split(/[\s,，;；]+/)
      .filter(Boolean)
      .map((url, i) => ({ name: `附件${i + 1}`, url }));
  for (const f of REQUIRED_IMPORT_FIELDS)
    if (input[f] === undefined && !problems.some((p) => p.column === (columns[f] ?? DISTRICT_EXPORT_HEADERS[f]))) bad(f, '必填');
  return problems.length ? { problems } : { input, problems };
}

/** Which of ReceiveCaseCommand's fields the error path names, back to the file's column. */
export function columnOfField(field: string, columns: Partial<Record<ImportField, string>>): string {
  const f = field.split('.')[0] as ImportField;
  if (f === ('attachments' as ImportField)) return columns.attachmentUrls ?? DISTRICT_EXPORT_HEADERS.attachmentUrls;
  return columns[f] ?? DISTRICT_EXPORT_HEADERS[f] ?? field;
}
