import { describe, expect, it } from 'vitest';
import { maskAddress, maskName, maskPhone } from './mask';

describe('maskName', () => {
  it('keeps only the first character', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('李小龙')).toBe('李**');
    expect(maskName('欧阳娜娜')).toBe('欧***');
  });

  it('is idempotent on names the API already masked', () => {
    expect(maskName('张*')).toBe('张*');
    expect(maskName(maskName('王二小'))).toBe('王**');
  });

  it('handles empty and one-character input', () => {
    expect(maskName('')).toBe('');
    expect(maskName(null)).toBe('');
    expect(maskName(undefined)).toBe('');
    expect(maskName('王')).toBe('*');
    expect(maskName('  赵六  ')).toBe('赵*');
  });
});

describe('maskPhone', () => {
  it('masks the middle four digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('is idempotent on numbers the API already masked', () => {
    expect(maskPhone('138****5678')).toBe('138****5678');
  });

  it('masks landlines and short numbers without revealing them', () => {
    expect(maskPhone('010-67881234')).toBe('010*****1234');
    expect(maskPhone('12345')).toBe('***45');
    expect(maskPhone('12')).toBe('**');
    expect(maskPhone('')).toBe('');
    expect(maskPhone(null)).toBe('');
    expect(maskPhone('138 1234 5678')).toBe('138****5678');
  });
});

describe('maskAddress', () => {
  it('keeps the start of the address only', () => {
    expect(maskAddress('北京市大兴区荣华南路10号院3号楼')).toBe('北京市大兴区****');
    expect(maskAddress('荣华南路')).toBe('荣华****');
    expect(maskAddress('')).toBe('');
  });
});
