import { describe, expect, it } from 'vitest';
import { dayjs } from '../../../shared/time';
import { toFilter } from './searchFilter';

describe('toFilter', () => {
  it('trims text and drops empty fields', () => {
    expect(toFilter({ externalNo: ' 2026 ', text: '', projectName: '  ', stage: undefined }, true)).toEqual({ externalNo: '2026' });
  });

  it('sends the phone only for roles that may search by it', () => {
    expect(toFilter({ phone: '138 1234 5678' }, true)).toEqual({ phone: '13812345678' });
    expect(toFilter({ phone: '13812345678' }, false)).toEqual({});
  });

  it('turns the date range into whole Beijing days, end exclusive', () => {
    const f = toFilter({ received: [dayjs('2026-03-01'), dayjs('2026-03-02')] }, false);
    expect(f).toEqual({ receivedFrom: '2026-02-28T16:00:00.000Z', receivedTo: '2026-03-02T16:00:00.000Z' });
  });
});
