import { useState } from 'react';
import { App, Button, Card, Col, DatePicker, Row, Space, Statistic, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useApolloClient, useQuery } from '@apollo/client';
import { errorMessage } from '../../shared/errors';
import { QueryState } from '../../shared/QueryState';
import { dayjs, formatDateTime } from '../../shared/time';
import { saveBase64 } from './http';
import { beijingMonth } from './labels';
import { EXPORT_LEDGER, LEDGER_QUERY } from './queries';
import type { BonusLedgerQuery } from '../../gql/graphql';

type Entry = BonusLedgerQuery['bonusLedger']['items'][number];

const PAGE = 20;
/** Eleven months before `month`: the totals strip shows a year. */
const yearBefore = (month: string) => dayjs(`${month}-01`).subtract(11, 'month').format('YYYY-MM');

/** 加分台账: one month's lines (paged on the server), the month's total, the year's totals, the .xlsx export. */
export function LedgerTab() {
  const { message } = App.useApp();
  const client = useApolloClient();
  const [month, setMonth] = useState(beijingMonth());
  const [page, setPage] = useState(1);
  const [exporting, setExporting] = useState(false);
  const { data, loading, error, refetch } = useQuery(LEDGER_QUERY, {
    variables: { month, offset: (page - 1) * PAGE, limit: PAGE, from: yearBefore(month) },
    fetchPolicy: 'cache-and-network',
  });
  const exportXlsx = async () => {
    setExporting(true);
    try {
      const r = await client.query<{ exportBonusLedger: { fileName: string; contentType: string; base64: string } }>({
        query: EXPORT_LEDGER,
        variables: { month },
        fetchPolicy: 'network-only',
      });
      saveBase64(r.data.exportBonusLedger.base64, r.data.exportBonusLedger.fileName, r.data.exportBonusLedger.contentType);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setExporting(false);
    }
  };
  return (
    <div data-testid="ledger-tab">
      <div className="page-toolbar">
        <Space>
          <span>考核月份</span>
          <DatePicker
            picker="month"
            allowClear={false}
            value={dayjs(`${month}-01`)}
            onChange={(d) => {
              if (d) {
                setMonth(d.format('YYYY-MM'));
                setPage(1);
              }
            }}
            data-testid="ledger-month"
          />
        </Space>
        <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportXlsx()} data-testid="ledger-export">
          导出 Excel
        </Button>
      </div>
      <QueryState loading={loading && !data} error={data ? undefined : error} onRetry={() => void refetch()} testId="ledger">
        <Row gutter={16} style={{ marginBottom: 16 }}>
          <Col span={6}>
            <Card size="small">
              <Statistic title={`${month} 合计分值`} value={data?.bonusLedger.points ?? 0} data-testid="ledger-points" />
            </Card>
          </Col>
          <Col span={6}>
            <Card size="small">
              <Statistic title="加分事项" value={data?.bonusLedger.total ?? 0} suffix="项" />
            </Card>
          </Col>
          <Col span={12}>
            <Card size="small" title="近 12 个月">
              <Space wrap>
                {(data?.bonusMonthTotals ?? []).map((m) => (
                  <Typography.Text key={m.month}>
                    {m.month}：<b>{m.points}</b> 分
                  </Typography.Text>
                ))}
                {data && data.bonusMonthTotals.length === 0 && <Typography.Text type="secondary">暂无加分</Typography.Text>}
              </Space>
            </Card>
          </Col>
        </Row>
        <Table<Entry>
          rowKey="id"
          size="small"
          dataSource={data?.bonusLedger.items ?? []}
          pagination={{ current: page, pageSize: PAGE, total: data?.bonusLedger.total ?? 0, onChange: setPage, showTotal: (n) => `共 ${n} 项` }}
          locale={{ emptyText: '本月暂无加分' }}
          columns={[
            { title: '类别', dataIndex: 'kindLabel', width: 140 },
            { title: '事项', dataIndex: 'title' },
            { title: '加分科室', render: (_, e) => e.department?.name ?? '—', width: 120 },
            { title: '分值', dataIndex: 'points', width: 70 },
            { title: '加分依据', dataIndex: 'evidence' },
            { title: '登记人', dataIndex: 'awardedByName', width: 100 },
            { title: '登记时间', render: (_, e) => formatDateTime(e.awardedAt), width: 150 },
          ]}
        />
      </QueryState>
    </div>
  );
}
