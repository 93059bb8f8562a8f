// Masking of personal data. The API already masks; these helpers are applied again
// wherever personal data is displayed, and are idempotent on already-masked values.

/** 张三 → 张*, 欧阳娜娜 → 欧***; keeps the first character. */
export function maskName(name: string | null | undefined): string {
  const chars = Array.from((name ?? '').trim());
  if (chars.length === 0) return '';
  if (chars.length === 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** 13812345678 → 138****5678; keeps the first 3 and the last 4 characters. */
export function maskPhone(phone: string | null | undefined): string {
  const s = (phone ?? '').replace(/\s+/g, '');
  if (s.length === 0) return '';
  if (s.length >= 8) return s.slice(0, 3) + '*'.repeat(s.length - 7) + s.slice(-4);
  if (s.length > 2) return '*'.repeat(s.length - 2) + s.slice(-2);
  return '*'.repeat(s.length);
}

/** 北京市大兴区荣华南路10号 → 北京市大兴区****; keeps the first 6 characters. */
export function maskAddress(address: string | null | undefined): string {
  const chars = Array.from((address ?? '').trim());
  if (chars.length === 0) return '';
  const keep = Math.min(6, Math.max(1, Math.floor(chars.length / 2)));
  return chars.slice(0, keep).join('') + '****';
}
