// The file-type allow-list moved to the service kit (publicity's materials use it too).
export {
  FILE_KINDS, MAX_FILE_NAME, biffHasMacroSheet, contentDisposition, formatSize, kindOfContentType, oleStreamNames, sanitizeFileName, sniffFileKind, zipEntryNames,
} from '@hotline/service-kit';
export type { FileKind, FileKindName } from '@hotline/service-kit';
