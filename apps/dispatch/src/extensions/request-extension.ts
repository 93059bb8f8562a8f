import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent, DISPATCH_ERRORS } from '@hotline/contracts';
import { actorOf, AuthUser, codedError, parseInput, recordEvent } from '@hotline/service-kit';
import { z } from 'zod';
import { DispatchCase } from '../cases/dispatch-case.entity';
import { CaseCommand, loadCase, touch } from '../handling/case-access';
import { assertLead, assertStage, checkExtensionRequest } from '../handling/handling-rules';
import { eventText } from '../privacy/public-text';
import { ExtensionRequest } from './extension-request.entity';

export const ExtensionRequestCommand = CaseCommand.extend({
  reason: z.string().trim().min(5, '请填写延期理由（至少 5 个字）').max(200, '延期理由最多 200 个字'),
  requestedUntil: z.coerce.date('申请延至的时间无效'),
});

/** 申请延期: the lead department asks, with a reason, before the deadline; one request at a time. */
export async function requestExtension(em: EntityManager, user: AuthUser, input: unknown): Promise<DispatchCase> {
  const cmd = parseInput(ExtensionRequestCommand, input);
  return em.transactional(async (tx) => {
    const c = await loadCase(tx, user, cmd.caseId, cmd.expectedVersion);
    const departmentId = assertLead(user, c, '申请延期');
    assertStage('request-extension', c);
    if (await tx.count(ExtensionRequest, { caseId: c.id, status: 'pending' })) throw codedError(DISPATCH_ERRORS.EXTENSION_PENDING);
    const now = new Date();
    const current = checkExtensionRequest(now, c.handleDeadlineAt, cmd.requestedUntil);
    const x = tx.create(ExtensionRequest, {
      caseId: c.id,
      departmentId,
      reason: cmd.reason,
      requestedUntil: cmd.requestedUntil,
      currentDeadlineAt: current,
      requestedAt: now,
      requestedBy: user.id,
      status: 'pending',
    });
    touch(c, user, now);
    await tx.flush();
    await recordEvent(
      tx,
      createEvent({
        type: 'hotline.case.extension-requested',
        source: 'dispatch',
        actor: actorOf(user),
        caseId: c.id,
        data: {
          externalNo: c.externalNo,
          departmentId,
          extensionId: x.id,
          reason: eventText(cmd.reason, 200, c),
          requestedUntil: cmd.requestedUntil.toISOString(),
          currentDeadlineAt: current.toISOString(),
        },
      }),
    );
    return c;
  });
}

export const ExtensionDecisionCommand = z
  .object({
    extensionId: z.uuid('延期申请无效'),
    approve: z.boolean(),
    note: z.string().trim().max(200, '审批意见最多 200 个字').optional(),
    expectedVersion: z.number().int().min(1, '版本号无效').nullish(),
  })
  .refine((d) => d.approve || (d.note?.length ?? 0) >= 2, { message: '不批准延期须填写理由', path: ['note'] });

/** 审批延期: a supervisor approves (the new deadline holds) or refuses (with a reason). */
export async function decideExtension(em: EntityManager, user: AuthUser, input: unknown): Promise<DispatchCase> {
  const cmd = parseInput(ExtensionDecisionCommand, input);
  return em.transactional(async (tx) => {
    const x = await tx.findOne(ExtensionRequest, { id: cmd.extensionId });
    if (!x) throw codedError(DISPATCH_ERRORS.EXTENSION_NOT_FOUND);
    const c = await loadCase(tx, user, x.caseId, cmd.expectedVersion);
    if (x.status !== 'pending') throw codedError(DISPATCH_ERRORS.EXTENSION_DECIDED);
    assertStage('decide-extension', c);
    const now = new Date();
    x.status = cmd.approve ? 'approved' : 'refused';
    x.decidedAt = now;
    x.decidedBy = user.id;
    x.decisionNote = cmd.note ?? null;
    const previous = c.handleDeadlineAt ?? x.currentDeadlineAt;
    if (cmd.approve) c.handleDeadlineAt = x.requestedUntil;
    touch(c, user, now);
    await tx.flush();
    const base = { externalNo: c.externalNo, departmentId: x.departmentId, extensionId: x.id };
    await recordEvent(
      tx,
      cmd.approve
        ? createEvent({
            type: 'hotline.case.extended',
            source: 'dispatch',
            actor: actorOf(user),
            caseId: c.id,
            data: { ...base, reason: eventText(x.reason, 200, c), previousDeadlineAt: previous.toISOString(), newDeadlineAt: x.requestedUntil.toISOString() },
          })
        : createEvent({
            type: 'hotline.case.extension-refused',
            source: 'dispatch',
            actor: actorOf(user),
            caseId: c.id,
            data: { ...base, reason: eventText(cmd.note!, 200, c), requestedUntil: x.requestedUntil.toISOString() },
          }),
    );
    return c;
  });
}
