import { useState } from 'react';
import { Alert, App, Button, Modal, Table, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@apollo/client';
import { callbackError } from './errors';
import { fileToBase64 } from './labels';
import { IMPORT_OFFICIAL_MUTATION } from './queries';

interface Report {
  rows: number;
  created: number;
  unchanged: number;
  updated: number;
  errors: Array<{ row: number; externalNo: string | null; message: string }>;
}

/** 导入区级平台回访结果 (.xlsx/.csv): all rows or none; the report lists refused rows. */
export function ImportOfficialButton() {
  const { message } = App.useApp();
  const [report, setReport] = useState<Report | null>(null);
  const [run, { loading }] = useMutation(IMPORT_OFFICIAL_MUTATION, { refetchQueries: 'active' });
  const upload = async (file: File) => {
    try {
      const r = await run({ variables: { fileName: file.name, contentBase64: await fileToBase64(file) } });
      setReport(r.data?.importOfficialCallbacks ?? null);
    } catch (e) {
      message.error(callbackError(e));
    }
    return false;
  };
  return (
    <>
      <Upload
        accept=".xlsx,.csv"
        showUploadList={false}
        beforeUpload={(f) => {
          void upload(f);
          return false;
        }}
      >
        <Button icon={<UploadOutlined />} loading={loading} data-testid="import-official">
          导入区级回访结果
        </Button>
      </Upload>
      <Modal open={!!report} onCancel={() => setReport(null)} onOk={() => setReport(null)} title="导入结果" cancelButtonProps={{ style: { display: 'none' } }}>
        {report &&
          (report.errors.length ? (
            <>
              <Alert type="error" showIcon message={`共 ${report.rows} 行，${report.errors.length} 行有误，未导入任何数据；请修改后重新导入`} />
              <Table
                size="small"
                rowKey="row"
                style={{ marginTop: 12 }}
                pagination={false}
                dataSource={report.errors}
                columns={[
                  { title: '行号', dataIndex: 'row' },
                  { title: '工单编号', dataIndex: 'externalNo' },
                  { title: '问题', dataIndex: 'message' },
                ]}
              />
            </>
          ) : (
            <Alert type="success" showIcon message={`共 ${report.rows} 行：新增 ${report.created}，已存在且相同 ${report.unchanged}，更新 ${report.updated}`} />
          ))}
      </Modal>
    </>
  );
}
