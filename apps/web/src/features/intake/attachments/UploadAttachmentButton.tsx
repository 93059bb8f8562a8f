import { useState } from 'react';
import { App, Button, Upload, type UploadFile } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { ACCEPT, precheckFile, storedAsNotice } from './attachments';
import { attachmentErrorText, uploadAttachment } from './http';

/**
 * 上传附件 (duty, admin): each chosen file is POSTed raw to intake with its progress shown; a
 * refusal says which file and why. `onUploaded` refetches the case's list.
 */
export function UploadAttachmentButton({ caseId, onUploaded }: { caseId: string; onUploaded(): void }) {
  const { message } = App.useApp();
  const [files, setFiles] = useState<UploadFile[]>([]);
  const update = (uid: string, patch: Partial<UploadFile>) => setFiles((list) => list.map((f) => (f.uid === uid ? { ...f, ...patch } : f)));

  return (
    <Upload
      multiple
      accept={ACCEPT}
      fileList={files}
      beforeUpload={(file) => {
        const problem = precheckFile(file);
        if (problem) {
          message.error(`「${file.name}」无法上传：${problem}`);
          return Upload.LIST_IGNORE;
        }
        return true;
      }}
      onChange={({ fileList }) => setFiles(fileList)}
      onRemove={(file) => setFiles((list) => list.filter((f) => f.uid !== file.uid))}
      customRequest={({ file, onProgress, onSuccess, onError }) => {
        const f = file as File & { uid: string };
        uploadAttachment(caseId, f, { onProgress: (percent) => onProgress?.({ percent }) })
          .then((result) => {
            onSuccess?.(result);
            // The server names a file by its content: say so when it kept another name.
            const renamed = storedAsNotice(f.name, result.name);
            if (renamed) message.warning(`附件「${f.name}」已上传，${renamed}`, 6);
            else message.success(`附件「${result.name}」已上传`);
            // Listed on the case from now on: drop it from the progress list.
            setFiles((list) => list.filter((x) => x.uid !== f.uid));
            onUploaded();
          })
          .catch((e: unknown) => {
            const text = attachmentErrorText(e);
            onError?.(new Error(text));
            update(f.uid, { status: 'error', response: text });
            message.error(`附件「${f.name}」上传失败：${text}`);
          });
      }}
      data-testid="attachment-upload"
    >
      <Button size="small" icon={<UploadOutlined />} data-testid="attachment-upload-button">
        上传附件
      </Button>
    </Upload>
  );
}
