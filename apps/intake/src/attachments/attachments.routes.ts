import { Express, Request, Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  allowRoles,
  authenticated,
  callerOf,
  codedError,
  DomainError,
  Logger,
  rawUpload,
  restHandler,
  sendDomainError,
  TokenVerifier,
} from '@hotline/service-kit';
import { AttachmentStore, postgresAttachmentStore } from './attachment-store';
import { addAttachment, AttachmentLimits, fileTooLarge, readAttachment, UPLOAD_ROLES } from './attachments';
import { contentDisposition } from './file-type';
import { COMMON_ERRORS, INTAKE_ERRORS } from '@hotline/contracts';

/** A file over the limit is 413 (the kit's error body, code PAYLOAD_TOO_LARGE); other refusals by their code. */
const statusOf = (e: DomainError) => (e.reason === COMMON_ERRORS.FILE_TOO_LARGE.reason ? 413 : undefined);

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

  app.post(
    '/cases/:caseId/attachments',
    authenticated(deps.verify),
    allowRoles(UPLOAD_ROLES, INTAKE_ERRORS.UPLOAD_FORBIDDEN.message),
    rawUpload(deps.limits.maxBytes, fileTooLarge(deps.limits.maxBytes)),
    restHandler(
      deps.log,
      'attachment upload failed',
      async (req: Request, res: Response) => {
        const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        const { entry } = await addAttachment(
          deps.orm.em.fork(),
          store,
          callerOf(res),
          {
            caseId: String(req.params.caseId),
            fileName: typeof req.query.fileName === 'string' ? req.query.fileName : '',
            bytes,
          },
          deps.limits,
        );
        res.status(201).location(entry.url).json({ id: entry.id, name: entry.name, url: entry.url, contentType: entry.contentType, size: entry.size });
      },
      statusOf,
    ),
  );

  app.get(
    '/cases/:caseId/attachments/:id',
    authenticated(deps.verify),
    restHandler(
      deps.log,
      'attachment download failed',
      async (req: Request, res: Response) => {
        const { attachment, bytes } = await readAttachment(deps.orm.em.fork(), store, callerOf(res), String(req.params.caseId), String(req.params.id));
        res.status(200);
        // Set on the raw response: Express must not add a charset or an ETag of its own.
        res.setHeader('Content-Type', attachment.contentType);
        res.setHeader('Content-Length', String(bytes.length));
        res.setHeader('Content-Disposition', contentDisposition(attachment.fileName));
        res.setHeader('X-Content-Type-Options', 'nosniff');
        res.setHeader('Cache-Control', 'private, no-store');
        res.end(bytes);
      },
      statusOf,
    ),
  );

  // Anything else under a case's attachments: a coded 404, not Express's HTML page.
  app.use(/^\/cases\/[^/]+\/attachments(?=\/|$)/, (_req: Request, res: Response) => sendDomainError(res, codedError(INTAKE_ERRORS.ATTACHMENT_HIDDEN)));
}
