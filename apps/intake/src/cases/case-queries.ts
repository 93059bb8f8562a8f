import { raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { QueueSort } from '@hotline/contracts';
import { isUuid, assertInScope, AuthUser, departmentScope, parseInput, type PageRequest, codedError } from '@hotline/service-kit';
import { z } from 'zod';
import { Case } from './case.entity';
import { Topic } from '../topics/topic.entity';
import { logLook } from '../personal-data/reveal-log.entity';
import { INTAKE_ERRORS } from '@hotline/contracts';

/** A case the user may see, or NOT_FOUND (a case outside a handler's department does not exist for them). */
export async function findCaseForUser(em: EntityManager, user: AuthUser, id: string): Promise<Case> {
  const c = isUuid(id) ? await em.findOne(Case, { id }) : null;
  if (!c) throw codedError(INTAKE_ERRORS.CASE_NOT_FOUND);
  assertInScope(user, c.departmentIds);
  return c;
}

/**
 * 待签收, the whole queue page by page: longest waiting first, or the most urgent first (紧急, 及时,
 * 一般; then longest waiting), so a newer urgent case is found however long the backlog.
 */
export function unsignedCases(
  em: EntityManager,
  page: PageRequest = { offset: 0, limit: 200 },
  sort: QueueSort = 'wait',
  filter?: string | null,
): Promise<Case[]> {
  const byWait = { receivedAt: 'asc', id: 'asc' } as const;
  // A raw fragment is used once: one per query.
  const urgencyRank = raw((alias: string) => `case ${alias}.urgency when 'urgent' then 0 when 'timely' then 1 else 2 end`);
  return em.find(Case, unsignedWhere(filter), {
    orderBy: sort === 'urgency' ? [{ [urgencyRank]: 'asc' }, byWait] : [byWait],
    limit: page.limit,
    offset: page.offset,
  });
}

/** 待签收, narrowed by a 工单编号, 标题 or 楼盘 fragment when one is given (the queue's filter box). */
function unsignedWhere(filter?: string | null): Record<string, unknown> {
  const text = queueFilter(filter);
  if (!text) return { stage: 'received' };
  return { stage: 'received', $or: [{ externalNo: { $ilike: like(text) } }, { title: { $ilike: like(text) } }, { projectName: { $ilike: like(text) } }] };
}

/** A queue's filter text: trimmed, at most 100 characters (else BAD_USER_INPUT). */
function queueFilter(filter?: string | null): string | null {
  const text = filter?.trim() ?? '';
  if (text.length > 100) throw codedError(INTAKE_ERRORS.FILTER_TOO_LONG, { max: 100 });
  return text || null;
}

/** Recent cases in the user's scope. */
export function listCases(em: EntityManager, user: AuthUser, opts: { stage?: string; limit: number }): Promise<Case[]> {
  const scope = departmentScope(user);
  const where: Record<string, unknown> = {};
  if (opts.stage) where.stage = opts.stage;
  if (scope !== 'all') where.departmentIds = { $overlap: scope };
  return em.find(Case, where, { orderBy: { receivedAt: 'desc' }, limit: opts.limit });
}

/** 待签收 summary the duty screen polls: how many, and how long the oldest has waited. */
export async function unsignedSummary(
  em: EntityManager,
  now = new Date(),
  filter?: string | null,
): Promise<{ count: number; oldestReceivedAt: Date | null; oldestWaitMinutes: number | null }> {
  const where = unsignedWhere(filter);
  const count = await em.count(Case, where);
  const first = count ? await em.findOne(Case, where, { orderBy: { receivedAt: 'asc', id: 'asc' } }) : null;
  const oldest = first?.receivedAt ?? null;
  return {
    count,
    oldestReceivedAt: oldest,
    oldestWaitMinutes: oldest ? Math.max(0, Math.floor((now.getTime() - oldest.getTime()) / 60_000)) : null,
  };
}

/** Roles that may search by a citizen's phone or ID number (it finds a person, not a matter). */
export const PHONE_SEARCH_ROLES = ['duty', 'supervisor'] as const;

/** Longest search text: a search is a few words, and a long ILIKE pattern costs the database dearly. */
export const MAX_SEARCH_TEXT = 100;

const searchField = (max: number, label: string) => z.string().max(max, `${label}最多 ${max} 个字`).optional();

/** 工单检索 条件, validated before any query runs (lengths bounded: a 500 KB text is refused at once). */
export const CaseSearchCommand = z.object({
  externalNo: searchField(64, '工单编号'),
  phone: searchField(32, '来电号码'),
  idNumber: searchField(32, '证件号码'),
  text: searchField(MAX_SEARCH_TEXT, '检索文字'),
  projectName: searchField(100, '楼盘/小区'),
  topic: searchField(50, '主题'),
  stage: z.string().max(16).optional(),
  receivedFrom: z.date().optional(),
  receivedTo: z.date().optional(),
  limit: z.number().int(),
  offset: z.number().int().min(0).max(100_000, '翻页过深，请缩小检索条件'),
});
export type CaseSearch = z.input<typeof CaseSearchCommand>;

const like = (s: string) => `%${s.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

/**
 * 工单检索: by number, project, topic, dates, stage and a Chinese substring of the title/content —
 * of their redacted copy (`searchText`), for every role, so no search recovers what the fields
 * mask. By the caller's phone or an ID number in the text: duty and supervisor only, the whole
 * number digit for digit, and every case it finds is written to the reveal log (kind `search`).
 */
export async function searchCases(em: EntityManager, user: AuthUser, input: CaseSearch): Promise<{ total: number; items: Case[] }> {
  const s = parseInput(CaseSearchCommand, input);
  const where: Record<string, unknown>[] = [];
  const personal: string[] = [];
  if (s.externalNo?.trim()) where.push({ externalNo: { $ilike: like(s.externalNo.trim()) } });
  if (s.phone?.trim() || s.idNumber?.trim()) {
    if (!(PHONE_SEARCH_ROLES as readonly string[]).includes(user.role)) throw codedError(INTAKE_ERRORS.PHONE_SEARCH_FORBIDDEN);
  }
  if (s.phone?.trim()) {
    // The whole number, compared digit for digit: a fragment (139…) would let staff trawl for people.
    const digits = s.phone.replace(/\D/g, '');
    if (digits.length < 7) throw codedError(INTAKE_ERRORS.PHONE_INCOMPLETE);
    where.push({ [raw("regexp_replace(citizen_phone, '[^0-9]', '', 'g')")]: digits });
    personal.push('phone');
  }
  if (s.idNumber?.trim()) {
    // A resident ID (15 or 18 characters) as typed into the title or content: whole, never a part.
    const id = s.idNumber.trim().toUpperCase();
    if (!/^(\d{15}|\d{17}[\dX])$/.test(id)) throw codedError(INTAKE_ERRORS.ID_NUMBER_INCOMPLETE);
    const whole = `(^|[^0-9])${id}($|[^0-9Xx])`;
    where.push({ $or: [{ [raw('upper(title) ~ ?', [whole])]: true }, { [raw('upper(content) ~ ?', [whole])]: true }] });
    personal.push('idNumber');
  }
  if (s.text?.trim()) where.push({ searchText: { $ilike: like(s.text.trim()) } });
  if (s.projectName?.trim()) where.push({ projectName: { $ilike: like(s.projectName.trim()) } });
  if (s.topic) where.push({ topic: { $in: await topicWithDescendants(em, s.topic) } });
  if (s.stage) where.push({ stage: s.stage });
  if (s.receivedFrom) where.push({ receivedAt: { $gte: s.receivedFrom } });
  if (s.receivedTo) where.push({ receivedAt: { $lt: s.receivedTo } });
  const scope = departmentScope(user);
  if (scope !== 'all') where.push({ departmentIds: { $overlap: scope } });
  const find = (tx: EntityManager) =>
    tx.findAndCount(Case, where.length ? { $and: where } : {}, { orderBy: { receivedAt: 'desc', id: 'asc' }, limit: s.limit, offset: s.offset });
  if (!personal.length) {
    const [items, total] = await find(em);
    return { total, items };
  }
  // A search by a person's number reveals whose cases these are: audited like a reveal, in the same transaction.
  return em.transactional(async (tx) => {
    const [items, total] = await find(tx);
    for (const c of items) logLook(tx, user, c, { kind: 'search', fields: personal, reason: personal.includes('phone') ? '按来电号码检索' : '按证件号码检索' });
    await tx.flush();
    return { total, items };
  });
}

/**
 * A topic and, when it is a group of the taxonomy (e.g. 房屋交付与销售), every topic under it:
 * searching a group finds the cases of all its topics. An unknown name (a district platform's own
 * topic) matches itself.
 */
export async function topicWithDescendants(em: EntityManager, name: string): Promise<string[]> {
  const topics = await em.find(Topic, {});
  const root = topics.find((t) => t.name === name);
  if (!root) return [name];
  const names = new Set([root.name]);
  const codes = [root.code];
  for (let i = 0; i < codes.length && i < 1_000; i++) {
    for (const t of topics)
      if (t.parentCode === codes[i] && !names.has(t.name)) {
        names.add(t.name);
        codes.push(t.code);
      }
  }
  return [...names];
}
