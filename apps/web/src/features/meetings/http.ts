// 调度会纪要 (.docx) over plain HTTP through the gateway (same origin), with the token.
import { expireSession, getToken } from '../auth/session';
import { saveBlob } from '../intake/import/http';

/** GET /meetings/{id}/minutes and save it. */
export async function downloadMinutes(meetingId: string, fileName: string): Promise<void> {
  const token = getToken();
  let res: Response;
  try {
    res = await fetch(`/meetings/${encodeURIComponent(meetingId)}/minutes`, { headers: token ? { Authorization: `Bearer ${token}` } : {} });
  } catch {
    throw new Error('无法连接服务器，请检查网络后重试');
  }
  if (!res.ok) {
    if (res.status === 401) expireSession();
    const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(
      body?.error?.message && /[\u4e00-\u9fff]/.test(body.error.message)
        ? body.error.message
        : res.status === 403
          ? '无权导出调度会纪要'
          : '系统繁忙，请稍后重试',
    );
  }
  saveBlob(await res.blob(), fileName);
}
