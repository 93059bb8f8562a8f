import { useEffect, useState } from 'react';
import { Alert, App, Button, Col, DatePicker, Form, Input, Modal, Progress, Radio, Row, Select, Space, Typography, Upload } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
import { useMutation } from '@apollo/client';
import { Link } from 'react-router-dom';
import { TopicSelect } from '../../intake/admin/TopicSelect';
import { ACCEPT, failedUploadsMessage, formatFileSize, precheckFile, storedAsNotice } from '../../intake/attachments/attachments';
import { attachmentErrorText, uploadAttachment } from '../../intake/attachments/http';
import { confirmAction } from '../../../shared/confirm';
import { errorMessage } from '../../../shared/errors';
import { REQUEST_TYPE_LABELS, URGENCY_LABELS } from '../../../shared/labels';
import { dayjs } from '../../../shared/time';
import type { CaseSummary } from '../../../shared/types';
import { RECEIVE_CASE_MUTATION } from './queries';
import type { RequestType, Urgency } from '../../../gql/graphql';

interface Props {
  open: boolean;
  onClose(): void;
  onCreated?(created: CaseSummary): void;
}

interface ReceiveForm {
  externalNo: string;
  receivedAt?: Dayjs;
  citizenName: string;
  citizenPhone: string;
  address?: string;
  projectName?: string;
  street?: string;
  title: string;
  content: string;
  requestType: string;
  topic: string;
  urgency: string;
  deadlineAt?: Dayjs;
}

const trimOrUndefined = (v?: string) => (v && v.trim() ? v.trim() : undefined);

const INITIAL = { urgency: 'normal', requestType: 'complaint' } as const;

/** Whether the operator has put anything into the form (closing it would lose it). */
export function receiveFormHasInput(v: Partial<ReceiveForm>, opts: { files: number; receivedAtTouched?: boolean }): boolean {
  if (opts.files > 0 || opts.receivedAtTouched || v.deadlineAt) return true;
  if ((v.requestType && v.requestType !== INITIAL.requestType) || (v.urgency && v.urgency !== INITIAL.urgency)) return true;
  const texts = [v.externalNo, v.citizenName, v.citizenPhone, v.address, v.projectName, v.street, v.title, v.content, v.topic];
  return texts.some((t) => typeof t === 'string' && t.trim() !== '');
}

/** A file picked in the form (附件), uploaded right after the case is created. */
interface PickedFile {
  uid: string;
  file: File;
  percent: number;
  status: 'waiting' | 'uploading' | 'done' | 'error';
  error?: string;
  /** The name the server stored the file under, when it differs (its content is of another type). */
  storedAs?: string;
}

/** After 提交: the case exists; its files upload one by one. */
interface Created {
  summary: CaseSummary;
  uploading: boolean;
  failures: Array<{ name: string; message: string }>;
}

