import { constants as zlibConstants, inflateRawSync } from 'node:zlib';
import { COMMON_ERRORS, type ErrorEntry, type ErrorParams } from '@hotline/contracts';
import { codedError, DomainError } from './errors';

/**
 * (Shared by intake's case attachments and publicity's typical-case materials.)
 *
 * What an uploaded file is, decided from its bytes (magic numbers and container structure) —
 * never from its name or the content type the client sent. Anything not recognised here is
 * refused: executables, HTML/SVG/XML, scripts, archives other than Office documents, macros.
 */

/** A type we accept (允许的附件类型), with the extensions a file of that type may keep. */
export interface FileKind {
  /** The content type served on download. */
  contentType: string;
  /** The extension given to a file whose name does not end with one of `extensions`. */
  extension: string;
  extensions: readonly string[];
  /** Chinese name shown in the UI and the timeline. */
  label: string;
}

const kind = (contentType: string, extensions: string[], label: string): FileKind => ({ contentType, extension: extensions[0], extensions, label });

export const FILE_KINDS = {
  jpeg: kind('image/jpeg', ['jpg', 'jpeg'], 'JPEG 图片'),
  png: kind('image/png', ['png'], 'PNG 图片'),
  gif: kind('image/gif', ['gif'], 'GIF 图片'),
  webp: kind('image/webp', ['webp'], 'WebP 图片'),
  pdf: kind('application/pdf', ['pdf'], 'PDF 文档'),
  docx: kind('application/vnd.openxmlformats-officedocument.wordprocessingml.document', ['docx'], 'Word 文档'),
  xlsx: kind('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ['xlsx'], 'Excel 表格'),
  pptx: kind('application/vnd.openxmlformats-officedocument.presentationml.presentation', ['pptx'], 'PowerPoint 演示文稿'),
  doc: kind('application/msword', ['doc'], 'Word 文档（97-2003）'),
  xls: kind('application/vnd.ms-excel', ['xls'], 'Excel 表格（97-2003）'),
  mp3: kind('audio/mpeg', ['mp3'], 'MP3 音频'),
  wav: kind('audio/wav', ['wav'], 'WAV 音频'),
  amr: kind('audio/amr', ['amr'], 'AMR 录音'),
  m4a: kind('audio/mp4', ['m4a'], 'M4A 音频'),
  mp4: kind('video/mp4', ['mp4', 'm4v'], 'MP4 视频'),
  text: kind('text/plain; charset=utf-8', ['txt', 'log', 'csv'], '文本文件'),
} as const satisfies Record<string, FileKind>;

export type FileKindName = keyof typeof FILE_KINDS;

const ascii = (b: Buffer, start: number, end: number) => b.toString('latin1', start, Math.min(end, b.length));
const startsWith = (b: Buffer, bytes: number[], at = 0) => b.length >= at + bytes.length && bytes.every((x, i) => b[at + i] === x);

/** ISO base media (ftyp) brands: audio-only MPEG-4 and MP4 video. HEIF/HEIC, QuickTime and others are not accepted. */
const AUDIO_BRANDS = new Set(['M4A ', 'M4B ']);
const VIDEO_BRANDS = new Set(['isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'avc1', 'M4V ', 'M4VH', 'M4VP', 'MSNV', 'dash', 'NDAS', 'F4V ']);

function ftyp(b: Buffer): FileKindName | undefined {
  if (b.length < 12 || ascii(b, 4, 8) !== 'ftyp') return undefined;
  const major = ascii(b, 8, 12);
  if (AUDIO_BRANDS.has(major)) return 'm4a';
  if (VIDEO_BRANDS.has(major)) return 'mp4';
  return undefined;
}

/** MPEG audio layer III: an ID3 tag, or a frame header (sync word, a defined version, layer III, a valid bitrate). */
function mp3(b: Buffer): boolean {
  if (ascii(b, 0, 3) === 'ID3' && b.length >= 10) return true;
  if (b.length < 4 || b[0] !== 0xff || (b[1] & 0xe0) !== 0xe0) return false;
  const version = (b[1] >> 3) & 0b11; // 01 reserved
  const layer = (b[1] >> 1) & 0b11; // 01 = layer III
  const bitrate = b[2] >> 4; // 1111 invalid
  const rate = (b[2] >> 2) & 0b11; // 11 reserved
  return version !== 0b01 && layer === 0b01 && bitrate !== 0b1111 && rate !== 0b11;
}

/** The names in a ZIP's central directory (from the end-of-central-directory record). */
export function zipEntryNames(b: Buffer, max = 10_000): string[] | undefined {
  const EOCD = 0x06054b50;
  const CEN = 0x02014b50;
  const floor = Math.max(0, b.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = b.length - 22; i >= floor; i--) {
    if (b.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = b.readUInt16LE(eocd + 10);
  let at = b.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < Math.min(count, max); n++) {
    if (at + 46 > b.length || b.readUInt32LE(at) !== CEN) return undefined;
    const nameLen = b.readUInt16LE(at + 28);
    const extraLen = b.readUInt16LE(at + 30);
    const commentLen = b.readUInt16LE(at + 32);
    if (at + 46 + nameLen > b.length) return undefined;
    names.push(b.toString('utf8', at + 46, at + 46 + nameLen));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** The entries of a ZIP's central directory with their sizes, or undefined when malformed. */
export function zipEntries(b: Buffer, max = 100_000): ZipEntry[] | undefined {
  const EOCD = 0x06054b50;
  const CEN = 0x02014b50;
  const floor = Math.max(0, b.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = b.length - 22; i >= floor; i--) {
    if (b.readUInt32LE(i) === EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = b.readUInt16LE(eocd + 10);
  let at = b.readUInt32LE(eocd + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < Math.min(count, max); n++) {
    if (at + 46 > b.length || b.readUInt32LE(at) !== CEN) return undefined;
    const nameLen = b.readUInt16LE(at + 28);
    const extraLen = b.readUInt16LE(at + 30);
    const commentLen = b.readUInt16LE(at + 32);
    if (at + 46 + nameLen > b.length) return undefined;
    entries.push({
      name: b.toString('utf8', at + 46, at + 46 + nameLen),
      method: b.readUInt16LE(at + 10),
      compressedSize: b.readUInt32LE(at + 20),
      uncompressedSize: b.readUInt32LE(at + 24),
      localHeaderOffset: b.readUInt32LE(at + 42),
    });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

export interface ArchiveLimits {
  /** Most bytes the entries may expand to, all together. */
  maxUncompressed: number;
  /** Most entries. */
  maxEntries: number;
  /** Highest expansion of one entry (uncompressed / compressed) once it is over 1 MiB. */
  maxRatio: number;
}

export const OFFICE_ARCHIVE_LIMITS: ArchiveLimits = { maxUncompressed: 64 * 1024 * 1024, maxEntries: 2_000, maxRatio: 200 };

/** A refused archive: its reason and message, and the error to throw (BAD_USER_INPUT). */
export type ArchiveVerdict = { ok: true } | { ok: false; reason: string; message: string; error: DomainError };

/** A refusal from the common reason list. */
function refused<M extends string>(entry: ErrorEntry<M>, params?: ErrorParams<M>): ArchiveVerdict {
  const error = codedError(entry as ErrorEntry, params as Record<string, never>);
  return { ok: false, reason: error.reason, message: error.message, error };
}

/** Names of programs and scripts: never inside a document. */
const EXECUTABLE_NAME = /\.(exe|dll|com|scr|pif|msi|msp|bat|cmd|ps1|psm1|vbs|vbe|js|jse|wsf|wsh|hta|cpl|jar|sh|elf|so|dylib|app|lnk|reg|apk|dmg|iso)$/i;

/** The first bytes of an entry, inflated (at most ~256 KiB): enough to see a program's header. */
function entryHead(b: Buffer, e: ZipEntry): Buffer {
  if (e.localHeaderOffset + 30 > b.length || b.readUInt32LE(e.localHeaderOffset) !== 0x04034b50) return Buffer.alloc(0);
  const start = e.localHeaderOffset + 30 + b.readUInt16LE(e.localHeaderOffset + 26) + b.readUInt16LE(e.localHeaderOffset + 28);
  const data = b.subarray(start, Math.min(b.length, start + Math.min(e.compressedSize, 16 * 1024)));
  if (e.method === 0) return data;
  if (e.method !== 8) return Buffer.alloc(0);
  for (const slice of [data, data.subarray(0, 512)]) {
    try {
      return inflateRawSync(slice, { finishFlush: zlibConstants.Z_SYNC_FLUSH, maxOutputLength: 256 * 1024 });
    } catch {
      // More than 256 KiB from 16 KiB (or a broken stream): try a smaller piece.
    }
  }
  return Buffer.alloc(0);
}

const isProgram = (head: Buffer) =>
  (head.length >= 2 && head[0] === 0x4d && head[1] === 0x5a) || // MZ: Windows .exe / .dll
  (head.length >= 4 && head.readUInt32BE(0) === 0x7f454c46) || // ELF
  head.includes('This program cannot be run in DOS mode') || // a PE inside an OLE package (embeddings/oleObject*.bin)
  (head.length >= 4 && [0xcafebabe, 0xfeedface, 0xfeedfacf, 0xcffaedfe, 0xcefaedfe].includes(head.readUInt32BE(0)));

/**
 * Checks a ZIP (xlsx / docx / pptx) from its central directory before anything inflates it:
 * entry count, total uncompressed size, the expansion of each entry (a 205 KB sheet that becomes
 * 200 MiB), ZIP64 markers, and programs inside — by name or by their first bytes.
 */
export function inspectArchive(b: Buffer, limits: ArchiveLimits = OFFICE_ARCHIVE_LIMITS): ArchiveVerdict {
  const entries = zipEntries(b, limits.maxEntries + 1);
  if (!entries) return refused(COMMON_ERRORS.ARCHIVE_MALFORMED);
  if (entries.length > limits.maxEntries) return refused(COMMON_ERRORS.ARCHIVE_TOO_MANY_ENTRIES, { max: limits.maxEntries });
  let total = 0;
  for (const e of entries) {
    if (e.compressedSize === 0xffffffff || e.uncompressedSize === 0xffffffff) return refused(COMMON_ERRORS.ARCHIVE_ZIP64);
    total += e.uncompressedSize;
    const ratio = e.uncompressedSize / Math.max(1, e.compressedSize);
    if (total > limits.maxUncompressed || (e.uncompressedSize > 1024 * 1024 && ratio > limits.maxRatio)) {
      return refused(COMMON_ERRORS.ARCHIVE_TOO_LARGE, { maxMb: Math.round(limits.maxUncompressed / 1024 / 1024) });
    }
    if (EXECUTABLE_NAME.test(e.name) || isProgram(entryHead(b, e))) {
      return refused(COMMON_ERRORS.ARCHIVE_HAS_EXECUTABLE);
    }
  }
  return { ok: true };
}

/** An Office Open XML package (docx / xlsx / pptx) without macros; any other ZIP is refused. */
function ooxml(b: Buffer): FileKindName | undefined {
  const names = zipEntryNames(b);
  if (!names || !names.includes('[Content_Types].xml')) return undefined;
  // Macro projects (docm / xlsm / pptm renamed) are refused: they run code when opened.
  if (names.some((n) => /vbaProject\.bin$/i.test(n))) return undefined;
  const has = (dir: string) => names.some((n) => n.startsWith(dir));
  if (has('word/')) return 'docx';
  if (has('xl/')) return 'xlsx';
  if (has('ppt/')) return 'pptx';
  return undefined;
}

interface OleEntry {
  name: string;
  /** 1 storage, 2 stream, 5 root */
  type: number;
  start: number;
  size: number;
}

/**
 * An OLE2 compound file (legacy Office): its directory entries, walking the directory's sector
 * chain through the FAT, and a reader for a stream in regular sectors. Undefined when malformed.
 */
function parseOle(b: Buffer): { entries: OleEntry[]; read(e: OleEntry): Buffer | undefined } | undefined {
  if (b.length < 512) return undefined;
  const shift = b.readUInt16LE(30);
  if (shift !== 9 && shift !== 12) return undefined;
  const size = 1 << shift;
  const sectorAt = (s: number) => (s + 1) * size;
  const perSector = size / 4;
  // DIFAT: 109 entries in the header, the rest in a chain of DIFAT sectors.
  const difat: number[] = [];
  for (let i = 0; i < 109; i++) difat.push(b.readUInt32LE(76 + i * 4));
  let next = b.readUInt32LE(68);
  for (let guard = 0; next < 0xfffffffa && guard < 1000; guard++) {
    const at = sectorAt(next);
    if (at + size > b.length) return undefined;
    for (let i = 0; i < perSector - 1; i++) difat.push(b.readUInt32LE(at + i * 4));
    next = b.readUInt32LE(at + size - 4);
  }
  const fatNext = (s: number): number | undefined => {
    const fatSector = difat[Math.floor(s / perSector)];
    if (fatSector === undefined || fatSector >= 0xfffffffa) return undefined;
    const at = sectorAt(fatSector) + (s % perSector) * 4;
    return at + 4 <= b.length ? b.readUInt32LE(at) : undefined;
  };
  const entries: OleEntry[] = [];
  let s: number | undefined = b.readUInt32LE(48);
  for (let guard = 0; s !== undefined && s < 0xfffffffa && guard < 10_000; guard++) {
    const at = sectorAt(s);
    if (at + size > b.length) return undefined;
    for (let e = 0; e < size / 128; e++) {
      const entry = at + e * 128;
      const len = b.readUInt16LE(entry + 64);
      if (len >= 2 && len <= 64) {
        entries.push({
          name: b.toString('utf16le', entry, entry + len - 2),
          type: b.readUInt8(entry + 66),
          start: b.readUInt32LE(entry + 116),
          size: b.readUInt32LE(entry + 120),
        });
      }
    }
    s = fatNext(s);
  }
  const miniCutoff = b.readUInt32LE(56) || 4096;
  const read = (e: OleEntry): Buffer | undefined => {
    if (e.size < miniCutoff) return undefined; // in the mini stream: not read here
    const parts: Buffer[] = [];
    let got = 0;
    let sector: number | undefined = e.start;
    for (let guard = 0; sector !== undefined && sector < 0xfffffffa && got < e.size && guard < 200_000; guard++) {
      const at = sectorAt(sector);
      if (at + size > b.length) break;
      parts.push(b.subarray(at, at + size));
      got += size;
      sector = fatNext(sector);
    }
    return Buffer.concat(parts).subarray(0, Math.min(got, e.size));
  };
  return { entries, read };
}

/** The stream and storage names of an OLE2 compound file; undefined for a malformed file. */
export function oleStreamNames(b: Buffer): string[] | undefined {
  return parseOle(b)?.entries.map((e) => e.name);
}

/**
 * Whether an Excel BIFF8 workbook stream declares a macro sheet: a BoundSheet8 record (0x0085)
 * of sheet type 0x01 (Excel 4.0 / XLM macros, run by Auto_Open) or 0x06 (VBA module), before the
 * globals substream's EOF (0x000A).
 */
export function biffHasMacroSheet(stream: Buffer): boolean {
  for (let pos = 0; pos + 4 <= stream.length;) {
    const type = stream.readUInt16LE(pos);
    const len = stream.readUInt16LE(pos + 2);
    if (type === 0x0085 && len >= 6 && pos + 4 + 6 <= stream.length) {
      const dt = stream.readUInt8(pos + 4 + 5);
      if (dt === 0x01 || dt === 0x06) return true;
    }
    if (type === 0x000a) return false;
    pos += 4 + len;
  }
  return false;
}

/** Storage names (any case, as the format compares them) where legacy Office keeps macros. */
const MACRO_STORAGES = new Set(['macros', '_vba_project_cur', 'vba', '_vba_project']);

function ole(b: Buffer): FileKindName | undefined {
  const parsed = parseOle(b);
  if (!parsed) return undefined;
  const names = parsed.entries.map((e) => e.name);
  if (names.some((n) => MACRO_STORAGES.has(n.toLowerCase()))) return undefined;
  if (names.includes('WordDocument')) return 'doc';
  const workbook = parsed.entries.find((e) => e.name === 'Workbook' || e.name === 'Book');
  if (workbook) {
    // Excel 4.0 macro sheets live inside the workbook stream itself: read it. One that cannot be
    // read here (a tiny workbook in the mini stream) is refused rather than let through unchecked.
    const stream = parsed.read(workbook);
    if (!stream || biffHasMacroSheet(stream)) return undefined;
    return 'xls';
  }
  return undefined;
}

/** Markup a browser would render or run (HTML, SVG, XML) — refused even though it is text. */
const MARKUP = /<(!doctype|html|head|body|script|iframe|frame|frameset|object|embed|svg|math|meta|link|style|img|form|base|\?xml)[\s>/]/i;

/** Plain UTF-8 text: decodes strictly, no NUL or other control characters but tab / newline / form feed, no markup. */
function plainText(b: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return false;
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)) return false;
  const body = text.replace(/^\uFEFF/, '').trimStart();
  if (body.startsWith('<') || MARKUP.test(text)) return false;
  return true;
}

/** The kind of a file from its bytes, or undefined when it is not on the allow-list. */
export function sniffFileKind(b: Buffer): FileKindName | undefined {
  if (b.length === 0) return undefined;
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a') return 'gif';
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WEBP') return 'webp';
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WAVE') return 'wav';
  if (ascii(b, 0, 5) === '%PDF-') return 'pdf';
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04])) return ooxml(b);
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return ole(b);
  if (ascii(b, 0, 6) === '#!AMR\n' || ascii(b, 0, 9) === '#!AMR-WB\n') return 'amr';
  const iso = ftyp(b);
  if (iso) return iso;
  if (mp3(b)) return 'mp3';
  if (plainText(b)) return 'text';
  return undefined;
}

/** Characters that must not reach a file name: path separators, reserved on Windows, control and bidi controls. */
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f<>:"/\\|?*\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
export const MAX_FILE_NAME = 200;

/**
 * A file name safe to store and to send back in Content-Disposition: the last path segment, no
 * control / reserved characters, at most 200 characters, and an extension that matches the
 * recognised type (`证据.exe` that is really a PDF becomes `证据.exe.pdf`).
 */
export function sanitizeFileName(raw: string, k: FileKind): string {
  let name = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  name = name
    .replace(UNSAFE, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '')
    .replace(/\s+(\.[^.]*)$/, '$1');
  if (!name) name = '附件';
  const ext = /\.([^.]{1,16})$/.exec(name)?.[1];
  const matches = !!ext && (k.extensions as readonly string[]).includes(ext.toLowerCase());
  const suffix = matches ? '' : `.${k.extension}`;
  const chars = Array.from(name);
  const room = MAX_FILE_NAME - suffix.length;
  if (chars.length > room) {
    // Keep the extension when shortening: cut the stem.
    const keepExt = matches ? `.${ext}` : '';
    name =
      chars
        .slice(0, room - keepExt.length)
        .join('')
        .trimEnd() + keepExt;
  }
  return name + suffix;
}

/** RFC 6266 / 5987 Content-Disposition for a download: an ASCII fallback and the UTF-8 name. */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** The kind of a stored content type (for labels), if it is one of ours. */
export function kindOfContentType(contentType: string): FileKind | undefined {
  return Object.values(FILE_KINDS).find((k) => k.contentType === contentType);
}

/** 1536 → "1.5 KB" (binary units, one decimal under 10). */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = bytes / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[i]}`;
}
