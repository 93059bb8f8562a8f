import { describe, expect, it } from 'vitest';
import { ERROR_MESSAGES } from '../../../shared/errors';
import {
  attachmentErrorMessage,
  canRemove,
  canUpload,
  failedUploadsMessage,
  fileTypeLabel,
  formatFileSize,
  HARD_MAX_BYTES,
  isImage,
  isUploaded,
  precheckFile,
  removeErrorMessage,
  removeReasonProblem,
  storedAsNotice,
} from './attachments';

describe('formatFileSize', () => {
  it('uses B, KB, MB with one decimal under 10', () => {
    expect(formatFileSize(0)).toBe('0 B');
    expect(formatFileSize(1023)).toBe('1023 B');
    expect(formatFileSize(1024)).toBe('1.0 KB');
    expect(formatFileSize(1536)).toBe('1.5 KB');
    expect(formatFileSize(250 * 1024)).toBe('250 KB');
    expect(formatFileSize(20 * 1024 * 1024)).toBe('20 MB');
    expect(formatFileSize(3.25 * 1024 * 1024)).toBe('3.3 MB');
  });
  it('shows a dash when the size is unknown (external links)', () => {
    expect(formatFileSize(null)).toBe('—');
    expect(formatFileSize(undefined)).toBe('—');
    expect(formatFileSize(-1)).toBe('—');
  });
});

