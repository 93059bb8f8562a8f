import { useMemo, useState, type CSSProperties } from 'react';
import { TreeSelect } from 'antd';
import { useQuery } from '@apollo/client';
import { TOPICS_QUERY } from './queries';
import { topicTreeData, withFreeTextTopic } from './topicSelectData';

interface Props {
  /** Set by Form.Item. */
  id?: string;
  value?: string | null;
  onChange?(value: string | undefined): void;
  placeholder?: string;
  allowClear?: boolean;
  /** Offer inactive topics too (a search: old cases may carry them). */
  includeInactive?: boolean;
  /** Let a group be chosen (a search finds the cases of all its topics). */
  groupsSelectable?: boolean;
  /** How the typed text is offered as a value of its own; without it only the taxonomy can be chosen. */
  freeText?: (text: string) => string;
  style?: CSSProperties;
  'data-testid'?: string;
}

/**
 * 主题: the configured taxonomy (admin 主题分类) as a tree — groups open on click, a topic without
 * children is chosen. Typing filters; with `freeText` the typed text can be chosen as it is (the
 * district platform's own topic). The form gets the topic's name.
 */
export function TopicSelect({
  id,
  value,
  onChange,
  placeholder,
  allowClear,
  includeInactive,
  groupsSelectable,
  freeText,
  style,
  'data-testid': testId,
}: Props) {
  const [search, setSearch] = useState('');
  const { data, loading, error } = useQuery(TOPICS_QUERY, { fetchPolicy: 'cache-first' });
  const tree = useMemo(() => topicTreeData(data?.topics ?? [], { includeInactive, groupsSelectable }), [data, includeInactive, groupsSelectable]);
  const treeData = useMemo(() => (freeText ? withFreeTextTopic(tree, search, freeText) : tree), [tree, search, freeText]);

  return (
    <TreeSelect
      id={id}
      value={value || undefined}
      onChange={(v) => onChange?.(typeof v === 'string' && v ? v : undefined)}
      treeData={treeData}
      showSearch
      searchValue={search}
      onSearch={setSearch}
      treeNodeFilterProp="label"
      treeNodeLabelProp="label"
      treeDefaultExpandAll
      treeExpandAction="click"
      allowClear={allowClear}
      placeholder={placeholder}
      loading={loading}
      notFoundContent={loading ? '正在加载主题…' : error ? '主题分类加载失败' : '没有匹配的主题'}
      // Wider than a narrow field: a long group or the typed text stays on one line.
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { minWidth: 260 } } }}
      listHeight={320}
      style={{ width: '100%', ...style }}
      data-testid={testId}
    />
  );
}
