import type { EntityManager } from '@mikro-orm/postgresql';
import { LockMode } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { DISPATCH_ERRORS } from '@hotline/contracts';
import { AuthUser, codedError, parseInput } from '@hotline/service-kit';
import { z } from 'zod';
import { DepartmentProjection } from '../departments/department.entity';
import { ResponsibilityRule } from './responsibility-rule.entity';

const words = (what: string) =>
  z
    .array(z.string().trim().min(1, `${what}不能为空`).max(50, `${what}最多 50 个字`))
    .max(50, `${what}最多 50 个`)
    .default([]);

export const RuleCommand = z
  .object({
    name: z.string().trim().min(2, '请填写条目名称').max(100, '条目名称最多 100 个字'),
    topics: words('主题'),
    keywords: words('关键词'),
    projects: words('项目'),
    streets: words('街道'),
    leadDepartmentCode: z.string().trim().min(1, '请选择主办科室'),
    assistDepartmentCodes: z.array(z.string().trim().min(1)).max(7, '协办科室最多 7 个').default([]),
    basis: z.string().trim().max(500, '依据最多 500 个字').default(''),
    priority: z.number().int().min(-100).max(100).default(0),
  })
  .refine((r) => r.topics.length + r.keywords.length + r.projects.length + r.streets.length > 0, {
    message: '至少设置一项匹配条件（主题、关键词、项目或街道）',
    path: ['keywords'],
  });
export type RuleCommand = z.infer<typeof RuleCommand>;

/** The catalogue in force: the current, active version of every rule. */
export function currentRules(em: EntityManager): Promise<ResponsibilityRule[]> {
  return em.find(ResponsibilityRule, { supersededAt: null, active: true }, { orderBy: { priority: 'desc', createdAt: 'asc' } });
}

export function listRules(em: EntityManager, opts: { history: boolean }): Promise<ResponsibilityRule[]> {
  return em.find(ResponsibilityRule, opts.history ? {} : { supersededAt: null }, { orderBy: { ruleKey: 'asc', version: 'desc' } });
}

async function checkCodes(em: EntityManager, cmd: RuleCommand): Promise<void> {
  if (cmd.assistDepartmentCodes.includes(cmd.leadDepartmentCode)) throw codedError(DISPATCH_ERRORS.LEAD_ALSO_ASSIST);
  const wanted = [cmd.leadDepartmentCode, ...cmd.assistDepartmentCodes];
  const known = await em.find(DepartmentProjection, { code: { $in: wanted }, active: true });
  const missing = wanted.filter((c) => !known.some((d) => d.code === c));
  if (missing.length) throw codedError(DISPATCH_ERRORS.UNKNOWN_DEPARTMENT, { departments: missing.join('、') }, { codes: missing });
}

/** 新增权责清单条目 (version 1). */
export async function createRule(em: EntityManager, user: AuthUser, input: unknown): Promise<ResponsibilityRule> {
  const cmd = parseInput(RuleCommand, input);
  return em.transactional(async (tx) => {
    await checkCodes(tx, cmd);
    const r = tx.create(ResponsibilityRule, { ...cmd, ruleKey: randomUUID(), version: 1, active: true, createdAt: new Date(), createdBy: user.id });
    await tx.flush();
    return r;
  });
}

async function nextVersion(tx: EntityManager, ruleKey: string): Promise<ResponsibilityRule> {
  // Lock the current version so two editors cannot both write version n+1.
  const cur = await tx.findOne(ResponsibilityRule, { ruleKey, supersededAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!cur) throw codedError(DISPATCH_ERRORS.RULE_NOT_FOUND);
  return cur;
}

/** 修订: writes version n+1 and supersedes version n. */
export async function updateRule(em: EntityManager, user: AuthUser, ruleKey: string, input: unknown): Promise<ResponsibilityRule> {
  const cmd = parseInput(RuleCommand, input);
  return em.transactional(async (tx) => {
    const cur = await nextVersion(tx, ruleKey);
    await checkCodes(tx, cmd);
    const now = new Date();
    cur.supersededAt = now;
    const r = tx.create(ResponsibilityRule, { ...cmd, ruleKey, version: cur.version + 1, active: true, createdAt: now, createdBy: user.id });
    await tx.flush();
    return r;
  });
}

/** 停用: an inactive version n+1, so the catalogue's history keeps the rule. */
export async function retireRule(em: EntityManager, user: AuthUser, ruleKey: string): Promise<ResponsibilityRule> {
  return em.transactional(async (tx) => {
    const cur = await nextVersion(tx, ruleKey);
    if (!cur.active) throw codedError(DISPATCH_ERRORS.RULE_RETIRED);
    const now = new Date();
    cur.supersededAt = now;
    const { id: _id, supersededAt: _s, ...rest } = cur;
    const r = tx.create(ResponsibilityRule, { ...rest, version: cur.version + 1, active: false, createdAt: now, createdBy: user.id });
    await tx.flush();
    return r;
  });
}

/** A starting catalogue for the demo (SEED_DEMO), written once when the catalogue is empty. */
export const DEMO_RULES: RuleCommand[] = [
  {
    name: '商品房延期交付',
    topics: [],
    keywords: ['延期交房', '逾期交付', '推迟交付', '交房时间', '未交房'],
    projects: [],
    streets: [],
    leadDepartmentCode: 'housing',
    assistDepartmentCodes: [],
    basis: '权责清单：商品房交付使用的监督管理',
    priority: 0,
  },
  {
    name: '购房退费',
    topics: [],
    keywords: ['退定金', '认筹金', '退房退款', '首付款', '购房退费'],
    projects: [],
    streets: [],
    leadDepartmentCode: 'sales',
    assistDepartmentCodes: [],
    basis: '权责清单：商品房销售行为的监督管理',
    priority: 0,
  },
  {
    name: '施工噪音与扬尘',
    topics: [],
    keywords: ['夜间施工', '施工噪音', '工地扬尘', '渣土车'],
    projects: [],
    streets: [],
    leadDepartmentCode: 'construction',
    assistDepartmentCodes: [],
    basis: '权责清单：建设工程施工现场管理',
    priority: 0,
  },
  {
    name: '路灯与市政管网',
    topics: [],
    keywords: ['路灯', '井盖', '雨水管网', '污水井'],
    projects: [],
    streets: [],
    leadDepartmentCode: 'municipal',
    assistDepartmentCodes: [],
    basis: '权责清单：市政基础设施的养护管理',
    priority: 0,
  },
  {
    name: '林肯公园电梯专项',
    topics: [],
    keywords: ['电梯'],
    projects: ['林肯公园'],
    streets: [],
    leadDepartmentCode: 'property',
    assistDepartmentCodes: ['quality'],
    basis: '2026年第3次调度会：林肯公园电梯问题由物业管理科主办、工程质量科协办',
    priority: 10,
  },
];

export async function seedDemoRules(em: EntityManager): Promise<number> {
  if (await em.count(ResponsibilityRule, {})) return 0;
  const now = new Date();
  for (const r of DEMO_RULES) em.create(ResponsibilityRule, { ...r, ruleKey: randomUUID(), version: 1, active: true, createdAt: now, createdBy: 'system' });
  await em.flush();
  return DEMO_RULES.length;
}
