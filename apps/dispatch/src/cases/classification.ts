import type { RequestType, Tier, Urgency } from '@hotline/contracts';
import { handlingDeadline } from '../deadlines/handling-limit';
import type { DispatchStage } from './dispatch-case.entity';

/** The part of intake's classification (`hotline.case.classified`, `after`) that dispatch keeps. */
export interface Classification {
  requestType: RequestType;
  topic: string;
  urgency: Urgency;
  /** 工单分级: 疑难类 (difficult) gets the 15-working-day limit. */
  tier?: Tier;
}

/** What the rule reads and writes on dispatch's projection of a case. */
export interface ClassifiedCase extends Classification {
  stage: DispatchStage;
  dispatchedAt?: Date | null;
  upstreamDeadlineAt?: Date | null;
  handleDeadlineAt?: Date | null;
}

/** Stages in which a department holds the case under a handling deadline. */
const HELD_STAGES: readonly DispatchStage[] = ['dispatched', 'accepted', 'replied'];

/**
 * 分类调整 at intake reaches dispatch. The rule:
 * - type, topic, urgency and tier follow intake's new classification;
 * - a case not yet dispatched needs nothing more: its dispatch reads the new urgency;
 * - a case a department holds (dispatched, accepted, replied) gets its handling deadline
 *   recomputed from its dispatch time with the new urgency (and the upstream deadline when
 *   earlier) — the deadline a dispatch at that time would have given — unless a supervisor
 *   granted an extension in the current routing: that decision stands. The recomputed deadline
 *   may be earlier than before, even already past (reclassified urgent long after dispatch);
 * - a completed case keeps its deadline (it is history).
 * Returns the new deadline when it changed, else null.
 */
export function applyClassification(c: ClassifiedCase, after: Classification, extensionGranted: boolean): Date | null {
  c.requestType = after.requestType;
  c.topic = after.topic.slice(0, 50);
  c.urgency = after.urgency;
  if (after.tier) c.tier = after.tier;
  if (!HELD_STAGES.includes(c.stage) || !c.dispatchedAt || extensionGranted) return null;
  const next = handlingDeadline(c.dispatchedAt, c.urgency, c.upstreamDeadlineAt, c.tier);
  if (c.handleDeadlineAt?.getTime() === next.getTime()) return null;
  c.handleDeadlineAt = next;
  return next;
}
