import { DISTRICT_EXPORT_HEADERS, REQUIRED_IMPORT_FIELDS } from '@hotline/contracts/browser';

export type ImportStatus = 'queued' | 'validating' | 'importing' | 'succeeded' | 'failed';

export interface ImportJob {
  id: string;
  status: ImportStatus;
  fileName: string;
  format: string;
  mappingName?: string | null;
  totalRows: number;
  processedRows: number;
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  errorCount: number;
  message?: string | null;
  createdAt: string;
  finishedAt?: string | null;
  durationMs?: number | null;
  progress: number;
  errorReportUrl?: string;
  errors?: { row: number; column: string; reason: string }[];
}

export interface ImportMapping {
  id: string;
  name: string;
  updatedAt: string;
  mappedColumns: { field: string; header: string }[];
}

export const IMPORT_STATUS_LABELS: Record<ImportStatus, string> = {
  queued: '排队中',
  validating: '校验中',
  importing: '导入中',
  succeeded: '导入成功',
  failed: '导入失败',
};

export const IMPORT_STATUS_COLORS: Record<ImportStatus, string> = {
  queued: 'default',
  validating: 'processing',
  importing: 'processing',
  succeeded: 'success',
  failed: 'error',
};

export function isRunning(status: ImportStatus | undefined): boolean {
  return status === 'queued' || status === 'validating' || status === 'importing';
}

/** The fields a column mapping can set, with their Chinese names: the export's header where it reads well. */
export const IMPORT_FIELD_LABELS: Record<string, string> = {
  ...DISTRICT_EXPORT_HEADERS,
  districtDispatchedAt: '区平台派单时间',
  anonymous: '匿名',
  confidential: '保密',
  street: '街道（乡镇）',
  projectName: '项目名称',
  attachmentUrls: '附件地址',
};

/** The district platform's standard export headers (the import's default mapping) and the required fields. */
export const STANDARD_HEADERS: Readonly<Record<string, string>> = DISTRICT_EXPORT_HEADERS;
export { REQUIRED_IMPORT_FIELDS };

/** A field as the mapping dialog offers it: its Chinese name, and the standard column when that reads otherwise. */
export function importFieldLabel(field: string): string {
  const name = IMPORT_FIELD_LABELS[field] ?? field;
  const header = STANDARD_HEADERS[field];
  const required = (REQUIRED_IMPORT_FIELDS as readonly string[]).includes(field) ? '，必需' : '';
  if (!header || header === name) return required ? `${name}（必需）` : name;
  return `${name}（标准列名「${header}」${required}）`;
}

/** The columns the server found missing (row 1, 缺少必需的列「…」), in its order. */
export function missingColumns(errors: ReadonlyArray<{ row: number; column: string; reason: string }> | null | undefined): string[] {
  const out: string[] = [];
  for (const e of errors ?? []) {
    if (e.row === 1 && e.reason.startsWith('缺少必需的列') && e.column && !out.includes(e.column)) out.push(e.column);
  }
  return out;
}

export const ACCEPTED_EXTENSIONS = ['.xlsx', '.csv'];

export function acceptedFile(name: string): boolean {
  const lower = name.toLowerCase();
  return ACCEPTED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}
