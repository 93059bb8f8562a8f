import type { EntityManager } from '@mikro-orm/postgresql';
import { DEFAULT_INTAKE_RULES, IntakeRules, IntakeRulesSchema } from '../classification/rules';

const RULES_KEY = 'intake-rules';

/** The rules in force: the stored ones over the defaults (a new default applies until overridden). */
export async function loadIntakeRules(em: EntityManager): Promise<IntakeRules> {
  const rows = await em.getConnection().execute<Array<{ value: unknown }>>('select value from intake_setting where key = ?', [RULES_KEY]);
  if (!rows.length) return DEFAULT_INTAKE_RULES;
  const raw = typeof rows[0].value === 'string' ? JSON.parse(rows[0].value) : rows[0].value;
  return IntakeRulesSchema.parse({ ...DEFAULT_INTAKE_RULES, ...(raw as object) });
}

export async function saveIntakeRules(em: EntityManager, rules: IntakeRules, userId: string): Promise<void> {
  await em.execute(
    `insert into intake_setting (key, value, updated_at, updated_by) values (?, ?::jsonb, now(), ?)
     on conflict (key) do update set value = excluded.value, updated_at = now(), updated_by = excluded.updated_by`,
    [RULES_KEY, JSON.stringify(rules), userId],
  );
}
