import { describe, expect, it } from 'vitest';
import type { AuthUser } from '@hotline/service-kit';
import {
  assertAssist,
  assertAssistsClosed,
  assertLead,
  assertStage,
  assertVersion,
  checkExtensionRequest,
  heldMinutes,
  heldSeconds,
  inboxBucketOf,
} from '../src/handling/handling-rules';

const handler = (departmentId: string): AuthUser => ({ id: 'u', username: 'h', displayName: 'h', role: 'handler', departmentId });
const routed = { leadDepartmentId: 'lead', assistDepartmentIds: ['help'], departmentIds: () => ['lead', 'help'] };
const codeOf = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return `${(e as { code: string }).code}/${(e as { reason: string }).reason}`;
  }
};

describe('the department-work state machine', () => {
  it('allows each action only from its stages', () => {
    const c = (stage: Parameters<typeof assertStage>[1]['stage']) => ({ stage, externalNo: 'X' });
    expect(codeOf(() => assertStage('accept', c('dispatched')))).toBe('ok');
    expect(codeOf(() => assertStage('accept', c('accepted')))).toBe('CONFLICT/WRONG_STAGE');
    expect(codeOf(() => assertStage('reply', c('accepted')))).toBe('ok');
    expect(codeOf(() => assertStage('reply', c('replied')))).toBe('CONFLICT/WRONG_STAGE');
    expect(codeOf(() => assertStage('return', c('replied')))).toBe('CONFLICT/WRONG_STAGE');
    expect(codeOf(() => assertStage('review', c('replied')))).toBe('ok');
    expect(codeOf(() => assertStage('review', c('completed')))).toBe('CONFLICT/WRONG_STAGE');
    expect(codeOf(() => assertStage('redispatch', c('signed')))).toBe('CONFLICT/WRONG_STAGE');
  });
  it('tells the lead, an assist and an outsider apart: ok, FORBIDDEN, NOT_FOUND', () => {
    expect(codeOf(() => assertLead(handler('lead'), routed))).toBe('ok');
    expect(codeOf(() => assertLead(handler('help'), routed))).toBe('FORBIDDEN/NOT_LEAD_DEPARTMENT');
    expect(codeOf(() => assertLead(handler('other'), routed))).toBe('NOT_FOUND/NOT_FOUND');
    expect(codeOf(() => assertAssist(handler('help'), routed))).toBe('ok');
    expect(codeOf(() => assertAssist(handler('lead'), routed))).toBe('FORBIDDEN/NOT_ASSIST_DEPARTMENT');
  });
  it('refuses a stale expected version and accepts none', () => {
    expect(codeOf(() => assertVersion({ version: 3 }, 2))).toBe('CONFLICT/STALE_VERSION');
    expect(codeOf(() => assertVersion({ version: 3 }, 3))).toBe('ok');
    expect(codeOf(() => assertVersion({ version: 3 }, undefined))).toBe('ok');
  });
  it('lets the lead reply only when every assist has reported', () => {
    expect(
      codeOf(() =>
        assertAssistsClosed([
          { departmentId: 'a', status: 'reported' },
          { departmentId: 'b', status: 'withdrawn' },
        ]),
      ),
    ).toBe('ok');
    expect(codeOf(() => assertAssistsClosed([{ departmentId: 'a', status: 'open' }]))).toBe('CONFLICT/ASSIST_OPEN');
  });
});

describe('clocks', () => {
  const t0 = new Date('2026-11-25T09:00:00+08:00');
  const at = (min: number) => new Date(t0.getTime() + min * 60_000);
  it('charges whole minutes (and seconds) held to the department', () => {
    expect(heldMinutes(t0, at(89.9))).toBe(89);
    expect(heldSeconds(t0, at(1.5))).toBe(90);
    expect(heldMinutes(at(5), t0)).toBe(0);
  });
  it('takes an extension only before the deadline, later than it, within 30 days', () => {
    const deadline = at(600);
    expect(checkExtensionRequest(at(10), deadline, at(2000))).toEqual(deadline);
    expect(codeOf(() => checkExtensionRequest(at(600), deadline, at(2000)))).toBe('CONFLICT/DEADLINE_PASSED');
    expect(codeOf(() => checkExtensionRequest(at(10), deadline, at(600)))).toBe('BAD_USER_INPUT/EXTENSION_NOT_LATER');
    // A time already past (a mistyped date) is refused as such, not taken as some other date.
    expect(codeOf(() => checkExtensionRequest(at(10), deadline, at(5)))).toBe('BAD_USER_INPUT/EXTENSION_IN_PAST');
    expect(codeOf(() => checkExtensionRequest(at(10), deadline, at(10)))).toBe('BAD_USER_INPUT/EXTENSION_IN_PAST');
    expect(codeOf(() => checkExtensionRequest(at(10), deadline, at(600 + 31 * 1440)))).toBe('BAD_USER_INPUT/EXTENSION_TOO_LONG');
    expect(codeOf(() => checkExtensionRequest(at(10), null, at(2000)))).toBe('CONFLICT/NO_DEADLINE');
  });
  it('sorts a held case into new / in progress / due soon (last 20%) / overdue', () => {
    const c = (stage: 'dispatched' | 'accepted' | 'replied') => ({ stage, dispatchedAt: t0, handleDeadlineAt: at(100) });
    expect(inboxBucketOf(c('dispatched'), at(10))).toBe('new');
    expect(inboxBucketOf(c('accepted'), at(10))).toBe('inProgress');
    expect(inboxBucketOf(c('accepted'), at(80))).toBe('dueSoon');
    expect(inboxBucketOf(c('dispatched'), at(101))).toBe('overdue');
    expect(inboxBucketOf(c('replied'), at(101))).toBe('inProgress'); // waiting for review, not the department's delay
  });
});
