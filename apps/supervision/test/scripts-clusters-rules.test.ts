import { describe, expect, it } from 'vitest';
import type { DomainError } from '@hotline/service-kit';
import { DEFAULT_CLUSTER_THRESHOLDS, distinctCallers, placeOf, thresholdReached, windowStart } from '../src/clusters/cluster-rules';
import { assertApprovable, assertPublishable, assertRevisable } from '../src/scripts/script-rules';

const key = (n: number) => n.toString(16).padStart(64, '0');
const cases = (n: number, callers = n) => Array.from({ length: n }, (_, i) => ({ callerKey: i < callers ? key(i) : null }));
const t = { burstMinCases: 4, burstWindowHours: 24, groupMinCallers: 3, groupWindowHours: 48 };

describe('cluster thresholds', () => {
  const counts = (cs: ReturnType<typeof cases>) => ({ cases: cs.length, callers: distinctCallers(cs) });

  it('a burst (爆发性) forms at the case count, not one below', () => {
    expect(thresholdReached('burst', counts(cases(3)), t)).toBe(false);
    expect(thresholdReached('burst', counts(cases(4)), t)).toBe(true);
    // anonymous cases count toward a burst
    expect(thresholdReached('burst', counts(cases(4, 0)), t)).toBe(true);
  });

  it('a group request (群体性) counts distinct callers: one caller calling many times is not a group', () => {
    expect(distinctCallers([...cases(2), ...cases(2)])).toBe(2);
    expect(thresholdReached('group', counts([...cases(2), ...cases(2)]), t)).toBe(false);
    expect(thresholdReached('group', counts(cases(3)), t)).toBe(true);
    expect(thresholdReached('group', counts(cases(10, 2)), t)).toBe(false);
  });

  it('the window is per kind', () => {
    const at = new Date('2026-12-05T10:00:00+08:00');
    expect(windowStart('burst', at, t).toISOString()).toBe('2026-12-04T02:00:00.000Z');
    expect(windowStart('group', at, t).toISOString()).toBe('2026-12-03T02:00:00.000Z');
  });

  it('the place is the project, else the community; none is not clustered', () => {
    expect(placeOf({ projectName: ' 阳光花园 ', community: '东湖社区' })).toBe('阳光花园');
    expect(placeOf({ projectName: null, community: '东湖社区' })).toBe('东湖社区');
    expect(placeOf({})).toBeNull();
  });

  it('has defaults to confirm with the bureau', () => {
    expect(DEFAULT_CLUSTER_THRESHOLDS).toEqual({ burstMinCases: 5, burstWindowHours: 72, groupMinCallers: 5, groupWindowHours: 168 });
  });
});

describe('script versions', () => {
  const code = (f: () => void) => {
    try {
      f();
      return null;
    } catch (e) {
      return (e as DomainError).reason;
    }
  };

  it('only an approved version is published', () => {
    expect(code(() => assertPublishable('draft'))).toBe('SCRIPT_NOT_APPROVED');
    expect(code(() => assertPublishable('retired'))).toBe('SCRIPT_NOT_APPROVED');
    expect(code(() => assertPublishable('published'))).toBe('SCRIPT_ALREADY_PUBLISHED');
    expect(code(() => assertPublishable('approved'))).toBeNull();
  });

  it('only a draft is approved', () => {
    expect(code(() => assertApprovable('draft'))).toBeNull();
    expect(code(() => assertApprovable('approved'))).toBe('SCRIPT_NOT_DRAFT');
  });

  it('a new version waits until no unpublished one is pending', () => {
    expect(code(() => assertRevisable(['published', 'retired']))).toBeNull();
    expect(code(() => assertRevisable(['draft', 'published']))).toBe('SCRIPT_DRAFT_PENDING');
    expect(code(() => assertRevisable(['approved']))).toBe('SCRIPT_DRAFT_PENDING');
  });
});
