import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { CLOCK_KINDS, URGE_LEVELS, URGE_RECIPIENTS, SUPERVISION_ERRORS } from '@hotline/contracts';
import { AuthUser, parseInput, codedError } from '@hotline/service-kit';
import type { StepDef } from '../clocks/alarms';
import { LadderStep } from './ladder-step.entity';

/**
 * The default 催办 ladder (待与局方确认): at 80 % a reminder to the department, at the deadline
 * the department and the supervisor, at 150 % (half the limit again) the leader.
 */
export const DEFAULT_LADDER: Array<Omit<StepDef, 'id'> & { name: string }> = [
  { name: '到期前提醒', clockKinds: [], sharePct: 80, level: 'reminder', recipients: ['department'], active: true },
  { name: '超期催办', clockKinds: [], sharePct: 100, level: 'breach', recipients: ['department', 'supervisor'], active: true },
  { name: '超期升级（局领导）', clockKinds: [], sharePct: 150, level: 'escalation', recipients: ['leader'], active: true },
];

export async function seedLadder(em: EntityManager): Promise<number> {
  return em.transactional(async (tx) => {
    await tx.execute('lock table sup_ladder_step in exclusive mode');
    if ((await tx.count(LadderStep, {})) > 0) return 0;
    for (const s of DEFAULT_LADDER) tx.create(LadderStep, { ...s, id: randomUUID(), updatedAt: new Date(), updatedBy: 'system' });
    await tx.flush();
    return DEFAULT_LADDER.length;
  });
}

export const activeSteps = (em: EntityManager): Promise<LadderStep[]> => em.find(LadderStep, { active: true }, { orderBy: { sharePct: 'asc' } });

/**
 * The ladder's revision, as an expression of a select list: a digest of every row's content. Not
 * the count and latest `updated_at` as for the calendar and the definitions: a step is changed in
 * place, its `updated_at` comes from the clock of whichever replica saved it, and two edits can
 * share a millisecond — the content cannot miss an edit. The table holds a handful of rows.
 */
export const LADDER_REVISION_SQL = `(select md5(coalesce(string_agg(s::text, ',' order by s.id), '')) from sup_ladder_step s)`;

/** The active steps, cached per process and reloaded when the ladder's revision changes (a step saved or seeded). */
export class LadderStore {
  private cached?: { rev: string; steps: readonly StepDef[] };

  /** `rev`: the revision when the caller has just read it (LADDER_REVISION_SQL), else it is read here. */
  async active(em: EntityManager, rev?: string): Promise<readonly StepDef[]> {
    rev ??= (await em.execute<Array<{ rev: string }>>(`select ${LADDER_REVISION_SQL} as rev`))[0].rev;
    if (this.cached?.rev !== rev) {
      // Read in the caller's transaction (its connection), kept as plain copies: the cache outlives
      // that transaction and its identity map.
      const steps = (await activeSteps(em.fork({ keepTransactionContext: true }))).map(({ id, clockKinds, sharePct, level, recipients, active }) =>
        Object.freeze({ id, clockKinds: [...clockKinds], sharePct, level, recipients: [...recipients], active }),
      );
      this.cached = { rev, steps: Object.freeze(steps) };
    }
    return this.cached.steps;
  }
}

/** The process's cache of the active steps (one ladder per installation, whoever asks). */
export const ladderSteps = new LadderStore();

export const LadderStepInput = z.object({
  id: z.uuid().optional(),
  name: z.string().trim().min(1, '请填写名称').max(50),
  clockKinds: z.array(z.enum(CLOCK_KINDS, '时钟类型无效')).default([]),
  sharePct: z.number().int().min(1, '比例须大于 0').max(1000, '比例不能超过 1000%'),
  level: z.enum(URGE_LEVELS.filter((l) => l !== 'manual') as ['reminder', 'breach', 'escalation'], '催办级别无效'),
  recipients: z.array(z.enum(URGE_RECIPIENTS, '催办对象无效')).min(1, '请至少选择一个催办对象'),
  active: z.boolean().default(true),
});

/** Creates or changes a ladder step; it applies to clocks planned from now on (started or resumed). */
export async function saveLadderStep(em: EntityManager, user: AuthUser, input: unknown): Promise<LadderStep> {
  const cmd = parseInput(LadderStepInput, input);
  if (cmd.level === 'reminder' && cmd.sharePct >= 100) throw codedError(SUPERVISION_ERRORS.REMINDER_AFTER_DEADLINE);
  if (cmd.level !== 'reminder' && cmd.sharePct < 100) throw codedError(SUPERVISION_ERRORS.ESCALATION_BEFORE_DEADLINE);
  return em.transactional(async (tx) => {
    const s = cmd.id ? await tx.findOne(LadderStep, { id: cmd.id }) : tx.create(LadderStep, { id: randomUUID() } as LadderStep);
    if (!s) throw codedError(SUPERVISION_ERRORS.STEP_NOT_FOUND);
    Object.assign(s, {
      name: cmd.name,
      clockKinds: cmd.clockKinds,
      sharePct: cmd.sharePct,
      level: cmd.level,
      recipients: [...new Set(cmd.recipients)],
      active: cmd.active,
      updatedAt: new Date(),
      updatedBy: user.username || user.id,
    });
    await tx.flush();
    return s;
  });
}
