import { eventually, GraphQLClient } from '@hotline/testing';
import { dispatched, must } from './dispatch-helpers';

/** Helpers for the callback e2e tests (回访, 二次督办, 三率). */

export const TASK = `id round status dueAt attempts nextAttemptAt heldByMe externalNo topic completedAt
  assignee { id } department { id }
  attemptLog { attempt outcome note nextAttemptAt }
  result { round reached resolved satisfaction notes }
  official { round reached resolved satisfaction }`;

export interface Task {
  id: string;
  round: number;
  status: string;
  dueAt: string;
  attempts: number;
  nextAttemptAt: string | null;
  heldByMe: boolean;
  externalNo: string;
  topic: string;
  completedAt: string;
  assignee: { id: string } | null;
  department: { id: string } | null;
  attemptLog: Array<{ attempt: number; outcome: string; note: string | null; nextAttemptAt: string | null }>;
  result: { round: number; reached: boolean; resolved: boolean | null; satisfaction: string | null; notes: string | null } | null;
  official: { round: number; reached: boolean; resolved: boolean | null; satisfaction: string | null } | null;
}

export const SUPERVISION = 'id round status outcome trigger reason dueAt openedAt closedAt department { id }';
export interface Supervision {
  id: string;
  round: number;
  status: string;
  outcome: string | null;
  trigger: string;
  reason: string;
  dueAt: string;
  openedAt: string;
  closedAt: string | null;
  department: { id: string } | null;
}

export async function callbacks(client: GraphQLClient, caseId: string): Promise<{ callbacks: Task[]; supervisions: Supervision[]; handlingRound: number }> {
  const r = await client.request<{ case: { callbacks: Task[]; supervisions: Supervision[]; handlingRound: number } }>(
    `query($id: ID!) { case(id: $id) { handlingRound callbacks { ${TASK} } supervisions { ${SUPERVISION} } } }`,
    { id: caseId },
  );
  return r.case;
}

/** Waits for the callback task of a round (created when callback reads the 办结). */
export function taskOf(client: GraphQLClient, caseId: string, round: number): Promise<Task> {
  return eventually(async () => (await callbacks(client, caseId)).callbacks.find((t) => t.round === round), {
    what: `the round-${round} callback task`,
  });
}

/** Accepts (unless already), optionally records the first contact, replies and approves: the case is completed. */
export async function complete(duty: GraphQLClient, handler: GraphQLClient, caseId: string, opts: { contact?: boolean; accept?: boolean } = {}) {
  if (opts.accept !== false) await must(handler, 'acceptCase', 'CaseActionInput', { caseId });
  if (opts.contact) await must(handler, 'recordContact', 'ContactInput', { caseId, channel: 'phone' });
  await must(handler, 'replyCase', 'ReplyInput', { caseId, result: 'solved', text: '已协调物业公司处理完毕，并电话告知市民。' });
  await must(duty, 'approveReply', 'ApproveReplyInput', { caseId });
}

/** A case received, dispatched to the lead and completed; its first callback task. */
export async function completedCase(
  duty: GraphQLClient,
  lead: { client: GraphQLClient; id: string },
  agent: GraphQLClient,
  over: Record<string, unknown>,
  opts: { contact?: boolean } = {},
) {
  const c = await dispatched(duty, lead, { over });
  await complete(duty, lead.client, c.id, opts);
  const task = await taskOf(agent, c.id, 1);
  return { ...c, task };
}

export const ATTEMPT = `mutation($i: CallbackAttemptInput!) { recordCallbackAttempt(input: $i) { ${TASK} } }`;
export const RESULT = `mutation($i: CallbackResultInput!) { recordCallbackResult(input: $i) { ${TASK} } }`;
export const CLAIM = `mutation($t: ID!) { assignCallbackTask(taskId: $t) { ${TASK} } }`;
export const REVEAL = 'mutation($id: ID!, $r: String!) { revealCitizen(caseId: $id, reason: $r) { phone } }';

/** The assessment period of now under a cut-off day (the default: from the 19th), as the policy defines it. */
export function currentPeriod(cutoffDay: number | null, now = new Date()): string {
  const b = new Date(now.getTime() + 8 * 3_600_000); // Beijing
  let y = b.getUTCFullYear();
  let m = b.getUTCMonth() + 1;
  if (cutoffDay && b.getUTCDate() >= cutoffDay) {
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  return `${y}-${String(m).padStart(2, '0')}`;
}
