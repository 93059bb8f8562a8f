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

/** How long the receive path may use rules it read before (a change on another replica reaches it within this). */
export const RULES_CACHE_MS = 2_000;
let cached: { at: number; rules: Promise<IntakeRules> } | undefined;

/**
 * The rules in force for the hot path (every received case): read at most once per
 * RULES_CACHE_MS per process, parsed once; a change saved through this process applies at once.
 * Screens and the update itself read fresh (`loadIntakeRules`).
 */
export function cachedIntakeRules(em: EntityManager): Promise<IntakeRules> {
  if (!cached || Date.now() - cached.at > RULES_CACHE_MS) {
    const rules = loadIntakeRules(em);
    cached = { at: Date.now(), rules };
    rules.catch(() => {
      if (cached?.rules === rules) cached = undefined;
    });
  }
  return cached.rules;
}

export async function saveIntakeRules(em: EntityManager, rules: IntakeRules, userId: string): Promise<void> {
  await em.execute(
    `insert into intake_setting (key, value, updated_at, updated_by) values (?, ?::jsonb, now(), ?)
     on conflict (key) do update set value = excluded.value, updated_at = now(), updated_by = excluded.updated_by`,
    [RULES_KEY, JSON.stringify(rules), userId],
  );
  cached = undefined;
}
