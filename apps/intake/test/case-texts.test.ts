import { describe, expect, it } from 'vitest';
import { maskCaseText } from '../src/cases/case-texts.resolver';

describe('the whole text routing reads (工单全文，已脱敏)', () => {
  const c = { citizenName: '王建国', citizenPhone: '139-1234-5678', address: '荣华中路15号院3号楼2单元502' };

  it('masks the case’s own name, phone and address where the text repeats them, and numbers by pattern', () => {
    const text = '我叫王建国，住荣华中路15号院3号楼2单元502，电话13912345678，邻居电话13800001111，楼上漏水。';
    const out = maskCaseText(c, text);
    for (const secret of ['王建国', '13912345678', '13800001111', '荣华中路15号院3号楼2单元502']) expect(out).not.toContain(secret);
    expect(out).toContain('我叫***'); // the platform's redaction (packages/contracts) leaves not even the surname
    expect(out).toContain('楼上漏水');
  });

  it('leaves a text without personal data as it is, and ignores one-character names', () => {
    expect(maskCaseText(c, '小区电梯停运三天。')).toBe('小区电梯停运三天。');
    expect(maskCaseText({ citizenName: '王', citizenPhone: '', address: null }, '王府井的路灯不亮')).toBe('王府井的路灯不亮');
  });
});
