import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES, ERROR_LISTS, errorEntriesFor, errorMessageOf, type ErrorEntry } from '../src';

/**
 * The error reason lists (src/errors/*.errors.ts) are the one place a refusal's reason and message
 * are written. These services have been moved onto them; a refusal written inline there (a reason
 * string passed to badInput / notFound / forbidden / conflict / unauthenticated, `new DomainError`,
 * or a `reason: 'X'` literal) fails this test: add it to its domain's list and throw it with the
 * kit's `codedError`. (Every service is on the lists; a new one joins CONVERTED when it is created.)
 */
const CONVERTED = [
  'packages/service-kit/src',
  'apps/identity/src',
  'apps/dispatch/src',
  'apps/intake/src',
  'apps/supervision/src',
  'apps/publicity/src',
  'apps/callback/src',
];
/** Where DomainError and the inline helpers themselves are defined. */
const DEFINITIONS = new Set(['packages/service-kit/src/errors.ts']);

const repo = path.resolve(__dirname, '..', '..', '..');
const INLINE = [
  { what: 'an inline refusal helper', pattern: /\b(?:badInput|notFound|forbidden|conflict|unauthenticated)\(/ },
  { what: 'new DomainError', pattern: /\bnew DomainError\(/ },
  { what: 'a reason literal', pattern: /\breason:\s*['"`][A-Z][A-Z0-9_]+['"`]\s*[,}]/ },
];

/** Each inline refusal of a source text, as `line: what`. */
export function inlineRefusals(source: string): string[] {
  const found: string[] = [];
  source.split('\n').forEach((line, i) => {
    if (/^\s*(\/\/|\*|\/\*)/.test(line)) return; // comments may name a reason
    for (const { what, pattern } of INLINE) if (pattern.test(line)) found.push(`${i + 1}: ${what}: ${line.trim()}`);
  });
  return found;
}

function sourcesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(repo, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) out.push(...sourcesUnder(rel));
    else if (/\.tsx?$/.test(entry.name)) out.push(rel);
  }
  return out;
}

const entries = Object.entries(ERROR_LISTS).flatMap(([domain, list]) =>
  Object.entries(list as Record<string, ErrorEntry>).map(([key, e]) => ({ domain, key, ...e })),
);

describe('error reason lists', () => {
  it('every entry has a client code, a stable reason and a Chinese message', () => {
    expect(entries.length).toBeGreaterThan(50);
    for (const e of entries) {
      expect(ERROR_CODES, `${e.domain}.${e.key}`).toContain(e.code);
      expect(e.reason, `${e.domain}.${e.key}`).toMatch(/^[A-Z][A-Z0-9_]*$/);
      expect(e.message, `${e.domain}.${e.key}`).toMatch(/[\u4e00-\u9fff]|^\{\w+\}$/);
    }
  });

  it('a reason means one code in every list (a client may rely on it)', () => {
    const codes = new Map<string, Set<string>>();
    for (const e of entries) codes.set(e.reason, (codes.get(e.reason) ?? new Set()).add(e.code));
    const mixed = [...codes].filter(([, c]) => c.size > 1).map(([r, c]) => `${r}: ${[...c].join(', ')}`);
    expect(mixed).toEqual([]);
  });

  it('fills a message and finds a reason across the lists', () => {
    expect(errorMessageOf(ERROR_LISTS.dispatch.EXTENSION_TOO_LONG.message, { maxDays: 30 })).toBe('一次延期最多 30 天');
    // One reason, a wording per list entry (the common one first); other lists may add theirs.
    const stale = errorEntriesFor('STALE_VERSION').map((e) => e.message);
    expect(stale[0]).toBe('数据已被他人更新，请刷新后重试');
    expect(stale).toEqual(
      expect.arrayContaining([
        '工单已被他人更新，请刷新后重试',
        '典型案例已被他人更新，请刷新后重试',
        '节目已被他人更新，请刷新后重试',
        '文章已被他人更新，请刷新后重试',
      ]),
    );
    expect(errorEntriesFor('NO_SUCH_REASON')).toEqual([]);
  });

  it('the scan sees an inline refusal', () => {
    expect(inlineRefusals("  if (x) throw badInput('NEW_REASON', '新的原因');")).toHaveLength(1);
    expect(inlineRefusals("  throw new DomainError('CONFLICT', 'X', 'y');")).toHaveLength(1);
    expect(inlineRefusals("  return { ok: false, reason: 'ARCHIVE_X', message: '文件' };")).toHaveLength(1);
    expect(inlineRefusals("  throw codedError(DISPATCH_ERRORS.WRONG_STAGE, { externalNo });\n  // badInput('OLD', '…') was here")).toEqual([]);
  });

  it.each(CONVERTED)('%s throws only reasons from the lists', (dir) => {
    const files = sourcesUnder(dir).filter((f) => !DEFINITIONS.has(f));
    expect(files.length).toBeGreaterThan(3);
    const inline = files.flatMap((f) => inlineRefusals(fs.readFileSync(path.join(repo, f), 'utf8')).map((hit) => `${f}:${hit}`));
    expect(inline).toEqual([]);
  });
});
