import type { EntityManager } from '@mikro-orm/postgresql';
import { Actor, createEvent, digest, REQUEST_TYPES, TIERS, URGENCIES, INTAKE_ERRORS } from '@hotline/contracts';
import { actorOf, AuthUser, parseInput, recordEvent, codedError } from '@hotline/service-kit';
import { z } from 'zod';
import { CaseAudit } from '../audit/case-audit.entity';
import { Case } from '../cases/case.entity';
import { findCaseForUser } from '../cases/case-queries';
import { Topic } from '../topics/topic.entity';

export const ReclassifyCommand = z.object({
  caseId: z.string().min(1),
  requestType: z.enum(REQUEST_TYPES, '诉求类型无效').optional(),
  topic: z.string().trim().min(1).max(50).optional(),
  tier: z.enum(TIERS, '分级无效').optional(),
  urgency: z.enum(URGENCIES, '紧急程度无效').optional(),
  reason: z.string().trim().min(4, '请填写调整原因（至少 4 个字）').max(200, '调整原因最多 200 个字'),
});

type Classification = Pick<Case, 'requestType' | 'topic' | 'tier' | 'urgency'>;
const classificationOf = (c: Classification) => ({ requestType: c.requestType, topic: c.topic, tier: c.tier, urgency: c.urgency });

/** Writes a classification change with its audit record and `hotline.case.classified` (before → after). */
export async function recordClassification(
  tx: EntityManager,
  c: Case,
  before: Classification,
  actor: Actor,
  reason: string,
  automatic: boolean,
  ruleIds?: string[],
): Promise<void> {
  const after = classificationOf(c);
  tx.create(CaseAudit, {
    caseId: c.id,
    kind: 'classified',
    before: classificationOf(before),
    after,
    reason,
    actorUserId: 'userId' in actor ? actor.userId : null,
    actor: 'role' in actor ? actor.role : `system:${actor.system}`,
    at: new Date(),
  });
  await tx.flush();
  await recordEvent(
    tx,
    createEvent({
      type: 'hotline.case.classified',
      source: 'intake',
      actor,
      caseId: c.id,
      data: { externalNo: c.externalNo, before: classificationOf(before), after, reason: digest(reason, 200), automatic, ...(ruleIds ? { ruleIds } : {}) },
    }),
  );
}

/**
 * 分类调整: the operator corrects type, topic, tier or urgency, with a reason. A topic must be an
 * active topic of the taxonomy; a correction that changes nothing is refused.
 */
export async function reclassifyCase(em: EntityManager, user: AuthUser, input: unknown): Promise<Case> {
  const cmd = parseInput(ReclassifyCommand, input);
  return em.transactional(async (tx) => {
    const c = await findCaseForUser(tx, user, cmd.caseId);
    if (cmd.topic && cmd.topic !== c.topic && !(await tx.findOne(Topic, { name: cmd.topic, active: true }))) {
      throw codedError(INTAKE_ERRORS.UNKNOWN_TOPIC, { topic: cmd.topic });
    }
    const before = classificationOf(c);
    Object.assign(
      c,
      Object.fromEntries(
        Object.entries({ requestType: cmd.requestType, topic: cmd.topic, tier: cmd.tier, urgency: cmd.urgency }).filter(([, v]) => v !== undefined),
      ),
    );
    if (JSON.stringify(classificationOf(c)) === JSON.stringify(before)) throw codedError(INTAKE_ERRORS.NOTHING_CHANGED);
    await recordClassification(tx, c, before, actorOf(user), cmd.reason, false);
    return c;
  });
}
