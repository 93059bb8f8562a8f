import { describe, expect, it } from 'vitest';
import { matchRules } from '../src/catalogue/match-rules';
import { demoHistory } from '../src/suggestions/demo-history';
import { crossValidate, predict, train } from '../src/suggestions/naive-bayes';
import { featuresOf, tokenize } from '../src/suggestions/tokenize';

/** The floors this model must stay above on the shipped demo history (5-fold CV). */
const ACCURACY_FLOOR = 0.85;
const TOP3_FLOOR = 0.95;

const history = demoHistory();
const docs = history.map((o) => ({ tokens: featuresOf(o), label: o.departmentCode }));

describe('demo history (演示历史工单)', () => {
  it('is a few hundred orders over the 8 departments, the same on every run', () => {
    expect(history).toHaveLength(480);
    expect(new Set(history.map((o) => o.departmentCode))).toEqual(
      new Set(['property', 'housing', 'sales', 'construction', 'planning', 'quality', 'municipal', 'office']),
    );
    expect(demoHistory()).toEqual(history);
    expect(demoHistory(480, 7)).not.toEqual(history);
    expect(history.every((o) => !/1[3-9]\d{9}/.test(o.content))).toBe(true);
  });
});

describe('word segmentation (分词)', () => {
  it('cuts Chinese text into words and drops stop words, punctuation and numbers', () => {
    const words = tokenize('林肯公园5号楼电梯停运三天，市民反映物业不维修。');
    expect(words).toEqual(expect.arrayContaining(['林肯公园', '电梯', '停运', '物业', '维修']));
    expect(words).not.toContain('市民');
    expect(words).not.toContain('，');
    expect(words.some((w) => /^\d/.test(w))).toBe(false);
  });
});

describe('naive Bayes routing model', () => {
  it(`5-fold cross-validation on the demo history: top-1 ≥ ${ACCURACY_FLOOR}, top-3 ≥ ${TOP3_FLOOR}`, () => {
    const cv = crossValidate(docs, 5);
    console.log(`[cv] documents=${cv.documents} accuracy=${cv.accuracy.toFixed(4)} top3=${cv.top3Accuracy.toFixed(4)}`);
    expect(cv.folds).toBe(5);
    expect(cv.accuracy).toBeGreaterThanOrEqual(ACCURACY_FLOOR);
    expect(cv.top3Accuracy).toBeGreaterThanOrEqual(TOP3_FLOOR);
    expect(cv.accuracy).toBeLessThan(1); // the history is noisy on purpose: a perfect score would mean leakage
  });

  it('suggests three departments with a confidence and the words that weighed most', () => {
    const model = train(docs);
    const p = predict(model, featuresOf({ title: '工地晚上施工太吵', content: '小区南边的工地晚上十二点还在打桩施工，吵得睡不着' }));
    expect(p).toHaveLength(3);
    expect(p[0].label).toBe('construction');
    expect(p[0].confidence).toBeGreaterThan(0.5);
    expect(p[0].words).toEqual(expect.arrayContaining(['工地']));
    expect(p.reduce((s, x) => s + x.confidence, 0)).toBeLessThanOrEqual(1.000001);
    expect(predict(model, featuresOf({ title: '开发商不退认筹金', content: '选房失败后认筹金一直不退' }))[0].label).toBe('sales');
    expect(predict(model, featuresOf({ title: '路灯坏了', content: '家门口的路灯坏了一个月' }))[0].label).toBe('municipal');
  });

  it('leaves out departments that returned the case', () => {
    const model = train(docs);
    const facts = featuresOf({ title: '工地夜间施工噪音', content: '工地夜间施工噪音扰民' });
    expect(predict(model, facts, 3, ['construction']).map((x) => x.label)).not.toContain('construction');
  });
});

describe('responsibility catalogue matching (权责清单)', () => {
  const rule = (over: Partial<Parameters<typeof matchRules>[0][number]>) => ({
    id: 'r',
    topics: [],
    keywords: [],
    projects: [],
    streets: [],
    leadDepartmentCode: 'x',
    priority: 0,
    ...over,
  });
  const facts = { text: '林肯公园5号楼电梯停运三天', topic: '物业', projectName: '林肯公园', street: '荣华街道' };

  it('fires only when every criterion it sets matches, and says what matched', () => {
    expect(matchRules([rule({ keywords: ['电梯', '扶梯'] })], facts)?.matched).toEqual(['关键词:电梯']);
    expect(matchRules([rule({ keywords: ['电梯'], projects: ['金茂悦'] })], facts)).toBeNull();
    expect(matchRules([rule({ topics: ['物业'], streets: ['荣华街道'] })], facts)?.matched).toEqual(['主题:物业', '街道:荣华街道']);
    expect(matchRules([rule({})], facts)).toBeNull();
  });
  it('prefers priority, then the more specific rule', () => {
    const general = rule({ id: 'general', keywords: ['电梯'], leadDepartmentCode: 'quality' });
    const specific = rule({ id: 'specific', keywords: ['电梯'], projects: ['林肯公园'], leadDepartmentCode: 'property' });
    const urgent = rule({ id: 'urgent', topics: ['物业'], priority: 5 });
    expect(matchRules([general, specific], facts)?.rule.id).toBe('specific');
    expect(matchRules([general, specific, urgent], facts)?.rule.id).toBe('urgent');
  });
  it('skips rules leading to a department that returned the case', () => {
    const a = rule({ id: 'a', keywords: ['电梯'], leadDepartmentCode: 'property', priority: 1 });
    const b = rule({ id: 'b', keywords: ['电梯'], leadDepartmentCode: 'quality' });
    expect(matchRules([a, b], facts, ['property'])?.rule.id).toBe('b');
  });
});
