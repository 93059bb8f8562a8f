import { useState } from 'react';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client';
import { errorMessage } from '../../../shared/errors';
import { SAVE_IMPORT_MAPPING_MUTATION } from './queries';
import { IMPORT_FIELD_LABELS, importFieldLabel, type ImportMapping } from './types';

interface Props {
  open: boolean;
  /** Edit this mapping; a new one when absent. */
  mapping?: ImportMapping | null;
  onClose(): void;
  onSaved?(name: string): void;
}

interface MappingForm {
  name: string;
  columns: { field: string; header: string }[];
}

/** Chinese only: the field's name, and the district's standard column where it reads otherwise. */
const FIELD_OPTIONS = Object.keys(IMPORT_FIELD_LABELS).map((value) => ({ value, label: importFieldLabel(value) }));

/** 列映射: which column of the file holds which field; unmapped fields use the district's standard names. */
export function MappingModal({ open, mapping, onClose, onSaved }: Props) {
  const { message } = App.useApp();
  const [form] = Form.useForm<MappingForm>();
  const [error, setError] = useState<string | null>(null);
  const [save, { loading }] = useMutation(SAVE_IMPORT_MAPPING_MUTATION, { refetchQueries: ['ImportMappings'] });

  const submit = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    setError(null);
    try {
      const columns = v.columns.map((c) => ({ field: c.field, header: c.header.trim() }));
      await save({ variables: { name: v.name.trim(), columns } });
      message.success(`列映射「${v.name.trim()}」已保存`);
      onSaved?.(v.name.trim());
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };

  return (
    <Modal
      open={open}
      title={mapping ? `编辑列映射 · ${mapping.name}` : '新建列映射'}
      okText="保存"
      cancelText="取消"
      width={640}
      onOk={submit}
      onCancel={onClose}
      confirmLoading={loading}
      okButtonProps={{ 'data-testid': 'mapping-submit' }}
      destroyOnHidden
    >
      <div data-testid="mapping-modal">
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
        <Typography.Paragraph type="secondary">只需填写与区平台标准列名不同的列；未填写的字段按标准列名读取。同名映射保存时会被覆盖。</Typography.Paragraph>
        <Form<MappingForm>
          form={form}
          layout="vertical"
          preserve={false}
          initialValues={{ name: mapping?.name ?? '', columns: mapping?.mappedColumns.map((c) => ({ ...c })) ?? [{ field: '', header: '' }] }}
        >
          <Form.Item name="name" label="映射名称" rules={[{ required: true, whitespace: true, message: '请输入映射名称' }]}>
            <Input maxLength={50} disabled={!!mapping} placeholder="如：2026年区平台导出" data-testid="mapping-name" />
          </Form.Item>
          <Form.List name="columns">
            {(fields, { add, remove }) => (
              <>
                {fields.map(({ key, name }) => (
                  <Space key={key} align="baseline" style={{ display: 'flex' }}>
                    <Form.Item name={[name, 'field']} rules={[{ required: true, message: '请选择字段' }]}>
                      <Select
                        options={FIELD_OPTIONS}
                        placeholder="工单字段"
                        style={{ width: 260 }}
                        showSearch
                        optionFilterProp="label"
                        popupMatchSelectWidth={false}
                      />
                    </Form.Item>
                    <Form.Item name={[name, 'header']} rules={[{ required: true, whitespace: true, message: '请输入列名' }]}>
                      <Input placeholder="文件中的列名" style={{ width: 220 }} maxLength={100} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(name)} aria-label="删除此列" />
                  </Space>
                ))}
                <Button type="dashed" onClick={() => add({ field: '', header: '' })} icon={<PlusOutlined />} block>
                  添加一列
                </Button>
              </>
            )}
          </Form.List>
        </Form>
      </div>
    </Modal>
  );
}
