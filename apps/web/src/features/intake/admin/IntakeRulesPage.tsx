import { Card, Tabs, Typography } from 'antd';
import { IntakeRulesForm } from './IntakeRulesForm';
import { TopicsTable } from './TopicsTable';

/** 受理规则与主题 (admin). */
export default function IntakeRulesPage() {
  return (
    <Card className="page-card" data-testid="intake-rules-page">
      <div className="page-toolbar">
        <Typography.Title level={4} className="page-title">
          受理规则与主题
        </Typography.Title>
      </div>
      <Tabs
        items={[
          { key: 'rules', label: '受理规则', children: <IntakeRulesForm /> },
          { key: 'topics', label: <span data-testid="tab-topics">主题分类</span>, children: <TopicsTable /> },
        ]}
      />
    </Card>
  );
}
