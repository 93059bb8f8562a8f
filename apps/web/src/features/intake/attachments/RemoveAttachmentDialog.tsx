import { useState } from 'react';
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useMutation } from '@apollo/client';
import { REMOVE_REASON_MAX, removeErrorMessage, removeReasonProblem, type AttachmentLike } from './attachments';
import { REMOVE_ATTACHMENT_MUTATION } from './queries';

interface Props {
  caseId: string;
  /** The file being taken back; still given while the dialog animates closed. */
  a: AttachmentLike;
  open: boolean;
  onClose(): void;
  /** Once the dialog has finished closing. */
  afterClose?(): void;
  /** After a successful 撤回: refetches the case. */
  onRemoved(): void;
}

/**
 * 撤回附件 (duty, admin): takes back a file uploaded by mistake — asks why, says plainly that the
 * file is deleted for good, then calls `removeAttachment`.
 *
 * Rendered by the owner of the attachment list (the case's 受理信息 panel), outside the list and
 * its Descriptions: antd rebuilds the Descriptions rows when the layout changes (one column on a
 * narrow window, a 主工单 row after a refetch), remounting what they hold, and a dialog kept in a
 * list row closed under the operator's hand, losing the reason typed so far.
 */
export function RemoveAttachmentDialog({ caseId, a, open, onClose, afterClose, onRemoved }: Props) {
  const { message } = App.useApp();
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<{ reason: string }>();
  const [removeAttachment, { loading }] = useMutation(REMOVE_ATTACHMENT_MUTATION);

  const close = () => {
    setError(null);
    form.resetFields();
    onClose();
  };

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v || !a.id) return; // only a stored file (it has an id) can be withdrawn
    const attachmentId = a.id;
    setError(null);
    try {
      await removeAttachment({ variables: { caseId, attachmentId, reason: v.reason.trim() } });
      message.success(`附件「${a.name}」已撤回，文件已删除`);
      close();
      onRemoved();
    } catch (e) {
      setError(removeErrorMessage(e));
    }
  };

  return (
    <Modal
      open={open}
      title="撤回附件"
      okText="确认撤回"
      cancelText="取消"
      onOk={() => void submit()}
      onCancel={close}
      afterClose={afterClose}
      confirmLoading={loading}
      okButtonProps={{ danger: true, 'data-testid': 'attachment-remove-submit' }}
      destroyOnHidden
    >
      <div data-testid="attachment-remove-modal">
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="attachment-remove-error" />}
        <Typography.Paragraph>
          撤回附件「<Typography.Text strong>{a.name}</Typography.Text>」？
        </Typography.Paragraph>
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message="撤回后文件将从工单中移除并彻底删除，无法恢复。"
          description="撤回人、时间和原因会被记录。"
          data-testid="attachment-remove-warning"
        />
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label="撤回原因"
            required
            rules={[
              {
                validator: (_, value: string | undefined) => {
                  const p = removeReasonProblem(value);
                  return p ? Promise.reject(new Error(p)) : Promise.resolve();
                },
              },
            ]}
          >
            <Input.TextArea
              rows={3}
              maxLength={REMOVE_REASON_MAX}
              showCount
              placeholder="如：误传了其他市民的身份证复印件"
              data-testid="attachment-remove-reason"
            />
          </Form.Item>
        </Form>
      </div>
    </Modal>
  );
}
