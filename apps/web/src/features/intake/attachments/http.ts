// 附件 over plain HTTP (through the gateway, same origin): the raw upload with progress (XHR, as
// fetch reports no upload progress) and downloads with the Authorization header as blobs.
import { expireSession, getToken } from '../../auth/session';
import { saveBlob } from '../import/http';
import { attachmentErrorMessage, type AttachmentLike, type RouteErrorBody } from './attachments';

export class AttachmentError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly reason?: string,
  ) {
    super(message);
  }
}

export interface UploadedAttachment {
  id: string;
  name: string;
  url: string;
  contentType: string;
  size: number;
}

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
};

/** POST /cases/{caseId}/attachments with the file as the body; `onProgress` gets 0–100. */
export function uploadAttachment(
  caseId: string,
  file: File,
  opts: { onProgress?(percent: number): void; signal?: AbortSignal } = {},
): Promise<UploadedAttachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `/cases/${encodeURIComponent(caseId)}/attachments?fileName=${encodeURIComponent(file.name)}`);
    const token = getToken();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    // The server decides the type from the bytes; this only says "raw bytes".
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) opts.onProgress?.(Math.min(100, Math.round((e.loaded / e.total) * 100)));
    };
    xhr.onload = () => {
      const body = parse(xhr.responseText);
      if (xhr.status === 201 && body && typeof body === 'object') {
        opts.onProgress?.(100);
        resolve(body as UploadedAttachment);
        return;
      }
      if (xhr.status === 401) expireSession();
      reject(
        new AttachmentError(
          attachmentErrorMessage(xhr.status, body as RouteErrorBody | null, 'upload'),
          xhr.status,
          (body as RouteErrorBody | null)?.error?.reason,
        ),
      );
    };
    xhr.onerror = () => reject(new AttachmentError(attachmentErrorMessage(0), 0, 'NETWORK'));
    xhr.onabort = () => reject(new AttachmentError('上传已取消', 0, 'ABORTED'));
    opts.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}

/** The bytes of an uploaded attachment (every download is recorded in the 查阅日志). */
export async function fetchAttachment(a: AttachmentLike): Promise<Blob> {
  const token = getToken();
  let res: Response;
  try {
    res = await fetch(a.url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new AttachmentError(attachmentErrorMessage(0), 0, 'NETWORK');
  }
  if (!res.ok) {
    if (res.status === 401) expireSession();
    const body = (await res.json().catch(() => null)) as RouteErrorBody | null;
    throw new AttachmentError(attachmentErrorMessage(res.status, body, 'download'), res.status, body?.error?.reason);
  }
  return res.blob();
}

/** Downloads an uploaded attachment under its name. */
export async function downloadAttachment(a: AttachmentLike): Promise<void> {
  saveBlob(await fetchAttachment(a), a.name);
}

export const attachmentErrorText = (e: unknown): string => (e instanceof AttachmentError ? e.message : attachmentErrorMessage(500));
