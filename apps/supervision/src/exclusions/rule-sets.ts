import type { EntityManager } from '@mikro-orm/postgresql';
import { AuthUser, parseInput, codedError } from '@hotline/service-kit';
import { DEFAULT_EXCLUSION_TYPES, DEFAULT_RULE_SET_MONTH, DEFAULT_RULE_SET_NOTE } from './default-rule-set';
import { ExclusionRuleSet } from './exclusion.entities';
import { checkRuleSet, MONTH, ruleSetFor, RuleSetCommand } from './exclusion-rules';
import { SUPERVISION_ERRORS } from '@hotline/contracts';

/** The default rule set (待与局方确认), once per installation; two replicas starting together insert it once. */
export async function seedRuleSet(em: EntityManager): Promise<boolean> {
  const r = await em.execute<Array<{ id: string }>>(
    `insert into sup_exclusion_rule_set (id, month, version, types, is_default, note, created_at, created_by)
     values (gen_random_uuid(), ?, 1, ?::jsonb, true, ?, now(), 'system') on conflict (month, version) do nothing returning id`,
    [DEFAULT_RULE_SET_MONTH, JSON.stringify(DEFAULT_EXCLUSION_TYPES), DEFAULT_RULE_SET_NOTE],
  );
  return r.length > 0;
}

/** The rule set in force for a month (every month has one: the default applies from 2000-01). */
export async function ruleSetOfMonth(em: EntityManager, month: string): Promise<ExclusionRuleSet> {
  parseInput(MONTH, month);
  const set = ruleSetFor(month, await em.find(ExclusionRuleSet, { month: { $lte: month } }));
  if (!set) throw codedError(SUPERVISION_ERRORS.RULE_SET_NOT_FOUND, { month });
  return set;
}

/** 保存规则集 (admin): a new version of the month's rules; claims already made keep theirs. */
export async function saveRuleSet(em: EntityManager, user: AuthUser, input: unknown): Promise<ExclusionRuleSet> {
  const cmd = checkRuleSet(parseInput(RuleSetCommand, input));
  return em.transactional(async (tx) => {
    const last = await tx.findOne(ExclusionRuleSet, { month: cmd.month }, { orderBy: { version: 'desc' } });
    return tx.create(ExclusionRuleSet, {
      month: cmd.month,
      version: (last?.version ?? 0) + 1,
      types: cmd.types,
      isDefault: false,
      note: cmd.note,
      createdAt: new Date(),
      createdBy: user.id,
    });
  });
}
