// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { IMPORT_FIELDS } from '@hotline/contracts/browser';
import { csvCell, importTemplateCsv, TEMPLATE_EXAMPLE } from './template';
import { IMPORT_FIELD_LABELS, importFieldLabel, missingColumns, REQUIRED_IMPORT_FIELDS, STANDARD_HEADERS } from './types';

/** A minimal CSV reader (quoted cells, doubled quotes) to read the template back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('importTemplateCsv', () => {
  const csv = importTemplateCsv();

  it('starts with a BOM and ends its lines with CRLF (Excel opens the Chinese as UTF-8)', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.slice(1).replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('holds the standard headers of every importable field, then one example row', () => {
    const rows = parseCsv(csv.slice(1));
    expect(rows).toHaveLength(2);
    const [headers, example] = rows;
    expect(headers).toEqual(Object.keys(IMPORT_FIELD_LABELS).map((f) => STANDARD_HEADERS[f]));
    expect(headers.slice(0, 3)).toEqual(['工单编号', '受理时间', '派单时间']);
    expect(example).toHaveLength(headers.length);
    const byHeader = Object.fromEntries(headers.map((h, i) => [h, example[i]]));
    // The example fills every required column, in the forms the import reads.
    for (const f of REQUIRED_IMPORT_FIELDS) expect(byHeader[STANDARD_HEADERS[f]], f).not.toBe('');
    expect(byHeader['受理时间']).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(byHeader['诉求类型']).toBe('投诉');
    expect(byHeader['紧急程度']).toBe('一般');
    expect(byHeader['是否匿名']).toBe('否');
    expect(byHeader['标题']).toContain('导入前请删除此行');
    expect(example).toEqual(Object.keys(IMPORT_FIELD_LABELS).map((f) => TEMPLATE_EXAMPLE[f] ?? ''));
  });
  it('names every field the import reads, each with its standard header', () => {
    expect(Object.keys(IMPORT_FIELD_LABELS).sort()).toEqual([...IMPORT_FIELDS].sort());
    for (const f of IMPORT_FIELDS) expect(STANDARD_HEADERS[f], f).toBeTruthy();
  });
});

describe('csvCell', () => {
  it('quotes a cell with a comma, a quote or a line break', () => {
    expect(csvCell('一般')).toBe('一般');
    expect(csvCell('甲,乙')).toBe('"甲,乙"');
    expect(csvCell('说"明"')).toBe('"说""明"""');
    expect(csvCell('两\n行')).toBe('"两\n行"');
  });
});

describe('importFieldLabel', () => {
  it('is Chinese only, with the standard column when it reads otherwise', () => {
    expect(importFieldLabel('externalNo')).toBe('工单编号（必需）');
    expect(importFieldLabel('projectName')).toBe('项目名称（标准列名「楼盘小区」）');
    expect(importFieldLabel('receivedAt')).toBe('受理时间（必需）');
    expect(importFieldLabel('address')).toBe('地址');
    for (const f of Object.keys(IMPORT_FIELD_LABELS)) expect(importFieldLabel(f)).not.toMatch(/[A-Za-z]/);
  });
});

describe('missingColumns', () => {
  it('lists every column the server reports missing, once, in its order', () => {
    expect(
      missingColumns([
        { row: 1, column: '受理时间', reason: '缺少必需的列「受理时间」' },
        { row: 1, column: '标题', reason: '缺少必需的列「标题」' },
        { row: 3, column: '联系电话', reason: '联系电话格式不正确' },
        { row: 1, column: '标题', reason: '缺少必需的列「标题」' },
      ]),
    ).toEqual(['受理时间', '标题']);
  });

  it('is empty for row errors or nothing', () => {
    expect(missingColumns([{ row: 3, column: '联系电话', reason: '联系电话格式不正确' }])).toEqual([]);
    expect(missingColumns(undefined)).toEqual([]);
  });
});
