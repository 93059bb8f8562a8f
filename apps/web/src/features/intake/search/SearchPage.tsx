import { useState } from 'react';
import { Button, Card, Col, DatePicker, Form, Input, Row, Select, Space, Table, Typography, type TableColumnsType } from 'antd';
import { SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client';
import { useCurrentUser } from '../../auth/AuthContext';
import { TopicSelect } from '../admin/TopicSelect';
import { baseCaseColumns, caseRowProps } from '../../../shared/caseColumns';
import { errorMessage } from '../../../shared/errors';
import { STAGE_LABELS } from '../../../shared/labels';
import { StageTag } from '../../../shared/tags';
import { tableEmpty } from '../../../shared/TableEmpty';
import type { CaseSummary } from '../../../shared/types';
import { SEARCH_CASES_QUERY } from './queries';
import { toFilter, type CaseSearchFilter, type SearchForm } from './searchFilter';
import type { CaseSearchInput } from '../../../gql/graphql';

type Row = CaseSummary & { projectName?: string | null; repeatCount: number };

const PAGE_SIZE = 20;
/** Roles that may search by the caller's phone number. */
const PHONE_ROLES = ['duty', 'supervisor'];

/** 工单查询: find cases by number, phone, text, project, topic, stage and date. */
export default function SearchPage() {
  const user = useCurrentUser();
  const allowPhone = PHONE_ROLES.includes(user.role);
  const [form] = Form.useForm<SearchForm>();
  const [filter, setFilter] = useState<CaseSearchFilter>({});
  const [page, setPage] = useState(1);
  const { data, previousData, loading, error, refetch } = useQuery(SEARCH_CASES_QUERY, {
    variables: { filter: filter as CaseSearchInput, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
    fetchPolicy: 'network-only',
  });
  const result = (data ?? previousData)?.searchCases;

  const search = (v: SearchForm) => {
    setFilter(toFilter(v, allowPhone));
    setPage(1);
  };
  const reset = () => {
    form.resetFields();
    setFilter({});
    setPage(1);
  };

  const columns: TableColumnsType<Row> = [
    ...baseCaseColumns<Row>(),
    { title: '项目名称', dataIndex: 'projectName', width: 120, ellipsis: true, render: (v?: string | null) => v || '—' },
    { title: '环节', dataIndex: 'stage', width: 95, render: (v: string) => <StageTag stage={v} /> },
    { title: '重复', dataIndex: 'repeatCount', width: 60, render: (v: number) => (v > 0 ? `${v} 次` : '—') },
  ];

  return (
    <Card className="page-card" data-testid="search-page">
      <div className="page-toolbar">
        <Typography.Title level={4} className="page-title">
          工单查询
        </Typography.Title>
      </div>
      <Form<SearchForm> form={form} layout="vertical" onFinish={search} data-testid="search-form">
        <Row gutter={12}>
          <Col xs={12} lg={6}>
            <Form.Item name="externalNo" label="工单编号">
              <Input allowClear placeholder="包含即可" data-testid="search-externalNo" />
            </Form.Item>
          </Col>
          {allowPhone && (
            <Col xs={12} lg={6}>
              <Form.Item name="phone" label="来电号码" rules={[{ pattern: /^[0-9+\-\s]{3,20}$/, message: '请输入有效的号码' }]}>
                <Input allowClear placeholder="完整号码" data-testid="search-phone" />
              </Form.Item>
            </Col>
          )}
          <Col xs={12} lg={6}>
            <Form.Item name="text" label="标题或内容">
              <Input allowClear placeholder="包含的文字" data-testid="search-text" />
            </Form.Item>
          </Col>
          <Col xs={12} lg={6}>
            <Form.Item name="projectName" label="楼盘/小区">
              <Input allowClear data-testid="search-project" />
            </Form.Item>
          </Col>
          <Col xs={12} lg={6}>
            <Form.Item name="topic" label="主题">
              <TopicSelect
                allowClear
                includeInactive
                groupsSelectable
                placeholder="全部"
                freeText={(t) => `按「${t}」查找（区平台主题，须完全一致）`}
                data-testid="search-topic"
              />
            </Form.Item>
          </Col>
          <Col xs={12} lg={6}>
            <Form.Item name="stage" label="环节">
              <Select
                allowClear
                placeholder="全部"
                options={Object.entries(STAGE_LABELS).map(([value, text]) => ({ value, label: text }))}
                data-testid="search-stage"
              />
            </Form.Item>
          </Col>
          <Col xs={24} lg={allowPhone ? 12 : 6}>
            <Form.Item name="received" label="受理日期">
              <DatePicker.RangePicker
                allowEmpty={[true, true]}
                placeholder={['开始日期', '结束日期']}
                style={{ width: '100%' }}
                data-testid="search-received"
              />
            </Form.Item>
          </Col>
        </Row>
        <Space style={{ marginBottom: 12 }}>
          <Button type="primary" htmlType="submit" icon={<SearchOutlined />} data-testid="search-submit">
            查询
          </Button>
          <Button onClick={reset}>重置</Button>
          {error && (
            <Typography.Text type="danger" data-testid="search-error">
              {errorMessage(error)}
            </Typography.Text>
          )}
          {error && (
            <Button size="small" onClick={() => void refetch()}>
              重试
            </Button>
          )}
        </Space>
      </Form>
      <Table<Row>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={result?.items ?? []}
        loading={loading}
        onRow={caseRowProps}
        scroll={{ x: 1000 }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: result?.total ?? 0,
          showSizeChanger: false,
          showTotal: (t) => `共 ${t} 件`,
          onChange: setPage,
        }}
        locale={{ emptyText: tableEmpty('没有符合条件的工单') }}
        data-testid="search-table"
      />
    </Card>
  );
}
