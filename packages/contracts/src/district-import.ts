/**
 * 区级平台工单导出 — the district platform's standard export of work orders, as intake's import
 * reads it: the fields a column can fill, the export's column headers (the import's default
 * mapping) and the fields a file must have. Browser-safe: the web app's template and mapping
 * dialog, intake's import, the tests' files and the benchmark all read this one list.
 */
export const IMPORT_FIELDS = [
  'externalNo',
  'receivedAt',
  'districtDispatchedAt',
  'citizenName',
  'citizenPhone',
  'anonymous',
  'confidential',
  'address',
  'street',
  'community',
  'projectName',
  'longitude',
  'latitude',
  'title',
  'content',
  'requestType',
  'topic',
  'urgency',
  'deadlineAt',
  'completedAt',
  'attachmentUrls',
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** The column headers of the district platform's standard export (the import's default mapping). */
export const DISTRICT_EXPORT_HEADERS: Readonly<Record<ImportField, string>> = {
  externalNo: '工单编号',
  receivedAt: '受理时间',
  districtDispatchedAt: '派单时间',
  citizenName: '来电人',
  citizenPhone: '联系电话',
  anonymous: '是否匿名',
  confidential: '是否保密',
  address: '地址',
  street: '街道',
  community: '社区',
  projectName: '楼盘小区',
  longitude: '经度',
  latitude: '纬度',
  title: '标题',
  content: '诉求内容',
  requestType: '诉求类型',
  topic: '主题',
  urgency: '紧急程度',
  deadlineAt: '办理时限',
  completedAt: '办结时间',
  attachmentUrls: '附件',
};

/** Fields a file must have a column for (the import refuses the file otherwise). */
export const REQUIRED_IMPORT_FIELDS: readonly ImportField[] = ['externalNo', 'receivedAt', 'title', 'content', 'requestType', 'topic'];

/** The export's columns in the district platform's own order (附件 before 办结时间). */
export const DISTRICT_EXPORT_COLUMNS: readonly string[] = (
  [...IMPORT_FIELDS.filter((f) => f !== 'completedAt' && f !== 'attachmentUrls'), 'attachmentUrls', 'completedAt'] as const
).map((f) => DISTRICT_EXPORT_HEADERS[f]);
