import { describe, expect, it } from 'vitest';
import { containsPersonalNumber, knownOf, redactedDigest, redactText } from '../src';

const known = { name: '王建国', phones: ['13912345678', '010-67881234'], address: '北京市经济技术开发区荣华中路15号3单元502室' };

/** None of these may survive redaction of a text that carries them. */
const secrets = ['王建国', '13912345678', '67881234', '15号3单元502', '502室', '110101199003071234'];
const leaks = (s: string) => secrets.filter((x) => s.includes(x));

describe("redactText: the case's own values", () => {
  it("removes the issue's example sentence: name, door number, both phones", () => {
    const title = '王建国反映荣华中路15号3单元502漏水';
    const content = '我叫王建国，住荣华中路15号3单元502室，楼上漏水三天了，请联系13912345678或者010-67881234。';
    const t = redactText(title, known);
    const c = redactText(content, known);
    expect(leaks(t)).toEqual([]);
    expect(leaks(c)).toEqual([]);
    expect(t).toBe('***反映荣华中路****漏水');
    expect(c).toContain('我叫***');
    expect(c).toContain('楼上漏水三天了');
    expect(c).toContain('139****5678');
  });

  it('removes the surname + 先生/女士 forms and the name wherever it is', () => {
    expect(redactText('请王先生下午接电话，王建国本人同意', known)).toBe('请*先生下午接电话，***本人同意');
    expect(redactText('欧阳娜娜说欧阳女士不在家', { name: '欧阳娜娜' })).toBe('****说**女士不在家');
  });

  it('removes every phone given, in any spacing, ASCII or full-width', () => {
    expect(redactText('电话139 1234 5678', known)).not.toMatch(/1234|5678 /);
    expect(redactText('回电１３９１２３４５６７８', known)).not.toMatch(/[０-９]{5}/);
    expect(redactText('座机 6788-1234', { phones: ['67881234'] })).not.toContain('1234');
  });

  it('removes the address, its local part and its door part', () => {
    const r = redactText('地点：荣华中路15号3单元502室；北京市经济技术开发区荣华中路15号3单元502室', known);
    expect(leaks(r)).toEqual([]);
    expect(redactText('博兴六路8号门口', { address: '北京市经济技术开发区博兴六路8号' })).toBe('****门口');
  });

  it("masks each case's own values only, however often the same values were seen before (the patterns are kept)", () => {
    const text = '王建国和李秀兰都打过13912345678，也打过13800001111';
    const a = { name: '王建国', phones: ['13912345678'] };
    const b = { name: '李秀兰', phones: ['13800001111'] };
    for (let round = 0; round < 3; round++) {
      expect(redactText(text, a)).toBe('***和李秀兰都打过139****5678，也打过138****1111');
      expect(redactText(text, b)).toBe('王建国和***都打过139****5678，也打过138****1111');
    }
    // The same values with a different address: a pattern set of its own.
    expect(redactText('住博兴六路8号院3号楼的王建国', { ...a, address: '博兴六路8号院3号楼' })).toBe('住****的***');
    expect(redactText('住博兴六路8号院3号楼的王建国', a)).not.toContain('王建国');
  });

  it('ignores empty and one-character values (they would mask every word)', () => {
    expect(redactText('王府井大街很好', { name: '王', phones: ['', null, '12'], address: '' })).toBe('王府井大街很好');
  });
});

describe('redactText: by pattern, without knowing the case', () => {
  it('masks mobile, landline and resident-ID numbers', () => {
    expect(redactText('请回电13812345678或010-67881234')).toBe('请回电138****5678或010-****34');
    expect(redactText('身份证110101199003071234')).toBe('身份证110***********1234');
    expect(redactText('手机+86 138 1234 5678')).toBe('手机138****5678');
    expect(containsPersonalNumber(redactText('身份证号：11010119900307123X，手机+86-13812345678'))).toBe(false);
  });

  it('masks numbers after 电话 / 手机 / 身份证 … whatever their length', () => {
    expect(redactText('联系电话67881234')).toBe('联系电话******34');
    expect(redactText('身份证号码 110101900307123')).not.toContain('1101019003');
    expect(redactText('微信号: 88888888')).toBe('微信号: ******88');
  });

  it('masks names after 我叫 / 姓名 / 联系人 / 来电人, and after 我是 when it is a name', () => {
    expect(redactText('我叫李四，反映问题')).toBe('我叫**，反映问题');
    expect(redactText('姓名：张三丰 电话')).toBe('姓名：*** 电话');
    expect(redactText('联系人王先生')).toBe('联系人*先生');
    expect(redactText('来电人赵敏反映')).toBe('来电人**反映');
    expect(redactText('我是刘洋，住在附近')).toBe('我是**，住在附近');
    expect(redactText('我是金茂悦二期业主')).toBe('我是金茂悦二期业主');
    expect(redactText('我姓周，电话不便透露')).toBe('我姓*，电话不便透露');
    expect(redactText('联系人身份证110101199003071234')).toBe('联系人身份证110***********1234');
    expect(redactText('联系人电话不通')).toBe('联系人电话不通');
  });

  it('masks a surname with 先生 / 女士 / 小姐', () => {
    expect(redactText('张女士和陈先生都反映')).toBe('*女士和*先生都反映');
  });

  it('masks door numbers and addresses introduced by 住 / 家住 / 地址', () => {
    expect(redactText('家住亦庄镇某小区5号楼2单元301')).toBe('家住****');
    expect(redactText('住荣华中路15号3单元502室，漏水')).toBe('住****，漏水');
    expect(redactText('林肯公园小区12号楼3单元1102室楼上漏水')).toBe('林肯公园小区****楼上漏水');
    expect(redactText('我的房间是1502室')).toBe('我的房间是****');
    expect(redactText('地址：鹿海园三里')).toBe('地址：****');
  });

  it('leaves ordinary words, dates, amounts and single building numbers alone', () => {
    const plain = [
      '本人购买亦庄金茂悦二期住房，合同约定2026年6月30日交房，至今未交付',
      '林肯公园小区5号楼电梯近一个月故障四次',
      '物业费从每平米2.5元涨到3.2元',
      '工地每天晚上11点后仍在施工',
      '签了认购书交了5万元定金',
    ];
    for (const p of plain) expect(redactText(p)).toBe(p);
  });

  it('masks e-mail addresses', () => {
    expect(redactText('邮箱 wangjg@example.com')).toBe('邮箱 w***@example.com');
  });

  it('is idempotent', () => {
    const s = '我叫王建国，住荣华中路15号3单元502室，电话13912345678，身份证110101199003071234，王先生';
    const once = redactText(s, known);
    expect(redactText(once, known)).toBe(once);
    expect(redactText(once)).toBe(once);
  });
});

describe('redactedDigest', () => {
  it('cuts to the length, redacted, and never ends in a number that reads like a phone', () => {
    const d = redactedDigest('我叫王建国，' + '很'.repeat(100), 60, known);
    expect(Array.from(d).length).toBe(60);
    expect(d).not.toContain('王建国');
    expect(containsPersonalNumber(redactedDigest('x'.repeat(50) + '13912345678901234', 60))).toBe(false);
  });

  it('takes the known values of a case', () => {
    const c = { citizenName: '王建国', citizenPhone: '13912345678', address: known.address };
    expect(redactedDigest('王建国 139-1234-5678', 60, knownOf(c))).toBe('*** 139****5678');
  });
});
