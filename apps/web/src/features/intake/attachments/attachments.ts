// 附件 (attachments): pure helpers for the case page and the 录入工单 form — labels, sizes and the
// Chinese message for each refusal of the upload / download routes.
import { ERROR_MESSAGES, errorMessage } from '../../../shared/errors';

/** An attachment as the case lists it: a link (no id) or a file uploaded to intake. */
export interface AttachmentLike {
  id?: string | null;
  name: string;
  url: string;
  contentType?: string | null;
  size?: number | null;
}

/** Who may upload (受理): duty operators and administrators. */
export const UPLOAD_ROLES = ['duty', 'admin'] as const;

export const canUpload = (role: string): boolean => (UPLOAD_ROLES as readonly string[]).includes(role);

/** Who may take back an uploaded file (撤回附件): the same roles that upload. */
export const REMOVE_ROLES = UPLOAD_ROLES;

export const canRemove = (role: string): boolean => (REMOVE_ROLES as readonly string[]).includes(role);

/** 撤回原因: required, 4–200 characters once trimmed (the server checks the same). */
export const REMOVE_REASON_MIN = 4;
export const REMOVE_REASON_MAX = 200;

/** What is wrong with a 撤回原因, or null when it may be sent. */
export function removeReasonProblem(reason: string | null | undefined): string | null {
  const r = (reason ?? '').trim();
  if (!r) return '请填写撤回原因';
  if (r.length < REMOVE_REASON_MIN) return `撤回原因至少 ${REMOVE_REASON_MIN} 个字`;
  if (r.length > REMOVE_REASON_MAX) return `撤回原因最多 ${REMOVE_REASON_MAX} 个字`;
  return null;
}

/**
 * The Chinese message for a refused 撤回附件 (a GraphQL error): like `errorMessage` elsewhere,
 * with the refusals this action has its own words for.
 */
export function removeErrorMessage(error: unknown): string {
  return errorMessage(error, {
    FORBIDDEN: '无权撤回附件（仅值守员、系统管理员可撤回）',
    NOT_FOUND: '附件不存在或已被撤回，请刷新后查看',
  });
}

/**
 * The gateway never passes more than 25 MB: a bigger file is refused here before it is sent.
 * Below that the server decides (its limit, 20 MB by default, comes back in its message).
 */
export const HARD_MAX_BYTES = 25 * 1024 * 1024;

/** What the file picker offers; the server checks the bytes, whatever the extension says. */
export const ACCEPT = '.jpg,.jpeg,.png,.gif,.webp,.pdf,.doc,.docx,.xls,.xlsx,.pptx,.mp3,.wav,.amr,.m4a,.mp4,.txt';

export const isUploaded = (a: AttachmentLike): boolean => !!a.id;
export const isImage = (a: AttachmentLike): boolean => /^image\/(jpeg|png|gif|webp)$/.test(a.contentType ?? '');

/** 1536 → "1.5 KB"; binary units, one decimal under 10. */
export function formatFileSize(bytes: number | null | undefined): string {
  if (bytes == null || !Number.isFinite(bytes) || bytes < 0) return '—';
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

const TYPE_LABELS: Record<string, string> = {
  'image/jpeg': 'JPEG 图片',
  'image/png': 'PNG 图片',
  'image/gif': 'GIF 图片',
  'image/webp': 'WebP 图片',
  'application/pdf': 'PDF 文档',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word 文档',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel 表格',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint 演示文稿',
  'application/msword': 'Word 文档（97-2003）',
  'application/vnd.ms-excel': 'Excel 表格（97-2003）',
  'audio/mpeg': 'MP3 音频',
  'audio/wav': 'WAV 音频',
  'audio/amr': 'AMR 录音',
  'audio/mp4': 'M4A 音频',
  'video/mp4': 'MP4 视频',
  'text/plain': '文本文件',
};

/** The Chinese name of a file's type: from its content type, else its extension, else 外部链接. */
export function fileTypeLabel(a: AttachmentLike): string {
  const type = (a.contentType ?? '').split(';')[0].trim().toLowerCase();
  if (TYPE_LABELS[type]) return TYPE_LABELS[type];
  const ext = /\.([a-z0-9]{1,8})$/i.exec(a.name)?.[1];
  if (ext) return `${ext.toUpperCase()} 文件`;
  return isUploaded(a) ? '文件' : '外部链接';
}

/** The JSON error body of intake's file routes (`{ error: { code, reason, message } }`). */
export interface RouteErrorBody {
  error?: { code?: string; reason?: string; message?: string };
}

const hasChinese = (s: unknown): s is string => typeof s === 'string' && /[\u4e00-\u9fff]/.test(s);

/** The Chinese message for a refused upload or download, from the HTTP status and the error's reason. */
export function attachmentErrorMessage(status: number, body?: RouteErrorBody | null, action: 'upload' | 'download' = 'upload'): string {
  const reason = body?.error?.reason;
  const server = body?.error?.message;
  if (status === 0) return ERROR_MESSAGES.NETWORK;
  if (status === 401) return ERROR_MESSAGES.UNAUTHENTICATED;
  if (status === 403) return action === 'upload' ? '无权上传附件（仅值守员、系统管理员可上传）' : '无权下载该附件';
  if (status === 404) return action === 'upload' ? '工单不存在或无权查看' : '附件不存在或无权查看';
  if (status === 413) return hasChinese(server) && reason === 'FILE_TOO_LARGE' ? server : '文件过大，超过了允许的附件大小';
  switch (reason) {
    case 'EMPTY_FILE':
      return '文件为空，请重新选择';
    case 'UNSUPPORTED_FILE_TYPE':
      return hasChinese(server) ? server : '不支持的文件类型';
    case 'TOO_MANY_ATTACHMENTS':
      return hasChinese(server) ? server : '该工单的附件数量已达上限';
    default:
      if (status >= 400 && status < 500) return hasChinese(server) ? server : ERROR_MESSAGES.BAD_USER_INPUT;
      return ERROR_MESSAGES.DEFAULT;
  }
}

/** A file refused before sending (too big for the gateway, or empty), or null when it may go. */
export function precheckFile(file: { name: string; size: number }): string | null {
  if (file.size === 0) return '文件为空，请重新选择';
  if (file.size > HARD_MAX_BYTES) return `文件过大（${formatFileSize(file.size)}），单个附件不能超过 ${formatFileSize(HARD_MAX_BYTES)}`;
  return null;
}

/** The message after 录入工单 when some files did not upload: which ones, why, and where to add them. */
export function failedUploadsMessage(externalNo: string, failures: Array<{ name: string; message: string }>): string {
  const list = failures.map((f) => `「${f.name}」（${f.message}）`).join('、');
  return `工单 ${externalNo} 已录入，但以下附件上传失败：${list}。可在工单详情页的“受理信息”中补充上传。`;
}

/**
 * After an upload: the server names a file by what its bytes are, so 假图片.png holding text is
 * stored as 假图片.png.txt. The notice to show when the stored name differs, or null.
 */
export function storedAsNotice(chosenName: string, storedName: string | null | undefined): string | null {
  if (!storedName || storedName === chosenName) return null;
  return `已按文件实际类型保存为 ${storedName}`;
}
