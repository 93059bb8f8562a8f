import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent, digest, REPLY_RESULTS } from '@hotline/contracts';
import { actorOf, assertInScope, AuthUser, conflict, forbidden, notFound, parseInput, recordEvent } from '@hotline/service-kit';
import { z } from 'zod';
import { DispatchCase } from '../cases/dispatch-case.entity';
import { Reply } from './reply.entity';

export const ReplyCommand = z.object({
  caseId: z.uuid('工单无效'),
  result: z.enum(REPLY_RESULTS, '答复结果无效'),
  text: z.string().trim().min(5, '答复内容至少 5 个字').max(5000, '答复内容最多 5000 个字'),
});

/**
 * 答复: the lead department's handler answers the case. A handler outside the case's
 * departments does not see it (NOT_FOUND); an assisting department may not give the reply.
 */
export async function replyCase(em: EntityManager, user: AuthUser, input: unknown): Promise<DispatchCase> {
  const cmd = parseInput(ReplyCommand, input);
  return em.transactional(async (tx) => {
    const c = await tx.findOne(DispatchCase, { id: cmd.caseId });
    if (!c) throw notFound('CASE_NOT_FOUND', '工单不存在或无权查看');
    assertInScope(user, c.departmentIds());
    if (c.leadDepartmentId !== user.departmentId) throw forbidden('NOT_LEAD_DEPARTMENT', '只有主办科室可以答复，协办科室请向主办科室反馈');
    if (c.stage !== 'dispatched') throw conflict('NOT_REPLIABLE', c.stage === 'replied' ? '工单已答复，等待局审核' : '工单当前状态不能答复');
    const now = new Date();
    const reply = tx.create(Reply, { caseId: c.id, departmentId: user.departmentId!, result: cmd.result, text: cmd.text, repliedAt: now, repliedBy: user.id });
    c.stage = 'replied';
    await tx.flush();
    await recordEvent(
      tx,
      createEvent({
        type: 'hotline.case.replied',
        source: 'dispatch',
        actor: actorOf(user),
        caseId: c.id,
        data: { externalNo: c.externalNo, departmentId: reply.departmentId, result: reply.result, repliedAt: now.toISOString(), replyDigest: digest(reply.text) },
      }),
    );
    return c;
  });
}
