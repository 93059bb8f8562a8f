import type { Express, Request, Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  allowRoles,
  authenticated,
  callerOf,
  codedError,
  DomainError,
  FileStore,
  fileTooLarge,
  isUuid,
  Logger,
  rawUpload,
  restHandler,
  sendDomainError,
  sendFile,
  TokenVerifier,
} from '@hotline/service-kit';
import type { CalendarStore } from '../calendar/calendar-store';
import { claimPackage } from './claim-package';
import { addEvidence, auditClaim, EvidenceLimits } from './claims';
import { ExclusionClaim, ExclusionEvidence } from './exclusion.entities';
import { EXCLUSION_READ_ROLES } from './exclusions.resolver';
import { SUPERVISION_ERRORS, COMMON_ERRORS } from '@hotline/contracts';

const statusOf = (e: DomainError) => (e.reason === COMMON_ERRORS.FILE_TOO_LARGE.reason ? 413 : undefined);
const nf = () => codedError(SUPERVISION_ERRORS.CLAIM_FILE_MISSING);

/**
 * 不纳入考核 files over HTTP (the gateway passes `/exclusion-claims/<uuid>…` through):
 * - `POST /exclusion-claims/{id}/evidence?kind=<evidence kind>&fileName=<urlencoded>` with the raw
 *   bytes → 201 `{ id, kind, name, url, contentType, size }` (supervisor, draft claims only);
 * - `GET /exclusion-claims/{id}/evidence/{evidenceId}` → the bytes (supervisor, leader, admin; audited);
 * - `GET /exclusion-claims/{id}/package` → the claim package `.zip` (申请说明.docx + 佐证材料; audited).
 */
export function exclusionRoutes(
  app: Express,
  deps: { orm: MikroORM; log: Logger; verify: TokenVerifier; store: FileStore; calendars: CalendarStore; limits: EvidenceLimits },
): void {
  const readers = [authenticated(deps.verify), allowRoles(EXCLUSION_READ_ROLES, SUPERVISION_ERRORS.CLAIM_FILES_FORBIDDEN.message)];

  /** The claim, with the download written to its audit trail first (nothing is sent unaudited). */
  const audited = async (req: Request, res: Response, action: string, detail: string | null): Promise<ExclusionClaim> => {
    const id = String(req.params.id);
    if (!isUuid(id)) throw nf();
    const em = deps.orm.em.fork();
    const claim = await em.findOne(ExclusionClaim, { id });
    if (!claim) throw nf();
    auditClaim(em, callerOf(res), claim.id, action, detail);
    await em.flush();
    return claim;
  };

  app.post(
    '/exclusion-claims/:id/evidence',
    authenticated(deps.verify),
    allowRoles(['supervisor'], SUPERVISION_ERRORS.EVIDENCE_UPLOAD_FORBIDDEN.message),
    rawUpload(deps.limits.maxBytes, fileTooLarge(deps.limits.maxBytes, '佐证材料')),
    restHandler(
      deps.log,
      'evidence upload failed',
      async (req: Request, res: Response) => {
        const q = (k: string) => (typeof req.query[k] === 'string' ? (req.query[k] as string) : '');
        const ev = await addEvidence(
          deps.orm.em.fork(),
          deps.store,
          callerOf(res),
          {
            claimId: String(req.params.id),
            kind: q('kind'),
            fileName: q('fileName'),
            bytes: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
          },
          deps.limits,
        );
        const url = `/exclusion-claims/${ev.claimId}/evidence/${ev.id}`;
        res.status(201).location(url).json({ id: ev.id, kind: ev.kind, name: ev.name, url, contentType: ev.contentType, size: ev.size });
      },
      statusOf,
    ),
  );

  app.get(
    '/exclusion-claims/:id/evidence/:evidenceId',
    ...readers,
    restHandler(deps.log, 'evidence download failed', async (req: Request, res: Response) => {
      const evidenceId = String(req.params.evidenceId);
      if (!isUuid(evidenceId) || !isUuid(String(req.params.id))) throw nf();
      const ev = await deps.orm.em.fork().findOne(ExclusionEvidence, { id: evidenceId, claimId: String(req.params.id) });
      const bytes = ev ? await deps.store.get(ev.sha256) : null;
      if (!ev || !bytes) throw nf();
      await audited(req, res, 'evidence-downloaded', ev.name);
      sendFile(res, { contentType: ev.contentType, name: ev.name, bytes });
    }),
  );

  app.get(
    '/exclusion-claims/:id/package',
    ...readers,
    restHandler(deps.log, 'claim package failed', async (req: Request, res: Response) => {
      const claim = await audited(req, res, 'package-downloaded', null);
      const em = deps.orm.em.fork();
      const bytes = await claimPackage(em, deps.store, claim, await deps.calendars.current(em));
      sendFile(res, { contentType: 'application/zip', name: `不纳入考核申请-${claim.externalNo}-${claim.month}.zip`, bytes });
    }),
  );

  app.use(/^\/exclusion-claims\/[^/]+(?=\/|$)/, (_req: Request, res: Response) => sendDomainError(res, nf()));
}
