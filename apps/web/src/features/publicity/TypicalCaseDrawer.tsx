import { useEffect, useState } from 'react';
import { Alert, App, Button, Descriptions, Drawer, Form, Input, List, Space, Tag, Timeline, Typography, Upload } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery } from '@apollo/client';
import { Link } from 'react-router-dom';
import { errorMessage } from '../../shared/errors';
import { formatDateTime } from '../../shared/time';
import { AwardModal } from './AwardModal';
import { downloadMaterial, uploadMaterial } from './http';
import { actionLabel, overdue, stageColor } from './labels';
import { REJECT, REVIEW, SAVE_DRAFT, SEND_FOR_REVIEW, SUBMIT, TYPICAL_CASE_QUERY } from './queries';

/** The optimistic-lock reference of a typical case, as every step sends it. */
const refOf = (c: { id: string; version: number }) => ({ id: c.id, expectedVersion: c.version });

/** One typical case: its draft, materials and history, and the next step the supervisor can take. */
export function TypicalCaseDrawer({ id, canAct, onClose, onChanged }: { id: string | null; canAct: boolean; onClose: () => void; onChanged: () => void }) {
  const { message, modal } = App.useApp();
  // No de-duplication: a refetch after an upload must not join a refetch still in flight from an
  // earlier step (saving the draft), whose answer predates the new material (seen in the browser test).
  const { data, refetch } = useQuery(TYPICAL_CASE_QUERY, {
    variables: { id: id ?? '' },
    skip: !id,
    fetchPolicy: 'network-only',
    context: { queryDeduplication: false },
  });
  const t = data?.typicalCase;
  const [text, setText] = useState('');
  const [awarding, setAwarding] = useState(false);
  const [uploading, setUploading] = useState(false);
  useEffect(() => setText(t?.draftText ?? ''), [t?.id, t?.draftText]);
  const [save, saving] = useMutation(SAVE_DRAFT);
  const [send, sending] = useMutation(SEND_FOR_REVIEW);
  const [review, reviewing] = useMutation(REVIEW);
  const [submit, submitting] = useMutation(SUBMIT);
  const [reject, rejecting] = useMutation(REJECT);

  const run = async (fn: () => Promise<unknown>, done: string) => {
    try {
      await fn();
      message.success(done);
      await refetch();
      onChanged();
    } catch (e) {
      message.error(errorMessage(e));
      void refetch();
    }
  };
  const withNote = (title: string, required: boolean, then: (note: string) => Promise<unknown>, done: string) => {
    let note = '';
    modal.confirm({
      title,
      content: <Input.TextArea rows={3} maxLength={1000} onChange={(e) => (note = e.target.value)} data-testid="typical-note" />,
      okText: '确定',
      cancelText: '取消',
      onOk: async () => {
        if (required && note.trim().length < 4) {
          message.error('请填写说明（至少 4 个字）');
          throw new Error('note required');
        }
        await run(() => then(note.trim()), done);
      },
    });
  };

  return (
    <Drawer open={!!id} onClose={onClose} width={720} title={t ? t.title : '典型案例'} destroyOnHidden data-testid="typical-drawer">
      {t && (
        <Space direction="vertical" style={{ width: '100%' }} size="middle">
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label="阶段">
              <Tag color={stageColor(t.stage)} data-testid="typical-stage">
                {t.stageLabel}
              </Tag>
            </Descriptions.Item>
            <Descriptions.Item label="本阶段期限">
              {t.stageDueAt ? <Typography.Text type={overdue(t.stageDueAt) ? 'danger' : undefined}>{formatDateTime(t.stageDueAt)}</Typography.Text> : '—'}
            </Descriptions.Item>
            <Descriptions.Item label="来源工单">
              {t.case ? (
                <Link to={`/cases/${t.case.id}`}>
                  {t.case.externalNo} {t.case.title}
                </Link>
              ) : (
                '—'
              )}
            </Descriptions.Item>
            <Descriptions.Item label="提名时间">{formatDateTime(t.nominatedAt)}</Descriptions.Item>
            <Descriptions.Item label="提名理由" span={2}>
              {t.reason}
            </Descriptions.Item>
            {t.reviewNote && (
              <Descriptions.Item label="审核意见" span={2}>
                {t.reviewNote}
              </Descriptions.Item>
            )}
            {t.refusalReason && (
              <Descriptions.Item label="未采纳原因" span={2}>
                {t.refusalReason}
              </Descriptions.Item>
            )}
          </Descriptions>

          <div>
            <Typography.Title level={5}>案例正文</Typography.Title>
            {t.stage === 'drafting' && canAct ? (
              <Form layout="vertical">
                <Input.TextArea rows={8} value={text} maxLength={20000} showCount onChange={(e) => setText(e.target.value)} data-testid="typical-text" />
                <Button
                  style={{ marginTop: 8 }}
                  loading={saving.loading}
                  onClick={() => void run(() => save({ variables: { i: { ...refOf(t), text } } }), '稿件已保存')}
                  data-testid="typical-save"
                >
                  保存稿件
                </Button>
              </Form>
            ) : (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{t.draftText || '（尚无正文）'}</Typography.Paragraph>
            )}
          </div>

          <div>
            <Typography.Title level={5}>佐证材料</Typography.Title>
            <List
              size="small"
              bordered
              dataSource={t.materials}
              locale={{ emptyText: '尚无材料' }}
              renderItem={(m) => (
                <List.Item
                  actions={[
                    <Button key="d" size="small" icon={<DownloadOutlined />} onClick={() => downloadMaterial(m).catch((e: Error) => message.error(e.message))}>
                      下载
                    </Button>,
                  ]}
                >
                  {m.name}（{Math.max(1, Math.round(m.size / 1024))} KB）
                </List.Item>
              )}
            />
            {t.stage === 'drafting' && canAct && (
              <Upload
                showUploadList={false}
                customRequest={async ({ file }) => {
                  setUploading(true);
                  try {
                    await uploadMaterial(t.id, file as File);
                    message.success('材料已上传');
                    await refetch();
                  } catch (e) {
                    message.error((e as Error).message);
                  } finally {
                    setUploading(false);
                  }
                }}
              >
                <Button style={{ marginTop: 8 }} icon={<UploadOutlined />} loading={uploading} data-testid="typical-upload">
                  上传材料
                </Button>
              </Upload>
            )}
          </div>

          {t.missing.length > 0 && ['drafting', 'approved'].includes(t.stage) && (
            <Alert type="warning" showIcon message={`提交审核和报送前尚缺：${t.missing.join('、')}`} data-testid="typical-missing" />
          )}

          {canAct && (
            <Space wrap data-testid="typical-actions">
              {t.stage === 'drafting' && (
                <Button
                  type="primary"
                  loading={sending.loading}
                  onClick={() => void run(() => send({ variables: { i: refOf(t) } }), '已提交审核')}
                  data-testid="typical-send-review"
                >
                  提交审核
                </Button>
              )}
              {t.stage === 'reviewing' && (
                <>
                  <Button
                    type="primary"
                    loading={reviewing.loading}
                    onClick={() => void run(() => review({ variables: { i: { ...refOf(t), approve: true } } }), '审核通过')}
                    data-testid="typical-approve"
                  >
                    审核通过
                  </Button>
                  <Button
                    onClick={() =>
                      withNote('退回修改：审核意见', true, (note) => review({ variables: { i: { ...refOf(t), approve: false, note } } }), '已退回修改')
                    }
                    data-testid="typical-send-back"
                  >
                    退回修改
                  </Button>
                </>
              )}
              {t.stage === 'approved' && (
                <Button
                  type="primary"
                  loading={submitting.loading}
                  onClick={() => void run(() => submit({ variables: { i: refOf(t) } }), '已报送')}
                  data-testid="typical-submit"
                >
                  报送
                </Button>
              )}
              {t.stage === 'submitted' && (
                <>
                  <Button type="primary" onClick={() => setAwarding(true)} data-testid="typical-award">
                    登记加分
                  </Button>
                  <Button
                    danger
                    loading={rejecting.loading}
                    onClick={() => withNote('登记未采纳：原因', true, (reason) => reject({ variables: { i: { ...refOf(t), reason } } }), '已登记未采纳')}
                    data-testid="typical-reject"
                  >
                    登记未采纳
                  </Button>
                </>
              )}
            </Space>
          )}

          <div>
            <Typography.Title level={5}>操作记录</Typography.Title>
            <Timeline
              items={t.history.map((h) => ({
                children: (
                  <span>
                    {formatDateTime(h.at)} {h.actor?.displayName ?? ''} {actionLabel(h.action)}
                    {h.note ? <Typography.Text type="secondary">：{h.note}</Typography.Text> : null}
                  </span>
                ),
              }))}
            />
          </div>
        </Space>
      )}
      <AwardModal
        item={awarding && t ? { kind: 'typical-case', id: t.id, title: t.title } : null}
        onClose={() => setAwarding(false)}
        onDone={() => {
          setAwarding(false);
          void refetch();
          onChanged();
        }}
      />
    </Drawer>
  );
}
