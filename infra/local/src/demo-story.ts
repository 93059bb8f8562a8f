/**
 * The demo's back half (演示流程): the twelve demo cases are received by intake's seed; this plays
 * the bureau's work on them through the gateway, as the demo users would from the web client —
 * 签收, 分转, 受理, 首次联系, 答复, 局审核 (办结), 回访 — so that a clean `npm start` shows every
 * queue with something in it, a case in 二次督办 and the month's three rates (三率) with figures.
 *
 * The plan is data (DEMO_STORY); `expectedDemoCounts` is its hand calculation under the default
 * scoring policy, checked by apps/gateway/test/demo-story.test.ts on the same plan.
 */

/** Where a demo case's story stops. */
export type DemoStep =
  | 'received' // 待签收: left in the duty workbench
  | 'signed' // 待分转
  | 'dispatched' // 待受理 in the department's inbox
  | 'accepted' // 办理中
  | 'replied' // 待局审核
  | 'completed'; // 已办结 → 待回访 (callback task open, nobody holds it)

export interface DemoCallback {
  resolved: boolean;
  satisfaction: 'satisfied' | 'basically' | 'dissatisfied';
  notes: string;
  /** 重办说明: required when unresolved or dissatisfied (the case goes into round 2, 二次督办). */
  explanation?: string;
}

export interface DemoStoryLine {
  /** Department code (identity's demo departments). */
  department: string;
  step: DemoStep;
  /** 首次联系 recorded before the reply (the 响应 clock). */
  contact?: boolean;
  /** The 回访 result of round 1, recorded by the 回访员 `callback`. */
  callback?: DemoCallback;
}

/** One line per demo case, in the order of intake's DEMO_CASES (DEMO-2026-0001 …). */
export const DEMO_STORY: readonly DemoStoryLine[] = [
  {
    department: 'housing',
    step: 'completed',
    contact: true,
    callback: { resolved: true, satisfaction: 'satisfied', notes: '市民表示已收到开发商书面交房方案，满意' },
  },
  { department: 'housing', step: 'accepted' },
  {
    department: 'sales',
    step: 'completed',
    contact: true,
    callback: { resolved: true, satisfaction: 'basically', notes: '首付款已退回，市民认为时间偏长，基本满意' },
  },
  { department: 'sales', step: 'dispatched' },
  {
    department: 'property',
    step: 'completed',
    contact: false,
    callback: { resolved: false, satisfaction: 'dissatisfied', notes: '市民不满意', explanation: '市民反映5号楼电梯本周仍停运两次，物业只做了临时处置' },
  },
  { department: 'property', step: 'completed', contact: true },
  { department: 'property', step: 'replied', contact: true },
  { department: 'construction', step: 'signed' },
  { department: 'construction', step: 'received' },
  { department: 'construction', step: 'received' },
  { department: 'quality', step: 'completed', contact: true },
  { department: 'municipal', step: 'completed', contact: true, callback: { resolved: true, satisfaction: 'satisfied', notes: '市民再次表示感谢' } },
];

export interface DemoCounts {
  cases: number;
  excluded: number;
  assessed: number;
  responded: number;
  answered: number;
  pending: number;
  resolved: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
}

/**
 * The hand calculation of a story's counts under the default policy (responded = first contact in
 * time and completed within the handling deadline; an answer counts once the citizen was reached;
 * a round 2 without its own answer yet keeps round 1's).
 */
export function expectedDemoCounts(story: readonly DemoStoryLine[] = DEMO_STORY): DemoCounts {
  const done = story.filter((s) => s.step === 'completed');
  const answered = done.filter((s) => s.callback);
  return {
    cases: done.length,
    excluded: 0,
    assessed: done.length,
    responded: done.filter((s) => s.contact).length,
    answered: answered.length,
    pending: done.length - answered.length,
    resolved: answered.filter((s) => s.callback!.resolved).length,
    satisfied: answered.filter((s) => s.callback!.satisfaction === 'satisfied').length,
    basicallySatisfied: answered.filter((s) => s.callback!.satisfaction === 'basically').length,
    dissatisfied: answered.filter((s) => s.callback!.satisfaction === 'dissatisfied').length,
  };
}

