import type { Express, Request, Response } from 'express';
import type { MikroORM } from '@mikro-orm/postgresql';
import { allowRoles, authenticated, contentDisposition, isUuid, Logger, restHandler, TokenVerifier, codedError } from '@hotline/service-kit';
import { departmentNames } from '../departments/department-check';
import { TrackedTask } from '../tasks/tracked-task.entity';
import { meetingMaterial, topicCases } from './material';
import { Meeting } from './meeting.entity';
import { MEETING_READERS } from './meetings.resolver';
import { minutesDocx } from './minutes-docx';
import { SUPERVISION_ERRORS } from '@hotline/contracts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/**
 * `GET /meetings/{id}/minutes` → 调度会纪要 as `.docx` (supervisor, leader, admin), generated from
 * the meeting, its material and its tasks as they are now. Errors: the kit's REST error body.
 */
export function minutesRoutes(app: Express, deps: { orm: MikroORM; log: Logger; verify: TokenVerifier }): void {
  app.get(
    '/meetings/:id/minutes',
    authenticated(deps.verify),
    allowRoles(MEETING_READERS, SUPERVISION_ERRORS.MINUTES_FORBIDDEN.message),
    restHandler(deps.log, 'minutes export failed', async (req: Request, res: Response) => {
      const em = deps.orm.em.fork();
      const id = String(req.params.id);
      const meeting = isUuid(id) ? await em.findOne(Meeting, { id }) : null;
      if (!meeting) throw codedError(SUPERVISION_ERRORS.MEETING_NOT_FOUND);
      const tasks = await em.find(TrackedTask, { meetingId: meeting.id }, { orderBy: { createdAt: 'asc', id: 'asc' } });
      const names = await departmentNames(em, [...meeting.departmentIds, ...tasks.map((t) => t.departmentId)]);
      const bytes = await minutesDocx({
        meeting,
        departmentNames: meeting.departmentIds.map((d) => names.get(d) ?? '未知科室'),
        material: await meetingMaterial(em, meeting),
        topicCases: await topicCases(em, meeting),
        tasks: tasks.map((t) => ({
          title: t.title,
          departmentName: names.get(t.departmentId) ?? '未知科室',
          dueDate: t.dueDate,
          status: t.status,
          decisionId: t.decisionId ?? null,
        })),
      });
      res.status(200);
      res.setHeader('Content-Type', DOCX);
      res.setHeader('Content-Length', String(bytes.length));
      res.setHeader('Content-Disposition', contentDisposition(`调度会纪要-${meeting.heldOn}.docx`));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'private, no-store');
      res.end(bytes);
    }),
  );
}
