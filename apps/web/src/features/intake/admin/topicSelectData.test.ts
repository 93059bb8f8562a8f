import { describe, expect, it } from 'vitest';
import { leafNames, topicTreeData, withFreeTextTopic, type TopicTreeNode } from './topicSelectData';

const t = (code: string, name: string, parentCode: string | null, sort = 0, active = true) => ({ code, name, parentCode, sort, active });

/** The demo taxonomy (apps/intake migrations). */
const TAXONOMY = [
  t('municipal', '市政设施', null, 40),
  t('property', '物业', 'community', 21),
  t('housing', '房屋交付与销售', null, 10),
  t('house-quality', '房屋质量', 'housing', 13),
  t('delayed-handover', '延期交房', 'housing', 11),
  t('purchase-refund', '购房退费', 'housing', 12),
  t('community', '物业与小区', null, 20),
  t('construction-group', '建设工程', null, 30),
  t('construction', '施工', 'construction-group', 31),
];

const shape = (nodes: TopicTreeNode[]): unknown[] => nodes.map((n) => (n.children ? [n.title, n.selectable, shape(n.children)] : [n.title, n.selectable]));

describe('topicTreeData', () => {
  it('nests the taxonomy by sort; groups open, topics without children are chosen by name', () => {
    const tree = topicTreeData(TAXONOMY);
    expect(shape(tree)).toEqual([
      [
        '房屋交付与销售',
        false,
        [
          ['延期交房', true],
          ['购房退费', true],
          ['房屋质量', true],
        ],
      ],
      ['物业与小区', false, [['物业', true]]],
      ['建设工程', false, [['施工', true]]],
      ['市政设施', true],
    ]);
    // The form stores the name (cases carry it), not the code.
    expect(tree[1].children?.[0]).toMatchObject({ value: '物业', label: '物业', key: 'property' });
    expect(leafNames(tree)).toEqual(['延期交房', '购房退费', '房屋质量', '物业', '施工', '市政设施']);
  });

  it('leaves out inactive topics for a new case, and a group left without choosable topics', () => {
    const tree = topicTreeData([
      ...TAXONOMY.filter((x) => x.code !== 'property'),
      t('property', '物业', 'community', 21, false),
      t('old', '规划建设', null, 50, false),
    ]);
    expect(leafNames(tree)).toEqual(['延期交房', '购房退费', '房屋质量', '施工', '市政设施']);
    expect(tree.map((n) => n.title)).not.toContain('物业与小区');
  });

  it('lets a group be chosen when asked (a search finds the cases of all its topics)', () => {
    const tree = topicTreeData(TAXONOMY, { groupsSelectable: true });
    expect(tree[0]).toMatchObject({ value: '房屋交付与销售', selectable: true });
    expect(leafNames(tree)).toContain('房屋交付与销售');
  });

  it('keeps inactive topics, marked 已停用, when asked (a search: old cases carry them)', () => {
    const tree = topicTreeData([t('a', '物业与小区', null), t('b', '物业管理', 'a', 1, false), t('c', '物业', 'a', 2)], { includeInactive: true });
    expect(shape(tree)).toEqual([
      [
        '物业与小区',
        false,
        [
          ['物业管理（已停用）', true],
          ['物业', true],
        ],
      ],
    ]);
    expect(tree[0].children?.[0]).toMatchObject({ value: '物业管理', label: '物业管理' });
  });

  it('puts orphans at the top and survives a cycle', () => {
    expect(shape(topicTreeData([t('x1', '孤儿', 'x')]))).toEqual([['孤儿', true]]);
    expect(shape(topicTreeData([t('self', '自指', 'self')]))).toEqual([['自指', true]]);
    expect(topicTreeData([t('a', '甲', 'b'), t('b', '乙', 'a')])).toEqual([]);
  });
});

describe('withFreeTextTopic', () => {
  const tree = topicTreeData(TAXONOMY);
  const title = (text: string) => `使用「${text}」（区平台主题）`;

  it('offers the typed text first when it is not a topic of the taxonomy', () => {
    const out = withFreeTextTopic(tree, ' 物业管理 ', title);
    expect(out[0]).toMatchObject({ value: '物业管理', label: '物业管理', title: '使用「物业管理」（区平台主题）', selectable: true });
    expect(out.slice(1)).toEqual(tree);
  });

  it('adds nothing for empty text or a topic already in the tree', () => {
    expect(withFreeTextTopic(tree, '', title)).toBe(tree);
    expect(withFreeTextTopic(tree, '   ', title)).toBe(tree);
    expect(withFreeTextTopic(tree, '物业', title)).toBe(tree);
  });

  it('offers a group name as text (a group is not a case topic by itself)', () => {
    expect(withFreeTextTopic(tree, '建设工程', title)[0].value).toBe('建设工程');
  });

  it('cuts the text to the 50 characters a topic may have', () => {
    expect(withFreeTextTopic(tree, '很'.repeat(60), title)[0].value).toHaveLength(50);
  });
});
