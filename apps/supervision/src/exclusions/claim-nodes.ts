import type { EntityManager } from '@mikro-orm/postgresql';
import type { CalendarData } from '@hotline/calendar';
import { CaseNode } from '../graphql-types';
import { ExclusionClaim, ExclusionEvidence, ExclusionRuleSet } from './exclusion.entities';
import { CLAIM_STATUS_LABELS, checklist, submissionDeadline } from './exclusion-rules';
import type { ExclusionClaimNode, ExclusionRuleSetNode } from './exclusion.types';

export const evidenceUrl = (claimId: string, id: string) => `/exclusion-claims/${claimId}/evidence/${id}`;
export const packageUrl = (claimId: string) => `/exclusion-claims/${claimId}/package`;

export function ruleSetNode(set: ExclusionRuleSet, month: string | null, cal: CalendarData): ExclusionRuleSetNode {
  return {
    id: set.id,
    month: set.month,
    version: set.version,
    isDefault: set.isDefault,
    note: set.note,
    createdAt: set.createdAt,
    types: set.types.map((t) => ({ ...t, deadline: month ? submissionDeadline(month, t.deadlineWorkingDay, cal) : null })),
  };
}

/** Claims as the API shows them: their rule set versions and evidence loaded once for the page. */
export async function claimNodes(em: EntityManager, claims: readonly ExclusionClaim[], cal: CalendarData): Promise<ExclusionClaimNode[]> {
  if (!claims.length) return [];
  const sets = new Map((await em.find(ExclusionRuleSet, { id: { $in: [...new Set(claims.map((c) => c.ruleSetId))] } })).map((s) => [s.id, s]));
  const evidence = await em.find(ExclusionEvidence, { claimId: { $in: claims.map((c) => c.id) } }, { orderBy: { uploadedAt: 'asc' } });
  return claims.map((c) => {
    const set = sets.get(c.ruleSetId)!;
    const type = set.types.find((t) => t.code === c.type)!;
    const files = evidence.filter((e) => e.claimId === c.id);
    const items = checklist(
      type,
      c.statement,
      files.map((e) => e.kind),
    );
    return {
      id: c.id,
      case: Object.assign(new CaseNode(), { id: c.caseId }),
      externalNo: c.externalNo,
      month: c.month,
      ruleSetMonth: set.month,
      ruleSetVersion: set.version,
      type: c.type,
      typeLabel: type.label,
      statement: c.statement,
      status: c.status,
      statusLabel: CLAIM_STATUS_LABELS[c.status],
      checklist: items,
      complete: items.every((i) => i.done),
      deadline: submissionDeadline(c.month, type.deadlineWorkingDay, cal),
      evidence: files.map((e) => ({
        id: e.id,
        kind: e.kind,
        name: e.name,
        contentType: e.contentType,
        size: e.size,
        uploadedAt: e.uploadedAt,
        url: evidenceUrl(c.id, e.id),
      })),
      createdAt: c.createdAt,
      submittedAt: c.submittedAt,
      decidedAt: c.decidedAt,
      decisionNote: c.decisionNote,
      packageUrl: packageUrl(c.id),
    };
  });
}
