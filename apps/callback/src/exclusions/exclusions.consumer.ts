import type { ConsumerDefinition, EventHandler } from '@hotline/service-kit';
import { CaseExclusion } from './exclusion.entity';

type ClaimEvent = { claimId: string; externalNo: string; exclusionType: string; ruleSetMonth: string };

/**
 * Keeps supervision's 不纳入考核 decisions (`hotline.exclusion.*`): the scoring engine leaves the
 * cases of approved claims out of their period's denominators. A decision is final for its claim:
 * a late `submitted` never undoes it (the inbox already drops redeliveries).
 */
export const exclusionsConsumer = (): ConsumerDefinition => {
  const put =
    (status: CaseExclusion['status']): EventHandler =>
    async (e, em) => {
      const d = e.data as ClaimEvent & { withdrawn?: boolean };
      const row = {
        claimId: d.claimId,
        caseId: e.caseId!,
        externalNo: d.externalNo,
        exclusionType: d.exclusionType,
        month: d.ruleSetMonth,
        status: status === 'rejected' && d.withdrawn ? ('withdrawn' as const) : status,
        updatedAt: new Date(e.occurredAt),
      };
      if (status === 'submitted') await em.upsert(CaseExclusion, row, { onConflictAction: 'ignore' });
      else await em.upsert(CaseExclusion, row);
    };
  const handlers: Record<string, EventHandler> = {
    'hotline.exclusion.submitted': put('submitted'),
    'hotline.exclusion.approved': put('approved'),
    'hotline.exclusion.rejected': put('rejected'),
  };
  return { name: 'callback-exclusions', subject: 'hotline.exclusion.>', handlers };
};