/** 录入工单: a duty operator records a case by hand (receiveCase). */
export function ReceiveCaseModal({ open, onClose, onCreated }: Props) {
  const { message, modal } = App.useApp();
  const [form] = Form.useForm<ReceiveForm>();
  const [error, setError] = useState<string | null>(null);
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [created, setCreated] = useState<Created | null>(null);
  const [receiveCase, { loading }] = useMutation(RECEIVE_CASE_MUTATION);

  useEffect(() => {
    if (open) {
      form.resetFields();
      setError(null);
      setFiles([]);
      setCreated(null);
    }
  }, [open, form]);

  const patchFile = (uid: string, patch: Partial<PickedFile>) => setFiles((list) => list.map((f) => (f.uid === uid ? { ...f, ...patch } : f)));

  /** Uploads the picked files to the new case, one at a time; the case stays whatever happens. */
  const uploadFiles = async (summary: CaseSummary) => {
    setCreated({ summary, uploading: true, failures: [] });
    const failures: Created['failures'] = [];
    for (const f of files) {
      patchFile(f.uid, { status: 'uploading', percent: 0 });
      try {
        const stored = await uploadAttachment(summary.id, f.file, { onProgress: (percent) => patchFile(f.uid, { percent }) });
        patchFile(f.uid, { status: 'done', percent: 100, storedAs: stored.name !== f.file.name ? stored.name : undefined });
        const renamed = storedAsNotice(f.file.name, stored.name);
        if (renamed) message.warning(`「${f.file.name}」${renamed}`, 6);
      } catch (e) {
        const text = attachmentErrorText(e);
        failures.push({ name: f.file.name, message: text });
        patchFile(f.uid, { status: 'error', error: text });
      }
    }
    setCreated({ summary, uploading: false, failures });
    if (failures.length === 0) {
      message.success(`工单 ${summary.externalNo} 已录入，${files.length} 个附件已上传`);
      onCreated?.(summary);
      onClose();
    }
  };

  /** After a partial failure the operator closes the form: the case is there, the files can follow. */
  const finish = () => {
    if (created) onCreated?.(created.summary);
    onClose();
  };

  /** 取消 / ×: an empty form closes; typed input is only dropped once the operator says so. */
  const cancel = async () => {
    if (created) return finish();
    const filled = receiveFormHasInput(form.getFieldsValue(true), { files: files.length, receivedAtTouched: form.isFieldTouched('receivedAt') });
    if (filled) {
      const ok = await confirmAction(modal, { title: '放弃录入？已填写的内容将丢失', okText: '放弃录入', danger: true });
      if (!ok) return;
    }
    onClose();
  };

  const submit = async () => {
    if (created) return finish();
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setError(null);
    try {
      const { data } = await receiveCase({
        variables: {
          input: {
            externalNo: v.externalNo.trim(),
            receivedAt: v.receivedAt?.toISOString(),
            citizenName: v.citizenName.trim(),
            citizenPhone: v.citizenPhone.trim(),
            address: trimOrUndefined(v.address),
            projectName: trimOrUndefined(v.projectName),
            street: trimOrUndefined(v.street),
            title: v.title.trim(),
            content: v.content.trim(),
            requestType: v.requestType as RequestType,
            topic: v.topic.trim(),
            urgency: v.urgency as Urgency,
            deadlineAt: v.deadlineAt?.toISOString(),
          },
        },
        refetchQueries: ['UnsignedCases'],
      });
      if (data && files.length > 0) {
        await uploadFiles(data.receiveCase);
        return;
      }
      message.success(`工单 ${v.externalNo.trim()} 已录入`);
      if (data) onCreated?.(data.receiveCase);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  const uploading = !!created?.uploading;

  return (
    <Modal
      open={open}
      title="录入工单"
      width={820}
      style={{ top: 24 }}
      // At 1366×768 the form is taller than the screen: it scrolls, 提交 stays in view.
      styles={{ body: { maxHeight: 'calc(100vh - 190px)', overflowY: 'auto', paddingRight: 8 } }}
      okText={created ? '关闭' : '提交'}
      cancelText="取消"
      onOk={submit}
      onCancel={() => void cancel()}
      confirmLoading={loading || uploading}
      okButtonProps={{ 'data-testid': 'receive-submit' }}
      cancelButtonProps={{ style: created ? { display: 'none' } : undefined }}
      closable={!uploading}
      // Esc closes a date picker or a dropdown inside the form, never the form (its input would be lost).
      keyboard={false}
      maskClosable={false}
      destroyOnHidden
    >
      <div data-testid="receive-modal">
        {error && <Alert type="error" showIcon message={error} className="login-alert" data-testid="receive-error" />}
        {created && !created.uploading && created.failures.length > 0 && (
          <Alert
            type="warning"
            showIcon
            className="login-alert"
            data-testid="receive-upload-failed"
            message={failedUploadsMessage(created.summary.externalNo, created.failures)}
            action={
              <Link to={`/cases/${created.summary.id}`} onClick={finish}>
                前往工单详情
              </Link>
            }
          />
        )}
        {created?.uploading && <Alert type="info" showIcon className="login-alert" message={`工单 ${created.summary.externalNo} 已录入，正在上传附件…`} />}
        <Form<ReceiveForm>
          disabled={!!created}
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ receivedAt: dayjs(), urgency: 'normal', requestType: 'complaint' }}
        >
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item name="externalNo" label="工单编号" rules={[{ required: true, whitespace: true, message: '请输入工单编号' }]}>
                <Input placeholder="市级平台工单编号" maxLength={64} data-testid="receive-externalNo" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="receivedAt" label="收到时间">
                <DatePicker showTime format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="citizenName" label="来电人" rules={[{ required: true, whitespace: true, message: '请输入来电人姓名' }]}>
                <Input maxLength={50} data-testid="receive-citizenName" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item
                name="citizenPhone"
                label="联系电话"
                rules={[
                  { required: true, whitespace: true, message: '请输入联系电话' },
                  { pattern: /^[0-9+\-\s]{5,20}$/, message: '请输入有效的电话号码' },
                ]}
              >
                <Input maxLength={20} data-testid="receive-citizenPhone" />
              </Form.Item>
            </Col>
            <Col span={10}>
              <Form.Item name="address" label="地址">
                <Input maxLength={200} />
              </Form.Item>
            </Col>
            <Col span={7}>
              <Form.Item name="street" label="街道（乡镇）">
                <Input maxLength={50} />
              </Form.Item>
            </Col>
            <Col span={7}>
              <Form.Item name="projectName" label="项目名称">
                <Input maxLength={100} placeholder="涉及的楼盘或工程" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请输入标题' }]}>
                <Input maxLength={200} data-testid="receive-title" />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item name="content" label="诉求内容" rules={[{ required: true, whitespace: true, message: '请输入诉求内容' }]}>
                <Input.TextArea rows={3} maxLength={4000} showCount data-testid="receive-content" />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="requestType" label="诉求类型" rules={[{ required: true, message: '请选择诉求类型' }]}>
                <Select options={Object.entries(REQUEST_TYPE_LABELS).map(([value, text]) => ({ value, label: text }))} />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="topic" label="主题" rules={[{ required: true, whitespace: true, message: '请选择或输入主题' }]}>
                <TopicSelect placeholder="选择或输入主题" freeText={(t) => `使用「${t}」（区平台主题）`} data-testid="receive-topic" />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="urgency" label="紧急程度">
                <Radio.Group
                  optionType="button"
                  options={[
                    { value: 'normal', label: URGENCY_LABELS.normal },
                    { value: 'timely', label: URGENCY_LABELS.timely },
                    { value: 'urgent', label: URGENCY_LABELS.urgent },
                  ]}
                />
              </Form.Item>
            </Col>
            <Col span={6}>
              <Form.Item name="deadlineAt" label="办理时限（可选）">
                <DatePicker showTime format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col span={24}>
              <Form.Item label="附件（可选）" extra="图片、PDF、Office 文档、音视频或文本；提交后随工单上传，单个不超过 20 MB">
                <Upload
                  multiple
                  accept={ACCEPT}
                  showUploadList={false}
                  disabled={!!created}
                  beforeUpload={(file) => {
                    const problem = precheckFile(file);
                    if (problem) message.error(`「${file.name}」无法添加：${problem}`);
                    else setFiles((list) => [...list, { uid: file.uid, file, percent: 0, status: 'waiting' }]);
                    return false;
                  }}
                >
                  <Button icon={<PaperClipOutlined />} data-testid="receive-attachments">
                    选择文件
                  </Button>
                </Upload>
              </Form.Item>
              {files.length > 0 && (
                <Space direction="vertical" size={4} style={{ width: '100%', marginTop: -12, marginBottom: 12 }} data-testid="receive-files">
                  {files.map((f) => (
                    <div key={f.uid}>
                      <Space size={8}>
                        <Typography.Text>{f.file.name}</Typography.Text>
                        <Typography.Text type="secondary">{formatFileSize(f.file.size)}</Typography.Text>
                        {!created && (
                          <Button type="link" size="small" onClick={() => setFiles((list) => list.filter((x) => x.uid !== f.uid))}>
                            移除
                          </Button>
                        )}
                        {f.status === 'error' && <Typography.Text type="danger">上传失败：{f.error}</Typography.Text>}
                        {f.storedAs && <Typography.Text type="warning">{storedAsNotice(f.file.name, f.storedAs)}</Typography.Text>}
                      </Space>
                      {f.status !== 'waiting' && (
                        <Progress percent={f.percent} size="small" status={f.status === 'error' ? 'exception' : f.status === 'done' ? 'success' : 'active'} />
                      )}
                    </div>
                  ))}
                </Space>
              )}
            </Col>
          </Row>
        </Form>
      </div>
    </Modal>
  );
}
