import { useEffect, useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Input, List, Popconfirm, Select, Space, Tag, Typography, Upload } from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone, DeleteOutlined, DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client';
import { Link } from 'react-router-dom';
import { downloadWithAuth, httpErrorMessage, uploadFile } from '../intake/import/http';
import { errorMessage } from '../../shared/errors';
import { formatDateTime } from '../../shared/time';
import { APPROVE_CLAIM, REJECT_CLAIM, REMOVE_EVIDENCE, SUBMIT_CLAIM, UPDATE_CLAIM, WITHDRAW_CLAIM } from './queries';
import { formatDeadline, statusColor, type ExclusionClaim, type ExclusionRuleSet } from './types';

/** One claim: its rule, statement, checklist and evidence, and what the supervisor can do next. */
export function ClaimDrawer({
  claim,
  ruleSet,
  canAct,
  onClose,
  onChanged,
}: {
  claim: ExclusionClaim | null;
  ruleSet: ExclusionRuleSet | null;
  canAct: boolean;
  onClose: () => void;
  onChanged: () => Promise<unknown>;
}) {
  const { message, modal } = App.useApp();
  const [statement, setStatement] = useState('');
  const [uploading, setUploading] = useState<string | null>(null);
  useEffect(() => setStatement(claim?.statement ?? ''), [claim?.id, claim?.statement]);
  const [update, updating] = useMutation(UPDATE_CLAIM);
  const [submit, submitting] = useMutation(SUBMIT_CLAIM);
  const [approve] = useMutation(APPROVE_CLAIM);
  const [reject] = useMutation(REJECT_CLAIM);
  const [withdraw] = useMutation(WITHDRAW_CLAIM);
  const [removeEvidence] = useMutation(REMOVE_EVIDENCE);
  if (!claim) return null;
  // The type as the claim's own rule set version words it (the month's current version may differ).
  const type =
    ruleSet && ruleSet.month === claim.ruleSetMonth && ruleSet.version === claim.ruleSetVersion ? ruleSet.types.find((t) => t.code === claim.type) : undefined;
  const draft = claim.status === 'draft';

  const run = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      message.success(done);
    } catch (e) {
      message.error(errorMessage(e));
    }
    await onChanged();
  };
  const withNote = (title: string, then: (note: string) => Promise<unknown>, done: string) => {
    let note = '';
    modal.confirm({
      title,
      content: (
        <Input.TextArea
          rows={3}
          maxLength={500}
          onChange={(e) => (note = e.target.value)}
          data-testid="exclusion-note"
          placeholder="请填写说明（至少 2 个字）"
        />
      ),
      okText: '确定',
      cancelText: '取消',
      onOk: () => run(() => then(note), done),
    });
  };
  const upload = async (kind: string, file: File) => {
    setUploading(kind);
    try {
      await uploadFile(`/exclusion-claims/${claim.id}/evidence?kind=${encodeURIComponent(kind)}&fileName=${encodeURIComponent(file.name)}`, file);
      message.success(`已上传：${file.name}`);
    } catch (e) {
      message.error(httpErrorMessage(e));
    } finally {
      setUploading(null);
    }
    await onChanged();
  };
  const download = async (url: string, name: string) => {
    try {
      await downloadWithAuth(url, name);
    } catch (e) {
      message.error(httpErrorMessage(e));
    }
  };
  const kinds = claim.checklist.filter((i) => i.key !== 'statement');

  return (
    <Drawer open width={720} onClose={onClose} title={`不纳入考核申请 · ${claim.externalNo}`} data-testid="exclusion-claim-drawer" destroyOnHidden>
      <Descriptions size="small" column={2} bordered>
        <Descriptions.Item label="工单">
          <Link to={`/cases/${claim.case?.id}`}>{claim.externalNo}</Link> {claim.case?.title ?? ''}
        </Descriptions.Item>
        <Descriptions.Item label="状态">
          <Tag color={statusColor(claim.status)} data-testid="exclusion-claim-status">
            {claim.statusLabel}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label="考核月份">{claim.month}</Descriptions.Item>
        <Descriptions.Item label="申报截止">{formatDeadline(claim.deadline)}</Descriptions.Item>
        <Descriptions.Item label="类型" span={2}>
          {claim.typeLabel}
        </Descriptions.Item>
        <Descriptions.Item label="依据规则" span={2}>
          {claim.ruleSetMonth} 起适用的规则集 第 {claim.ruleSetVersion} 版
        </Descriptions.Item>
        {type && (
          <Descriptions.Item label="适用条件" span={2}>
            {type.conditions}
          </Descriptions.Item>
        )}
        {claim.decisionNote && (
          <Descriptions.Item label="审核意见 / 撤回原因" span={2}>
            {claim.decisionNote}
          </Descriptions.Item>
        )}
      </Descriptions>

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        核对清单
      </Typography.Title>
      <List
        size="small"
        dataSource={claim.checklist}
        data-testid="exclusion-checklist"
        renderItem={(i) => (
          <List.Item>
            <Space>
              {i.done ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />}
              <span>{i.label}</span>
              {!i.done && <Tag color="red">尚缺</Tag>}
            </Space>
          </List.Item>
        )}
      />

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        申请说明
      </Typography.Title>
      {draft && canAct ? (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input.TextArea
            rows={6}
            maxLength={5000}
            showCount
            value={statement}
            onChange={(e) => setStatement(e.target.value)}
            data-testid="exclusion-statement"
          />
          <Button
            loading={updating.loading}
            onClick={() => void run(() => update({ variables: { i: { claimId: claim.id, statement } } }), '申请说明已保存')}
            data-testid="exclusion-save"
          >
            保存说明
          </Button>
        </Space>
      ) : (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{claim.statement || '（无）'}</Typography.Paragraph>
      )}

      <Typography.Title level={5} style={{ marginTop: 16 }}>
        佐证材料
      </Typography.Title>
      {draft && canAct && (
        <Space wrap style={{ marginBottom: 8 }}>
          {kinds.map((k) => (
            <Upload
              key={k.key}
              showUploadList={false}
              beforeUpload={(file) => {
                void upload(k.key, file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={uploading === k.key} data-testid={`exclusion-upload-${k.key}`}>
                上传：{k.label}
              </Button>
            </Upload>
          ))}
        </Space>
      )}
      <List
        size="small"
        bordered
        locale={{ emptyText: '尚未上传佐证材料' }}
        dataSource={claim.evidence}
        data-testid="exclusion-evidence"
        renderItem={(e) => (
          <List.Item
            actions={[
              <Button key="d" size="small" icon={<DownloadOutlined />} onClick={() => void download(e.url, e.name)}>
                下载
              </Button>,
              ...(draft && canAct
                ? [
                    <Popconfirm
                      key="r"
                      title="删除这份材料？"
                      okText="删除"
                      cancelText="取消"
                      onConfirm={() => run(() => removeEvidence({ variables: { claimId: claim.id, evidenceId: e.id } }), '已删除')}
                    >
                      <Button size="small" danger icon={<DeleteOutlined />} />
                    </Popconfirm>,
                  ]
                : []),
            ]}
          >
            <Space>
              <Tag>{kinds.find((k) => k.key === e.kind)?.label ?? e.kind}</Tag>
              {e.name}
              <Typography.Text type="secondary">{formatDateTime(e.uploadedAt)}</Typography.Text>
            </Space>
          </List.Item>
        )}
      />

      {draft && !claim.complete && <Alert style={{ marginTop: 16 }} type="warning" showIcon message="清单未全部满足，暂不能提交" />}
      <Space style={{ marginTop: 16 }} wrap>
        <Button
          icon={<DownloadOutlined />}
          onClick={() => void download(claim.packageUrl, `不纳入考核申请-${claim.externalNo}-${claim.month}.zip`)}
          data-testid="exclusion-package"
        >
          下载申请材料包
        </Button>
        {canAct && draft && (
          <Button
            type="primary"
            loading={submitting.loading}
            disabled={!claim.complete}
            onClick={() => void run(() => submit({ variables: { id: claim.id } }), '已提交')}
            data-testid="exclusion-submit"
          >
            提交申请
          </Button>
        )}
        {canAct && claim.status === 'submitted' && (
          <>
            <Button
              type="primary"
              onClick={() => withNote('登记审核通过（区级平台意见）', (note) => approve({ variables: { i: { claimId: claim.id, note } } }), '已登记通过')}
              data-testid="exclusion-approve"
            >
              登记通过
            </Button>
            <Button
              danger
              onClick={() => withNote('登记审核未通过（区级平台意见）', (note) => reject({ variables: { i: { claimId: claim.id, note } } }), '已登记未通过')}
              data-testid="exclusion-reject"
            >
              登记未通过
            </Button>
          </>
        )}
        {canAct && (draft || claim.status === 'submitted') && (
          <Button
            onClick={() => withNote('撤回申请', (note) => withdraw({ variables: { i: { claimId: claim.id, note } } }), '已撤回')}
            data-testid="exclusion-withdraw"
          >
            撤回
          </Button>
        )}
      </Space>
    </Drawer>
  );
}

/** The type picker of a month's rule set (new claims). */
export function TypeSelect({ ruleSet, value, onChange }: { ruleSet: ExclusionRuleSet | null; value?: string; onChange?: (v: string) => void }) {
  return (
    <Select
      value={value}
      onChange={onChange}
      placeholder="选择不纳入考核类型"
      data-testid="exclusion-type"
      options={(ruleSet?.types ?? []).map((t) => ({ value: t.code, label: t.label }))}
    />
  );
}
