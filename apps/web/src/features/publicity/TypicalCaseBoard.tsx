import { useState } from 'react';
import { Badge, Card, Col, Empty, Row, Space, Tag, Typography } from 'antd';
import { useQuery } from '@apollo/client';
import { QueryState } from '../../shared/QueryState';
import { formatDateTime } from '../../shared/time';
import { overdue, STAGE_COLORS, STAGES } from './labels';
import { TYPICAL_BOARD_QUERY } from './queries';
import { TypicalCaseDrawer } from './TypicalCaseDrawer';

/** Cards shown per stage column (the column's count is the server's). */
const PER_COLUMN = 30;

/** 典型案例看板: one column per stage, the server's counts and overdue numbers on top. */
export function TypicalCaseBoard({ canAct }: { canAct: boolean }) {
  const { data, loading, error, refetch } = useQuery(TYPICAL_BOARD_QUERY, { variables: { limit: PER_COLUMN }, fetchPolicy: 'cache-and-network' });
  const [open, setOpen] = useState<string | null>(null);
  return (
    <QueryState loading={loading && !data} error={data ? undefined : error} onRetry={() => void refetch()} testId="typical-board">
      <div className="publicity-board" data-testid="typical-board">
        <Row gutter={[12, 12]} wrap={false} style={{ overflowX: 'auto' }}>
          {STAGES.map((s) => {
            const head = data?.typicalCaseBoard.find((b) => b.stage === s);
            const col = data?.[s];
            return (
              <Col key={s} flex="0 0 220px">
                <Card
                  size="small"
                  data-testid={`typical-column-${s}`}
                  title={
                    <Space>
                      <Tag color={STAGE_COLORS[s]}>{head?.label}</Tag>
                      <Badge count={head?.count ?? 0} showZero color="#8c8c8c" />
                    </Space>
                  }
                  extra={head?.overdue ? <Typography.Text type="danger">超期 {head.overdue}</Typography.Text> : null}
                >
                  {!col?.items.length && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="无" />}
                  {col?.items.map((t) => (
                    <Card
                      key={t.id}
                      size="small"
                      hoverable
                      className="publicity-card"
                      style={{ marginBottom: 8 }}
                      onClick={() => setOpen(t.id)}
                      data-testid={`typical-card-${t.id}`}
                    >
                      <Typography.Text strong ellipsis={{ tooltip: t.title }}>
                        {t.title}
                      </Typography.Text>
                      <div>
                        <Typography.Text type="secondary">{t.case?.externalNo}</Typography.Text>
                      </div>
                      {t.stageDueAt && (
                        <div>
                          <Typography.Text type={overdue(t.stageDueAt) ? 'danger' : 'secondary'}>期限 {formatDateTime(t.stageDueAt)}</Typography.Text>
                        </div>
                      )}
                    </Card>
                  ))}
                  {col && col.total > col.items.length && <Typography.Text type="secondary">另有 {col.total - col.items.length} 件</Typography.Text>}
                </Card>
              </Col>
            );
          })}
        </Row>
      </div>
      <TypicalCaseDrawer id={open} canAct={canAct} onClose={() => setOpen(null)} onChanged={() => void refetch()} />
    </QueryState>
  );
}
