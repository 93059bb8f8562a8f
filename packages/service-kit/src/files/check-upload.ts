import { createHash } from 'node:crypto';
import { COMMON_ERRORS } from '@hotline/contracts';
import { codedError } from '../errors';
import { FILE_KINDS, FileKind, formatSize, inspectArchive, sanitizeFileName, sniffFileKind } from '../file-type';

/** What the allow-list accepts, for the refusal a person reads. */
export const SUPPORTED_UPLOADS = '仅支持图片（JPG、PNG、GIF、WebP）、PDF、Word/Excel/PowerPoint 文档、音频（MP3、WAV、AMR、M4A）、MP4 视频和纯文本文件';

/** `FILE_TOO_LARGE` naming what was uploaded (附件, 材料, 佐证材料). */
export const fileTooLarge = (maxBytes: number, what: string) => codedError(COMMON_ERRORS.FILE_TOO_LARGE, { what, limit: formatSize(maxBytes) }, { maxBytes });

export interface CheckedUpload {
  kind: FileKind;
  /** The cleaned file name, with an extension that matches its bytes. */
  name: string;
  sha256: string;
}

/**
 * An uploaded file checked as intake checks its attachments: not empty, within the size limit,
 * a type on the allow-list by its bytes (never by its name), an Office archive inspected before
 * anything expands it (size, ratio, entries, programs inside), the name cleaned. Throws the
 * coded refusal; nothing has been stored yet when it does.
 */
export function checkUpload(bytes: Buffer, fileName: string, limits: { maxBytes: number; what: string }): CheckedUpload {
  if (bytes.length === 0) throw codedError(COMMON_ERRORS.EMPTY_FILE);
  if (bytes.length > limits.maxBytes) throw fileTooLarge(limits.maxBytes, limits.what);
  const kindName = sniffFileKind(bytes);
  if (!kindName) throw codedError(COMMON_ERRORS.UNSUPPORTED_FILE_TYPE, { supported: SUPPORTED_UPLOADS });
  if (kindName === 'docx' || kindName === 'xlsx' || kindName === 'pptx') {
    const verdict = inspectArchive(bytes);
    if (!verdict.ok) throw verdict.error;
  }
  const kind = FILE_KINDS[kindName];
  return { kind, name: sanitizeFileName(fileName, kind), sha256: createHash('sha256').update(bytes).digest('hex') };
}
