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
    const data = await services.query<{ completionReply: Record<string, string | null> }>(dispatchGraphqlUrl, QUERY, { caseId, completedAt: completedAt.toISOString() });
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

/** A short, log-safe description of why the reply could not be read (never the reply itself). */
export function replyFetchError(e: unknown): string {
  const detail = e instanceof ServiceCallError ? `${e.reason}: ${e.message}` : (e as Error).message;
  return `读取答复全文失败（${detail}）`.slice(0, 300);
}