describe('fileTypeLabel and kinds', () => {
  it('names the sniffed content type in Chinese', () => {
    expect(fileTypeLabel({ name: 'a.png', url: '/x', contentType: 'image/png' })).toBe('PNG 图片');
    expect(fileTypeLabel({ name: 'a', url: '/x', contentType: 'text/plain; charset=utf-8' })).toBe('文本文件');
    expect(fileTypeLabel({ name: 'a.docx', url: '/x', contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' })).toBe(
      'Word 文档',
    );
  });
  it('falls back to the extension, then to 外部链接', () => {
    expect(fileTypeLabel({ name: '合同.pdf', url: 'https://x/y' })).toBe('PDF 文件');
    expect(fileTypeLabel({ name: '附件1', url: 'https://x/y' })).toBe('外部链接');
    expect(fileTypeLabel({ id: 'a1', name: '附件1', url: '/cases/c/attachments/a1', contentType: 'application/x-unknown' })).toBe('文件');
  });
  it('tells uploaded files and previewable images apart', () => {
    expect(isUploaded({ id: 'a1', name: 'a', url: '/cases/c/attachments/a1' })).toBe(true);
    expect(isUploaded({ id: null, name: 'a', url: 'https://x' })).toBe(false);
    expect(isImage({ name: 'a', url: '/x', contentType: 'image/webp' })).toBe(true);
    expect(isImage({ name: 'a.svg', url: '/x', contentType: 'image/svg+xml' })).toBe(false);
    expect(isImage({ name: 'a.png', url: 'https://x' })).toBe(false);
  });
  it('lets duty and admin upload, nobody else', () => {
    expect(['admin', 'duty', 'handler', 'supervisor', 'callback', 'leader'].filter(canUpload)).toEqual(['admin', 'duty']);
  });
});

describe('attachmentErrorMessage', () => {
  const body = (reason: string, message: string, code = 'BAD_USER_INPUT') => ({ error: { code, reason, message } });

  it('maps each refusal of the upload to Chinese', () => {
    expect(attachmentErrorMessage(400, body('EMPTY_FILE', '文件为空'))).toBe('文件为空，请重新选择');
    expect(attachmentErrorMessage(400, body('UNSUPPORTED_FILE_TYPE', '不支持的文件类型：仅支持图片'))).toBe('不支持的文件类型：仅支持图片');
    expect(attachmentErrorMessage(400, body('UNSUPPORTED_FILE_TYPE', 'unsupported'))).toBe('不支持的文件类型');
    expect(attachmentErrorMessage(400, body('TOO_MANY_ATTACHMENTS', '每件工单最多上传 20 个附件'))).toBe('每件工单最多上传 20 个附件');
    expect(attachmentErrorMessage(413, body('FILE_TOO_LARGE', '文件过大，单个附件不能超过 20 MB', 'PAYLOAD_TOO_LARGE'))).toBe(
      '文件过大，单个附件不能超过 20 MB',
    );
    // The gateway's own 413 (over 25 MB) has another shape.
    expect(attachmentErrorMessage(413, null)).toBe('文件过大，超过了允许的附件大小');
    expect(attachmentErrorMessage(403, body('FORBIDDEN', '无权上传附件', 'FORBIDDEN'))).toBe('无权上传附件（仅值守员、系统管理员可上传）');
    expect(attachmentErrorMessage(404, body('CASE_NOT_FOUND', '工单不存在', 'NOT_FOUND'))).toBe('工单不存在或无权查看');
  });

  it('maps download refusals, session, network and server errors', () => {
    expect(attachmentErrorMessage(404, body('NOT_FOUND', '附件不存在或无权查看', 'NOT_FOUND'), 'download')).toBe('附件不存在或无权查看');
    expect(attachmentErrorMessage(403, null, 'download')).toBe('无权下载该附件');
    expect(attachmentErrorMessage(401, body('TOKEN_EXPIRED', '登录已过期', 'UNAUTHENTICATED'))).toBe(ERROR_MESSAGES.UNAUTHENTICATED);
    expect(attachmentErrorMessage(0)).toBe(ERROR_MESSAGES.NETWORK);
    expect(attachmentErrorMessage(502, null)).toBe(ERROR_MESSAGES.DEFAULT);
    expect(attachmentErrorMessage(500, body('INTERNAL', 'boom', 'INTERNAL_SERVER_ERROR'))).toBe(ERROR_MESSAGES.DEFAULT);
    // An unknown 4xx shows the server's Chinese message, never an English one.
    expect(attachmentErrorMessage(400, body('BAD_REQUEST', '上传的内容无法读取，请重试'))).toBe('上传的内容无法读取，请重试');
    expect(attachmentErrorMessage(400, body('BAD_REQUEST', 'Bad Request'))).toBe(ERROR_MESSAGES.BAD_USER_INPUT);
  });
});

describe('precheckFile and the message after 录入工单', () => {
  it('refuses an empty file and one the gateway would never pass', () => {
    expect(precheckFile({ name: 'a.png', size: 0 })).toBe('文件为空，请重新选择');
    expect(precheckFile({ name: 'a.mp4', size: HARD_MAX_BYTES + 1 })).toContain('不能超过 25 MB');
    expect(precheckFile({ name: 'a.png', size: 1000 })).toBeNull();
    expect(precheckFile({ name: 'a.png', size: HARD_MAX_BYTES })).toBeNull();
  });
  it('says which files failed, why, and that the case exists', () => {
    expect(
      failedUploadsMessage('BJ-1', [
        { name: '照片.heic', message: '不支持的文件类型' },
        { name: '录音.amr', message: '无法连接服务器，请检查网络后重试' },
      ]),
    ).toBe(
      '工单 BJ-1 已录入，但以下附件上传失败：「照片.heic」（不支持的文件类型）、「录音.amr」（无法连接服务器，请检查网络后重试）。可在工单详情页的“受理信息”中补充上传。',
    );
  });
});

describe('撤回附件 (removal): who, the reason, the refusals', () => {
  it('lets duty and admin take a file back, nobody else', () => {
    expect(['admin', 'duty', 'handler', 'supervisor', 'callback', 'leader'].filter(canRemove)).toEqual(['admin', 'duty']);
  });

  it('wants a reason of 4 to 200 characters once trimmed, as the server does', () => {
    expect(removeReasonProblem(undefined)).toBe('请填写撤回原因');
    expect(removeReasonProblem('   ')).toBe('请填写撤回原因');
    expect(removeReasonProblem('传错了')).toBe('撤回原因至少 4 个字');
    expect(removeReasonProblem('  传错文  ')).toBe('撤回原因至少 4 个字');
    expect(removeReasonProblem('  传错文件  ')).toBeNull();
    expect(removeReasonProblem('误'.repeat(200))).toBeNull();
    expect(removeReasonProblem('误'.repeat(201))).toBe('撤回原因最多 200 个字');
  });

  it("maps refusals to Chinese like the rest of the client, without the server's field name", () => {
    const gql = (code: string, message: string, reason?: string) => ({ graphQLErrors: [{ message, extensions: { code, reason } }], networkError: null });
    expect(removeErrorMessage(gql('FORBIDDEN', 'Access denied'))).toBe('无权撤回附件（仅值守员、系统管理员可撤回）');
    expect(removeErrorMessage(gql('NOT_FOUND', '附件不存在或已撤回', 'ATTACHMENT_NOT_FOUND'))).toBe('附件不存在或已被撤回，请刷新后查看');
    expect(removeErrorMessage(gql('BAD_USER_INPUT', '区平台提供的附件链接不是上传的文件，不能撤回', 'ATTACHMENT_IS_LINK'))).toBe(
      '区平台提供的附件链接不是上传的文件，不能撤回',
    );
    expect(removeErrorMessage(gql('BAD_USER_INPUT', '请填写撤回原因（至少 4 个字）', 'INVALID_INPUT'))).toBe('请填写撤回原因（至少 4 个字）');
    expect(removeErrorMessage(gql('BAD_USER_INPUT', 'Variable "$reason" of required type "String!" was not provided.'))).toBe(ERROR_MESSAGES.BAD_USER_INPUT);
    expect(removeErrorMessage(gql('CONFLICT', 'version mismatch'))).toBe(ERROR_MESSAGES.CONFLICT);
    expect(removeErrorMessage(gql('UNAUTHENTICATED', 'jwt expired'))).toBe(ERROR_MESSAGES.UNAUTHENTICATED);
    expect(removeErrorMessage({ graphQLErrors: [], networkError: Object.assign(new Error('Failed to fetch'), { statusCode: 0 }) })).toBe(
      ERROR_MESSAGES.NETWORK,
    );
    expect(removeErrorMessage(new Error('boom'))).toBe(ERROR_MESSAGES.DEFAULT);
  });
});

describe('storedAsNotice', () => {
  it('says under which name a file was stored when the server renamed it by its content', () => {
    expect(storedAsNotice('假图片.png', '假图片.png.txt')).toBe('已按文件实际类型保存为 假图片.png.txt');
  });

  it('says nothing when the name is kept', () => {
    expect(storedAsNotice('现场照片.jpg', '现场照片.jpg')).toBeNull();
    expect(storedAsNotice('现场照片.jpg', undefined)).toBeNull();
  });
});
