import { describe, expect, it } from 'vitest';
import { errorCode, errorMessage } from './errors';

const gqlError = (code: string, message = 'raw server message') => ({
  graphQLErrors: [{ message, extensions: { code } }],
  networkError: null,
});

describe('errorMessage', () => {
  it('maps codes to plain Chinese and hides raw messages', () => {
    expect(errorMessage(gqlError('UNAUTHENTICATED'))).toBe('登录已过期，请重新登录');
    expect(errorMessage(gqlError('FORBIDDEN'))).toBe('无权执行此操作');
    expect(errorMessage(gqlError('NOT_FOUND'))).toBe('工单不存在或无权查看');
    expect(errorMessage(gqlError('INTERNAL_SERVER_ERROR', 'TypeError: x is undefined'))).toBe('系统繁忙，请稍后重试');
    expect(errorMessage(new Error('boom'))).toBe('系统繁忙，请稍后重试');
  });

  it('shows the server message for BAD_USER_INPUT and CONFLICT when it is Chinese', () => {
    expect(errorMessage(gqlError('BAD_USER_INPUT', '工单编号已存在'))).toBe('工单编号已存在');
    expect(errorMessage(gqlError('CONFLICT', '工单已签收，不能重复签收'))).toBe('工单已签收，不能重复签收');
    expect(errorMessage(gqlError('CONFLICT', 'version mismatch'))).toBe('工单已被他人更新，请刷新后重试');
    expect(errorMessage(gqlError('BAD_USER_INPUT', 'Variable "$id" got invalid value'))).toBe('输入有误，请检查后重试');
  });

  it('reads codes from a 4xx response body and from network failures', () => {
    const badRequest = {
      graphQLErrors: [],
      networkError: Object.assign(new Error('Response not successful'), {
        statusCode: 400,
        result: { errors: [{ message: '手机号格式不正确', extensions: { code: 'BAD_USER_INPUT' } }] },
      }),
    };
    expect(errorCode(badRequest)).toBe('BAD_USER_INPUT');
    expect(errorMessage(badRequest)).toBe('手机号格式不正确');
    const offline = { graphQLErrors: [], networkError: new TypeError('Failed to fetch') };
    expect(errorMessage(offline)).toBe('无法连接服务器，请检查网络后重试');
    const unauthorized = { graphQLErrors: [], networkError: Object.assign(new Error('401'), { statusCode: 401 }) };
    expect(errorCode(unauthorized)).toBe('UNAUTHENTICATED');
  });

  it('lets a screen override the text for a code', () => {
    expect(errorMessage(gqlError('UNAUTHENTICATED'), { UNAUTHENTICATED: '用户名或密码错误' })).toBe('用户名或密码错误');
  });
});
