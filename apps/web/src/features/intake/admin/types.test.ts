import { describe, expect, it } from 'vitest';
import { topicOptions, topicTree } from './types';

const t = (code: string, name: string, parentCode: string | null, sort = 0, active = true) => ({ code, name, parentCode, sort, active });

describe('topicTree', () => {
  it('nests children under their parents and sorts by sort then code', () => {
    const tree = topicTree([t('B2', '施工扰民', 'B', 2), t('A', '房屋交易', null, 1), t('B', '建设工程', null, 0), t('B1', '施工安全', 'B', 1)]);
    expect(tree.map((n) => n.code)).toEqual(['B', 'A']);
    expect(tree[0].children?.map((n) => n.code)).toEqual(['B1', 'B2']);
    expect(tree[1].children).toBeUndefined();
  });

  it('keeps orphans at the top level', () => {
    expect(topicTree([t('X1', '孤儿', 'X')]).map((n) => n.code)).toEqual(['X1']);
  });
});

describe('topicOptions', () => {
  it('offers active topics with the parent name', () => {
    expect(topicOptions([t('B', '建设工程', null), t('B1', '施工安全', 'B', 1), t('B2', '停用', 'B', 2, false)])).toEqual([
      { value: '建设工程', label: '建设工程' },
      { value: '施工安全', label: '建设工程 / 施工安全' },
    ]);
  });
});
