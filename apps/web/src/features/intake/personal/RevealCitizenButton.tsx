import { useState } from 'react';
import { Alert, Button, Descriptions, Form, Input, Modal, Typography } from 'antd';
import { EyeOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client';
import { errorCode, errorMessage, graphQLErrorsOf } from '../../../shared/errors';
import { REVEAL_CITIZEN_MUTATION } from './queries';
import type { RevealedCitizen } from './types';

/** The server explains in Chinese why a reveal is refused (保密件, 答复后方可回访 …). */
function revealError(e: unknown): string {
  if (errorCode(e) === 'FORBIDDEN') {
    const m = graphQLErrorsOf(e).find((g) => g.extensions?.code === 'FORBIDDEN')?.message;
    if (m && /[\u4e00-\u9fff]/.test(m)) return m;
  }
  return errorMessage(e);
}

/** 查看联系方式: asks for the reason, shows the full data once, and says the access is recorded. */
export function RevealCitizenButton({ caseId, externalNo }: { caseId: string; externalNo: string }) {
  const [open, setOpen] = useState(false);
  const [revealed, setRevealed] = useState<RevealedCitizen | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const [reveal, { loading }] = useMutation(REVEAL_CITIZEN_MUTATION, { fetchPolicy: 'no-cache' });

  const close = () => {
    setOpen(false);
    setRevealed(null);
    setError(null);
    form.resetFields();
  };

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setError(null);
    try {
      const { data } = await reveal({ variables: { caseId, reason: v.reason.trim() } });
      setRevealed(data?.revealCitizen ?? null);
    } catch (e) {
      setError(revealError(e));
    }
  };

  return (
    <>
      <Button size="small" icon={<EyeOutlined />} onClick={() => setOpen(true)} data-testid="reveal-button">
        查看联系方式
      </Button>
      <Modal
        open={open}
        title={`查看来电人联系方式 · ${externalNo}`}
        onCancel={close}
        destroyOnHidden
        footer={
          revealed ? (
            <Button type="primary" onClick={close} data-testid="reveal-close">
              关闭
            </Button>
          ) : (
            <>
              <Button onClick={close}>取消</Button>
              <Button type="primary" loading={loading} onClick={submit} data-testid="reveal-submit">
                查看
              </Button>
            </>
          )
        }
      >
        <div data-testid="reveal-modal">
          {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="reveal-error" />}
          {revealed ? (
            <>
              <Descriptions bordered size="small" column={1} data-testid="reveal-result">
                <Descriptions.Item label="姓名">
                  <span data-testid="reveal-name">{revealed.name || '—'}</span>
                </Descriptions.Item>
                <Descriptions.Item label="电话">
                  <Typography.Text copyable={!!revealed.phone} data-testid="reveal-phone">
                    {revealed.phone || '—'}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label="地址">{revealed.address || '—'}</Descriptions.Item>
              </Descriptions>
              <Alert
                type="warning"
                showIcon
                style={{ marginTop: 12 }}
                message="本次查看已记录（查看人、时间、原因），请仅用于办理本工单，不得外传。"
                data-testid="reveal-recorded"
              />
            </>
          ) : (
            <>
              <Typography.Paragraph type="secondary">
                来电人的完整姓名、电话和地址属于个人信息。查看须填写原因，每次查看都会被记录，管理员可查阅。
              </Typography.Paragraph>
              <Form form={form} layout="vertical">
                <Form.Item name="reason" label="查看原因" rules={[{ required: true, whitespace: true, message: '请填写查看原因' }]}>
                  <Input.TextArea rows={3} maxLength={200} showCount placeholder="如：联系来电人核实诉求地址" data-testid="reveal-reason" />
                </Form.Item>
              </Form>
            </>
          )}
        </div>
      </Modal>
    </>
  );
}
