import { Button } from 'antd';
import { DownOutlined, RightOutlined } from '@ant-design/icons';
import type { TableProps } from 'antd';
import { RepeatCandidatesPanel } from './RepeatCandidatesPanel';

interface Row {
  id: string;
  externalNo: string;
}

/** Table `expandable` for unsigned cases: 查重 opens the repeat candidates before 签收. */
export function repeatExpandable<T extends Row>(): TableProps<T>['expandable'] {
  return {
    columnTitle: '查重',
    columnWidth: 64,
    expandedRowRender: (r) => <RepeatCandidatesPanel caseId={r.id} externalNo={r.externalNo} />,
    expandIcon: ({ expanded, onExpand, record }) => (
      <Button
        type="link"
        size="small"
        style={{ padding: 0 }}
        icon={expanded ? <DownOutlined /> : <RightOutlined />}
        onClick={(e) => onExpand(record, e)}
        data-testid={`repeat-toggle-${record.externalNo}`}
        title="查看疑似重复的较早工单"
      >
        {expanded ? '收起' : '查看'}
      </Button>
    ),
  };
}
