import { KnownPersonalData, redactedDigest, redactText } from './redaction';

/**
 * Personal data (姓名 / 电话 / 地址) must never leave the bureau in events or logs.
 * These helpers find and mask it; the publish path refuses an event that still carries any.
 */

/** Mainland mobile numbers, landlines with area code, and 18-digit resident ID numbers. */
const PHONE = /(?<!\d)(?:\+?86[- ]?)?1[3-9]\d[- ]?\d{4}[- ]?\d{4}(?!\d)/g;
const LANDLINE = /(?<!\d)0\d{2,3}-?\d{7,8}(?!\d)/g;
const RESIDENT_ID = /(?<!\d)\d{17}[\dXx](?!\d)/g;

export function containsPersonalNumber(text: string): boolean {
  PHONE.lastIndex = LANDLINE.lastIndex = RESIDENT_ID.lastIndex = 0;
  return PHONE.test(text) || LANDLINE.test(text) || RESIDENT_ID.test(text);
}

/**
 * Free text with personal data found by pattern removed (phone / ID numbers, introduced names,
 * door numbers): `redactText` without the case's known values, for texts that belong to no case.
 */
export function scrubText(text: string): string {
  return redactText(text);
}

/** 张三 → 张*, 欧阳娜娜 → 欧***. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/** 13812345678 → 138****5678; anything shorter keeps only its last two digits. */
export function maskPhone(phone: string): string {
  const d = phone.replace(/\D/g, '');
  if (d.length >= 11) return d.slice(0, 3) + '****' + d.slice(-4);
  if (d.length <= 2) return '*'.repeat(d.length);
  return '*'.repeat(d.length - 2) + d.slice(-2);
}

/** Keeps the district/street part of an address and hides the house number and below. */
export function maskAddress(address: string): string {
  const chars = Array.from(address.trim());
  if (chars.length <= 6) return chars.slice(0, 2).join('') + '****';
  return chars.slice(0, 6).join('') + '****';
}

/** First 60 characters of a text with personal data removed (`redactText`): what events may carry. */
export function digest(text: string, length = 60, known: KnownPersonalData = {}): string {
  return redactedDigest(text, length, known);
}

/** Names of fields that hold personal data; logs redact them wherever they appear. */
export const PERSONAL_FIELDS = ['citizenName', 'citizenPhone', 'phone', 'name', 'address', 'password', 'passwordHash', 'token', 'authorization'] as const;

/** Walks a value and reports the first path holding a personal-data field or number. */
const UUIDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
/** Identifiers (ids, order numbers, system names) are not free text: a digit run inside them is not a phone. */
// `callerKey` is intake's keyed hash of a phone (64 hex characters, checked by its schema): its digit runs are not a phone.
const isIdentifierKey = (key: string) => key === 'id' || key === 'externalNo' || key === 'system' || key === 'callerKey' || /Ids?$/.test(key);

export function findPersonalData(value: unknown, path = '$'): string | undefined {
  // A UUID inside a string (e.g. "open311:<key id>") can hold a run of 11 digits: not a phone.
  if (typeof value === 'string') return containsPersonalNumber(value.replace(UUIDS, '-')) ? path : undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findPersonalData(value[i], `${path}[${i}]`);
      if (hit) return hit;
    }
    return undefined;
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (['citizenName', 'citizenPhone', 'phone', 'address', 'idNumber'].includes(k)) return `${path}.${k}`;
      if (isIdentifierKey(k)) continue;
      const hit = findPersonalData(v, `${path}.${k}`);
      if (hit) return hit;
    }
  }
  return undefined;
}
