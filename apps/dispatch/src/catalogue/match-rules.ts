/** The parts of a rule that matching reads. */
export interface RuleCriteria {
  id: string;
  topics: string[];
  keywords: string[];
  projects: string[];
  streets: string[];
  leadDepartmentCode: string;
  priority: number;
}

export interface RuleFacts {
  text: string;
  topic?: string | null;
  projectName?: string | null;
  street?: string | null;
}

export interface RuleMatch<R extends RuleCriteria> {
  rule: R;
  /** What matched, for the dispatch screen: 主题:…, 关键词:…, 项目:…, 街道:… */
  matched: string[];
}

/**
 * Applies the responsibility catalogue (权责清单) to a case. A rule fires when every criterion it
 * sets matches (topic, any keyword in the title or content, project, street); a rule that sets
 * none never fires. Rules leading to an excluded department (one that returned the case) are
 * skipped. The winner: highest priority, then the most specific (most criteria), then most keywords.
 */
export function matchRules<R extends RuleCriteria>(rules: readonly R[], facts: RuleFacts, excludedCodes: readonly string[] = []): RuleMatch<R> | null {
  const hits: Array<RuleMatch<R> & { criteria: number; keywordHits: number }> = [];
  for (const rule of rules) {
    if (excludedCodes.includes(rule.leadDepartmentCode)) continue;
    const matched: string[] = [];
    let criteria = 0;
    if (rule.topics.length) {
      criteria += 1;
      if (!facts.topic || !rule.topics.includes(facts.topic)) continue;
      matched.push(`主题:${facts.topic}`);
    }
    let keywordHits = 0;
    if (rule.keywords.length) {
      criteria += 1;
      const found = rule.keywords.filter((k) => facts.text.includes(k));
      if (!found.length) continue;
      keywordHits = found.length;
      matched.push(...found.map((k) => `关键词:${k}`));
    }
    if (rule.projects.length) {
      criteria += 1;
      const p = rule.projects.find((x) => facts.projectName?.includes(x) || facts.text.includes(x));
      if (!p) continue;
      matched.push(`项目:${p}`);
    }
    if (rule.streets.length) {
      criteria += 1;
      if (!facts.street || !rule.streets.includes(facts.street)) continue;
      matched.push(`街道:${facts.street}`);
    }
    if (criteria === 0) continue;
    hits.push({ rule, matched, criteria, keywordHits });
  }
  hits.sort((a, b) => b.rule.priority - a.rule.priority || b.criteria - a.criteria || b.keywordHits - a.keywordHits);
  return hits[0] ? { rule: hits[0].rule, matched: hits[0].matched } : null;
}
