import { Input } from 'antd';

interface Props {
  value: string;
  onChange: (value: string) => void;
  testId: string;
}

/** A queue can hold hundreds of cases: find one by 工单编号, 标题 or 项目 without paging. */
export function QuickFilter({ value, onChange, testId }: Props) {
  return (
    <span data-testid={testId}>
      <Input.Search
        allowClear
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder="按工单编号、标题或项目筛选"
        style={{ width: 280 }}
      />
    </span>
  );
}
