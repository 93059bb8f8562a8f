import { useEffect, useRef, useState } from 'react';
import { Alert, Card, Col, DatePicker, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useQuery } from '@apollo/client';
import dayjs from 'dayjs';
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { QueryState } from '../../shared/QueryState';
import { formatDateTime } from '../../shared/time';
import { percent, periodOf } from './labels';
import { BonusItems, OutlookCard } from './OutlookCard';
import { THREE_RATES_QUERY } from './queries';

echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

interface Counts {
  cases: number;
  excluded: number;
  assessed: number;
  responded: number;
  answered: number;
  pending: number;
  resolved: number;
  satisfied: number;
  basicallySatisfied: number;
  dissatisfied: number;
}
interface Row {
  departmentId?: string | null;
  department?: { name: string } | null;
  topic?: string | null;
  counts: Counts;
  responseRate: number | null;
  resolutionRate: number | null;
  satisfactionRate: number | null;
  score: number | null;
}
function DepartmentChart({ rows }: { rows: Row[] }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!ref.current) return;
    const chart = echarts.init(ref.current);
    const pct = (r: number | null) => (r == null ? null : Math.round(r * 10000) / 100);
    chart.setOption({
      tooltip: { trigger: 'axis', valueFormatter: (v: number) => (v == null ? '—' : `${v}%`) },
      legend: { top: 0, data: ['响应率', '解决率', '满意率'] },
      grid: { left: 40, right: 16, bottom: 40, top: 40 },
      xAxis: { type: 'category', data: rows.map((r) => r.department?.name ?? '未分转') },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [
        { name: '响应率', type: 'bar', data: rows.map((r) => pct(r.responseRate)) },
        { name: '解决率', type: 'bar', data: rows.map((r) => pct(r.resolutionRate)) },
        { name: '满意率', type: 'bar', data: rows.map((r) => pct(r.satisfactionRate)) },
      ],
    });
    const onResize = () => chart.resize();
    window.addEventListener('resize', onResize);
    return () => {
      window.removeEventListener('resize', onResize);
      chart.dispose();
    };
  }, [rows]);
  return <div ref={ref} style={{ height: 300 }} data-testid="three-rates-chart" />;
}

const rateColumns = [
  { title: '参评', render: (_: unknown, r: Row) => r.counts.assessed },
  { title: '响应率', render: (_: unknown, r: Row) => percent(r.responseRate) },
  { title: '有效回访', render: (_: unknown, r: Row) => r.counts.answered },
  { title: '解决率', render: (_: unknown, r: Row) => percent(r.resolutionRate) },
  { title: '满意/基本/不满意', render: (_: unknown, r: Row) => `${r.counts.satisfied}/${r.counts.basicallySatisfied}/${r.counts.dissatisfied}` },
  { title: '满意率', render: (_: unknown, r: Row) => percent(r.satisfactionRate) },
  { title: '综合得分', render: (_: unknown, r: Row) => (r.score == null ? '—' : r.score.toFixed(2)) },
];

/** 三率 (leader, supervisor, admin): the period's rates, per department and topic, under that month's policy. */
export default function ThreeRatesPage() {
  const [period, setPeriod] = useState(() => periodOf(new Date(), 19));
  const q = useQuery(THREE_RATES_QUERY, { variables: { period }, fetchPolicy: 'cache-and-network' });
  const r = q.data?.threeRates;
  return (
    <Card className="page-card" data-testid="three-rates-page">
      <div className="page-toolbar">
        <Typography.Title level={4} className="page-title">
          三率考核
        </Typography.Title>
        <DatePicker
          picker="month"
          allowClear={false}
          value={dayjs(`${period}-01`)}
          onChange={(d) => d && setPeriod(d.format('YYYY-MM'))}
          data-testid="three-rates-period"
        />
      </div>
      <QueryState loading={q.loading && !r} error={r ? undefined : q.error} onRetry={() => void q.refetch()} testId="three-rates">
        {r && (
          <>
            <Typography.Paragraph type="secondary">
              考核周期 {r.period}：{formatDateTime(r.from)} 至 {formatDateTime(r.to)}（不含） {r.closed ? <Tag color="blue">已关账</Tag> : <Tag>进行中</Tag>}
              口径 {r.policy.effectiveFrom} 第 {r.policy.version} 版：权重 响应 {r.policy.weights.response}% / 解决 {r.policy.weights.resolution}% / 满意{' '}
              {r.policy.weights.satisfaction}%，基本满意按 {r.policy.basicFactor} 计
            </Typography.Paragraph>
            {r.policy.isDefault && (
              <Alert type="warning" showIcon style={{ marginBottom: 16 }} message="当前使用系统默认口径（待与局方确认），并非官方公布的考核办法" />
            )}
            <Row gutter={16} data-testid="three-rates-figures">
              <Col span={5}>
                <Statistic title="响应率" value={percent(r.responseRate)} />
              </Col>
              <Col span={5}>
                <Statistic title="解决率" value={percent(r.resolutionRate)} />
              </Col>
              <Col span={5}>
                <Statistic title="满意率" value={percent(r.satisfactionRate)} />
              </Col>
              <Col span={4}>
                <Statistic title="综合得分" value={r.score == null ? '—' : r.score.toFixed(2)} />
              </Col>
              <Col span={5}>
                <Statistic title="综合得分（含加分）" value={r.bonus.combinedScore == null ? '—' : r.bonus.combinedScore.toFixed(2)} />
              </Col>
            </Row>
            <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
              办结 {r.counts.cases} 件，不纳入考核 {r.counts.excluded} 件，参评 {r.counts.assessed} 件，按时响应 {r.counts.responded} 件，有效回访{' '}
              {r.counts.answered} 件，待回访或未接通 {r.counts.pending} 件
            </Typography.Paragraph>
            <Card size="small" title="加分项" style={{ marginTop: 16 }}>
              <BonusItems bonus={r.bonus} />
            </Card>
            <Card size="small" title="各科室" style={{ marginTop: 16 }}>
              <DepartmentChart rows={r.byDepartment} />
              <Table<Row>
                size="small"
                rowKey={(x) => x.departmentId ?? 'none'}
                pagination={false}
                dataSource={r.byDepartment}
                columns={[{ title: '科室', render: (_: unknown, x: Row) => x.department?.name ?? '未分转' }, ...rateColumns]}
              />
            </Card>
            <Card size="small" title="各主题" style={{ marginTop: 16 }}>
              <Table<Row>
                size="small"
                rowKey={(x) => x.topic ?? 'none'}
                pagination={false}
                dataSource={r.byTopic}
                columns={[{ title: '主题', render: (_: unknown, x: Row) => x.topic ?? '—' }, ...rateColumns]}
              />
            </Card>
          </>
        )}
      </QueryState>
      <OutlookCard />
    </Card>
  );
}
