import type { EntityManager } from '@mikro-orm/postgresql';
import type { Logger, ServiceClient } from '@hotline/service-kit';
import type { DispatchCase } from '../cases/dispatch-case.entity';
import { CaseText } from './case-text.entity';
import type { CaseFacts } from './tokenize';

/** A case's text as intake serves it: masked title and content, topic name and code. */
export interface ServedCaseText {
  caseId: string;
  title: string;
  content: string;
  topic: string;
  topicCode: string | null;
}

/** Reads whole case texts from intake (a service-to-service call); throws when intake cannot answer. */
export type CaseTextSource = (ids: readonly string[]) => Promise<ServedCaseText[]>;

/** What routing reads of a case, and whether it is the whole text or only the event's digest. */
export interface RoutingText extends CaseFacts {
  full: boolean;
}

const QUERY = 'query CaseTexts($ids: [ID!]!) { caseTexts(ids: $ids) { caseId title content topic topicCode } }';
const CHUNK = 200;
/** After a failed call, routing uses digests for this long before asking intake again. */
const BACKOFF_MS = 10_000;

/** intake's `caseTexts`, with dispatch's service token, in chunks; pauses after a failure. */
export function intakeCaseTexts(services: ServiceClient, intakeGraphqlUrl: string, log?: Logger): CaseTextSource {
  let quietUntil = 0;
  return async (ids) => {
    if (Date.now() < quietUntil) throw new Error('intake case texts: backing off after a failure');
    const out: ServedCaseText[] = [];
    try {
      for (let i = 0; i < ids.length; i += CHUNK) {
        const data = await services.query<{ caseTexts: ServedCaseText[] }>(intakeGraphqlUrl, QUERY, { ids: ids.slice(i, i + CHUNK) });
        out.push(...data.caseTexts);
      }
    } catch (e) {
      quietUntil = Date.now() + BACKOFF_MS;
      log?.warn({ err: e }, 'could not read case texts from intake; routing falls back to digests');
      throw e;
    }
    return out;
  };
}

/** The event's digest: title and the first 60 characters, topic code as last seen for this topic name. */
function digestOf(c: DispatchCase, codeOfTopic: ReadonlyMap<string, string | null>): RoutingText {
  return { title: c.title, content: c.contentDigest, topicCode: codeOfTopic.get(c.topic) ?? null, projectName: c.projectName, street: c.street, full: false };
}

const fromRow = (c: DispatchCase, r: CaseText): RoutingText => ({
  title: r.title,
  content: r.content,
  topicCode: r.topicCode ?? null,
  projectName: c.projectName,
  street: c.street,
  full: true,
});

/**
 * The whole text of each case: from dispatch's own cache, else from intake (then cached), else —
 * intake unreachable, or `cachedOnly` inside a transaction — the digest the events carried.
 */
export async function routingTexts(
  em: EntityManager,
  source: CaseTextSource | null,
  cases: readonly DispatchCase[],
  opts: { cachedOnly?: boolean } = {},
): Promise<Map<string, RoutingText>> {
  const out = new Map<string, RoutingText>();
  if (cases.length === 0) return out;
  const cached = new Map<string, CaseText>();
  for (let i = 0; i < cases.length; i += 5000) {
    for (const r of await em.find(CaseText, { caseId: { $in: cases.slice(i, i + 5000).map((c) => c.id) } })) cached.set(r.caseId, r);
  }
  const missing: DispatchCase[] = [];
  for (const c of cases) {
    const r = cached.get(c.id);
    if (r && r.topic === c.topic) out.set(c.id, fromRow(c, r));
    else missing.push(c);
  }
  if (missing.length === 0) return out;

  let served: ServedCaseText[] = [];
  if (source && !opts.cachedOnly) served = await source(missing.map((c) => c.id)).catch(() => []);
  const byId = new Map(served.map((s) => [s.caseId, s]));
  const fetchedAt = new Date();
  const rows = missing
    .filter((c) => byId.has(c.id))
    .map((c) => {
      const s = byId.get(c.id)!;
      return { caseId: c.id, title: s.title, content: s.content, topic: s.topic.slice(0, 50), topicCode: s.topicCode?.slice(0, 64) ?? null, fetchedAt };
    });
  for (let i = 0; i < rows.length; i += 1000) await em.fork().upsertMany(CaseText, rows.slice(i, i + 1000));
  const caseOf = new Map(missing.map((c) => [c.id, c]));
  for (const r of rows) out.set(r.caseId, fromRow(caseOf.get(r.caseId)!, Object.assign(new CaseText(), r)));

  const fallback = missing.filter((c) => !out.has(c.id));
  if (fallback.length) {
    const known = await em
      .getConnection()
      .execute<Array<{ topic: string; topic_code: string | null }>>(
        'select distinct on (topic) topic, topic_code from dispatch_case_text order by topic, fetched_at desc',
      );
    const codeOfTopic = new Map(known.map((k) => [k.topic, k.topic_code]));
    for (const c of fallback) out.set(c.id, digestOf(c, codeOfTopic));
  }
  return out;
}
