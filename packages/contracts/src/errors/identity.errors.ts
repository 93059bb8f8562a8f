import { defineErrors } from './define';

/** identity: login, users (用户) and departments (科室). */
export const IDENTITY_ERRORS = defineErrors({
  INVALID_CREDENTIALS: { code: 'UNAUTHENTICATED', message: '用户名或密码错误' },
  ACCOUNT_DISABLED: { code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS', message: '账号已停用，请联系管理员' },
  TOO_MANY_ATTEMPTS: { code: 'FORBIDDEN', message: '登录失败次数过多，请 {seconds} 秒后再试' },
  DEPARTMENT_NOT_ALLOWED: { code: 'BAD_USER_INPUT', message: '只有科室承办人可以绑定科室' },
  DEPARTMENT_REQUIRED: { code: 'BAD_USER_INPUT', message: '科室承办人必须绑定科室' },
  UNKNOWN_DEPARTMENT: { code: 'BAD_USER_INPUT', message: '科室不存在或已停用' },
  USERNAME_TAKEN: { code: 'BAD_USER_INPUT', message: '用户名 {username} 已存在' },
  USER_NOT_FOUND: { code: 'NOT_FOUND', message: '用户不存在' },
  DEPARTMENT_CODE_TAKEN: { code: 'BAD_USER_INPUT', message: '科室编码 {code} 已存在' },
  DEPARTMENT_NOT_FOUND: { code: 'NOT_FOUND', message: '科室不存在' },
});
