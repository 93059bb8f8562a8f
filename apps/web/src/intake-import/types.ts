export type ImportStatus = 'queued' | 'validating' | 'importing' | 'succeeded' | 'failed';

export interface ImportJob {
  id: string;
  status: ImportStatus;
  fileName: string;
  format: string;
  mappingName?: string | null;
  totalRows: number;
  processedRows: number;
  createdCount: number;
  updatedCount: number;
  unchangedCount: number;
  errorCount: number;
  message?: string | null;
  createdAt: string;
  finishedAt?: string | null;
  durationMs?: number | null;
  progress: number;
  errorReportUrl?: string;
  errors?: { row: number; column: string; reason: string }[];
}

export interface ImportMapping {
  id: string;
  name: string;
  updatedAt: string;
  mappedColumns: { field: string; header: string }[];
}

export const IMPORT_STATUS_LABELS: Record<ImportStatus, string> = {
  queued: '排队中',
  validating: '校验中',
  importing: '导入中',
  succeeded: '导入成功',
  failed: '导入失败',
};

export const IMPORT_STATUS_COLORS: Record<ImportStatus, string> = {
  queued: 'default',
  validating: 'processing',
  importing: 'processing',
  succeeded: 'success',
  failed: 'error',
};

export function isRunning(status: ImportStatus | undefined): boolean {
  return status === 'queued' || status === 'validating' || status === 'importing';
}

/** The fields a column mapping can set, with their Chinese names. */
export const IMPORT_FIELD_LABELS: Record<string, string> = {
  externalNo: '工单编号',
  receivedAt: '受理时间',
  districtDispatchedAt: '区平台派单时间',
  citizenName: '来电人',
  citizenPhone: '联系电话',
  anonymous: '匿名',
  confidential: '保密',
  address: '地址',
  street: '街道（乡镇）',
  community: '社区',
  projectName: '项目名称',
  longitude: '经度',
  latitude: '纬度',
  title: '标题',
  content: '诉求内容',
  requestType: '诉求类型',
  topic: '主题',
  urgency: '紧急程度',
  deadlineAt: '办理时限',
  completedAt: '办结时间',
  attachmentUrls: '附件地址',
};

export const ACCEPTED_EXTENSIONS = ['.xlsx', '.csv'];

export function acceptedFile(name: string): boolean {
  const lower = name.toLowerCase();
  return ACCEPTED_EXTENSIONS.some((ext) => lower.endsWith(ext));
}
