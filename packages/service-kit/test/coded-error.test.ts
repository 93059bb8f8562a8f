import { describe, expect, it } from 'vitest';
import { COMMON_ERRORS, DISPATCH_ERRORS, IDENTITY_ERRORS } from '@hotline/contracts';
import { codedError, DomainError, formatError, inspectArchive, pageRequest } from '../src';

describe('codedError: a refusal from a reason list', () => {
  it('carries the entry’s code and reason, and its message with the values filled in', () => {
    const e = codedError(DISPATCH_ERRORS.WRONG_STAGE, { externalNo: 'A-1', stage: '已办结', action: '答复' }, { caseId: 'c1' });
    expect(e).toBeInstanceOf(DomainError);
    expect([e.code, e.reason, e.message, e.details]).toEqual(['CONFLICT', 'WRONG_STAGE', '工单 A-1 当前为「已办结」，不能答复', { caseId: 'c1' }]);
    const answered = formatError(() => undefined)({ message: 'x' }, e);
    expect(answered.extensions).toEqual({ code: 'CONFLICT', reason: 'WRONG_STAGE', details: { caseId: 'c1' } });
    expect(answered.message).toBe('工单 A-1 当前为「已办结」，不能答复');
  });

  it('an entry that names another reason answers with that reason (a second wording)', () => {
    const e = codedError(IDENTITY_ERRORS.ACCOUNT_DISABLED);
    expect([e.code, e.reason, e.message]).toEqual(['UNAUTHENTICATED', 'INVALID_CREDENTIALS', '账号已停用，请联系管理员']);
    expect(() => pageRequest(0, 500)).toThrow(expect.objectContaining({ reason: 'PAGE_INVALID', message: '每页条数须在 1 到 200 之间' }));
  });

  it('the kit’s archive check refuses with the common list’s entries', () => {
    const v = inspectArchive(Buffer.from('not a zip'));
    expect(v).toMatchObject({ ok: false, reason: COMMON_ERRORS.ARCHIVE_MALFORMED.reason, message: COMMON_ERRORS.ARCHIVE_MALFORMED.message });
    expect(v.ok === false && v.error.code).toBe('BAD_USER_INPUT');
  });

  it('a message’s values are typed (npm test type-checks this file: each @ts-expect-error must be met)', () => {
    // @ts-expect-error the message needs {maxDays}
    const missing = () => codedError(DISPATCH_ERRORS.EXTENSION_TOO_LONG);
    // @ts-expect-error {days} is not one of the message's values
    const misspelt = () => codedError(DISPATCH_ERRORS.EXTENSION_TOO_LONG, { days: 3 });
    expect(missing().message).toBe('一次延期最多 {maxDays} 天');
    expect(misspelt().message).toBe('一次延期最多 {maxDays} 天');
    expect(codedError(DISPATCH_ERRORS.EXTENSION_TOO_LONG, { maxDays: 3 }).message).toBe('一次延期最多 3 天');
  });
});