const ORDER: DemoStep[] = ['received', 'signed', 'dispatched', 'accepted', 'replied', 'completed'];
const reaches = (line: DemoStoryLine, step: DemoStep) => ORDER.indexOf(line.step) >= ORDER.indexOf(step);

interface GqlError {
  message: string;
  extensions?: { code?: string; reason?: string };
}

/** A logged-in user of the gateway. */
class DemoUser {
  private token = '';
  constructor(
    private readonly url: string,
    readonly username: string,
  ) {}

  async login(password: string): Promise<this> {
    const r = await this.call<{ login: { token: string } }>('mutation($u: String!, $p: String!) { login(username: $u, password: $p) { token } }', {
      u: this.username,
      p: password,
    });
    this.token = r.login.token;
    return this;
  }

  async call<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as { data?: T; errors?: GqlError[] };
    if (body.errors?.length) {
      const e = body.errors[0];
      throw new Error(`${this.username}: ${e.extensions?.code ?? '?'}/${e.extensions?.reason ?? '-'} ${e.message}`);
    }
    return body.data as T;
  }
}

/**
 * Services learn of each other's writes through events: a step that needs another service to have
 * read the previous one (dispatch knowing the signed case, the department seeing it, callback's
 * task) is tried again until it goes through, or the time is up (then its last error is thrown).
 */
