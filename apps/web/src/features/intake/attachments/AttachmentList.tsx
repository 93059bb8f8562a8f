import { useEffect, useState } from 'react';
import { App, Button, Image, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, DownloadOutlined, EyeOutlined, LinkOutlined, PaperClipOutlined } from '@ant-design/icons';
import { fileTypeLabel, formatFileSize, isImage, isUploaded, type AttachmentLike } from './attachments';
import { attachmentErrorText, downloadAttachment, fetchAttachment } from './http';

/**
 * Given to the list for who may take files back (撤回附件: duty, admin). The list only asks: the
 * dialog belongs to whoever renders the list, so a re-render or re-layout of the list (or of the
 * Descriptions around it) cannot close it.
 */
export interface AttachmentRemoval {
  onRemove(a: AttachmentLike): void;
}

const THUMB = 48;

/**
 * 预览 of an uploaded image, on request: fetching it is an audited download (附件 may show
 * personal data), so merely opening a case fetches nothing. Once loaded it stays as a thumbnail
 * that opens the large view.
 */
function ImagePreview({ a }: { a: AttachmentLike }) {
  const { message } = App.useApp();
  const [src, setSrc] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [open, setOpen] = useState(false);
  useEffect(
    () => () => {
      if (src) URL.revokeObjectURL(src);
    },
    [src],
  );
  const load = async () => {
    setBusy(true);
    try {
      setSrc(URL.createObjectURL(await fetchAttachment(a)));
      setOpen(true);
    } catch (e) {
      message.error(`预览「${a.name}」失败：${attachmentErrorText(e)}`);
    } finally {
      setBusy(false);
    }
  };
  if (!src) {
    return (
      <Button size="small" icon={<EyeOutlined />} loading={busy} onClick={() => void load()} title="预览（留痕）" data-testid="attachment-preview">
        预览
      </Button>
    );
  }
  return (
    <Image
      src={src}
      width={THUMB}
      height={THUMB}
      style={{ objectFit: 'cover', borderRadius: 4 }}
      alt={a.name}
      preview={{ visible: open, onVisibleChange: setOpen }}
      data-testid="attachment-thumb"
    />
  );
}

function UploadedItem({ a, removal }: { a: AttachmentLike; removal?: AttachmentRemoval }) {
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await downloadAttachment(a);
    } catch (e) {
      message.error(`下载「${a.name}」失败：${attachmentErrorText(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space size={8} align="center" data-testid="attachment-item">
      <PaperClipOutlined />
      <Button type="link" size="small" style={{ padding: 0 }} onClick={() => void download()} loading={busy} title="下载（留痕）">
        {a.name}
      </Button>
      <Tag>{fileTypeLabel(a)}</Tag>
      <Typography.Text type="secondary">{formatFileSize(a.size)}</Typography.Text>
      {isImage(a) && <ImagePreview a={a} />}
      <Button type="text" size="small" icon={<DownloadOutlined />} onClick={() => void download()} aria-label={`下载 ${a.name}`} />
      {removal && (
        <Button type="text" size="small" danger icon={<DeleteOutlined />} onClick={() => removal.onRemove(a)} data-testid="attachment-remove">
          撤回
        </Button>
      )}
    </Space>
  );
}

function LinkItem({ a }: { a: AttachmentLike }) {
  return (
    <Space size={8} align="center" data-testid="attachment-link">
      <LinkOutlined />
      <a href={a.url} target="_blank" rel="noopener noreferrer">
        {a.name}
      </a>
      <Tag>{fileTypeLabel(a)}</Tag>
      {a.size != null && <Typography.Text type="secondary">{formatFileSize(a.size)}</Typography.Text>}
    </Space>
  );
}

/**
 * 附件 of a case: uploaded files (download with the token, images previewed on request) and external
 * links. With `removal`, each uploaded file gets 撤回 (links from the district platform never do); the
 * 撤回附件 dialog itself is the caller's (`RemoveAttachmentDialog`).
 */
export function AttachmentList({ attachments, removal }: { attachments: AttachmentLike[]; removal?: AttachmentRemoval }) {
  if (attachments.length === 0) return <span data-testid="case-attachments-empty">—</span>;
  return (
    <Space direction="vertical" size={4} data-testid="case-attachments">
      {attachments.map((a) => (isUploaded(a) ? <UploadedItem key={a.id} a={a} removal={removal} /> : <LinkItem key={a.url} a={a} />))}
    </Space>
  );
}
