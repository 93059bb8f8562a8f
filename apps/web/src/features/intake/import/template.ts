// 下载导入模板: a .csv with the district platform's standard columns and one example row, in the
// form the import reads (UTF-8 with BOM so Excel opens the Chinese correctly, CRLF lines).
import { IMPORT_FIELD_LABELS, STANDARD_HEADERS } from './types';

export const TEMPLATE_FILE_NAME = '工单导入模板.csv';

/** The example row, by field: every value in a form the import accepts. */
export const TEMPLATE_EXAMPLE: Record<string, string> = {
  externalNo: 'SL-2026-000001',
  receivedAt: '2026-11-01 09:30',
  districtDispatchedAt: '2026-11-01 09:45',
  citizenName: '张先生',
  citizenPhone: '13800000000',
  anonymous: '否',
  confidential: '否',
  address: '北京市经济技术开发区荣华中路10号院',
  street: '荣华街道',
  community: '荣华社区',
  projectName: '亦庄金茂悦',
  longitude: '116.50612',
  latitude: '39.79531',
  title: '（示例，导入前请删除此行）二期延期交房无说法',
  content: '合同约定交房日期已过，开发商未交付，也未书面说明原因和补偿方案。',
  requestType: '投诉',
  topic: '延期交房',
  urgency: '一般',
  deadlineAt: '2026-11-08 09:30',
  attachmentUrls: '',
  completedAt: '',
};

/** A CSV cell: quoted when it holds a comma, a quote or a line break. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The template's text: BOM, the standard headers, the example row. */
export function importTemplateCsv(): string {
  const fields = Object.keys(STANDARD_HEADERS).filter((f) => f in IMPORT_FIELD_LABELS);
  const rows = [fields.map((f) => STANDARD_HEADERS[f]), fields.map((f) => TEMPLATE_EXAMPLE[f] ?? '')];
  return `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
