import { createEvent, EventEnvelope } from '@hotline/contracts';

/** A `hotline.case.received` as intake publishes it, with test defaults; `data` overrides them. */
export const receivedEvent = (caseId: string, data: Record<string, unknown> = {}): EventEnvelope =>
  createEvent({
    type: 'hotline.case.received',
    source: 'intake',
    actor: { system: 'test' },
    caseId,
    data: {
      externalNo: `RE-${caseId.slice(0, 8)}`,
      channel: 'manual',
      receivedAt: new Date().toISOString(),
      requestType: 'complaint',
      topic: '物业',
      urgency: 'normal',
      tier: 'general',
      title: '楼道灯不亮',
      contentDigest: '楼道灯不亮',
      ...data,
    },
  } as never) as EventEnvelope;
