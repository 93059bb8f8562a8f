import { ServiceCallError, ServiceClient } from '@hotline/service-kit';

/** The approved reply behind a completion, as dispatch holds it (full text). */
export interface CompletionReplyData {
  text: string;
  result: string;
  departmentName: string;
  repliedAt: Date;
  approvedAt: Date;
  contactedAt: Date | null;
}

/** Reads the reply of a case's completion from dispatch (a service-to-service call). */
export type ReplySource = (caseId: string, completedAt: Date) => Promise<CompletionReplyData>;

const QUERY = `query CompletionReply($caseId: ID!, $completedAt: DateTimeISO) {
  completionReply(caseId: $caseId, completedAt: $completedAt) { text result departmentName repliedAt approvedAt contactedAt }
}`;

export function dispatchReplySource(services: ServiceClient, dispatchGraphqlUrl: string): ReplySource {
  return async (caseId, completedAt) => {
    const data = await services.query<{ completionReply: Record<string, string | null> }>(dispatchGraphqlUrl, QUERY, {
      caseId,
      completedAt: completedAt.toISOString(),
    });
    const r = data.completionReply;
    return {
      text: String(r.text ?? ''),
      result: String(r.result ?? ''),
      departmentName: String(r.departmentName ?? ''),
      repliedAt: new Date(String(r.repliedAt)),
      approvedAt: new Date(String(r.approvedAt)),
      contactedAt: r.contactedAt ? new Date(r.contactedAt) : null,
    };
  };
}

const WHY: Record<ServiceCallError['reason'], string> = {
  NOT_CONFIGURED: '未配置服务凭据',
  TOKEN_REFUSED: '服务凭据被拒绝',
  UNREACHABLE: '派单服务暂不可达',
  ERROR_RESPONSE: '派单服务返回错误',
};

/**
 * Why the reply could not be read, for the bureau's screens: a coded, Chinese reason without
 * internal addresses or upstream messages (those go to the log only).
 */
export function replyFetchError(e: unknown): string {
  const why = e instanceof ServiceCallError ? WHY[e.reason] : '内部错误';
  return `读取答复全文失败：${why}，将自动重试`;
}
