import express, { NextFunction, Request, RequestHandler, Response } from 'express';
import { authenticate, AuthUser, isAllowed, TokenVerifier } from './auth';
import { DomainError, ErrorCode } from './errors';
import { contentDisposition } from './file-type';
import type { Logger } from './logger';
import { AccessRule } from './roles';

/**
 * Plain-HTTP routes of a service (file uploads and downloads, exports) with the same rules as
 * GraphQL: the caller from the bearer token, typed role checks, and one error body —
 * `{ error: { code, reason, message } }` with a Chinese message — for every refusal.
 * (Open311 keeps the GeoReport v2 error format its standard prescribes.)
 */
export interface RestErrorBody {
  error: { code: ErrorCode | 'PAYLOAD_TOO_LARGE'; reason: string; message: string };
}

const STATUS: Record<ErrorCode, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INTERNAL_SERVER_ERROR: 500,
};

/** Answers a refusal in the one error body. */
export function sendError(res: Response, status: number, code: RestErrorBody['error']['code'], reason: string, message: string): void {
  const body: RestErrorBody = { error: { code, reason, message } };
  res.status(status).json(body);
}

/** A DomainError as HTTP: its code decides the status (`status` overrides it, e.g. 413). */
export function sendDomainError(res: Response, e: DomainError, status?: number): void {
  sendError(res, status ?? STATUS[e.code], status === 413 ? 'PAYLOAD_TOO_LARGE' : e.code, e.reason, e.message);
}

/** The caller, once `authenticated` has run. */
export function callerOf(res: Response): AuthUser {
  const user = res.locals.user as AuthUser | undefined;
  if (!user) throw new Error('callerOf: the route has no authenticated() before it');
  return user;
}

/** The caller from the bearer token (401 without a valid one), kept for the handler (`callerOf`). */
export function authenticated(verify: TokenVerifier): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const user = await authenticate(req.headers.authorization, verify);
      if (!user) return sendError(res, 401, 'UNAUTHENTICATED', 'UNAUTHENTICATED', '未登录或登录已过期，请重新登录');
      res.locals.user = user;
      next();
    } catch (e) {
      const d = e as Partial<DomainError>;
      sendError(res, 401, 'UNAUTHENTICATED', d.reason ?? 'TOKEN_INVALID', d.message ?? '登录凭据无效，请重新登录');
    }
  };
}

/** Lets through the given roles (or service scopes) only — before the body is read. Needs `authenticated` first. */
export function allowRoles(rules: readonly AccessRule[], message: string): RequestHandler {
  return (_req: Request, res: Response, next: NextFunction) => {
    if (!isAllowed(callerOf(res), rules)) return sendError(res, 403, 'FORBIDDEN', 'FORBIDDEN', message);
    next();
  };
}

/**
 * An async handler whose refusals become the one error body: a DomainError by its code (or the
 * status `statusOf` picks for it), anything else is logged and answered 500 without details.
 */
export function restHandler(
  log: Logger,
  what: string,
  handle: (req: Request, res: Response) => Promise<void>,
  statusOf?: (e: DomainError) => number | undefined,
): RequestHandler {
  return async (req: Request, res: Response) => {
    try {
      await handle(req, res);
    } catch (e) {
      if (e instanceof DomainError) return sendDomainError(res, e, statusOf?.(e));
      log.error({ err: e }, what);
      if (!res.headersSent) sendError(res, 500, 'INTERNAL_SERVER_ERROR', 'INTERNAL', '系统繁忙，请稍后重试');
    }
  };
}

/** Reads an upload's raw body up to `maxBytes`; a larger one is answered 413 (`tooLarge`) before anything is stored. */
export function rawUpload(maxBytes: number, tooLarge: DomainError): RequestHandler {
  const parse = express.raw({ type: () => true, limit: maxBytes });
  return (req: Request, res: Response, next: NextFunction) =>
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      const type = (err as { type?: string }).type;
      if (type === 'entity.too.large') return sendDomainError(res, tooLarge, 413);
      if (type === 'request.aborted') return; // the client went away: nothing to answer
      sendError(res, 400, 'BAD_USER_INPUT', 'BAD_REQUEST', '上传的内容无法读取，请重试');
    });
}

/** Answers a file download: its own content type and name, never sniffed, never cached. */
export function sendFile(res: Response, file: { contentType: string; name: string; bytes: Buffer }): void {
  res.status(200);
  // Set on the raw response: Express must not add a charset or an ETag of its own.
  res.setHeader('Content-Type', file.contentType);
  res.setHeader('Content-Length', String(file.bytes.length));
  res.setHeader('Content-Disposition', contentDisposition(file.name));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Cache-Control', 'private, no-store');
  res.end(file.bytes);
}
