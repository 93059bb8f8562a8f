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
  // As repeatSignals: a phone counts when at least 5 characters remain without spaces.
  const phone = c.citizenPhone && c.citizenPhone.replace(/\s+/g, '').length >= 5 ? c.citizenPhone : null;
  const address = c.address || null;
  const project = c.projectName || null;
  if (!phone && !address && !project) return { repeatCount: 0, clusterCount: 0 };
  const since = new Date(c.receivedAt.getTime() - rules.repeatWindowDays * 86_400_000);
  const [row] = await em.execute<Array<{ repeat_count: number; cluster_count: number }>>(
    `select count(*) filter (where citizen_phone = ? or (topic = ? and address = ?))::int as repeat_count,
            count(*) filter (where topic = ? and project_name = ?)::int as cluster_count
       from intake_case
      where received_at >= ? and received_at < ? and id <> ?
        and (citizen_phone = ? or (topic = ? and address = ?) or (topic = ? and project_name = ?))`,
    [phone, c.topic, address, c.topic, project, since, c.receivedAt, c.id ?? '00000000-0000-0000-0000-000000000000', phone, c.topic, address, c.topic, project],
  );
  return { repeatCount: row?.repeat_count ?? 0, clusterCount: row?.cluster_count ?? 0 };
}
