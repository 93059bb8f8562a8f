import express, { Express, NextFunction, Request, Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { authenticate, AuthUser, contentDisposition, DomainError, FileStore, Logger, TokenVerifier } from '@hotline/service-kit';
import { addMaterial, fileTooLarge, MaterialLimits, readMaterial } from './add-material';

function fail(res: Response, status: number, code: string, reason: string, message: string): void {
  res.status(status).json({ error: { code, reason, message } });
}

function refuse(res: Response, e: DomainError): void {
  if (e.reason === 'FILE_TOO_LARGE') return fail(res, 413, 'PAYLOAD_TOO_LARGE', e.reason, e.message);
  const status = { BAD_USER_INPUT: 400, UNAUTHENTICATED: 401, FORBIDDEN: 403, NOT_FOUND: 404, CONFLICT: 409, INTERNAL_SERVER_ERROR: 500 }[e.code];
  fail(res, status, e.code, e.reason, e.message);
}

/**
 * 典型案例材料 over HTTP (the gateway passes `/typical-cases/<uuid>/materials…` through), the same
 * shape as intake's attachments:
 * - `POST /typical-cases/{id}/materials?fileName=<urlencoded>` with the raw bytes → 201
 *   `{ id, name, url, contentType, size }` (supervisors, while drafting);
 * - `GET /typical-cases/{id}/materials/{materialId}` → the bytes (supervisor, leader, admin).
 * Errors: `{ error: { code, reason, message } }` with a Chinese message.
 */
export function materialRoutes(app: Express, deps: { orm: MikroORM; log: Logger; verify: TokenVerifier; store: FileStore; limits: MaterialLimits }): void {
  const authenticated = async (req: Request, res: Response, next: NextFunction) => {
    try {
      const user = await authenticate(req.headers.authorization, deps.verify);
      if (!user) return fail(res, 401, 'UNAUTHENTICATED', 'UNAUTHENTICATED', '未登录或登录已过期，请重新登录');
      res.locals.user = user;
      next();
    } catch (e) {
      const d = e as DomainError;
      fail(res, 401, 'UNAUTHENTICATED', d.reason ?? 'TOKEN_INVALID', d.message);
    }
  };
  const onlySupervisor = (_req: Request, res: Response, next: NextFunction) => {
    if ((res.locals.user as AuthUser).role !== 'supervisor') return fail(res, 403, 'FORBIDDEN', 'FORBIDDEN', '仅督办员可上传典型案例材料');
    next();
  };
  const parse = express.raw({ type: () => true, limit: deps.limits.maxBytes });
  const rawBody = (req: Request, res: Response, next: NextFunction) =>
    parse(req, res, (err?: unknown) => {
      if (!err) return next();
      const type = (err as { type?: string }).type;
      if (type === 'entity.too.large') return refuse(res, fileTooLarge(deps.limits.maxBytes));
      if (type === 'request.aborted') return;
      fail(res, 400, 'BAD_USER_INPUT', 'BAD_REQUEST', '上传的内容无法读取，请重试');
    });
  const failed = (res: Response, e: unknown, what: string) => {
    if (e instanceof DomainError) return refuse(res, e);
    deps.log.error({ err: e }, what);
    fail(res, 500, 'INTERNAL_SERVER_ERROR', 'INTERNAL', '系统繁忙，请稍后重试');
  };

  app.post('/typical-cases/:id/materials', authenticated, onlySupervisor, rawBody, async (req: Request, res: Response) => {
    const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    try {
      const m = await addMaterial(
        deps.orm.em.fork(),
        deps.store,
        res.locals.user as AuthUser,
        {
          itemId: String(req.params.id),
          fileName: typeof req.query.fileName === 'string' ? req.query.fileName : '',
          bytes,
        },
        deps.limits,
      );
      res.status(201).location(m.url()).json({ id: m.id, name: m.name, url: m.url(), contentType: m.contentType, size: m.size });
    } catch (e) {
      failed(res, e, 'material upload failed');
    }
  });

  app.get('/typical-cases/:id/materials/:materialId', authenticated, async (req: Request, res: Response) => {
    try {
      const { material, bytes } = await readMaterial(
        deps.orm.em.fork(),
        deps.store,
        res.locals.user as AuthUser,
        String(req.params.id),
        String(req.params.materialId),
      );
      res.status(200);
      res.setHeader('Content-Type', material.contentType);
      res.setHeader('Content-Length', String(bytes.length));
      res.setHeader('Content-Disposition', contentDisposition(material.name));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'private, no-store');
      res.end(bytes);
    } catch (e) {
      failed(res, e, 'material download failed');
    }
  });

  app.use(/^\/typical-cases\/[^/]+\/materials(?=\/|$)/, (_req: Request, res: Response) => fail(res, 404, 'NOT_FOUND', 'NOT_FOUND', '材料不存在或无权查看'));
}
