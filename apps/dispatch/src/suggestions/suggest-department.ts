import type { EntityManager } from '@mikro-orm/postgresql';
import { DispatchCase } from '../cases/dispatch-case.entity';
import { currentRules } from '../catalogue/catalogue.service';
import { matchRules } from '../catalogue/match-rules';
import { ResponsibilityRule } from '../catalogue/responsibility-rule.entity';
import { DepartmentProjection } from '../departments/department.entity';
import { AssignmentRecord } from '../dispatching/assignment-record.entity';
import type { SuggestionSummary } from '../dispatching/assign';
import { routingTexts, RoutingText } from './case-texts';
import type { DispatchModel } from './dispatch-model';

export interface RuleSuggestion {
  rule: ResponsibilityRule;
  leadDepartmentId: string;
  assistDepartmentIds: string[];
  matched: string[];
}

export interface ModelCandidate {
  departmentId: string;
  departmentCode: string;
  confidence: number;
  words: string[];
}

/** What the dispatch screen shows: the rule (if one fires), the model's top three, and which one leads. */
export interface DepartmentSuggestion {
  source: 'rule' | 'model' | 'none';
  leadDepartmentId: string | null;
  assistDepartmentIds: string[];
  confidence: number;
  rule: RuleSuggestion | null;
  candidates: ModelCandidate[];
  /** Departments left out because they returned the case (退回). */
  excludedDepartmentIds: string[];
}

/** What routing needs besides the case: the active departments and the catalogue in force. */
export interface RoutingContext {
  departments: DepartmentProjection[];
  rules: ResponsibilityRule[];
}

export async function loadRoutingContext(em: EntityManager): Promise<RoutingContext> {
  // One after the other: inside a dispatch these run on the transaction's single connection.
  const departments = await em.find(DepartmentProjection, { active: true });
  return { departments, rules: await currentRules(em) };
}

/** The departments that returned a case (退回). */
export async function returnedBy(em: EntityManager, caseIds: readonly string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  for (const r of await em.find(AssignmentRecord, { caseId: { $in: [...caseIds] }, kind: 'return' })) {
    if (r.fromDepartmentId) out.set(r.caseId, [...new Set([...(out.get(r.caseId) ?? []), r.fromDepartmentId])]);
  }
  return out;
}

/**
 * 分转建议: the responsibility catalogue first (a rule that fires leads, confidence 1); the
 * learned model where no rule fires, shown beside the rule where one does. Both read the case's
 * whole text (`text`; the event digest when intake could not serve it). Departments that
 * returned the case are left out, so a 退回 re-runs routing without them.
 */
export function suggestFrom(
  rc: RoutingContext,
  model: DispatchModel,
  c: DispatchCase,
  excludedIds: readonly string[],
  text?: RoutingText,
): DepartmentSuggestion {
  const idOf = new Map(rc.departments.map((d) => [d.code, d.id]));
  const excludedCodes = rc.departments.filter((d) => excludedIds.includes(d.id)).map((d) => d.code);
  const excluded = [...excludedIds];
  const facts = text ?? { title: c.title, content: c.contentDigest, topicCode: null, projectName: c.projectName, street: c.street };

  const hit = matchRules(
    rc.rules.filter((r) => idOf.has(r.leadDepartmentCode)),
    { text: `${facts.title} ${facts.content}`, topic: c.topic, projectName: c.projectName, street: c.street },
    excludedCodes,
  );
  const rule: RuleSuggestion | null = hit && {
    rule: hit.rule,
    leadDepartmentId: idOf.get(hit.rule.leadDepartmentCode)!,
    assistDepartmentIds: hit.rule.assistDepartmentCodes.map((code) => idOf.get(code)).filter((x): x is string => !!x && !excludedIds.includes(x)),
    matched: hit.matched,
  };
  const candidates = model
    .suggest(facts, excludedCodes, 3 + excludedCodes.length)
    .filter((p) => idOf.has(p.label))
    .slice(0, 3)
    .map((p) => ({ departmentId: idOf.get(p.label)!, departmentCode: p.label, confidence: p.confidence, words: p.words }));

  if (rule)
    return {
      source: 'rule',
      leadDepartmentId: rule.leadDepartmentId,
      assistDepartmentIds: rule.assistDepartmentIds,
      confidence: 1,
      rule,
      candidates,
      excludedDepartmentIds: excluded,
    };
  if (candidates[0])
    return {
      source: 'model',
      leadDepartmentId: candidates[0].departmentId,
      assistDepartmentIds: [],
      confidence: candidates[0].confidence,
      rule: null,
      candidates,
      excludedDepartmentIds: excluded,
    };
  return { source: 'none', leadDepartmentId: null, assistDepartmentIds: [], confidence: 0, rule: null, candidates: [], excludedDepartmentIds: excluded };
}

/** Inside a dispatch's transaction: the cached whole text (the screen read it), else the digest — no call to intake. */
export async function suggestDepartment(em: EntityManager, model: DispatchModel, c: DispatchCase): Promise<DepartmentSuggestion> {
  const rc = await loadRoutingContext(em);
  const text = (await routingTexts(em, model.texts, [c], { cachedOnly: true })).get(c.id);
  return suggestFrom(rc, model, c, (await returnedBy(em, [c.id])).get(c.id) ?? [], text);
}

/** The summary recorded with a dispatch (audit record and `hotline.case.dispatched`). */
export const suggester =
  (model: DispatchModel) =>
  async (tx: EntityManager, c: DispatchCase): Promise<SuggestionSummary> => {
    const s = await suggestDepartment(tx, model, c);
    return { source: s.source, confidence: s.confidence, leadDepartmentId: s.leadDepartmentId, ruleId: s.rule?.rule.id ?? null };
  };
