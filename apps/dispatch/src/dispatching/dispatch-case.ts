import type { EntityManager } from '@mikro-orm/postgresql';
import { AuthUser, badInput, conflict, DomainError, notFound, parseInput } from '@hotline/service-kit';
import { z } from 'zod';
import { DispatchCase } from '../cases/dispatch-case.entity';
import { assertNotMerged, assertVersion } from '../handling/handling-rules';
import { assign, checkDepartments, Suggester, SuggestionSummary } from './assign';

export const DispatchCommand = z.object({
  caseId: z.uuid('工单无效'),
  leadDepartmentId: z.uuid('主办科室无效'),
  assistDepartmentIds: z.array(z.uuid('协办科室无效')).max(7, '协办科室最多 7 个').default([]),
  note: z.string().trim().max(200, '备注最多 200 个字').optional(),
  expectedVersion: z.number().int().min(1, '版本号无效').nullish(),
});

const noSuggestion: Suggester = async () => ({ source: 'none', confidence: 0 });

/**
 * 分转派单: route a signed case (待分转, first time or after a 退回) to a lead department (主办) and
 * optional assisting ones (协办). Refused, with nothing written, for an unsigned, already
 * dispatched or merged (并单) case or an unknown department.
 */
export async function dispatchCase(em: EntityManager, user: AuthUser, input: unknown, suggest: Suggester = noSuggestion): Promise<DispatchCase> {
  const cmd = parseInput(DispatchCommand, input);
  const assists = [...new Set(cmd.assistDepartmentIds)];
  if (assists.includes(cmd.leadDepartmentId)) throw badInput('LEAD_ALSO_ASSIST', '主办科室不能同时作为协办科室');
  return em.transactional(async (tx) => {
    const c = await tx.findOne(DispatchCase, { id: cmd.caseId });
    if (!c) throw notFound('CASE_NOT_FOUND', '工单不存在');
    assertNotMerged(c);
    assertVersion(c, cmd.expectedVersion);
    if (c.stage === 'received') throw badInput('CASE_NOT_SIGNED', `工单 ${c.externalNo} 尚未签收，请先签收再分转`);
    if (c.stage !== 'signed') throw conflict('ALREADY_DISPATCHED', `工单 ${c.externalNo} 已分转，不能重复分转；如需更换科室请使用改派`);
    await checkDepartments(tx, cmd.leadDepartmentId, assists);
    const suggestion: SuggestionSummary = await suggest(tx, c);
    return assign(tx, user, c, { leadDepartmentId: cmd.leadDepartmentId, assistDepartmentIds: assists, note: cmd.note }, suggestion);
  });
}

/** One line of a bulk dispatch: the case, or why it was refused. */
export interface BulkDispatchOutcome {
  caseId: string;
  case: DispatchCase | null;
  errorCode: string | null;
  reason: string | null;
  message: string | null;
}

/** 批量分转: each case in its own transaction; one refusal does not stop the others. */
export async function dispatchCases(em: EntityManager, user: AuthUser, inputs: unknown[], suggest: Suggester = noSuggestion): Promise<BulkDispatchOutcome[]> {
  if (inputs.length === 0 || inputs.length > 100) throw badInput('BULK_SIZE', '批量分转一次 1 至 100 件');
  const out: BulkDispatchOutcome[] = [];
  for (const input of inputs) {
    const caseId = String((input as { caseId?: unknown }).caseId ?? '');
    try {
      out.push({ caseId, case: await dispatchCase(em.fork(), user, input, suggest), errorCode: null, reason: null, message: null });
    } catch (e) {
      if (e instanceof DomainError) out.push({ caseId, case: null, errorCode: e.code, reason: e.reason, message: e.message });
      else if (e instanceof Error && e.name === 'OptimisticLockError') out.push({ caseId, case: null, errorCode: 'CONFLICT', reason: 'STALE_VERSION', message: '工单已被他人更新，请刷新后重试' });
      else throw e;
    }
  }
  return out;
}
