import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent, REPLY_RESULTS } from '@hotline/contracts';
import { eventText } from '../privacy/public-text';
import { actorOf, AuthUser, parseInput, recordEvent } from '@hotline/service-kit';
import { z } from 'zod';
import { AssistTask } from '../assists/assist-task.entity';
import { DispatchCase } from '../cases/dispatch-case.entity';
import { CaseCommand, loadCase, touch } from '../handling/case-access';
import { assertAssistsClosed, assertLead, assertStage } from '../handling/handling-rules';
import { Reply } from './reply.entity';
import { assertScriptUsable } from './reply-scripts';

export const ReplyCommand = CaseCommand.extend({
  result: z.enum(REPLY_RESULTS, '答复结果无效'),
  text: z.string().trim().min(5, '答复内容至少 5 个字').max(5000, '答复内容最多 5000 个字'),
  scriptId: z.string().trim().min(1).max(64).optional(),
  /** The published version of the script followed (required with scriptId). */
  scriptVersion: z.number().int().min(1, '口径版本无效').optional(),
});

/**
 * 答复: the lead department's handler answers the case, for the bureau to review (局审核). A
 * handler outside the case's departments does not see it (NOT_FOUND); an assisting department
 * may not give the reply; the lead may not reply while an assisting department is still open.
 */
export async function replyCase(em: EntityManager, user: AuthUser, input: unknown): Promise<DispatchCase> {
  const cmd = parseInput(ReplyCommand, input);
  return em.transactional(async (tx) => {
    const c = await loadCase(tx, user, cmd.caseId, cmd.expectedVersion);
    const departmentId = assertLead(user, c, '答复');
    assertStage('reply', c);
    assertAssistsClosed(await tx.find(AssistTask, { caseId: c.id, status: 'open', supersededAt: null }));
    const scriptVersion = cmd.scriptId ? await assertScriptUsable(tx, c, cmd.scriptId, cmd.scriptVersion) : null;
    const now = new Date();
    const reply = tx.create(Reply, {
      caseId: c.id,
      departmentId,
      result: cmd.result,
      text: cmd.text,
      repliedAt: now,
      repliedBy: user.id,
      scriptId: cmd.scriptId ?? null,
      scriptVersion,
      reviewStatus: 'pending',
    });
    c.stage = 'replied';
    touch(c, user, now);
    await tx.flush();
    await recordEvent(
      tx,
      createEvent({
        type: 'hotline.case.replied',
        source: 'dispatch',
        actor: actorOf(user),
        caseId: c.id,
        data: {
          externalNo: c.externalNo,
          departmentId,
          result: reply.result,
          repliedAt: now.toISOString(),
          replyDigest: eventText(reply.text, 60, c),
          ...(cmd.scriptId && scriptVersion ? { scriptId: cmd.scriptId, scriptVersion } : {}),
        },
      }),
    );
    return c;
  });
}
