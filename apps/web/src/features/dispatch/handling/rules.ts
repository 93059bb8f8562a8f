// Pure rules behind the handling screens: when a reply may be sent, whether the bureau sent the
// last reply back (局审核退回), and which departments returned a case before (退回).
import { formatDateTime } from '../../../shared/time';
import { returnReasonLabel } from './labels';

/** Stages in which the lead department still works on the case. */
export const OPEN_HANDLING_STAGES = ['dispatched', 'accepted'];

interface AssistLike {
  departmentId: string;
  department?: { name: string } | null;
  status: string;
}

/** Names of the assisting departments (协办) that have not reported yet. */
export function openAssistNames(tasks: readonly AssistLike[] | null | undefined, nameOf?: (id: string) => string): string[] {
  return (tasks ?? []).filter((t) => t.status === 'open').map((t) => t.department?.name ?? nameOf?.(t.departmentId) ?? t.departmentId);
}

/**
 * Why 提交答复 is not possible yet, or null when it is: the lead department replies only after
 * every assisting department has reported (the server refuses with ASSIST_OPEN otherwise).
 */
export function replyBlockedReason(tasks: readonly AssistLike[] | null | undefined, nameOf?: (id: string) => string): string | null {
  const open = openAssistNames(tasks, nameOf);
  if (open.length === 0) return null;
  return `协办科室尚未全部反馈（尚未反馈：${open.join('、')}），暂不能提交答复`;
}

interface ReplyLike {
  id: string;
  repliedAt: string;
  reviewStatus?: string | null;
  reviewNote?: string | null;
  reviewedAt?: string | null;
}

/**
 * The reply the bureau sent back (局审核退回) when the case is again waiting for the lead
 * department's reply, i.e. the latest reply was rejected and the case is open; else null.
 */
export function pendingReviewRejection<R extends ReplyLike>(replies: readonly R[] | null | undefined, stage: string | null | undefined): R | null {
  if (!stage || !OPEN_HANDLING_STAGES.includes(stage)) return null;
  const latest = [...(replies ?? [])].sort((a, b) => new Date(b.repliedAt).getTime() - new Date(a.repliedAt).getTime())[0];
  return latest && latest.reviewStatus === 'rejected' ? latest : null;
}

/** 「已退回：<reason>」 for a reply the bureau sent back; null for any other reply. */
export function rejectedReplyText(reply: ReplyLike): string | null {
  if (reply.reviewStatus !== 'rejected') return null;
  return `已退回：${reply.reviewNote?.trim() || '未填写退回理由'}`;
}

interface ReturnRecordLike {
  kind: string;
  fromDepartmentId?: string | null;
  reasonCode?: string | null;
  reason?: string | null;
  at: string;
}

/** The 退回 records of a case made by one department, oldest first. */
export function returnsByDepartment<R extends ReturnRecordLike>(history: readonly R[] | null | undefined, departmentId: string | null | undefined): R[] {
  if (!departmentId) return [];
  return (history ?? [])
    .filter((r) => r.kind === 'return' && r.fromDepartmentId === departmentId)
    .sort((a, b) => new Date(a.at).getTime() - new Date(b.at).getTime());
}

/**
 * The warning shown before dispatching a case to a department that returned it before, or null.
 * `externalNo` is given when several cases are dispatched at once.
 */
export function returnedBeforeWarning(departmentName: string, returns: readonly ReturnRecordLike[], externalNo?: string): string | null {
  if (returns.length === 0) return null;
  const last = returns[returns.length - 1];
  const why = [returnReasonLabel(last.reasonCode), last.reason?.trim()].filter(Boolean).join('：');
  const times = returns.length > 1 ? `已退回过 ${returns.length} 次，最近一次` : '已';
  return `${externalNo ? `工单 ${externalNo}：` : ''}「${departmentName}」${times}于 ${formatDateTime(last.at)} 退回此工单（${why}），请确认仍分转给该科室。`;
}

/** 「已退回 N 次」 for a case in 待分转; null when it was never returned. */
export function returnCountText(returnCount: number | null | undefined): string | null {
  return returnCount && returnCount > 0 ? `已退回 ${returnCount} 次` : null;
}
