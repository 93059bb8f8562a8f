import { eventually, GraphQLClient, GraphQLResponse } from '@hotline/testing';
import { departmentId, receiveAndSign } from './helpers';

/** Helpers for the dispatch e2e tests (department work, review, routing). */

export const CASE_VIEW = `id dispatchDueAt
  assignment { leadDepartmentId assistDepartmentIds deadlineAt status }
  handling { state version acceptedAt contactedAt contactChannel completedAt returnCount inboxBucket }
  replies { result text reviewStatus reviewNote scriptId }
  assistTasks { departmentId status reportText }
  extensions { id status reason requestedUntil decisionNote }
  assignmentHistory { kind fromDepartmentId toDepartmentId heldMinutes heldSeconds reasonCode reason byRole at suggestionSource }`;

export interface CaseView {
  id: string;
  dispatchDueAt: string | null;
  assignment: { leadDepartmentId: string; assistDepartmentIds: string[]; deadlineAt: string | null; status: string } | null;
  handling: {
    state: string;
    version: number;
    acceptedAt: string | null;
    contactedAt: string | null;
    contactChannel: string | null;
    completedAt: string | null;
    returnCount: number;
    inboxBucket: string | null;
  } | null;
  replies: Array<{ result: string; text: string; reviewStatus: string; reviewNote: string | null; scriptId: string | null }>;
  assistTasks: Array<{ departmentId: string; status: string; reportText: string | null }>;
  extensions: Array<{ id: string; status: string; reason: string; requestedUntil: string; decisionNote: string | null }>;
  assignmentHistory: Array<{
    kind: string;
    fromDepartmentId: string | null;
    toDepartmentId: string | null;
    heldMinutes: number | null;
    heldSeconds: number | null;
    reasonCode: string | null;
    reason: string | null;
    byRole: string;
    at: string;
    suggestionSource: string | null;
  }>;
}

/** Reads a case's dispatch fields as `client` sees them. */
export async function view(client: GraphQLClient, caseId: string): Promise<CaseView> {
  const r = await client.request<{ case: CaseView }>(`query($id: ID!) { case(id: $id) { ${CASE_VIEW} } }`, { id: caseId });
  return r.case;
}

/** Runs a mutation taking `input` and returning the case; the raw answer, errors included. */
export function act(
  client: GraphQLClient,
  mutation: string,
  inputType: string,
  input: Record<string, unknown>,
): Promise<GraphQLResponse<Record<string, CaseView>>> {
  return client.raw(`mutation($i: ${inputType}!) { ${mutation}(input: $i) { ${CASE_VIEW} } }`, { i: input });
}

/** Like `act`, but throws on errors and returns the case. */
export async function must(client: GraphQLClient, mutation: string, inputType: string, input: Record<string, unknown>): Promise<CaseView> {
  const r = await act(client, mutation, inputType, input);
  if (r.errors?.length) throw new Error(`${mutation}: ${r.errors.map((e) => `${e.extensions?.code}/${e.extensions?.reason}: ${e.message}`).join('; ')}`);
  return r.data![mutation];
}

/** The error code and reason of a refused call. */
export const refusal = (r: GraphQLResponse<unknown>) => ({ code: r.errors?.[0]?.extensions?.code, reason: r.errors?.[0]?.extensions?.reason });

export async function departments(client: GraphQLClient): Promise<Record<string, string>> {
  const codes = ['property', 'housing', 'sales', 'construction', 'planning', 'quality', 'municipal', 'office'];
  const ids = await Promise.all(codes.map((c) => departmentId(client, c)));
  return Object.fromEntries(codes.map((c, i) => [c, ids[i]]));
}

/** Receives, signs and dispatches a case; waits until the lead's handler sees it (dispatch's inbox and intake's case). */
export async function dispatched(
  duty: GraphQLClient,
  lead: { client: GraphQLClient; id: string },
  opts: { assists?: string[]; over?: Record<string, unknown> } = {},
): Promise<{ id: string; externalNo: string }> {
  const c = await receiveAndSign(duty, opts.over);
  await must(duty, 'dispatchCase', 'DispatchInput', { caseId: c.id, leadDepartmentId: lead.id, assistDepartmentIds: opts.assists ?? [] });
  await eventually(
    async () =>
      (await lead.client.request<{ departmentInbox: Array<{ id: string }> }>('{ departmentInbox { id } }')).departmentInbox.some((x) => x.id === c.id),
    { what: `case ${c.externalNo} in the lead department's inbox` },
  );
  // intake opens the case to the department once it has read the dispatch (eventually consistent).
  await eventually(async () => !(await lead.client.raw('query($id: ID!) { case(id: $id) { id } }', { id: c.id })).errors, {
    what: `case ${c.externalNo} visible to the lead department`,
  });
  return c;
}

/** intake's stage of a case, once it equals `stage` (intake follows dispatch's events). */
export function intakeStage(client: GraphQLClient, caseId: string, stage: string) {
  return eventually(
    async () => {
      const r = await client.request<{ case: { stage: string } }>('query($id: ID!) { case(id: $id) { stage } }', { id: caseId });
      return r.case.stage === stage && r.case.stage;
    },
    { what: `intake stage ${stage}` },
  );
}
