import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HEAP_MB, DEFAULT_POLICY, heapBudget, nextRestart, Stack, startStack } from '../src';

describe('the restart rule', () => {
  const policy = { initialBackoffMs: 500, maxBackoffMs: 4_000, windowMs: 60_000, maxCrashes: 3 };
  it('waits longer after each crash in the window, up to the maximum', () => {
    expect(nextRestart([1_000], 1_000, policy)).toEqual({ waitMs: 500 });
    expect(nextRestart([1_000, 2_000], 2_000, policy)).toEqual({ waitMs: 1_000 });
    expect(nextRestart([1_000, 2_000, 3_000], 3_000, policy)).toEqual({ waitMs: 2_000 });
  });
  it('forgets crashes older than the window', () => {
    expect(nextRestart([0, 1_000, 2_000, 100_000], 100_000, policy)).toEqual({ waitMs: 500 });
  });
  it('gives up after more than maxCrashes within the window', () => {
    expect(nextRestart([1, 2, 3, 4], 4, policy)).toBe('give-up');
    expect(nextRestart([1, 2, 3, 4], 4, { ...policy, maxCrashes: 4 })).toEqual({ waitMs: 4_000 });
  });
  it('the default policy tolerates a few crashes a minute', () => {
    expect(DEFAULT_POLICY.maxCrashes).toBeGreaterThanOrEqual(3);
  });
});

/** A minimal GraphQL call through the gateway (infra/local cannot depend on @hotline/testing, which depends on it). */
async function gql<T>(url: string, token: string | undefined, query: string, variables?: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: T; errors?: Array<{ message: string }> };
  if (body.errors?.length) throw new Error(body.errors.map((e) => e.message).join('; '));
  return body.data as T;
}

async function eventually<T>(fn: () => Promise<T | undefined | false>, what: string, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('the memory budget of a service', () => {
  it('takes <NAME>_HEAP_MB over SERVICE_HEAP_MB over the default; 0 leaves it to Node', () => {
    expect(heapBudget('intake', {})).toEqual([`--max-old-space-size=${DEFAULT_HEAP_MB}`]);
    expect(heapBudget('intake', { SERVICE_HEAP_MB: '256' })).toEqual(['--max-old-space-size=256']);
    expect(heapBudget('intake', { SERVICE_HEAP_MB: '256', INTAKE_HEAP_MB: '512' })).toEqual(['--max-old-space-size=512']);
    expect(heapBudget('gateway', { INTAKE_HEAP_MB: '512' })).toEqual([`--max-old-space-size=${DEFAULT_HEAP_MB}`]);
    expect(heapBudget('intake', { SERVICE_HEAP_MB: '0' })).toEqual([]);
  });
  it('refuses what is not a whole number of MB', () => {
    expect(() => heapBudget('intake', { INTAKE_HEAP_MB: 'lots' })).toThrow(/INTAKE_HEAP_MB/);
    expect(() => heapBudget('intake', { SERVICE_HEAP_MB: '-1' })).toThrow(/SERVICE_HEAP_MB/);
  });
});

describe('the local run supervises its processes', () => {
  let stack: Stack;
  let dataDir: string;
  const said: string[] = [];

  beforeAll(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-supervise-'));
    fs.chmodSync(dataDir, 0o755); // the postgres user must be able to enter it when we run as root
    stack = await startStack({
      rootDir: path.resolve(__dirname, '..', '..', '..'),
      dataDir,
      persistent: false,
      seedDemo: true,
      ports: 'free',
      env: { NODE_ENV: 'test', LOG_LEVEL: 'warn' },
      restartPolicy: { initialBackoffMs: 200, maxBackoffMs: 2_000, windowMs: 60_000, maxCrashes: 3 },
      progress: (m) => said.push(m),
    });
  });
  afterAll(async () => {
    await stack?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('kill -9 of intake while dispatch keeps working: intake comes back by itself and its timeline gets each missed event exactly once', async () => {
    const url = stack.gatewayUrl;
    const { login } = await gql<{ login: { token: string } }>(url, undefined, 'mutation { login(username: "duty", password: "demo12345") { token } }');
    const duty = login.token;
    const { departments } = await gql<{ departments: Array<{ id: string; code: string }> }>(url, duty, '{ departments { id code } }');
    const property = departments.find((d) => d.code === 'property')!.id;

    // 24 signed cases that dispatch knows.
    const run = randomUUID().slice(0, 6);
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) {
      const { receiveCase } = await gql<{ receiveCase: { id: string } }>(url, duty, 'mutation($i: ReceiveCaseInput!) { receiveCase(input: $i) { id } }', {
        i: {
          externalNo: `SUP-${run}-${i}`,
          citizenName: '李四',
          citizenPhone: '13900000000',
          address: '北京市经济技术开发区科创六街1号',
          title: `路灯不亮 ${i}`,
          content: '小区门口路灯不亮已经一周，夜间出行不便。',
          requestType: 'complaint',
          topic: '物业',
        },
      });
      ids.push(receiveCase.id);
    }
    await gql(url, duty, 'mutation($ids: [ID!]!) { signCases(ids: $ids) { id } }', { ids });

    // Dispatch them one by one (light load); intake is killed after the eighth. Dispatching
    // needs only dispatch, so it goes on while intake is down; intake's timeline consumer misses
    // the events and must catch up once it is back — without applying any of them twice.
    const intakePid = stack.subgraphs.intake.pid!;
    for (let i = 0; i < ids.length; i++) {
      await eventually(
        () =>
          gql(url, duty, 'mutation($i: DispatchInput!) { dispatchCase(input: $i) { id } }', { i: { caseId: ids[i], leadDepartmentId: property } }).then(
            () => true,
          ),
        `dispatch of case ${i}`,
        30_000,
      );
      if (i === 7) process.kill(intakePid, 'SIGKILL');
      await new Promise((r) => setTimeout(r, 50));
    }

    await eventually(async () => stack.subgraphs.intake.restarts >= 1 && stack.subgraphs.intake.pid !== intakePid, 'intake restarted');
    expect(said.some((m) => m.startsWith('intake exited unexpectedly'))).toBe(true);
    expect(said.some((m) => m.startsWith('intake is back'))).toBe(true);

    for (const id of ids) {
      const c = await eventually(async () => {
        const r = await gql<{ case: { stage: string; timeline: Array<{ type: string }> } }>(
          url,
          duty,
          'query($id: ID!) { case(id: $id) { stage timeline { type } } }',
          { id },
        );
        return r.case.stage === 'dispatched' ? r.case : undefined;
      }, `case ${id} dispatched in intake`);
      const count = (type: string) => c.timeline.filter((e) => e.type === type).length;
      expect([count('hotline.case.received'), count('hotline.case.signed'), count('hotline.case.dispatched')], `timeline of ${id}`).toEqual([1, 1, 1]);
    }
    // The whole stack stayed up: nothing gave up.
    expect(said.some((m) => m.includes('giving up'))).toBe(false);
  });
});
