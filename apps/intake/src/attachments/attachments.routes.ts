import express, { Express, NextFunction, Request, Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { allowRoles, authenticated, callerOf, DomainError, Logger, restHandler, sendDomainError, sendError, TokenVerifier } from '@hotline/service-kit';
import { AttachmentStore, postgresAttachmentStore } from './attachment-store';
import { addAttachment, AttachmentLimits, fileTooLarge, readAttachment, UPLOAD_ROLES } from './attachments';
import { contentDisposition } from './file-type';

/** A file over the limit is 413 (the kit's error body, code PAYLOAD_TOO_LARGE); other refusals by their code. */
const statusOf = (e: DomainError) => (e.reason === 'FILE_TOO_LARGE' ? 413 : undefined);

/** Reads the raw body up to the limit; a larger one is answered 413 without storing anything. */
function rawBody(maxBytes: number) {
  const parse = express.raw({ type: () => true, limit: maxBytes });
  return (req: Request, res: Response, next: NextFunction) =>
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      const type = (err as { type?: string }).type;
      if (type === 'entity.too.large') return sendDomainError(res, fileTooLarge(maxBytes), 413);
      if (type === 'request.aborted') return; // the client went away: nothing to answer
      sendError(res, 400, 'BAD_USER_INPUT', 'BAD_REQUEST', '上传的内容无法读取，请重试');
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

  app.post('/cases/:caseId/attachments', authenticated(deps.verify), allowRoles(UPLOAD_ROLES, '无权上传附件'), rawBody(deps.limits.maxBytes), restHandler(deps.log, 'attachment upload failed', async (req: Request, res: Response) => {
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const { entry } = await addAttachment(deps.orm.em.fork(), store, callerOf(res), {
      caseId: String(req.params.caseId), fileName: typeof req.query.fileName === 'string' ? req.query.fileName : '', bytes,
    }, deps.limits);
    res.status(201).location(entry.url).json({ id: entry.id, name: entry.name, url: entry.url, contentType: entry.contentType, size: entry.size });
  }, statusOf));

  app.get('/cases/:caseId/attachments/:id', authenticated(deps.verify), restHandler(deps.log, 'attachment download failed', async (req: Request, res: Response) => {
    const { attachment, bytes } = await readAttachment(deps.orm.em.fork(), store, callerOf(res), String(req.params.caseId), String(req.params.id));
    res.status(200);
    // Set on the raw response: Express must not add a charset or an ETag of its own.
    res.setHeader('Content-Type', attachment.contentType);
    res.setHeader('Content-Length', String(bytes.length));
    res.setHeader('Content-Disposition', contentDisposition(attachment.fileName));
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'private, no-store');
    res.end(bytes);
  }, statusOf));

  // Anything else under a case's attachments: a coded 404, not Express's HTML page.
  app.use(/^\/cases\/[^/]+\/attachments(?=\/|$)/, (_req: Request, res: Response) => sendError(res, 404, 'NOT_FOUND', 'NOT_FOUND', '附件不存在或无权查看'));
}
