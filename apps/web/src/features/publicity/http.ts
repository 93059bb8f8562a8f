// 典型案例材料 over plain HTTP through the gateway (same origin): upload the raw bytes, download with the token.
import { expireSession, getToken } from '../auth/session';
import { saveBlob } from '../intake/import/http';

interface RouteError {
  error?: { code?: string; reason?: string; message?: string };
}

const message = (status: number, body: RouteError | null): string => {
  if (body?.error?.message && /[\u4e00-\u9fff]/.test(body.error.message)) return body.error.message;
  if (status === 413) return '文件过大';
  if (status === 403) return '无权上传材料';
  if (status === 404) return '材料不存在或无权查看';
  return status === 0 ? '无法连接服务器，请检查网络后重试' : '系统繁忙，请稍后重试';
};

/** POST /typical-cases/{id}/materials with the file's bytes; the server sniffs the type. */
export async function uploadMaterial(itemId: string, file: File): Promise<void> {
  const token = getToken();
  let res: Response;
  try {
    res = await fetch(`/typical-cases/${encodeURIComponent(itemId)}/materials?fileName=${encodeURIComponent(file.name)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: file,
    });
  } catch {
    throw new Error(message(0, null));
  }
  if (res.status === 201) return;
  if (res.status === 401) expireSession();
  throw new Error(message(res.status, (await res.json().catch(() => null)) as RouteError | null));
}

export async function downloadMaterial(m: { url: string; name: string }): Promise<void> {
  const token = getToken();
  const res = await fetch(m.url, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  if (!res.ok) {
    if (res.status === 401) expireSession();
    throw new Error(message(res.status, (await res.json().catch(() => null)) as RouteError | null));
  }
  saveBlob(await res.blob(), m.name);
}

/** Saves a Base64 file the API returned (the ledger export). */
export function saveBase64(base64: string, fileName: string, contentType: string): void {
  const bin = atob(base64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  saveBlob(new Blob([bytes], { type: contentType }), fileName);
}
