import type { EventEnvelope } from '@hotline/contracts';
import type { CaseFacts } from '../clocks/clock-engine';

/** The projection's fields an event changes (a plain fold, shared by the consumer and the rebuild). */
export interface CaseView extends CaseFacts {
  externalNo: string;
  title: string;
  assistDepartmentIds: string[];
  receivedAt: Date;
  completedAt: Date | null;
  historical: boolean;
}

export function viewFromReceived(e: EventEnvelope): CaseView {
  const d = e.data as Record<string, string | undefined>;
  return {
    externalNo: String(d.externalNo),
    title: String(d.title ?? '').slice(0, 60),
    requestType: String(d.requestType),
    topic: String(d.topic),
    tier: String(d.tier),
    urgency: String(d.urgency),
    leadDepartmentId: null,
    assistDepartmentIds: [],
    receivedAt: new Date(String(d.receivedAt)),
    completedAt: d.completedAt ? new Date(d.completedAt) : null,
    historical: !!d.completedAt,
  };
}

/** Applies a later event to the view (received is the start, see viewFromReceived). */
export function applyToView(v: CaseView, e: EventEnvelope): void {
  const d = e.data as Record<string, unknown>;
  switch (e.type) {
    case 'hotline.case.classified': {
      const a = d.after as { requestType: string; topic: string; tier: string; urgency: string };
      Object.assign(v, { requestType: a.requestType, topic: a.topic, tier: a.tier, urgency: a.urgency });
      break;
    }
    case 'hotline.case.dispatched':
      v.leadDepartmentId = String(d.leadDepartmentId);
      v.assistDepartmentIds = (d.assistDepartmentIds as string[]) ?? [];
      break;
    case 'hotline.case.returned':
      v.leadDepartmentId = null;
      v.assistDepartmentIds = [];
      break;
    case 'hotline.case.completed':
      v.completedAt = new Date(String(d.completedAt));
      break;
  }
}
