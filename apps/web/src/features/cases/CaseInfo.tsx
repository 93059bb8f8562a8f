import { Descriptions } from 'antd';
import { dispatchDueOf } from '../../shared/countdown';
import { DispatchCountdown } from '../../shared/DispatchCountdown';
import { CHANNEL_LABELS, label, REQUEST_TYPE_LABELS, TIER_LABELS } from '../../shared/labels';
import { maskName, maskPhone } from '../../shared/mask';
import { StageTag, UrgencyTag } from '../../shared/tags';
import { formatDateTime } from '../../shared/time';
import type { CaseDetail } from '../../shared/types';

const LABEL_STYLE = { whiteSpace: 'nowrap', width: 96 } as const;

/** Every field of a case. Personal data is shown masked (the API masks; we mask again). */
export function CaseInfo({ c }: { c: CaseDetail }) {
  const waitingDispatch = c.stage === 'signed';
  return (
    <Descriptions bordered size="small" column={{ xs: 1, sm: 2, md: 2, lg: 2, xl: 2, xxl: 2 }} styles={{ label: LABEL_STYLE }} data-testid="case-info">
      <Descriptions.Item label="工单编号">
        <span data-testid="case-externalNo">{c.externalNo}</span>
      </Descriptions.Item>
      <Descriptions.Item label="当前环节">
        <StageTag stage={c.stage} />
      </Descriptions.Item>
      <Descriptions.Item label="标题" span={2}>
        <span data-testid="case-title">{c.title}</span>
      </Descriptions.Item>
      <Descriptions.Item label="诉求内容" span={2}>
        <div className="pre-wrap" data-testid="case-content">
          {c.content}
        </div>
      </Descriptions.Item>
      <Descriptions.Item label="诉求类型">{label(REQUEST_TYPE_LABELS, c.requestType)}</Descriptions.Item>
      <Descriptions.Item label="主题">{c.topic}</Descriptions.Item>
      <Descriptions.Item label="紧急程度">
        <UrgencyTag urgency={c.urgency} />
      </Descriptions.Item>
      <Descriptions.Item label="难度分类">{label(TIER_LABELS, c.tier)}</Descriptions.Item>
      <Descriptions.Item label="来源渠道">{label(CHANNEL_LABELS, c.channel)}</Descriptions.Item>
      <Descriptions.Item label="项目名称">{c.projectName || '—'}</Descriptions.Item>
      <Descriptions.Item label="收到时间">{formatDateTime(c.receivedAt)}</Descriptions.Item>
      <Descriptions.Item label="签收时间">{formatDateTime(c.signedAt)}</Descriptions.Item>
      <Descriptions.Item label="分转时限">
        {waitingDispatch ? <DispatchCountdown dueAt={dispatchDueOf(c)} /> : formatDateTime(dispatchDueOf(c))}
      </Descriptions.Item>
      <Descriptions.Item label="办理时限">{formatDateTime(c.assignment?.deadlineAt ?? c.deadlineAt)}</Descriptions.Item>
      <Descriptions.Item label="来电人">
        <span data-testid="case-citizenName">{maskName(c.citizenName) || '—'}</span>
      </Descriptions.Item>
      <Descriptions.Item label="联系电话">
        <span data-testid="case-citizenPhone">{maskPhone(c.citizenPhone) || '—'}</span>
      </Descriptions.Item>
      <Descriptions.Item label="街道（乡镇）">{c.street || '—'}</Descriptions.Item>
      <Descriptions.Item label="地址">
        <span data-testid="case-address">{c.address || '—'}</span>
      </Descriptions.Item>
    </Descriptions>
  );
}
