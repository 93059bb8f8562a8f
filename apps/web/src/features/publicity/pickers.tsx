import { useState, type CSSProperties } from 'react';
import { Select, Spin } from 'antd';
import { useLazyQuery, useQuery } from '@apollo/client';
import { CASE_PICKER_QUERY, DEPARTMENTS_QUERY } from './queries';

export interface CaseOption {
  id: string;
  externalNo: string;
  title: string;
}

/** 关联工单: search intake's cases by number or words; the value is a list of case ids. */
export function CasePicker({ value, onChange, initial = [] }: { value?: string[]; onChange?: (v: string[]) => void; initial?: CaseOption[] }) {
  const [search, { data, loading }] = useLazyQuery<{ searchCases: { items: CaseOption[] } }>(CASE_PICKER_QUERY, { fetchPolicy: 'network-only' });
  const [known, setKnown] = useState<Record<string, CaseOption>>(() => Object.fromEntries(initial.map((c) => [c.id, c])));
  const found = data?.searchCases.items ?? [];
  const options = [...Object.values(known), ...found.filter((c) => !known[c.id])].map((c) => ({ value: c.id, label: `${c.externalNo} ${c.title}` }));
  return (
    <Select
      mode="multiple"
      showSearch
      filterOption={false}
      placeholder="输入工单编号或标题中的文字搜索"
      notFoundContent={loading ? <Spin size="small" /> : '无匹配工单'}
      value={value}
      options={options}
      data-testid="publicity-case-picker"
      onSearch={(q) => {
        const text = q.trim();
        if (text.length < 2) return;
        void search({ variables: { filter: /^[\w-]+$/.test(text) ? { externalNo: text } : { text } } });
      }}
      onChange={(ids: string[]) => {
        const next = { ...known };
        for (const c of found) if (ids.includes(c.id)) next[c.id] = c;
        setKnown(next);
        onChange?.(ids);
      }}
    />
  );
}

/** 科室 from identity (active ones). */
export function DepartmentPicker({
  value,
  onChange,
  multiple,
  testId,
  style,
}: {
  value?: string | string[];
  onChange?: (v: string | string[]) => void;
  multiple?: boolean;
  testId?: string;
  style?: CSSProperties;
}) {
  const { data, loading } = useQuery(DEPARTMENTS_QUERY);
  return (
    <Select
      mode={multiple ? 'multiple' : undefined}
      allowClear
      loading={loading}
      placeholder="选择科室"
      value={value}
      onChange={onChange}
      data-testid={testId}
      style={style}
      options={(data?.departments ?? []).filter((d) => d.active).map((d) => ({ value: d.id, label: d.name }))}
    />
  );
}
