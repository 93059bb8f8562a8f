import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent, DISPATCH_ERRORS } from '@hotline/contracts';
import { actorOf, AuthUser, codedError, parseInput, recordEvent } from '@hotline/service-kit';
import { z } from 'zod';
import { DispatchCase } from '../cases/dispatch-case.entity';
import { CaseCommand, loadCase, touch } from '../handling/case-access';
import { assertStage } from '../handling/handling-rules';
import { eventText } from '../privacy/public-text';
import { Reply } from '../replies/reply.entity';

async function pendingReply(tx: EntityManager, c: DispatchCase): Promise<Reply> {
  const r = await tx.findOne(Reply, { caseId: c.id, reviewStatus: 'pending' }, { orderBy: { repliedAt: 'desc' } });
  if (!r) throw codedError(DISPATCH_ERRORS.NO_PENDING_REPLY);
  return r;
}

/** 局审核通过 → 办结: the reply is approved and the case completed (hotline.case.completed). */
export async function approveReply(em: EntityManager, user: AuthUser, input: unknown): Promise<DispatchCase> {
  const cmd = parseInput(CaseCommand, input);
  return em.transactional(async (tx) => {
    const c = await loadCase(tx, user, cmd.caseId, cmd.expectedVersion);
    assertStage('review', c);
    const reply = await pendingReply(tx, c);
    const now = new Date();
    reply.reviewStatus = 'approved';
    reply.reviewedAt = now;
    reply.reviewedBy = user.id;
    c.stage = 'completed';
    c.completedAt = now;
    touch(c, user, now);
    await tx.flush();
    await recordEvent(
      tx,
      createEvent({
        type: 'hotline.case.completed',
        source: 'dispatch',
        actor: actorOf(user),
        caseId: c.id,
        data: {
          externalNo: c.externalNo,
          departmentId: reply.departmentId,
          completedAt: now.toISOString(),
          result: reply.result,
          replyDigest: eventText(reply.text, 60, c),
          ...(reply.scriptId ? { scriptId: reply.scriptId } : {}),
        },
      }),
    );
    return c;
  });
}

export const RejectReplyCommand = CaseCommand.extend({
  reason: z.string().trim().min(4, '请填写退回理由（至少 4 个字）').max(200, '退回理由最多 200 个字'),
});

/** 局审核退回: the reply goes back to the lead department, which works on and replies again. */
export async function rejectReply(em: EntityManager, user: AuthUser, input: unknown): Promise<DispatchCase> {
  const cmd = parseInput(RejectReplyCommand, input);
  return em.transactional(async (tx) => {
    const c = await loadCase(tx, user, cmd.caseId, cmd.expectedVersion);
    assertStage('review', c);
    const reply = await pendingReply(tx, c);
    const now = new Date();
    reply.reviewStatus = 'rejected';
    reply.reviewedAt = now;
    reply.reviewedBy = user.id;
    reply.reviewNote = cmd.reason;
    c.stage = 'accepted';
    c.acceptedAt ??= reply.repliedAt;
    touch(c, user, now);
    await tx.flush();
    await recordEvent(
      tx,
      createEvent({
        type: 'hotline.case.review-rejected',
        source: 'dispatch',
        actor: actorOf(user),
        caseId: c.id,
        data: { externalNo: c.externalNo, departmentId: reply.departmentId, reason: eventText(cmd.reason, 200, c), rejectedAt: now.toISOString() },
      }),
    );
    return c;
  });
}
