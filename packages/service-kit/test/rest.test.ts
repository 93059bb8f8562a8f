import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { allowRoles, authenticated, AuthUser, callerOf, createLogger, DomainError, restHandler, TokenVerifier } from '../src';

/** Tokens for this test: the token text names the role (the kit's JWT verification has its own tests). */
const verify: TokenVerifier = async (token) => {
  if (token === 'forged') throw new DomainError('UNAUTHENTICATED', 'TOKEN_INVALID', '登录凭据无效，请重新登录');
  return { id: `u-${token}`, username: token, role: token as AuthUser['role'] } as AuthUser;
};

async function serve() {
  const app = express();
  const log = createLogger('rest-test', 'silent');
  app.post(
    '/things',
    authenticated(verify),
    allowRoles(['duty', 'admin'], '无权操作'),
    restHandler(
      log,
      'things failed',
      async (req, res) => {
        const kind = String(req.query.kind ?? '');
        if (kind === 'missing') throw new DomainError('NOT_FOUND', 'THING_NOT_FOUND', '不存在');
        if (kind === 'big') throw new DomainError('BAD_USER_INPUT', 'FILE_TOO_LARGE', '文件过大');
        if (kind === 'bug') throw new Error('a bug with a secret 13812345678');
        res.status(201).json({ by: callerOf(res).role });
      },
      (e) => (e.reason === 'FILE_TOO_LARGE' ? 413 : undefined),
    ),
  );
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const call = async (token: string | null, kind = '') => {
    const res = await fetch(`${base}/things?kind=${kind}`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {} });
    return { status: res.status, body: (await res.json()) as { by?: string; error?: { code: string; reason: string; message: string } } };
  };
  return { call, close: () => new Promise((r) => server.close(r)) };
}

describe('REST route helpers: the caller, typed role checks and one error body', () => {
  it('answers every refusal as { error: { code, reason, message } } with the status of its code', async () => {
    const s = await serve();
    try {
      expect(await s.call('duty')).toEqual({ status: 201, body: { by: 'duty' } });
      expect(await s.call(null)).toEqual({
        status: 401,
        body: { error: { code: 'UNAUTHENTICATED', reason: 'UNAUTHENTICATED', message: '未登录或登录已过期，请重新登录' } },
      });
      expect(await s.call('forged')).toEqual({
        status: 401,
        body: { error: { code: 'UNAUTHENTICATED', reason: 'TOKEN_INVALID', message: '登录凭据无效，请重新登录' } },
      });
      expect(await s.call('handler')).toEqual({ status: 403, body: { error: { code: 'FORBIDDEN', reason: 'FORBIDDEN', message: '无权操作' } } });
      expect(await s.call('admin', 'missing')).toEqual({ status: 404, body: { error: { code: 'NOT_FOUND', reason: 'THING_NOT_FOUND', message: '不存在' } } });
      expect(await s.call('admin', 'big')).toEqual({
        status: 413,
        body: { error: { code: 'PAYLOAD_TOO_LARGE', reason: 'FILE_TOO_LARGE', message: '文件过大' } },
      });
      const bug = await s.call('admin', 'bug');
      expect(bug).toEqual({ status: 500, body: { error: { code: 'INTERNAL_SERVER_ERROR', reason: 'INTERNAL', message: '系统繁忙，请稍后重试' } } });
    } finally {
      await s.close();
    }
  });
});
