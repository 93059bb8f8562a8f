export interface RevealedCitizen {
  name: string;
  phone: string;
  address?: string | null;
}

export interface RevealLogEntry {
  id: string;
  caseId: string;
  externalNo: string;
  role: string;
  fields: string[];
  reason: string;
  revealedAt: string;
  user: { id: string; displayName: string; username: string };
}

export const REVEAL_FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  phone: '电话',
  address: '地址',
  /** 下载附件: the reason column reads 下载附件 <file name>. */
  attachment: '附件',
  /** 按证件号码检索 (a search by phone shows 电话; the reason column says which search). */
  idNumber: '证件号码',
};

/** Roles that may ask to see a citizen's full contact data (the server decides per case). */
export const REVEAL_ROLES = ['duty', 'handler', 'callback'] as const;
