import express, { Express, NextFunction, Request, Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { authenticate, AuthUser, DomainError, Logger, TokenVerifier } from '@hotline/service-kit';
import { AttachmentStore, postgresAttachmentStore } from './attachment-store';
import { addAttachment, AttachmentLimits, fileTooLarge, readAttachment, UPLOAD_ROLES } from './attachments';
import { contentDisposition } from './file-type';

function fail(res: Response, status: number, code: string, reason: string, message: string): void {
  res.status(status).json({ error: { code, reason, message } });
}

/** A refusal from the domain as HTTP: the same JSON shape as the import routes. */
function refuse(res: Response, e: DomainError): void {
  if (e.reason === 'FILE_TOO_LARGE') return fail(res, 413, 'PAYLOAD_TOO_LARGE', e.reason, e.message);
  const status = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, INTERNAL_SERVER_ERROR: 500 }[e.code];
  fail(res, status, e.code, e.reason, e.message);
}

/** The caller from the bearer token (401 without one), kept on res.locals for the handler. */
function authenticated(verify: TokenVerifier) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const user = await authenticate(req.headers.authorization, verify);
      if (!user) return fail(res, 401, 'UNAUTHENTICATED', 'UNAUTHENTICATED', '未登录或登录已过期，请重新登录');
      res.locals.user = user;
      next();
    } catch (e) {
      const d = e as DomainError;
      fail(res, 401, 'UNAUTHENTICATED', d.reason ?? 'TOKEN_INVALID', d.message);
    }
  };
}

/** Refuses a role before the body is read (the domain checks again). */
function allow(roles: readonly string[], message: string) {
  return (_req: Request, res: Response, next: NextFunction) => {
    if (!roles.includes((res.locals.user as AuthUser).role)) return fail(res, 403, 'FORBIDDEN', 'FORBIDDEN', message);
    next();
  };
}

/** Reads the raw body up to the limit; a larger one is answered 413 without storing anything. */
function rawBody(maxBytes: number) {
  const parse = express.raw({ type: () => true, limit: maxBytes });
  return (req: Request, res: Response, next: NextFunction) =>
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      const type = (err as { type?: string }).type;
      if (type === 'entity.too.large') return refuse(res, fileTooLarge(maxBytes));
      if (type === 'request.aborted') return; // the client went away: nothing to answer
      fail(res, 400, 'BAD_USER_INPUT', 'BAD_REQUEST', '上传的内容无法读取，请重试');
    });
}

/**
 * 附件 over HTTP (the gateway passes `/cases/<uuid>/attachments…` through):
 * - `POST /cases/{caseId}/attachments?fileName=<urlencoded>` with the file as the raw body →
 *   201 `{ id, name, url, contentType, size }` (duty, admin);
 * - `GET /cases/{caseId}/attachments/{id}` → the bytes, audited (whoever may see the case).
 * Errors: `{ error: { code, reason, message } }` with a Chinese message.
 */
export function attachmentRoutes(
  app: Express,
  deps: { orm: MikroORM; log: Logger; verify: TokenVerifier; limits: AttachmentLimits; store?: AttachmentStore },
): void {
  const store = deps.store ?? postgresAttachmentStore;
  const failed = (res: Response, e: unknown, what: string) => {
    if (e instanceof DomainError) return refuse(res, e);
    deps.log.error({ err: e }, what);
    fail(res, 500, 'INTERNAL_SERVER_ERROR', 'INTERNAL', '系统繁忙，请稍后重试');
  };

  app.post('/cases/:caseId/attachments', authenticated(deps.verify), allow(UPLOAD_ROLES, '无权上传附件'), rawBody(deps.limits.maxBytes), async (req: Request, res: Response) => {
    const user = res.locals.user as AuthUser;
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    try {
      const { entry } = await addAttachment(deps.orm.em.fork(), store, user, {
        caseId: String(req.params.caseId), fileName: typeof req.query.fileName === 'string' ? req.query.fileName : '', bytes,
      }, deps.limits);
      res.status(201).location(entry.url).json({ id: entry.id, name: entry.name, url: entry.url, contentType: entry.contentType, size: entry.size });
    } catch (e) {
      failed(res, e, 'attachment upload failed');
    }
  });

  app.get('/cases/:caseId/attachments/:id', authenticated(deps.verify), async (req: Request, res: Response) => {
    const user = res.locals.user as AuthUser;
    try {
      const { attachment, bytes } = await readAttachment(deps.orm.em.fork(), store, user, String(req.params.caseId), String(req.params.id));
      res.status(200);
      // Set on the raw response: Express must not add a charset or an ETag of its own.
      res.setHeader('Content-Type', attachment.contentType);
      res.setHeader('Content-Length', String(bytes.length));
      res.setHeader('Content-Disposition', contentDisposition(attachment.fileName));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'private, no-store');
      res.end(bytes);
    } catch (e) {
      failed(res, e, 'attachment download failed');
    }
  });

  // Anything else under a case's attachments: a coded 404, not Express's HTML page.
  app.use(/^\/cases\/[^/]+\/attachments(?=\/|$)/, (_req: Request, res: Response) => fail(res, 404, 'NOT_FOUND', 'NOT_FOUND', '附件不存在或无权查看'));
}
