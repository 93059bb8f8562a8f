// Plain-HTTP calls to the intake service (through the gateway) that GraphQL does not carry:
// the import upload and authenticated file downloads.
import { expireSession, getToken } from '../../auth/session';
import { ERROR_MESSAGES } from '../../../shared/errors';

export class HttpError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
  ) {
    super(message);
  }
}

const hasChinese = (s: unknown): s is string => typeof s === 'string' && /[\u4e00-\u9fff]/.test(s);

async function failure(res: Response): Promise<HttpError> {
  if (res.status === 401) {
    expireSession();
    return new HttpError(ERROR_MESSAGES.UNAUTHENTICATED, 401, 'UNAUTHENTICATED');
  }
  let code: string | undefined;
  let message: string | undefined;
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string } };
    code = body.error?.code;
    message = body.error?.message;
  } catch {
    /* not JSON */
  }
  if (res.status === 403) return new HttpError(hasChinese(message) ? message : ERROR_MESSAGES.FORBIDDEN, 403, code);
  if (res.status === 404) return new HttpError(hasChinese(message) ? message : '文件不存在', 404, code);
  if (res.status === 413) return new HttpError('文件过大（不能超过 25 MB）', 413, code);
  if (res.status >= 400 && res.status < 500 && hasChinese(message)) return new HttpError(message, res.status, code);
  return new HttpError(ERROR_MESSAGES.DEFAULT, res.status, code);
}

async function authFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const token = getToken();
  const headers = new Headers(init.headers);
  if (token) headers.set('Authorization', `Bearer ${token}`);
  try {
    return await fetch(url, { ...init, headers });
  } catch {
    throw new HttpError(ERROR_MESSAGES.NETWORK, 0, 'NETWORK');
  }
}

/** The message to show for an upload or download failure. */
export function httpErrorMessage(e: unknown): string {
  return e instanceof HttpError ? e.message : ERROR_MESSAGES.DEFAULT;
}

/** POST /imports with the raw file; resolves to the new job's id. */
export async function uploadImport(file: File, mappingName?: string): Promise<string> {
  const params = new URLSearchParams({ fileName: file.name });
  if (mappingName) params.set('mapping', mappingName);
  const type = file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  const res = await authFetch(`/imports?${params.toString()}`, {
    method: 'POST',
    headers: { 'Content-Type': type },
    body: file,
  });
  if (!res.ok) throw await failure(res);
  const body = (await res.json()) as { jobId?: string };
  if (!body.jobId) throw new HttpError(ERROR_MESSAGES.DEFAULT, res.status);
  return body.jobId;
}

/** POSTs a file's raw bytes to a service's upload route (e.g. 不纳入考核 evidence); the server sniffs the type. */
export async function uploadFile(url: string, file: File): Promise<void> {
  const res = await authFetch(url, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: file });
  if (!res.ok) throw await failure(res);
}

/** Saves a Blob as a file through a temporary link. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** Downloads a file that needs the Authorization header (e.g. the import error report). */
export async function downloadWithAuth(url: string, fileName: string): Promise<void> {
  const res = await authFetch(url);
  if (!res.ok) throw await failure(res);
  saveBlob(await res.blob(), fileName);
}

/** Saves text (e.g. CSV from the API) as a download. */
export function downloadText(content: string, fileName: string, type = 'text/csv;charset=utf-8'): void {
  saveBlob(new Blob([content], { type }), fileName);
}
