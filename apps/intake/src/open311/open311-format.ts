import { ANSWERED_STAGES, CASE_STAGE_LABELS, CaseStage, knownOf, redactText, REQUEST_TYPE_LABELS, REQUEST_TYPES } from '@hotline/contracts';

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2): the shapes we answer with, and
 * their XML form. Plain functions: no database, no HTTP.
 */

export const AGENCY = '北京经济技术开发区开发建设局';
export const JURISDICTION = 'bjetown.gov.cn';
/** The spec limits a request's description to 4,000 characters. */
export const MAX_DESCRIPTION = 4000;

export interface Open311Error {
  code: number;
  description: string;
}

export class Open311Failure extends Error {
  constructor(
    readonly status: 400 | 403 | 404,
    readonly description: string,
  ) {
    super(description);
  }
}

/** Attributes every service accepts (`attribute[code]=...`): what the case needs beyond the spec's fields. */
export const SERVICE_ATTRIBUTES = [
  {
    variable: true,
    code: 'request_type',
    datatype: 'singlevaluelist',
    required: false,
    order: 1,
    datatype_description: '默认为 complaint（投诉）',
    description: '诉求类型',
    values: REQUEST_TYPES.map((t) => ({ key: t, name: REQUEST_TYPE_LABELS[t] })),
  },
  { variable: true, code: 'project_name', datatype: 'string', required: false, order: 2, datatype_description: '最多 100 个字', description: '楼盘/小区名称' },
  { variable: true, code: 'street', datatype: 'string', required: false, order: 3, datatype_description: '最多 50 个字', description: '所在街道' },
  { variable: true, code: 'community', datatype: 'string', required: false, order: 4, datatype_description: '最多 50 个字', description: '所在社区' },
];

export interface ServiceTopic {
  code: string;
  name: string;
  description?: string | null;
  group?: string | null;
}

export const serviceOf = (t: ServiceTopic) => ({
  service_code: t.code,
  service_name: t.name,
  description: t.description ?? t.name,
  metadata: true,
  type: 'realtime',
  keywords: t.name,
  group: t.group ?? t.name,
});

export const serviceDefinitionOf = (t: ServiceTopic) => ({ service_code: t.code, attributes: SERVICE_ATTRIBUTES });

export interface PublicCase {
  externalNo: string;
  stage: CaseStage;
  topic: string;
  content: string;
  /** The caller's own values, removed from the description; a confidential case shows no text. */
  citizenName?: string | null;
  citizenPhone?: string | null;
  address?: string | null;
  confidential?: boolean;
  street?: string | null;
  community?: string | null;
  projectName?: string | null;
  latitude?: number | null;
  longitude?: number | null;
  receivedAt: Date;
  updatedAt: Date;
  deadlineAt?: Date | null;
  attachments: Array<{ url: string }>;
}

/** Coordinates to ~100 m: enough to map a matter, too coarse to point at a home. */
const coarse = (v: number | null | undefined) => (v === null || v === undefined ? null : Math.round(v * 1000) / 1000);

/**
 * A case as a service request. Never any personal data: no name, phone, e-mail or the citizen's
 * address — only the street, community and project; the text redacted (`redactText`, the case's
 * own name, phones and address included); a confidential case (never listed) would show none.
 */
export function serviceRequestOf(c: PublicCase, serviceCode: string | null) {
  const place = [c.street, c.community, c.projectName].filter(Boolean).join(' ');
  return {
    service_request_id: c.externalNo,
    status: ANSWERED_STAGES.includes(c.stage) ? 'closed' : 'open',
    status_notes: CASE_STAGE_LABELS[c.stage],
    service_name: c.topic,
    service_code: serviceCode,
    description: c.confidential ? '' : redactText(c.content, knownOf(c)),
    agency_responsible: AGENCY,
    service_notice: null,
    requested_datetime: c.receivedAt.toISOString(),
    updated_datetime: c.updatedAt.toISOString(),
    expected_datetime: c.deadlineAt ? c.deadlineAt.toISOString() : null,
    address: place || null,
    address_id: null,
    zipcode: null,
    lat: coarse(c.latitude),
    long: coarse(c.longitude),
    // Only a public link: files uploaded to intake need a token and may show personal data.
    media_url: c.attachments.find((a) => /^https?:\/\//i.test(a.url))?.url ?? null,
  };
}

export function discoveryOf(baseUrl: string) {
  return {
    changeset: '2026-11-25T00:00:00Z',
    contact: `${AGENCY} 12345 接诉即办专班`,
    key_service: '请联系开发建设局系统管理员申请 api_key',
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: baseUrl,
        changeset: '2026-11-25T00:00:00Z',
        type: 'production',
        formats: ['application/json', 'text/xml'],
      },
    ],
  };
}

/** Element names for the items of each list, as the spec's XML examples use them. */
const ITEM_NAMES: Record<string, string> = {
  services: 'service',
  service_requests: 'request',
  attributes: 'attribute',
  values: 'value',
  endpoints: 'endpoint',
  formats: 'format',
  errors: 'error',
};

const escapeXml = (s: string) => s.replace(/[<>&'"]/g, (ch) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[ch]!);

function element(name: string, value: unknown): string {
  if (value === null || value === undefined) return `<${name}/>`;
  if (Array.isArray(value)) {
    const item = ITEM_NAMES[name] ?? 'item';
    return `<${name}>${value.map((v) => element(item, v)).join('')}</${name}>`;
  }
  if (typeof value === 'object')
    return `<${name}>${Object.entries(value)
      .map(([k, v]) => element(k, v))
      .join('')}</${name}>`;
  return `<${name}>${escapeXml(String(value))}</${name}>`;
}

/** `<?xml ...?><root>...</root>`; a root list names its items like the spec (services → service). */
export function toXml(root: string, value: unknown): string {
  return `<?xml version="1.0" encoding="utf-8"?>${element(root, value)}`;
}
