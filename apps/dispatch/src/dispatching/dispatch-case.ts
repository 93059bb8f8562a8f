import type { EntityManager } from '@mikro-orm/postgresql';
import { createEvent } from '@hotline/contracts';
import { actorOf, AuthUser, badInput, conflict, notFound, parseInput, recordEvent } from '@hotline/service-kit';
import { z } from 'zod';
import { DispatchCase } from '../cases/dispatch-case.entity';
import { handlingDeadline } from '../deadlines/handling-limit';
import { DepartmentProjection } from '../departments/department.entity';

export const DispatchCommand = z.object({
  caseId: z.uuid('工单无效'),
  leadDepartmentId: z.uuid('主办科室无效'),
  assistDepartmentIds: z.array(z.uuid('协办科室无效')).max(7, '协办科室最多 7 个').default([]),
  note: z.string().trim().max(200, '备注最多 200 个字').optional(),
});

/**
 * 分转派单: route a signed case to a lead department (主办) and optional assisting ones (协办).
 * Refused, with nothing written, for an unsigned or already dispatched case or an unknown department.
 */
export async function dispatchCase(em: EntityManager, user: AuthUser, input: unknown): Promise<DispatchCase> {
  const cmd = parseInput(DispatchCommand, input);
  const assists = [...new Set(cmd.assistDepartmentIds)];
  if (assists.includes(cmd.leadDepartmentId)) throw badInput('LEAD_ALSO_ASSIST', '主办科室不能同时作为协办科室');
  return em.transactional(async (tx) => {
    const c = await tx.findOne(DispatchCase, { id: cmd.caseId });
    if (!c) throw notFound('CASE_NOT_FOUND', '工单不存在');
    if (c.stage === 'received') throw badInput('CASE_NOT_SIGNED', `工单 ${c.externalNo} 尚未签收，请先签收再分转`);
    if (c.stage !== 'signed') throw conflict('ALREADY_DISPATCHED', `工单 ${c.externalNo} 已分转，不能重复分转`);
    const wanted = [cmd.leadDepartmentId, ...assists];
    const known = await tx.find(DepartmentProjection, { id: { $in: wanted }, active: true });
    const missing = wanted.filter((id) => !known.some((d) => d.id === id));
    if (missing.length) throw badInput('UNKNOWN_DEPARTMENT', '科室不存在或已停用', { departmentIds: missing });

    const now = new Date();
    c.leadDepartmentId = cmd.leadDepartmentId;
    c.assistDepartmentIds = assists;
    c.dispatchedAt = now;
    c.dispatchedBy = user.id;
    c.handleDeadlineAt = handlingDeadline(now, c.urgency, c.upstreamDeadlineAt);
    c.stage = 'dispatched';
    await tx.flush();
    await recordEvent(
      tx,
      createEvent({
        type: 'hotline.case.dispatched',
        source: 'dispatch',
        actor: actorOf(user),
        caseId: c.id,
        data: {
          externalNo: c.externalNo,
          leadDepartmentId: cmd.leadDepartmentId,
          assistDepartmentIds: assists,
          dispatchedAt: now.toISOString(),
          handleDeadlineAt: c.handleDeadlineAt.toISOString(),
          suggestion: { source: 'none', confidence: 0 },
          redispatch: false,
          ...(cmd.note ? { note: cmd.note } : {}),
        },
      }),
    );
    return c;
  });
}
