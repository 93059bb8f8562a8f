import { useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Row, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { DownloadOutlined, EditOutlined, InboxOutlined, PlusOutlined, ReloadOutlined, UploadOutlined } from '@ant-design/icons';
import type { UploadFile } from 'antd';
import { useQuery } from '@apollo/client';
import { DateTimeCell } from '../../../shared/DateTimeCell';
import { QueryState } from '../../../shared/QueryState';
import { tableEmpty } from '../../../shared/TableEmpty';
import { downloadText, httpErrorMessage, uploadImport } from './http';
import { ImportJobView } from './ImportJobView';
import { MappingModal } from './MappingModal';
import { importTemplateCsv, TEMPLATE_FILE_NAME } from './template';
import { IMPORT_JOBS_QUERY, IMPORT_MAPPINGS_QUERY } from './queries';
import { acceptedFile, IMPORT_STATUS_COLORS, IMPORT_STATUS_LABELS, type ImportJob, type ImportMapping } from './types';

/** 工单导入: upload the district platform's export (.xlsx / .csv), follow the job, see the errors. */
export default function ImportPage() {
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [mappingName, setMappingName] = useState<string | undefined>();
  const [uploading, setUploading] = useState(false);
  const [uploadError, setUploadError] = useState<string | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  const [mappingModal, setMappingModal] = useState<{ mapping: ImportMapping | null } | null>(null);
  const mappings = useQuery(IMPORT_MAPPINGS_QUERY);
  const jobs = useQuery(IMPORT_JOBS_QUERY, { variables: { limit: 20 } });
  const mappingList = mappings.data?.importMappings ?? [];

  const fileList: UploadFile[] = file ? [{ uid: 'file', name: file.name, status: 'done', size: file.size }] : [];

  const start = async () => {
    if (!file) return;
    setUploading(true);
    setUploadError(null);
    try {
      const id = await uploadImport(file, mappingName);
      setJobId(id);
      setFile(null);
      message.success('文件已上传，正在导入');
      void jobs.refetch();
    } catch (e) {
      setUploadError(httpErrorMessage(e));
    } finally {
      setUploading(false);
    }
  };

  return (
    <Card className="page-card" data-testid="import-page">
      <div className="page-toolbar">
        <Typography.Title level={4} className="page-title">
          工单导入
        </Typography.Title>
      </div>
      <Row gutter={16}>
        <Col xs={24} xl={10}>
          <Card
            size="small"
            title="上传文件"
            style={{ marginBottom: 16 }}
            extra={
              <Button
                size="small"
                icon={<DownloadOutlined />}
                onClick={() => downloadText(importTemplateCsv(), TEMPLATE_FILE_NAME)}
                title="区平台标准列名与一行示例（CSV）"
                data-testid="import-template"
              >
                下载导入模板
              </Button>
            }
          >
            <Upload.Dragger
              accept=".xlsx,.csv"
              maxCount={1}
              fileList={fileList}
              beforeUpload={(f) => {
                if (!acceptedFile(f.name)) {
                  message.error('仅支持 .xlsx 或 .csv 文件');
                  return Upload.LIST_IGNORE;
                }
                setFile(f);
                setUploadError(null);
                return false;
              }}
              onRemove={() => setFile(null)}
              data-testid="import-file"
            >
              <p className="ant-upload-drag-icon">
                <InboxOutlined />
              </p>
              <p className="ant-upload-text">点击或拖动文件到此处</p>
              <p className="ant-upload-hint">区级12345平台导出的工单表（.xlsx 或 .csv，不超过 25 MB）；已有工单按编号更新</p>
            </Upload.Dragger>
            <Form layout="vertical" style={{ marginTop: 12 }}>
              <Form.Item label="列映射（可选）" extra="文件的列名与区平台标准列名（见导入模板）不同时使用" style={{ marginBottom: 8 }}>
                <Select
                  allowClear
                  value={mappingName}
                  onChange={setMappingName}
                  placeholder="选择已保存的列映射（不选则按区平台标准列名）"
                  loading={mappings.loading}
                  options={mappingList.map((m) => ({ value: m.name, label: m.name }))}
                  data-testid="import-mapping"
                />
              </Form.Item>
              <Space size={8} style={{ marginBottom: 16 }}>
                <Button
                  size="small"
                  icon={<EditOutlined />}
                  disabled={!mappingName}
                  onClick={() => setMappingModal({ mapping: mappingList.find((m) => m.name === mappingName) ?? null })}
                  title="编辑所选列映射"
                >
                  编辑所选
                </Button>
                <Button size="small" icon={<PlusOutlined />} onClick={() => setMappingModal({ mapping: null })} data-testid="mapping-new">
                  新建列映射
                </Button>
              </Space>
            </Form>
            {uploadError && <Alert type="error" showIcon message={uploadError} style={{ marginBottom: 12 }} data-testid="import-upload-error" />}
            <Button type="primary" icon={<UploadOutlined />} disabled={!file} loading={uploading} onClick={start} data-testid="import-start">
              开始导入
            </Button>
          </Card>
        </Col>
        <Col xs={24} xl={14}>
          {jobId ? (
            <ImportJobView key={jobId} jobId={jobId} onFinished={() => void jobs.refetch()} />
          ) : (
            <Card size="small" title="导入进度">
              <Typography.Text type="secondary">上传文件后在此查看进度与结果；也可在下方选择一次导入查看。</Typography.Text>
            </Card>
          )}
        </Col>
      </Row>
      <Card
        size="small"
        title="最近的导入"
        style={{ marginTop: 16 }}
        extra={
          <Button size="small" icon={<ReloadOutlined />} onClick={() => void jobs.refetch()}>
            刷新
          </Button>
        }
      >
        <QueryState loading={jobs.loading && !jobs.data} error={jobs.data ? undefined : jobs.error} onRetry={() => void jobs.refetch()} testId="import-jobs">
          <Table<ImportJob>
            rowKey="id"
            size="small"
            dataSource={jobs.data?.importJobs ?? []}
            pagination={false}
            scroll={{ x: 800 }}
            locale={{ emptyText: tableEmpty('暂无导入记录') }}
            data-testid="import-jobs-table"
            rowClassName={(r) => (r.id === jobId ? 'ant-table-row-selected' : '')}
            columns={[
              { title: '提交时间', dataIndex: 'createdAt', width: 110, render: (v: string) => <DateTimeCell value={v} /> },
              { title: '文件', dataIndex: 'fileName', ellipsis: true },
              {
                title: '状态',
                dataIndex: 'status',
                width: 90,
                render: (v: ImportJob['status']) => <Tag color={IMPORT_STATUS_COLORS[v]}>{IMPORT_STATUS_LABELS[v] ?? v}</Tag>,
              },
              { title: '行数', dataIndex: 'totalRows', width: 60 },
              { title: '新增', dataIndex: 'createdCount', width: 60 },
              { title: '更新', dataIndex: 'updatedCount', width: 60 },
              { title: '未变化', dataIndex: 'unchangedCount', width: 70 },
              { title: '错误', dataIndex: 'errorCount', width: 60 },
              {
                title: '操作',
                key: 'view',
                width: 70,
                render: (_, r) => (
                  <Button type="link" size="small" onClick={() => setJobId(r.id)} data-testid={`import-view-${r.id}`}>
                    查看
                  </Button>
                ),
              },
            ]}
          />
        </QueryState>
      </Card>
      <MappingModal open={!!mappingModal} mapping={mappingModal?.mapping} onClose={() => setMappingModal(null)} onSaved={(name) => setMappingName(name)} />
    </Card>
  );
}
