import { describe, expect, it } from 'vitest';
import { DomainError } from '@hotline/service-kit';
import { assertNotMerged } from '../src/handling/handling-rules';

describe('并单: a merged case is handled through its master', () => {
  it('lets an unmerged case through', () => {
    expect(() => assertNotMerged({ externalNo: 'B-1' })).not.toThrow();
    expect(() => assertNotMerged({ externalNo: 'B-1', mergedIntoCaseId: null })).not.toThrow();
  });
  it('refuses any action on a merged case with CONFLICT CASE_MERGED, naming the master', () => {
    let err: unknown;
    try {
      assertNotMerged({ externalNo: 'B-1', mergedIntoCaseId: 'm-id', mergedIntoExternalNo: 'A-1' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'CONFLICT', reason: 'CASE_MERGED', details: { masterCaseId: 'm-id' } });
    expect((err as Error).message).toBe('工单 B-1 已并单至主工单 A-1，请办理主工单');
  });
});
