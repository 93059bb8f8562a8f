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
  return recomputeDeadline(c, extensionGranted);
}

/** A held case's deadline as a dispatch at its dispatch time would give it now; the new one when it changed. */
function recomputeDeadline(c: ClassifiedCase, extensionGranted: boolean): Date | null {
  if (!HELD_STAGES.includes(c.stage) || !c.dispatchedAt || extensionGranted) return null;
  const next = handlingDeadline(c.dispatchedAt, c.urgency, c.upstreamDeadlineAt, c.tier);
  if (c.handleDeadlineAt?.getTime() === next.getTime()) return null;
  c.handleDeadlineAt = next;
  return next;
}

/** The new values a re-import sends (`hotline.case.updated`, `after`): only what dispatch keeps. */
export interface IntakeUpdate {
  requestType?: RequestType;
  topic?: string;
  title?: string;
  contentDigest?: string;
  projectName?: string | null;
  street?: string | null;
  deadlineAt?: string | null;
  receivedAt?: string;
}

export interface UpdatedCase extends ClassifiedCase {
  title: string;
  contentDigest: string;
  projectName?: string | null;
  street?: string | null;
  receivedAt: Date;
}

/**
 * A re-import changed the order at the district platform (导入更新): what routing reads (type,
 * topic, title, content digest, project, street) follows; a new upstream deadline (办理时限 of the
 * district platform) recomputes a held case's deadline by the same rule as a reclassification —
 * an approved extension in the current routing stands, a completed case is history.
 * Returns the new handling deadline when it changed, else null.
 */
export function applyIntakeUpdate(c: UpdatedCase, after: IntakeUpdate, extensionGranted: boolean): Date | null {
  if (after.requestType) c.requestType = after.requestType;
  if (after.topic) c.topic = after.topic.slice(0, 50);
  if (after.title !== undefined) c.title = after.title.slice(0, 60);
  if (after.contentDigest !== undefined) c.contentDigest = after.contentDigest.slice(0, 60);
  if (after.projectName !== undefined) c.projectName = after.projectName?.slice(0, 100) ?? null;
  if (after.street !== undefined) c.street = after.street?.slice(0, 50) ?? null;
  if (after.receivedAt) c.receivedAt = new Date(after.receivedAt);
  if (after.deadlineAt === undefined) return null;
  c.upstreamDeadlineAt = after.deadlineAt ? new Date(after.deadlineAt) : null;
  return recomputeDeadline(c, extensionGranted);
}
