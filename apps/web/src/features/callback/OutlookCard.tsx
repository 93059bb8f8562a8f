import { Card, Col, Descriptions, Row, Statistic, Table, Typography } from 'antd';
import { useQuery } from '@apollo/client';
import { QueryState } from '../../shared/QueryState';
import { formatDateTime } from '../../shared/time';
import { percent } from './labels';
import { THREE_RATES_OUTLOOK_QUERY } from './queries';

interface BonusItem {
  entryId: string;
  kind: string;
  kindLabel: string;
  points: number;
  department: { name: string } | null;
  awardedAt: string;
}
export interface Bonus {
  rule: { scorePerPoint: number; cap: number };
  points: number;
  score: number;
  capped: boolean;
  combinedScore: number | null;
  items: BonusItem[];
}
const score = (v: number | null | undefined) => (v == null ? '—' : v.toFixed(2));

/** 加分项: the period's bonus items from publicity's ledger, and how they count. */
export function BonusItems({ bonus }: { bonus: Bonus }) {
  return (
    <>
      <Typography.Paragraph type="secondary">
        加分 {bonus.points} 分，按每分 {bonus.rule.scorePerPoint} 折算、上限 {bonus.rule.cap} 分，计入综合得分 {bonus.score.toFixed(2)} 分
        {bonus.capped ? '（已达上限）' : ''}
      </Typography.Paragraph>
      <Table<BonusItem>
        size="small"
        rowKey="entryId"
        pagination={false}
        dataSource={bonus.items}
        locale={{ emptyText: '本周期暂无加分项' }}
        data-testid="bonus-items"
        columns={[
          { title: '类别', dataIndex: 'kindLabel' },
          { title: '科室', render: (_: unknown, i: BonusItem) => i.department?.name ?? '—' },
          { title: '加分', dataIndex: 'points' },
          { title: '登记时间', render: (_: unknown, i: BonusItem) => formatDateTime(i.awardedAt) },
        ]}
      />
    </>
  );
}

/** 本月预测: the running period so far, and what it comes to if its pending callbacks go as in the last three periods. */
export function OutlookCard() {
  const q = useQuery(THREE_RATES_OUTLOOK_QUERY, { variables: { period: null }, fetchPolicy: 'cache-and-network' });
  const o = q.data?.threeRatesOutlook;
  return (
    <Card size="small" title="本月预测" style={{ marginTop: 16 }} data-testid="three-rates-outlook">
      <QueryState loading={q.loading && !o} error={o ? undefined : q.error} onRetry={() => void q.refetch()} testId="three-rates-outlook-state">
        {o && (
          <>
            <Typography.Paragraph type="secondary">
              当前考核周期 {o.period}，截至 {formatDateTime(o.asOf)}：参评 {o.current.counts.assessed} 件，有效回访 {o.current.counts.answered}{' '}
              件，待回访或未接通 {o.current.counts.pending} 件
            </Typography.Paragraph>
            <Row gutter={16}>
              <Col span={12}>
                <Card size="small" title="至今">
                  <Row gutter={8}>
                    <Col span={6}>
                      <Statistic title="响应率" value={percent(o.current.responseRate)} />
                    </Col>
                    <Col span={6}>
                      <Statistic title="解决率" value={percent(o.current.resolutionRate)} />
                    </Col>
                    <Col span={6}>
                      <Statistic title="满意率" value={percent(o.current.satisfactionRate)} />
                    </Col>
                    <Col span={6}>
                      <Statistic title="综合得分（含加分）" value={score(o.current.score == null ? null : o.current.score + o.bonus.score)} />
                    </Col>
                  </Row>
                </Card>
              </Col>
              <Col span={12}>
                <Card size="small" title="若待回访按近三个周期情况完成" data-testid="three-rates-projection">
                  <Row gutter={8}>
                    <Col span={6}>
                      <Statistic title="响应率" value={percent(o.projection.responseRate)} />
                    </Col>
                    <Col span={6}>
                      <Statistic title="解决率" value={percent(o.projection.resolutionRate)} />
                    </Col>
                    <Col span={6}>
                      <Statistic title="满意率" value={percent(o.projection.satisfactionRate)} />
                    </Col>
                    <Col span={6}>
                      <Statistic title="综合得分（含加分）" value={score(o.projection.combinedScore)} />
                    </Col>
                  </Row>
                </Card>
              </Col>
            </Row>
            <Descriptions size="small" column={3} style={{ marginTop: 8 }}>
              <Descriptions.Item label="依据周期">
                {o.history.periods.join('、')}（参评 {o.history.assessed} 件）
              </Descriptions.Item>
              <Descriptions.Item label="有效回访占比">{percent(o.history.answerShare)}</Descriptions.Item>
              <Descriptions.Item label="预计新增有效回访">{o.projection.expectedAnswers.toFixed(1)} 件</Descriptions.Item>
            </Descriptions>
            <BonusItems bonus={o.bonus} />
          </>
        )}
      </QueryState>
    </Card>
  );
}