async function retried<T>(what: string, fn: () => Promise<T | null | undefined>, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) throw new Error(`demo story: timed out on ${what}${last instanceof Error ? ` (${last.message})` : ''}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

export interface DemoCase {
  id: string;
  externalNo: string;
}

export interface PlayOptions {
  /** The gateway's GraphQL endpoint, e.g. http://localhost:4000/graphql. */
  graphqlUrl: string;
  /** The cases to play, in story order (as many as the story has lines). */
  cases: readonly DemoCase[];
  story?: readonly DemoStoryLine[];
  /** Demo password of the demo users. */
  password?: string;
  /** How long one step may wait for the services to catch up. */
  stepTimeoutMs?: number;
  progress?: (message: string) => void;
}

/** Plays the story on the given cases. Not idempotent: call it on cases that are still 待签收. */
export async function playDemoStory(opts: PlayOptions): Promise<void> {
  const story = opts.story ?? DEMO_STORY;
  if (opts.cases.length !== story.length) throw new Error(`the story has ${story.length} lines, ${opts.cases.length} cases were given`);
  const timeout = opts.stepTimeoutMs ?? 30_000;
  const say = opts.progress ?? (() => undefined);
  const password = opts.password ?? 'demo12345';
  const user = (name: string) => new DemoUser(opts.graphqlUrl, name).login(password);
  const duty = await user('duty');
  const agent = await user('callback');
  const depts = (await duty.call<{ departments: Array<{ id: string; code: string }> }>('{ departments { id code } }')).departments;
  const deptId = (code: string) => {
    const d = depts.find((x) => x.code === code);
    if (!d) throw new Error(`demo story: no department ${code}`);
    return d.id;
  };
  const handlers = new Map<string, DemoUser>();
  for (const code of new Set(story.filter((s) => reaches(s, 'dispatched')).map((s) => s.department))) handlers.set(code, await user(`handler-${code}`));
  const lines = story.map((line, i) => ({ line, c: opts.cases[i], handler: handlers.get(line.department)! }));
  const input = (mutation: string, type: string) => `mutation($i: ${type}!) { ${mutation}(input: $i) { id } }`;

  say('demo story: 签收 and 分转 (sign, dispatch)');
  for (const { line, c } of lines.filter((x) => reaches(x.line, 'signed'))) {
    await duty.call('mutation($id: ID!) { signCase(id: $id) { id } }', { id: c.id });
    if (reaches(line, 'dispatched')) {
      await retried(
        `dispatching ${c.externalNo}`,
        () => duty.call(input('dispatchCase', 'DispatchInput'), { i: { caseId: c.id, leadDepartmentId: deptId(line.department) } }),
        timeout,
      );
    }
  }
  say('demo story: the departments accept, call the citizens and reply');
  for (const { line, c, handler } of lines.filter((x) => reaches(x.line, 'accepted'))) {
    await retried(`accepting ${c.externalNo}`, () => handler.call(input('acceptCase', 'CaseActionInput'), { i: { caseId: c.id } }), timeout);
    if (line.contact) await handler.call(input('recordContact', 'ContactInput'), { i: { caseId: c.id, channel: 'phone' } });
    if (reaches(line, 'replied')) {
      await handler.call(input('replyCase', 'ReplyInput'), {
        i: { caseId: c.id, result: 'solved', text: '已核实情况并督促责任单位处理，处理结果已电话告知市民。' },
      });
    }
  }
  say('demo story: 局审核 approves (办结)');
  for (const { c } of lines.filter((x) => reaches(x.line, 'completed'))) {
    await duty.call(input('approveReply', 'ApproveReplyInput'), { i: { caseId: c.id } });
  }
  say('demo story: 回访 (callbacks)');
  for (const { line, c } of lines.filter((x) => x.line.step === 'completed' && x.line.callback)) {
    const cb = line.callback!;
    const taskId = await retried(
      `the callback task of ${c.externalNo}`,
      async () => {
        const r = await agent.call<{ case: { callbacks: Array<{ id: string; round: number }> } }>(
          'query($id: ID!) { case(id: $id) { callbacks { id round } } }',
          { id: c.id },
        );
        return r.case.callbacks.find((t) => t.round === 1)?.id;
      },
      timeout,
    );
    await agent.call('mutation($t: ID!) { assignCallbackTask(taskId: $t) { id } }', { t: taskId });
    await agent.call('mutation($i: CallbackAttemptInput!) { recordCallbackAttempt(input: $i) { id } }', { i: { taskId, outcome: 'reached' } });
    await agent.call('mutation($i: CallbackResultInput!) { recordCallbackResult(input: $i) { id } }', {
      i: { taskId, resolved: cb.resolved, satisfaction: cb.satisfaction, notes: cb.notes, explanation: cb.explanation ?? null },
    });
  }
  say('demo story: done');
}

/** The demo cases' external numbers (intake's seed). */
export const demoExternalNo = (i: number) => `DEMO-2026-${String(i + 1).padStart(4, '0')}`;

/**
 * For `npm start`: plays the story once, on a fresh demo (every demo case still 待签收); on a later
 * start, or when someone has already worked a demo case, it leaves the data as it is.
 */
export async function playDemoStoryOnce(graphqlUrl: string, progress: (m: string) => void): Promise<'played' | 'skipped'> {
  const duty = await new DemoUser(graphqlUrl, 'duty').login('demo12345');
  const found: DemoCase[] = [];
  for (let i = 0; i < DEMO_STORY.length; i++) {
    const externalNo = demoExternalNo(i);
    const r = await duty.call<{ searchCases: { items: Array<{ id: string; externalNo: string; stage: string }> } }>(
      'query($f: CaseSearchInput!) { searchCases(filter: $f, limit: 5) { items { id externalNo stage } } }',
      { f: { externalNo } },
    );
    const c = r.searchCases.items.find((x) => x.externalNo === externalNo);
    if (!c || c.stage !== 'received') return 'skipped';
    found.push({ id: c.id, externalNo });
  }
  await playDemoStory({ graphqlUrl, cases: found, progress });
  return 'played';
}
