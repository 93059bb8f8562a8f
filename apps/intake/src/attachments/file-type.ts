// The file-type allow-list moved to the service kit (publicity's materials use it too).
export {
  FILE_KINDS,
  MAX_FILE_NAME,
  OFFICE_ARCHIVE_LIMITS,
  biffHasMacroSheet,
  contentDisposition,
  formatSize,
  inspectArchive,
  kindOfContentType,
  oleStreamNames,
  sanitizeFileName,
  sniffFileKind,
  zipEntries,
  zipEntryNames,
} from '@hotline/service-kit';
export type { ArchiveLimits, ArchiveVerdict, FileKind, FileKindName, ZipEntry } from '@hotline/service-kit';
