import type { EntityManager } from '@mikro-orm/postgresql';
import type { IntakeRules } from '../classification/rules';
import type { RepeatSubject } from './similarity';

type Subject = Pick<RepeatSubject, 'citizenPhone' | 'address' | 'projectName' | 'topic'> & { receivedAt: Date; id?: string };

/**
 * The repeat counts of a case being received (the same rule as `repeatSignals`, asked of
 * PostgreSQL): repeats = earlier cases in the window with the same phone, or the same address
 * and topic; cluster = earlier cases with the same project and topic. One counting query over
 * the phone, address and project indexes — no rows leave the database, so a housing project's
 * wave of hundreds of earlier cases costs about what a first call does (it used to load up to
 * 500 full cases per receive to count them in memory, and the count stopped at 500).
 */
export async function repeatCounts(em: EntityManager, c: Subject, rules: IntakeRules): Promise<{ repeatCount: number; clusterCount: number }> {
  const { repeatCount, clusterCount } = await receiptSignals(em, { ...c, callerKey: null }, rules);
  return { repeatCount, clusterCount };
}

/**
 * What receiving a case asks of the database before it writes the case: the repeat counts
 * (`repeatCounts`) and whether its caller is an active key person (重点人, by the caller key;
 * `keyPersonKeys` for one key) — in one statement, the key-person lookup a subquery beside the
 * counts (an aggregate without `group by` always gives one row). No statement at all when the
 * case has no phone, address or project.
 */
export async function receiptSignals(
  em: EntityManager,
  c: Subject & { callerKey: string | null | undefined },
  rules: IntakeRules,
): Promise<{ repeatCount: number; clusterCount: number; keyPerson: boolean }> {
  // As repeatSignals: a phone counts when at least 5 characters remain without spaces.
  const phone = c.citizenPhone && c.citizenPhone.replace(/\s+/g, '').length >= 5 ? c.citizenPhone : null;
  const address = c.address || null;
  const project = c.projectName || null;
  const callerKey = c.callerKey || null;
  if (!phone && !address && !project && !callerKey) return { repeatCount: 0, clusterCount: 0, keyPerson: false };
  const since = new Date(c.receivedAt.getTime() - rules.repeatWindowDays * 86_400_000);
  const [row] = await em.execute<Array<{ repeat_count: number; cluster_count: number; key_person: boolean }>>(
    `select count(*) filter (where citizen_phone = ? or (topic = ? and address = ?))::int as repeat_count,
            count(*) filter (where topic = ? and project_name = ?)::int as cluster_count,
            exists (select 1 from intake_key_person where caller_key = ? and active) as key_person
       from intake_case
      where received_at >= ? and received_at < ? and id <> ?
        and (citizen_phone = ? or (topic = ? and address = ?) or (topic = ? and project_name = ?))`,
    [
      phone,
      c.topic,
      address,
      c.topic,
      project,
      callerKey,
      since,
      c.receivedAt,
      c.id ?? '00000000-0000-0000-0000-000000000000',
      phone,
      c.topic,
      address,
      c.topic,
      project,
    ],
  );
  return { repeatCount: row?.repeat_count ?? 0, clusterCount: row?.cluster_count ?? 0, keyPerson: row?.key_person === true };
}
