import { useState } from 'react';
import { Card, Descriptions, Space, Table, Tag, Typography } from 'antd';
import { useQuery } from '@apollo/client';
import { Link } from 'react-router-dom';
import { useCurrentUser } from '../../auth/AuthContext';
import { AttachmentList } from '../attachments/AttachmentList';
import { canRemove, canUpload, type AttachmentLike } from '../attachments/attachments';
import { RemoveAttachmentDialog } from '../attachments/RemoveAttachmentDialog';
import { UploadAttachmentButton } from '../attachments/UploadAttachmentButton';
import { DateTimeCell } from '../../../shared/DateTimeCell';
import { label, REPLY_RESULT_LABELS } from '../../../shared/labels';
import { QueryState } from '../../../shared/QueryState';
import { StageTag } from '../../../shared/tags';
import { tableEmpty } from '../../../shared/TableEmpty';
import { formatDateTime } from '../../../shared/time';
import { FEEDBACK_AUTOMATIC_QUERY } from '../admin/queries';
import { feedbackStatus } from '../admin/feedbackStatus';
import { FeedbackLog } from './FeedbackLog';
import { CASE_INTAKE_QUERY } from './queries';
import { LINK_KIND_LABELS, type CaseIntake, type LinkedCase } from './types';

const LABEL_STYLE = { whiteSpace: 'nowrap', width: 96 } as const;

function coordinates(c: CaseIntake): string {
  if (c.latitude == null || c.longitude == null) return '—';
  return `${c.longitude.toFixed(6)}, ${c.latitude.toFixed(6)}`;
}

/** 受理信息 on the case page: times, flags, place, attachments (附件), repeats, linked cases, feedback. */
export function CaseIntakePanel({ caseId }: { caseId: string }) {
  const user = useCurrentUser();
  const { data, loading, error, refetch } = useQuery(CASE_INTAKE_QUERY, {
    variables: { id: caseId },
    fetchPolicy: 'cache-and-network',
  });
  const c = data?.case;
  // Whether a 回传地址 is set drives the 办结反馈 wording (the roles that see 办结反馈 may ask).
  const automatic = useQuery<{ feedbackDeliveryAutomatic: boolean }>(FEEDBACK_AUTOMATIC_QUERY, { skip: !c?.feedback.length });
  const webhook = automatic.data?.feedbackDeliveryAutomatic;
  // 撤回附件: which file and whether its dialog is open live here, and the dialog is rendered
  // outside the Descriptions below — antd rebuilds their rows (remounting the attachment list)
  // when a refetch adds a row such as 主工单 or a narrow window makes them one column.
  const [removing, setRemoving] = useState<{ a: AttachmentLike; open: boolean } | null>(null);

  return (
    <>
      <Card size="small" title="受理信息" style={{ marginTop: 16 }} data-testid="case-intake">
        <QueryState loading={loading && !c} error={c ? undefined : error} onRetry={() => void refetch()} testId="case-intake">
          {c && (
            <Descriptions bordered size="small" column={{ xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 2 }} styles={{ label: LABEL_STYLE }}>
              <Descriptions.Item label="标记">
                <Space size={4} data-testid="case-flags">
                  {c.anonymous && <Tag color="purple">匿名</Tag>}
                  {c.confidential && <Tag color="red">保密</Tag>}
                  {!c.anonymous && !c.confidential && '—'}
                </Space>
              </Descriptions.Item>
              <Descriptions.Item label="社区">{c.community || '—'}</Descriptions.Item>
              <Descriptions.Item label="区平台派单">{formatDateTime(c.districtDispatchedAt)}</Descriptions.Item>
              <Descriptions.Item label="首次联系">{formatDateTime(c.firstContactAt)}</Descriptions.Item>
              <Descriptions.Item label="办理结果">{label(REPLY_RESULT_LABELS, c.replyResult)}</Descriptions.Item>
              <Descriptions.Item label="办结时间">{formatDateTime(c.completedAt)}</Descriptions.Item>
              <Descriptions.Item label="经纬度">
                <span data-testid="case-coordinates">{coordinates(c)}</span>
              </Descriptions.Item>
              <Descriptions.Item label="重复/同类">
                <span data-testid="case-repeat-count">
                  重复诉求 {c.repeatCount} 次 · 同楼盘同主题 {c.clusterCount} 件
                </span>
              </Descriptions.Item>
              {c.masterCaseId && (
                <Descriptions.Item label="主工单" span={2}>
                  <span data-testid="case-master">
                    本工单为{label(LINK_KIND_LABELS, c.linkKind)}，<Link to={`/cases/${c.masterCaseId}`}>查看主工单</Link>
                    {c.linkScore != null && `（相似度 ${Math.round(c.linkScore * 100)}%）`}
                  </span>
                </Descriptions.Item>
              )}
              <Descriptions.Item label="附件" span={2}>
                <Space direction="vertical" size={8} style={{ width: '100%' }}>
                  <AttachmentList
                    attachments={c.attachments}
                    removal={canRemove(user.role) ? { onRemove: (a) => setRemoving({ a, open: true }) } : undefined}
                  />
                  {canUpload(user.role) && <UploadAttachmentButton caseId={c.id} onUploaded={() => void refetch()} />}
                </Space>
              </Descriptions.Item>
            </Descriptions>
          )}
        </QueryState>
      </Card>
      {removing && (
        <RemoveAttachmentDialog
          caseId={caseId}
          a={removing.a}
          open={removing.open}
          onClose={() => setRemoving((r) => r && { ...r, open: false })}
          // A file picked again while the dialog was closing keeps its dialog.
          afterClose={() => setRemoving((r) => (r && !r.open ? null : r))}
          onRemoved={() => void refetch()}
        />
      )}
      {c && c.linkedCases.length > 0 && (
        <Card size="small" title={`关联工单（${c.linkedCases.length}）`} style={{ marginTop: 16 }} data-testid="case-linked">
          <Table<LinkedCase>
            rowKey="id"
            size="small"
            pagination={false}
            dataSource={c.linkedCases}
            locale={{ emptyText: tableEmpty('暂无关联工单') }}
            columns={[
              { title: '工单编号', dataIndex: 'externalNo', width: 140, render: (v: string, r) => <Link to={`/cases/${r.id}`}>{v}</Link> },
              { title: '标题', dataIndex: 'title', ellipsis: true },
              { title: '关联方式', dataIndex: 'linkKind', width: 80, render: (v: string) => label(LINK_KIND_LABELS, v) },
              { title: '环节', dataIndex: 'stage', width: 95, render: (v: string) => <StageTag stage={v} /> },
              { title: '收到时间', dataIndex: 'receivedAt', width: 105, render: (v: string) => <DateTimeCell value={v} /> },
            ]}
          />
        </Card>
      )}
      {c && (
        <Card size="small" title="办结反馈" style={{ marginTop: 16 }} data-testid="case-feedback-card">
          <FeedbackLog records={c.feedback} webhook={webhook} />
          {/* A record already saying it has to be uploaded by hand needs no general note. */}
          {!c.feedback.some((f) => feedbackStatus(f, { webhook }).manual) && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {webhook === true
                ? '办结后答复结果自动回传区级12345平台；失败会自动重试。'
                : webhook === false
                  ? '未设置回传地址：办结反馈不会自动回传，请在「办结反馈」页导出后手工上传至区级12345平台。'
                  : '设置了回传地址时，办结后答复结果自动回传区级12345平台；未设置时请在「办结反馈」页导出后手工上传。'}
            </Typography.Text>
          )}
        </Card>
      )}
    </>
  );
}
