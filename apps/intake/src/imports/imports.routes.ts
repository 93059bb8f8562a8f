import express, { Express, Request, Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  AccessRule,
  actorOf,
  allowRoles,
  authenticated,
  callerOf,
  codedError,
  Logger,
  restHandler,
  sendDomainError,
  TokenVerifier,
} from '@hotline/service-kit';
import { inspectArchive } from '../attachments/file-type';
import { createJob, errorReportCsv, formatOf } from './imports';
import { ImportJob } from './import-job.entity';
import { runImport } from './run-import';
import { INTAKE_ERRORS } from '@hotline/contracts';

/** Who may import the district platform's exports. */
export const IMPORT_ROLES: readonly AccessRule[] = ['duty', 'admin'];
const MAX_FILE = '25mb';

/**
 * 工单导入 over HTTP (the gateway passes /imports through):
 * - `POST /imports?fileName=2026年工单.xlsx&mapping=<saved mapping>` with the raw file as body →
 *   202 `{ jobId, status }`; the job runs in the background (poll `importJob(id)` in GraphQL or
 *   `GET /imports/{id}`);
 * - `GET /imports/{id}/errors.csv` → the error report (row, column, reason).
 */
export function importRoutes(app: Express, deps: { orm: MikroORM; log: Logger; verify: TokenVerifier }): void {
  const allowed = [authenticated(deps.verify), allowRoles(IMPORT_ROLES, INTAKE_ERRORS.IMPORT_FORBIDDEN.message)];
  app.post(
    '/imports',
    ...allowed,
    express.raw({ type: () => true, limit: MAX_FILE }),
    restHandler(deps.log, 'import upload failed', async (req: Request, res: Response) => {
      const user = callerOf(res);
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      // An .xlsx is a ZIP: its expansion, entry count and contents are checked before any job starts
      // (a 205 KB sheet can become 200 MiB in memory).
      const zip = body.length >= 4 && body.readUInt32LE(0) === 0x04034b50;
      if (zip || formatOf(String(req.query.fileName ?? ''), req.get('content-type')) === 'xlsx') {
        const verdict = zip ? inspectArchive(body) : { ok: false as const, error: codedError(INTAKE_ERRORS.SHEET_MALFORMED) };
        if (!verdict.ok) return sendDomainError(res, verdict.error);
      }
      const { job, mapping } = await createJob(deps.orm.em.fork(), user, {
        fileName: String(req.query.fileName ?? ''),
        contentType: req.get('content-type'),
        size: body.length,
        mappingName: req.query.mapping ? String(req.query.mapping) : undefined,
      });
      void runImport(deps.orm, job.id, body, { actor: actorOf(user), mapping, log: deps.log });
      res.status(202).json({ jobId: job.id, status: job.status, statusUrl: `/imports/${job.id}` });
    }),
  );

  app.get(
    /^\/imports\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(\/errors\.csv)?$/i,
    ...allowed,
    restHandler(deps.log, 'import status failed', async (req: Request, res: Response) => {
      const [id, report] = [(req.params as Record<string, string>)[0], (req.params as Record<string, string>)[1]];
      const job = await deps.orm.em.fork().findOne(ImportJob, { id });
      if (!job) return sendDomainError(res, codedError(INTAKE_ERRORS.IMPORT_NOT_FOUND));
      if (!report) {
        return void res.json({
          id: job.id,
          status: job.status,
          progress: job.progress(),
          totalRows: job.totalRows,
          processedRows: job.processedRows,
          createdCount: job.createdCount,
          updatedCount: job.updatedCount,
          unchangedCount: job.unchangedCount,
          errorCount: job.errorCount,
          message: job.message,
          durationMs: job.durationMs,
        });
      }
      res.type('text/csv; charset=utf-8').set('content-disposition', `attachment; filename="import-${job.id}-errors.csv"`).send(errorReportCsv(job));
    }),
  );
}
