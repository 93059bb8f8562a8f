import { describe, expect, it } from 'vitest';
import { createEvent, findPersonalData } from '@hotline/contracts';
import { eventText, shownText } from '../src/privacy/public-text';

describe('free text shown through the API', () => {
  it('masks phone and resident-ID numbers, keeps the rest, passes null through', () => {
    expect(shownText('已电话联系市民13812345678，身份证110101199001011234已核实')).toBe('已电话联系市民138****5678，身份证110***********1234已核实');
    expect(shownText('座机010-87654321')).toBe('座机010-****21');
    expect(shownText('已解决')).toBe('已解决');
    expect(shownText(null)).toBeNull();
    expect(shownText(undefined)).toBeNull();
  });
});

describe('free text carried by events', () => {
  it('masks numbers and keeps what fits in 200 characters', () => {
    expect(eventText('权责清单：延期交房属房屋交付科，联系人 13812345678')).toBe('权责清单：延期交房属房屋交付科，联系人 138****5678');
    expect(eventText('  多余   空白  ')).toBe('多余 空白');
    const long = '很'.repeat(300);
    expect(eventText(long)).toHaveLength(200);
    expect(eventText(long, 60)).toHaveLength(60);
  });
  it('never leaves a number the contracts would refuse, even where the cut makes one', () => {
    // 12 digits are no phone number; cut after 11 of them, they would read like one.
    const cut = eventText(`${'说'.repeat(189)}138123456789`, 200);
    expect(cut).toHaveLength(200);
    expect(findPersonalData(cut)).toBeUndefined();
    for (const t of ['13812345678', '+86 138 1234 5678', '110101199001011234', '010-87654321', `${'字'.repeat(195)}0108765432199`]) {
      expect(findPersonalData(eventText(t))).toBeUndefined();
    }
  });
  it('keeps UTF-16 length within the limit when the text has characters outside the BMP', () => {
    const s = eventText('😀'.repeat(150), 200);
    expect(s.length).toBeLessThanOrEqual(200);
  });
  it('lets an event that carries a basis with a phone number be created', () => {
    const e = createEvent({
      type: 'hotline.case.returned',
      source: 'dispatch',
      actor: { system: 'test' },
      caseId: '00000000-0000-4000-8000-000000000001',
      data: {
        externalNo: 'X-1',
        departmentId: 'd',
        reasonCode: 'wrong-department',
        basis: eventText('市民电话13812345678，不属本科室'),
        heldMinutes: 0,
        returnedAt: new Date().toISOString(),
      },
    });
    expect(e.data.basis).toBe('市民电话138****5678，不属本科室');
  });
});
