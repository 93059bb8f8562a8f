import { z } from 'zod';

/**
 * 加分规则 — how the bonus points publicity awards (典型案例, 《向前一步》, 12345专栏) add to the
 * month's combined score: part of the scoring policy, versioned with it. The default is NOT
 * official (no public figure exists): 0.1 of a score point per bonus point, at most 2 score points
 * a period — to be confirmed with the bureau.
 */
export interface BonusRule {
  /** Score points (of the 0–100 combined score) per bonus point. */
  scorePerPoint: number;
  /** The most a period's bonus adds to the combined score. */
  cap: number;
}

export const DEFAULT_BONUS_RULE: BonusRule = { scorePerPoint: 0.1, cap: 2 };

export const BonusRuleCommand = z.object({
  scorePerPoint: z.number().min(0, '每分折算不能为负').max(10, '每分折算最多 10 分'),
  cap: z.number().min(0, '加分上限不能为负').max(100, '加分上限最多 100 分'),
});

/** One ledger entry as callback keeps it (from `hotline.publicity.awarded`). */
export interface BonusItem {
  entryId: string;
  kind: string;
  points: number;
  departmentId: string | null;
  awardedAt: Date;
}

export interface Bonus {
  /** Sum of the items' points. */
  points: number;
  /** What they add to the combined score: points × scorePerPoint, at most `cap`. */
  score: number;
  /** The cap cut the bonus. */
  capped: boolean;
  /** 综合得分（含加分）: the three-rate score plus the bonus, null while the score is. */
  combinedScore: number | null;
}

/** The bonus of a period's items under a rule, and the combined score it makes with `score`. Pure. */
export function bonusOf(items: readonly Pick<BonusItem, 'points'>[], rule: BonusRule, score: number | null): Bonus {
  const points = items.reduce((s, i) => s + i.points, 0);
  const raw = points * rule.scorePerPoint;
  const bonus = Math.min(raw, rule.cap);
  return { points, score: bonus, capped: raw > rule.cap, combinedScore: score == null ? null : score + bonus };
}

/** The rule of a policy version: the default where the version predates bonus rules. */
export const bonusRuleOf = (rules: { bonus?: BonusRule | null }): BonusRule => rules.bonus ?? DEFAULT_BONUS_RULE;
