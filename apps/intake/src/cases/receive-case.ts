import type { EntityManager } from '@mikro-orm/postgresql';
import { Actor, CHANNELS, createEvent, digest, REQUEST_TYPES, URGENCIES } from '@hotline/contracts';
import { parseInput, recordEvent } from '@hotline/service-kit';
import { z } from 'zod';
import { classifyTier } from '../classification/classify';
import { Case } from './case.entity';

/** A work order as it arrives (from the district platform, an import row, Open311 or by hand). */
export const ReceiveCaseCommand = z.object({
  externalNo: z.string().trim().min(1, '请填写工单编号').max(64, '工单编号最多 64 个字符'),
  channel: z.enum(CHANNELS).default('district'),
  receivedAt: z.coerce.date().optional(),
  citizenName: z.string().trim().min(1, '请填写来电人姓名').max(50),
  citizenPhone: z.string().trim().regex(/^[0-9+\- ]{5,20}$/, '联系电话格式不正确'),
  address: z.string().trim().max(300).nullish(),
  projectName: z.string().trim().max(100).nullish(),
  street: z.string().trim().max(50).nullish(),
  title: z.string().trim().min(1, '请填写标题').max(200, '标题最多 200 个字'),
  content: z.string().trim().min(1, '请填写诉求内容').max(5000, '诉求内容最多 5000 个字'),
  requestType: z.enum(REQUEST_TYPES, '诉求类型无效'),
  topic: z.string().trim().min(1, '请填写主题').max(50),
  urgency: z.enum(URGENCIES, '紧急程度无效').default('normal'),
  deadlineAt: z.coerce.date().nullish(),
});
export type ReceiveCaseCommand = z.infer<typeof ReceiveCaseCommand>;

/**
 * 接收工单. Idempotent on the external number: the same order received twice is one case (the
 * second call returns the first and publishes nothing).
 */
export async function receiveCase(em: EntityManager, actor: Actor, input: unknown): Promise<{ case: Case; created: boolean }> {
  const cmd = parseInput(ReceiveCaseCommand, input);
  const existing = await em.findOne(Case, { externalNo: cmd.externalNo });
  if (existing) return { case: existing, created: false };
  try {
    return await em.transactional(async (tx) => {
      const c = tx.create(Case, {
        ...cmd,
        receivedAt: cmd.receivedAt ?? new Date(),
        tier: classifyTier(cmd.requestType),
        address: cmd.address ?? null,
        projectName: cmd.projectName ?? null,
        street: cmd.street ?? null,
        deadlineAt: cmd.deadlineAt ?? null,
      });
      await tx.flush();
      await recordEvent(
        tx,
        createEvent({
          type: 'hotline.case.received',
          source: 'intake',
          actor,
          caseId: c.id,
          data: {
            externalNo: c.externalNo,
            channel: c.channel,
            receivedAt: c.receivedAt.toISOString(),
            requestType: c.requestType,
            topic: c.topic,
            urgency: c.urgency,
            tier: c.tier,
            title: digest(c.title, 60),
            ...(c.projectName ? { projectName: c.projectName } : {}),
            ...(c.street ? { street: c.street } : {}),
            ...(c.deadlineAt ? { deadlineAt: c.deadlineAt.toISOString() } : {}),
            contentDigest: digest(c.content),
          },
        }),
      );
      return { case: c, created: true };
    });
  } catch (e) {
    // Two receipts of one order raced: the loser returns the winner's case.
    if ((e as Error).name === 'UniqueConstraintViolationException') {
      const winner = await em.fork().findOne(Case, { externalNo: cmd.externalNo });
      if (winner) return { case: winner, created: false };
    }
    throw e;
  }
}
