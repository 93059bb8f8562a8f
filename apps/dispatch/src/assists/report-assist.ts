import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent, DISPATCH_ERRORS } from '@hotline/contracts';
import { eventText } from '../privacy/public-text';
import { actorOf, AuthUser, codedError, parseInput, recordEvent } from '@hotline/service-kit';
import { z } from 'zod';
import { DispatchCase } from '../cases/dispatch-case.entity';
import { CaseCommand, loadCase, touch } from '../handling/case-access';
import { assertAssist, assertStage } from '../handling/handling-rules';
import { AssistTask } from './assist-task.entity';

export const AssistReportCommand = CaseCommand.extend({
  text: z.string().trim().min(5, '协办反馈至少 5 个字').max(2000, '协办反馈最多 2000 个字'),
});

/** 协办反馈: an assisting department reports its part to the lead department, once per routing (退回/改派 start a new one). */
export async function reportAssist(em: EntityManager, user: AuthUser, input: unknown): Promise<DispatchCase> {
  const cmd = parseInput(AssistReportCommand, input);
  return em.transactional(async (tx) => {
    const c = await loadCase(tx, user, cmd.caseId, cmd.expectedVersion);
    const departmentId = assertAssist(user, c);
    assertStage('assist-report', c);
    // The department's task of the current routing: an earlier routing's task (superseded) never counts.
    const task = await tx.findOne(AssistTask, { caseId: c.id, departmentId, supersededAt: null }, { orderBy: { assignedAt: 'desc' } });
    if (!task || task.status === 'withdrawn') throw codedError(DISPATCH_ERRORS.ASSIST_NOT_FOUND);
    if (task.status === 'reported') throw codedError(DISPATCH_ERRORS.ALREADY_REPORTED);
    const now = new Date();
    task.status = 'reported';
    task.reportText = cmd.text;
    task.reportedAt = now;
    task.reportedBy = user.id;
    touch(c, user, now);
    await tx.flush();
    await recordEvent(
      tx,
      createEvent({
        type: 'hotline.case.assist-reported',
        source: 'dispatch',
        actor: actorOf(user),
        caseId: c.id,
        data: {
          externalNo: c.externalNo,
          departmentId,
          leadDepartmentId: c.leadDepartmentId!,
          reportedAt: now.toISOString(),
          reportDigest: eventText(cmd.text, 60, c),
        },
      }),
    );
    return c;
  });
}
