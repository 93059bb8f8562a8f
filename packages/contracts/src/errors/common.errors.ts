import { defineErrors } from './define';

/** Refusals of the service kit, the same in every service (tokens, roles, paging, input). */
export const COMMON_ERRORS = defineErrors({
  UNAUTHENTICATED: { code: 'UNAUTHENTICATED', message: '未登录或登录已过期，请重新登录' },
  TOKEN_INVALID: { code: 'UNAUTHENTICATED', message: '身份令牌无效，请重新登录' },
  TOKEN_MALFORMED: { code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID', message: '身份令牌格式错误' },
  TOKEN_EXPIRED: { code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' },
  TOKEN_REVOKED: { code: 'UNAUTHENTICATED', message: '账号状态已变更，请重新登录' },
  FORBIDDEN: { code: 'FORBIDDEN', message: '无权执行此操作' },
  SERVICE_SCOPE: { code: 'FORBIDDEN', message: '服务令牌无权执行此操作' },
  NO_DEPARTMENT: { code: 'FORBIDDEN', message: '账号未绑定科室' },
  NOT_FOUND: { code: 'NOT_FOUND', message: '{what}不存在或无权查看' },
  INVALID_INPUT: { code: 'BAD_USER_INPUT', message: '{problem}' },
  PAGE_OFFSET_INVALID: { code: 'BAD_USER_INPUT', reason: 'PAGE_INVALID', message: '分页起始位置不能为负数' },
  PAGE_SIZE_INVALID: { code: 'BAD_USER_INPUT', reason: 'PAGE_INVALID', message: '每页条数须在 1 到 {max} 之间' },
  STALE_VERSION: { code: 'CONFLICT', message: '数据已被他人更新，请刷新后重试' },
  ARCHIVE_MALFORMED: { code: 'BAD_USER_INPUT', message: '文件已损坏或不是有效的 Office 文档' },
  ARCHIVE_TOO_MANY_ENTRIES: { code: 'BAD_USER_INPUT', message: '文件内含条目过多（上限 {max} 个）' },
  ARCHIVE_ZIP64: { code: 'BAD_USER_INPUT', reason: 'ARCHIVE_TOO_LARGE', message: '文件解压后过大' },
  ARCHIVE_TOO_LARGE: { code: 'BAD_USER_INPUT', message: '文件解压后过大（上限 {maxMb} MB），疑似压缩炸弹' },
  ARCHIVE_HAS_EXECUTABLE: { code: 'BAD_USER_INPUT', message: '文件内含可执行程序，已拒绝' },
  // Uploads (附件, 材料, 佐证材料), checked by the kit's checkUpload
  EMPTY_FILE: { code: 'BAD_USER_INPUT', message: '文件为空' },
  FILE_TOO_LARGE: { code: 'BAD_USER_INPUT', message: '文件过大，单个{what}不能超过 {limit}' },
  UNSUPPORTED_FILE_TYPE: { code: 'BAD_USER_INPUT', message: '不支持的文件类型：{supported}' },
});
