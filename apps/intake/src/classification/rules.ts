import { REQUEST_TYPES, RequestType, Tier, URGENCIES, Urgency } from '@hotline/contracts';
import { z } from 'zod';

/**
 * 分类规则 — the configurable rules that classify a case on receipt. The bureau changes them
 * (admin, `updateIntakeRules`); the defaults below follow the service contract.
 */
export const IntakeRulesSchema = z.object({
  /** 简单类: request types that are simple unless repeated or clustered. */
  simpleRequestTypes: z.array(z.enum(REQUEST_TYPES)).default(['consultation', 'suggestion', 'praise']),
  /** Topics whose non-simple cases are difficult from the start (疑难类). */
  difficultTopics: z.array(z.string().min(1)).default(['延期交房', '购房退费']),
  /** Earlier requests of the same citizen / place and topic that make a case difficult. */
  difficultRepeatCount: z.number().int().min(1).default(2),
  /** Cases about one project and topic within the window that make a burst (爆发性 / 群体性). */
  difficultClusterSize: z.number().int().min(2).default(5),
  /** Words in the title or content that make a case urgent (紧急) or timely (及时). */
  urgentKeywords: z.array(z.string().min(1)).default(['被困', '坍塌', '倒塌', '漏气', '起火', '触电', '塌方']),
  timelyKeywords: z.array(z.string().min(1)).default(['停水', '停电', '停气', '停暖', '没水', '没电', '供暖']),
  /** Repeat detection: how far back to look (days) and how similar two texts must be (0..1). */
  repeatWindowDays: z.number().int().min(1).max(365).default(30),
  textSimilarityThreshold: z.number().min(0.1).max(1).default(0.45),
});
export type IntakeRules = z.infer<typeof IntakeRulesSchema>;
export const DEFAULT_INTAKE_RULES: IntakeRules = IntakeRulesSchema.parse({});

export interface ClassificationInput {
  requestType: RequestType;
  topic: string;
  title: string;
  content: string;
  /** Urgency the district platform gave, if any: the rules may raise it, never lower it. */
  urgency?: Urgency;
}

export interface Signals {
  repeatCount: number;
  clusterCount: number;
}

export interface ClassificationResult {
  tier: Tier;
  urgency: Urgency;
  /** Which rules decided, for the audit (e.g. `tier:repeat`, `urgency:keyword:被困`). */
  ruleIds: string[];
}

const URGENCY_ORDER = URGENCIES; // normal < timely < urgent

/** 分级 + 紧急程度 on receipt. Repeats and bursts win over the request type. */
export function classifyByRules(input: ClassificationInput, rules: IntakeRules, signals: Signals): ClassificationResult {
  const ruleIds: string[] = [];
  let tier: Tier;
  if (signals.repeatCount >= rules.difficultRepeatCount) {
    tier = 'difficult';
    ruleIds.push('tier:repeat');
  } else if (signals.clusterCount + 1 >= rules.difficultClusterSize) {
    tier = 'difficult';
    ruleIds.push('tier:cluster');
  } else if (rules.simpleRequestTypes.includes(input.requestType)) {
    tier = 'simple';
    ruleIds.push('tier:simple-type');
  } else if (rules.difficultTopics.includes(input.topic)) {
    tier = 'difficult';
    ruleIds.push('tier:topic');
  } else {
    tier = 'general';
    ruleIds.push('tier:default');
  }

  const text = `${input.title}\n${input.content}`;
  let urgency: Urgency = input.urgency ?? 'normal';
  const urgent = rules.urgentKeywords.find((k) => text.includes(k));
  const timely = rules.timelyKeywords.find((k) => text.includes(k));
  const raise = (to: Urgency, id: string) => {
    if (URGENCY_ORDER.indexOf(to) > URGENCY_ORDER.indexOf(urgency)) {
      urgency = to;
      ruleIds.push(id);
    }
  };
  if (urgent) raise('urgent', `urgency:keyword:${urgent}`);
  if (timely) raise('timely', `urgency:keyword:${timely}`);
  return { tier, urgency, ruleIds };
}
