import { Button, Card, Col, Result, Row, Space, Typography } from 'antd';
import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQuery } from '@apollo/client';
import { useNavigate, useParams } from 'react-router-dom';
import { CaseDispatchPanels } from '../../features/dispatch/handling/CaseDispatchPanels';
import { errorCode } from '../../shared/errors';
import { QueryState } from '../../shared/QueryState';
import { CaseActions } from '../../features/cases/CaseActions';
import { CaseHandling } from '../../features/cases/CaseHandling';
import { CaseInfo } from '../../features/cases/CaseInfo';
import { CaseTimeline } from '../../features/cases/CaseTimeline';
import { CaseIntakeActions, CaseIntakeSection } from '../../features/intake/repeats/CaseIntakeExtras';
import { CASE_DETAIL_QUERY } from '../../features/cases/queries';
import { CaseCallbacks } from '../../features/callback/CaseCallbacks';
import { CasePublicityPanel } from '../../features/publicity/CasePublicityPanel';
import { CaseClocksPanel } from '../../features/supervision/CaseClocksPanel';

function NotFound() {
  const navigate = useNavigate();
  return (
    <div data-testid="case-not-found">
      <Result status="404" title="工单不存在或无权查看" extra={<Button onClick={() => navigate(-1)}>返回</Button>} />
    </div>
  );
}

/** 工单详情: the case, the actions the current role can take, the reference panels and the full timeline. */
export default function CaseDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { data, loading, error, refetch } = useQuery(CASE_DETAIL_QUERY, {
    variables: { id },
    fetchPolicy: 'cache-and-network',
  });
  const c = data?.case;

  if (errorCode(error) === 'NOT_FOUND' || (data && !c && !loading)) return <NotFound />;

  return (
    <Card className="page-card" data-testid="case-detail">
      <div className="page-toolbar">
        <Space>
          <Button icon={<ArrowLeftOutlined />} onClick={() => navigate(-1)} data-testid="case-back">
            返回
          </Button>
          <Typography.Title level={4} className="page-title">
            工单详情{c ? ` · ${c.externalNo}` : ''}
          </Typography.Title>
        </Space>
        <Space>
          {c && <CaseActions c={c} onChanged={() => void refetch()} />}
          {c && <CaseIntakeActions c={c} onChanged={() => void refetch()} />}
          <Button icon={<ReloadOutlined />} onClick={() => void refetch()} data-testid="case-refresh">
            刷新
          </Button>
        </Space>
      </div>
      <QueryState loading={loading && !c} error={c ? undefined : error} onRetry={() => void refetch()} testId="case">
        {c && (
          <Row gutter={16}>
            <Col xs={24} xl={16}>
              <CaseInfo c={c} />
              {/* What the current role can do now (办理 / 局审核 / 改派 / 延期审批) comes first … */}
              <CaseDispatchPanels part="actions" caseId={c.id} onChanged={() => void refetch()} />
              {/* … then the reference panels. */}
              <CaseHandling c={c} />
              <CaseClocksPanel caseId={c.id} externalNo={c.externalNo} />
              <CaseIntakeSection c={c} />
              <CaseCallbacks caseId={c.id} />
              <CaseDispatchPanels part="records" caseId={c.id} onChanged={() => void refetch()} />
              <CasePublicityPanel caseId={c.id} caseTitle={c.title} />
            </Col>
            <Col xs={24} xl={8}>
              <Card size="small" title="办理过程" data-testid="case-timeline-card">
                <CaseTimeline entries={c.timeline} />
              </Card>
            </Col>
          </Row>
        )}
      </QueryState>
    </Card>
  );
}
