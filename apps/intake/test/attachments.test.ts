import { crc32, deflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { linkAttachments, withUploadedAttachments } from '../src/attachments/attachments';
import {
  biffHasMacroSheet,
  contentDisposition,
  FILE_KINDS,
  formatSize,
  inspectArchive,
  oleStreamNames,
  sanitizeFileName,
  sniffFileKind,
  zipEntryNames,
} from '../src/attachments/file-type';

// ---- real files, built byte by byte -------------------------------------------------------

/** A 1×1 PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n');

/** A ZIP with these entries — stored (no compression), or deflated as Office writes them. */
function zip(entries: Record<string, string | Buffer>, opts: { deflate?: boolean } = {}): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const raw = Buffer.from(text);
    const data = opts.deflate ? deflateRawSync(raw) : raw;
    const n = Buffer.from(name);
    const crc = crc32(raw);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(opts.deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(n.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(opts.deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(raw.length, 24);
    central.writeUInt16LE(n.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, n, data);
    centrals.push(central, n);
    offset += 30 + n.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(entries).length, 8);
  end.writeUInt16LE(Object.keys(entries).length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>';
const docx = (extra: Record<string, string | Buffer> = {}) =>
  zip({ '[Content_Types].xml': CONTENT_TYPES, '_rels/.rels': '<Relationships/>', 'word/document.xml': '<w:document/>', ...extra });

/**
 * An OLE2 compound file (legacy Office) with these stream names: 512-byte sectors, sector 0 the
 * FAT, sector 1 the directory (root + streams), then one data sector per stream.
 */
function ole(streams: Array<string | [string, Buffer]>): Buffer {
  const sectors = 2 + streams.length;
  const b = Buffer.alloc(512 * (sectors + 1));
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(b, 0);
  b.writeUInt16LE(0x3e, 24); // minor version
  b.writeUInt16LE(3, 26); // major version 3
  b.writeUInt16LE(0xfffe, 28); // little-endian
  b.writeUInt16LE(9, 30); // 512-byte sectors
  b.writeUInt16LE(6, 32); // 64-byte mini sectors
  b.writeUInt32LE(1, 44); // one FAT sector
  b.writeUInt32LE(1, 48); // directory starts at sector 1
  b.writeUInt32LE(4096, 56);
  b.writeUInt32LE(0xfffffffe, 60); // no mini FAT
  b.writeUInt32LE(0xfffffffe, 68); // no DIFAT sectors
  for (let i = 0; i < 109; i++) b.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 76 + i * 4);
  const fat = 512;
  b.writeUInt32LE(0xfffffffd, fat); // sector 0: FAT
  b.writeUInt32LE(0xfffffffe, fat + 4); // sector 1: directory, end of chain
  for (let i = 0; i < streams.length; i++) b.writeUInt32LE(0xfffffffe, fat + 8 + i * 4);
  for (let i = 2 + streams.length; i < 128; i++) b.writeUInt32LE(0xffffffff, fat + i * 4);
  const dir = 512 * 2;
  const entry = (i: number, name: string, type: number, start: number, size: number) => {
    const at = dir + i * 128;
    b.write(name, at, 'utf16le');
    b.writeUInt16LE((name.length + 1) * 2, at + 64);
    b.writeUInt8(type, at + 66);
    b.writeUInt32LE(0xffffffff, at + 68);
    b.writeUInt32LE(0xffffffff, at + 72);
    b.writeUInt32LE(i === 0 && streams.length ? 1 : 0xffffffff, at + 76);
    b.writeUInt32LE(start, at + 116);
    b.writeUInt32LE(size, at + 120);
  };
  entry(0, 'Root Entry', 5, 0xfffffffe, 0);
  streams.forEach((s, i) => {
    const [name, content] = typeof s === 'string' ? [s, undefined] : s;
    entry(i + 1, name, 2, 2 + i, 4096);
    content?.copy(b, 512 * (3 + i), 0, Math.min(512, content.length));
  });
  return b;
}

const ascii = (s: string) => Buffer.from(s, 'latin1');

describe('sniffFileKind: the type from the bytes only', () => {
  it('recognises images, PDF, audio and video by their magic numbers', () => {
    expect(sniffFileKind(PNG)).toBe('png');
    expect(sniffFileKind(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46]))).toBe('jpeg');
    expect(sniffFileKind(ascii('GIF89a\x01\x00\x01\x00'))).toBe('gif');
    expect(sniffFileKind(ascii('RIFF\x24\x00\x00\x00WEBPVP8 '))).toBe('webp');
    expect(sniffFileKind(PDF)).toBe('pdf');
    expect(sniffFileKind(ascii('RIFF\x24\x00\x00\x00WAVEfmt '))).toBe('wav');
    expect(sniffFileKind(ascii('#!AMR\n\x3c\x00'))).toBe('amr');
    expect(sniffFileKind(ascii('ID3\x04\x00\x00\x00\x00\x00\x00'))).toBe('mp3');
    expect(sniffFileKind(Buffer.from([0xff, 0xfb, 0x90, 0x64, 0, 0]))).toBe('mp3');
    expect(sniffFileKind(ascii('\x00\x00\x00\x20ftypM4A \x00\x00\x00\x00'))).toBe('m4a');
    expect(sniffFileKind(ascii('\x00\x00\x00\x18ftypisom\x00\x00\x02\x00'))).toBe('mp4');
  });

  it('tells docx / xlsx / pptx apart by their parts, and refuses other ZIPs and macro documents', async () => {
    expect(sniffFileKind(docx())).toBe('docx');
    expect(sniffFileKind(zip({ '[Content_Types].xml': CONTENT_TYPES, 'ppt/presentation.xml': '<p/>' }))).toBe('pptx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('工单').addRow(['工单编号', '标题']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    expect(zipEntryNames(xlsx)).toContain('[Content_Types].xml');
    expect(sniffFileKind(xlsx)).toBe('xlsx');
    expect(sniffFileKind(zip({ 'readme.txt': 'hello', 'run.exe': 'MZ' }))).toBeUndefined();
    expect(sniffFileKind(docx({ 'word/vbaProject.bin': 'macro' }))).toBeUndefined();
    expect(sniffFileKind(zip({ '[Content_Types].xml': CONTENT_TYPES, 'META-INF/MANIFEST.MF': 'jar' }))).toBeUndefined();
    // A truncated ZIP (no central directory) is not an Office document.
    expect(sniffFileKind(docx().subarray(0, 60))).toBeUndefined();
  });

  it('reads legacy Office (OLE2) stream names: doc and xls pass, macros and other compound files do not', () => {
    expect(oleStreamNames(ole(['WordDocument', '1Table']))).toEqual(['Root Entry', 'WordDocument', '1Table']);
    expect(sniffFileKind(ole(['WordDocument', '1Table']))).toBe('doc');
    expect(sniffFileKind(ole(['Workbook']))).toBe('xls');
    expect(sniffFileKind(ole(['WordDocument', 'Macros']))).toBeUndefined();
    expect(sniffFileKind(ole(['WordDocument', 'MACROS']))).toBeUndefined(); // names compare in any case
    expect(sniffFileKind(ole(['PowerPoint Document']))).toBeUndefined(); // not on the list
    expect(sniffFileKind(ole(['\u4840\u443f\u4174']))).toBeUndefined(); // an .msi installer's stream
    expect(sniffFileKind(ole(['WordDocument']).subarray(0, 600))).toBeUndefined();
  });

  it('accepts plain UTF-8 text, with or without a BOM', () => {
    expect(sniffFileKind(Buffer.from('市民来电记录：\r\n电梯停运三天。\tOK\n'))).toBe('text');
    expect(sniffFileKind(Buffer.from('\uFEFF工单编号,标题\nBJ-1,电梯\n'))).toBe('text');
  });

  it('refuses executables, markup, binary junk and text that is not UTF-8, whatever the name says', () => {
    expect(sniffFileKind(ascii('MZ\x90\x00\x03\x00\x00\x00\x04\x00'))).toBeUndefined(); // Windows .exe
    expect(sniffFileKind(ascii('\x7fELF\x02\x01\x01\x00'))).toBeUndefined();
    expect(sniffFileKind(Buffer.from('<!DOCTYPE html><html><script>alert(1)</script></html>'))).toBeUndefined();
    expect(sniffFileKind(Buffer.from('  \n<html><body>x</body></html>'))).toBeUndefined();
    expect(sniffFileKind(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'))).toBeUndefined();
    expect(sniffFileKind(Buffer.from('见附件说明\n<script>alert(1)</script>'))).toBeUndefined();
    expect(sniffFileKind(Buffer.from([0xc4, 0xe3, 0xba, 0xc3]))).toBeUndefined(); // 你好 in GBK: not UTF-8
    expect(sniffFileKind(Buffer.from('abc\u0000def'))).toBeUndefined();
    expect(sniffFileKind(ascii('\x00\x00\x00\x18ftypheic\x00\x00\x00\x00'))).toBeUndefined(); // HEIC photo: not on the list
    expect(sniffFileKind(Buffer.from([0xff, 0xf1, 0x50, 0x80]))).toBeUndefined(); // AAC ADTS, not MP3
    expect(sniffFileKind(Buffer.alloc(0))).toBeUndefined();
  });
});

describe('sanitizeFileName', () => {
  it('keeps a good Chinese name and its matching extension (any case)', () => {
    expect(sanitizeFileName('现场照片.PNG', FILE_KINDS.png)).toBe('现场照片.PNG');
    expect(sanitizeFileName('购房合同.pdf', FILE_KINDS.pdf)).toBe('购房合同.pdf');
  });
  it('drops the path and makes the extension match the real type', () => {
    expect(sanitizeFileName('../../etc/passwd', FILE_KINDS.text)).toBe('passwd.txt');
    expect(sanitizeFileName('C:\\fakepath\\照片.jpg', FILE_KINDS.png)).toBe('照片.jpg.png');
    expect(sanitizeFileName('证据.exe', FILE_KINDS.pdf)).toBe('证据.exe.pdf');
  });
  it('removes control, reserved and bidi characters, leading dots and blanks', () => {
    expect(sanitizeFileName('a\u0000b\r\nc<d>:"e|?*.pdf', FILE_KINDS.pdf)).toBe('a b c d e.pdf');
    expect(sanitizeFileName('invoice\u202Efdp.exe', FILE_KINDS.pdf)).toBe('invoice fdp.exe.pdf');
    expect(sanitizeFileName('...hidden.pdf', FILE_KINDS.pdf)).toBe('hidden.pdf');
    expect(sanitizeFileName('   ', FILE_KINDS.jpeg)).toBe('附件.jpg');
    expect(sanitizeFileName('', FILE_KINDS.docx)).toBe('附件.docx');
  });
  it('is at most 200 characters and keeps the extension when it shortens', () => {
    const long = sanitizeFileName(`${'长'.repeat(300)}.pdf`, FILE_KINDS.pdf);
    expect(Array.from(long)).toHaveLength(200);
    expect(long.endsWith('.pdf')).toBe(true);
    const wrong = sanitizeFileName(`${'名'.repeat(300)}.doc`, FILE_KINDS.png);
    expect(Array.from(wrong)).toHaveLength(200);
    expect(wrong.endsWith('.png')).toBe(true);
  });
});

describe('contentDisposition', () => {
  it('always says attachment, with an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('现场照片 1.png')).toBe(`attachment; filename="____ 1.png"; filename*=UTF-8''${encodeURIComponent('现场照片 1.png')}`);
    expect(contentDisposition(`it's (1).pdf`)).toBe(`attachment; filename="it's (1).pdf"; filename*=UTF-8''it%27s%20%281%29.pdf`);
    expect(contentDisposition('a"b;c.pdf')).toContain('filename="a_b_c.pdf"');
  });
});

describe('formatSize', () => {
  it('uses binary units', () => {
    expect(formatSize(0)).toBe('0 B');
    expect(formatSize(1023)).toBe('1023 B');
    expect(formatSize(1536)).toBe('1.5 KB');
    expect(formatSize(20 * 1024 * 1024)).toBe('20 MB');
    expect(formatSize(3.25 * 1024 * 1024)).toBe('3.3 MB');
  });
});

describe('a re-import and uploaded files', () => {
  it('replaces the links but keeps the uploaded files', () => {
    const uploaded = { id: 'a1', name: '照片.png', url: '/cases/c/attachments/a1', contentType: 'image/png', size: 10 };
    const current = [{ name: '附件1', url: 'https://x/old.pdf' }, uploaded];
    expect(linkAttachments(current)).toEqual([{ name: '附件1', url: 'https://x/old.pdf' }]);
    expect(withUploadedAttachments(current, [{ name: '附件1', url: 'https://x/new.pdf' }])).toEqual([{ name: '附件1', url: 'https://x/new.pdf' }, uploaded]);
    expect(withUploadedAttachments(current, [])).toEqual([uploaded]);
  });

  describe('legacy Excel with Excel 4.0 (XLM) or VBA macro sheets', () => {
    /** BIFF8 records: BOF, one BoundSheet8 per sheet type given, EOF. */
    const workbook = (...sheetTypes: number[]) => {
      const rec = (type: number, data: Buffer) => Buffer.concat([Buffer.from([type & 0xff, type >> 8, data.length & 0xff, data.length >> 8]), data]);
      const boundSheet = (dt: number) => rec(0x0085, Buffer.from([0, 0, 0, 0, 0, dt, 1, 0, 0x53]));
      return Buffer.concat([rec(0x0809, Buffer.alloc(16)), ...sheetTypes.map(boundSheet), rec(0x000a, Buffer.alloc(0))]);
    };

    it('a workbook of worksheets passes; one declaring a macro or VBA sheet is refused', () => {
      expect(biffHasMacroSheet(workbook(0x00, 0x02))).toBe(false);
      expect(biffHasMacroSheet(workbook(0x00, 0x01))).toBe(true);
      expect(biffHasMacroSheet(workbook(0x06))).toBe(true);
      expect(sniffFileKind(ole([['Workbook', workbook(0x00)]]))).toBe('xls');
      expect(sniffFileKind(ole([['Workbook', workbook(0x00, 0x01)]]))).toBeUndefined();
    });
  });
});

describe('inspectArchive: an Office file is checked before anything inflates it', () => {
  const MZ = Buffer.concat([Buffer.from('MZ\x90\x00'), Buffer.alloc(60), Buffer.from('This program cannot be run in DOS mode.')]);
  it('lets ordinary documents and workbooks through', async () => {
    expect(inspectArchive(docx())).toEqual({ ok: true });
    expect(
      inspectArchive(
        zip(
          { '[Content_Types].xml': CONTENT_TYPES, 'word/document.xml': '<w:document>' + '<w:p>段落</w:p>'.repeat(5000) + '</w:document>' },
          { deflate: true },
        ),
      ),
    ).toEqual({ ok: true });
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('工单').addRows(Array.from({ length: 2000 }, (_, i) => [`BJ-${i}`, '小区电梯停运三天，老人上下楼困难', 13800000000 + i]));
    expect(inspectArchive(Buffer.from(await wb.xlsx.writeBuffer()))).toEqual({ ok: true });
  });

  it('refuses a sheet that expands a thousandfold, too many entries, and a total over the limit', () => {
    const bomb = zip({ '[Content_Types].xml': CONTENT_TYPES, 'xl/worksheets/sheet1.xml': Buffer.alloc(80 * 1024 * 1024, 0x61) }, { deflate: true });
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(inspectArchive(bomb)).toMatchObject({ ok: false, reason: 'ARCHIVE_TOO_LARGE' });
    const many = zip(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`xl/p${i}.xml`, '<x/>'])));
    expect(inspectArchive(many, { maxEntries: 20, maxUncompressed: 1e9, maxRatio: 200 })).toMatchObject({ ok: false, reason: 'ARCHIVE_TOO_MANY_ENTRIES' });
    const big = zip({ 'word/a.xml': 'x'.repeat(3000), 'word/b.xml': 'y'.repeat(3000) });
    expect(inspectArchive(big, { maxEntries: 100, maxUncompressed: 5000, maxRatio: 200 })).toMatchObject({ ok: false, reason: 'ARCHIVE_TOO_LARGE' });
  });

  it('refuses a .docx-shaped zip carrying a program, by name or by its bytes, stored or deflated', () => {
    expect(inspectArchive(docx({ 'word/setup.exe': 'anything' }))).toMatchObject({ ok: false, reason: 'ARCHIVE_HAS_EXECUTABLE' });
    expect(inspectArchive(docx({ 'word/media/image1.png': MZ }))).toMatchObject({ ok: false, reason: 'ARCHIVE_HAS_EXECUTABLE' });
    const embedded = zip(
      {
        '[Content_Types].xml': CONTENT_TYPES,
        'word/document.xml': '<w:document/>',
        'word/embeddings/oleObject1.bin': Buffer.concat([Buffer.alloc(300, 1), MZ]),
      },
      { deflate: true },
    );
    expect(sniffFileKind(embedded)).toBe('docx');
    expect(inspectArchive(embedded)).toMatchObject({ ok: false, reason: 'ARCHIVE_HAS_EXECUTABLE' });
  });
});
