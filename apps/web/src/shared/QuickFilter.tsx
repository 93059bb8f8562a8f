import { Input } from 'antd';

interface Props {
  value: string;
  onChange: (value: string) => void;
  testId: string;
}

/** Find a case in a list by 工单编号, 标题 or 项目 (the duty queues send it to the server, which filters). */
export function QuickFilter({ value, onChange, testId }: Props) {
  return (
    <span data-testid={testId}>
      <Input.Search allowClear value={value} onChange={(e) => onChange(e.target.value)} placeholder="按工单编号、标题或项目筛选" style={{ width: 280 }} />
    </span>
  );
}
