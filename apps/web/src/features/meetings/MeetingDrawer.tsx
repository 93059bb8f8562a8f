import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, Col, Descriptions, Drawer, Empty, List, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useQuery } from '@apollo/client';
import { useAuth } from '../auth/AuthContext';
import { QueryState } from '../../shared/QueryState';
import { errorMessage } from '../../shared/errors';
import { downloadMinutes } from './http';
import { DepartmentChart, TopicChart, WeeklyChart } from './MaterialCharts';
import { DecisionModal } from './MeetingModals';
import { MEETING_QUERY } from './queries';
import { TaskStatus } from './TaskStatus';
import type { MaterialCase } from './types';

const caseColumns = [
  { title: '工单编号', render: (_: unknown, c: MaterialCase) => <Link to={`/cases/${c.case.id}`}>{c.externalNo}</Link>, width: 150 },
  { title: '标题', dataIndex: 'title' },
  { title: '问题类别', dataIndex: 'topic', width: 110 },
  { title: '主办科室', dataIndex: 'departmentName', width: 120 },
  {
    title: '状态',
    width: 200,
    render: (_: unknown, c: MaterialCase) => (
      <Space size={4} wrap>
        {c.completed ? <Tag color="green">已办结</Tag> : <Tag>办理中</Tag>}
        {c.overdue && <Tag color="red">超期：{c.overdueClocks.join('、')}</Tag>}
        {c.reopened && <Tag color="orange">重办</Tag>}
      </Space>
    ),
  },
];

/** 调度会详情: topics and their cases, the generated material with charts, decisions and their tasks; minutes as .docx. */
export function MeetingDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { message } = App.useApp();
  const { user } = useAuth();
  const [deciding, setDeciding] = useState(false);
  const { data, loading, error, refetch } = useQuery(MEETING_QUERY, { variables: { id: id ?? '' }, skip: !id, fetchPolicy: 'cache-and-network' });
  const m = data?.dispatchMeeting;
  const canDecide = user?.role === 'supervisor' || user?.role === 'leader';
  return (
    <Drawer
      open={!!id}
      onClose={onClose}
      width={1000}
      title={m ? `调度会：${m.title}` : '调度会'}
      destroyOnHidden
      data-testid="meeting-drawer"
      extra={
        m && (
          <Space>
            {canDecide && (
              <Button onClick={() => setDeciding(true)} data-testid="meeting-decide">
                记录会议决定
              </Button>
            )}
            <Button
              type="primary"
              onClick={() => downloadMinutes(m.id, `调度会纪要-${m.heldOn}.docx`).catch((e) => message.error(errorMessage(e)))}
              data-testid="meeting-minutes"
            >
              导出纪要（Word）
            </Button>
          </Space>
        )
      }
    >
      <QueryState loading={loading && !m} error={error}>
        {m && (
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <Descriptions size="small" column={2} bordered>
              <Descriptions.Item label="会议日期">{m.heldOn}</Descriptions.Item>
              <Descriptions.Item label="分析期间">
                {m.periodFrom} 至 {m.periodTo}
              </Descriptions.Item>
              <Descriptions.Item label="参会科室" span={2}>
                {m.departments.map((d) => d.name).join('、')}
              </Descriptions.Item>
            </Descriptions>
            <Card size="small" title="议题">
              {m.topics.map((t, i) => (
                <div key={t.id} className="meeting-topic">
                  <Typography.Text strong>
                    {i + 1}. {t.title}
                  </Typography.Text>
                  {t.clusterIds.length > 0 && (
                    <span>
                      {' '}
                      关联聚类：
                      {t.clusterIds.map((c) => (
                        <Tag key={c}>{c}</Tag>
                      ))}
                    </span>
                  )}
                  {t.cases.length > 0 && (
                    <Table<MaterialCase> rowKey={(c) => c.case.id} size="small" pagination={false} dataSource={t.cases} columns={caseColumns} />
                  )}
                </div>
              ))}
            </Card>
            <Card size="small" title="分析材料" data-testid="meeting-material">
              <Row gutter={16}>
                <Col span={8}>
                  <Statistic title="期间受理工单" value={m.material.total} suffix="件" />
                </Col>
                <Col span={8}>
                  <Statistic title="超期工单" value={m.material.overdueTotal} suffix="件" valueStyle={{ color: '#cf1322' }} />
                </Col>
                <Col span={8}>
                  <Statistic title="重办工单" value={m.material.reopenedTotal} suffix="件" />
                </Col>
              </Row>
              <Row gutter={16}>
                <Col span={12}>
                  <Typography.Title level={5}>按科室</Typography.Title>
                  <DepartmentChart m={m.material} />
                </Col>
                <Col span={12}>
                  <Typography.Title level={5}>按问题类别</Typography.Title>
                  <TopicChart m={m.material} />
                </Col>
              </Row>
              <Typography.Title level={5}>按周趋势</Typography.Title>
              <WeeklyChart m={m.material} />
              <Typography.Title level={5}>突出问题</Typography.Title>
              <Table
                rowKey={(p) => `${p.topic}-${p.departmentId ?? ''}`}
                size="small"
                pagination={false}
                dataSource={m.material.topProblems}
                columns={[
                  { title: '问题类别', dataIndex: 'topic' },
                  { title: '科室', dataIndex: 'departmentName' },
                  { title: '工单数', dataIndex: 'count', width: 90 },
                  { title: '其中超期', dataIndex: 'overdue', width: 90 },
                ]}
              />
              <Typography.Title level={5}>超期工单（最多 20 件）</Typography.Title>
              <Table<MaterialCase>
                rowKey={(c) => c.case.id}
                size="small"
                pagination={false}
                dataSource={m.material.overdueCases}
                columns={caseColumns}
                locale={{ emptyText: '无超期工单' }}
              />
              <Typography.Title level={5}>重办工单（最多 20 件）</Typography.Title>
              <Table<MaterialCase>
                rowKey={(c) => c.case.id}
                size="small"
                pagination={false}
                dataSource={m.material.reopenedCases}
                columns={caseColumns}
                locale={{ emptyText: '无重办工单' }}
              />
            </Card>
            <Card size="small" title="会议决定及任务">
              {m.decisions.length === 0 ? (
                <Empty description="暂无会议决定" />
              ) : (
                <List
                  dataSource={m.decisions}
                  renderItem={(d, i) => (
                    <List.Item>
                      <Space direction="vertical" style={{ width: '100%' }}>
                        <Typography.Text>
                          {i + 1}. {d.text}
                        </Typography.Text>
                        <Table
                          rowKey="id"
                          size="small"
                          pagination={false}
                          dataSource={d.tasks}
                          columns={[
                            { title: '任务', dataIndex: 'title' },
                            { title: '责任科室', dataIndex: 'departmentName', width: 120 },
                            { title: '截止日期', dataIndex: 'dueDate', width: 110 },
                            { title: '状态', width: 120, render: (_, t) => <TaskStatus t={t} /> },
                          ]}
                        />
                      </Space>
                    </List.Item>
                  )}
                />
              )}
            </Card>
          </Space>
        )}
      </QueryState>
      {m && (
        <DecisionModal
          meetingId={m.id}
          open={deciding}
          onClose={() => setDeciding(false)}
          onDone={() => {
            setDeciding(false);
            void refetch();
          }}
        />
      )}
    </Drawer>
  );
}
