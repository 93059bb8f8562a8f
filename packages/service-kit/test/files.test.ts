import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkUpload, DomainError, localDiskStore } from '../src';

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const reason = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as DomainError).reason;
  }
  return 'accepted';
};

describe('uploaded files', () => {
  it('checkUpload: by the bytes, within the limit, the name cleaned to match the type', () => {
    const ok = checkUpload(PNG, '../现场照片.exe', { maxBytes: 1024, what: '佐证材料' });
    expect(ok.kind.contentType).toBe('image/png');
    expect(ok.name.endsWith('.png')).toBe(true);
    expect(ok.name).not.toContain('/');
    expect(ok.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(reason(() => checkUpload(Buffer.alloc(0), 'a.png', { maxBytes: 1024, what: '佐证材料' }))).toBe('EMPTY_FILE');
    expect(reason(() => checkUpload(PNG, 'a.png', { maxBytes: 10, what: '佐证材料' }))).toBe('FILE_TOO_LARGE');
    expect(() => checkUpload(PNG, 'a.png', { maxBytes: 10, what: '佐证材料' })).toThrow(/单个佐证材料不能超过/);
    expect(reason(() => checkUpload(Buffer.from('MZ\x90\x00 not a document at all', 'latin1'), 'a.pdf', { maxBytes: 1024, what: '材料' }))).toBe(
      'UNSUPPORTED_FILE_TYPE',
    );
  });

  it('localDiskStore: content-addressed, written once, null for what it never stored', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'file-store-'));
    try {
      const store = localDiskStore(dir);
      const { sha256 } = checkUpload(PNG, 'a.png', { maxBytes: 1024, what: '材料' });
      await store.put(sha256, PNG);
      await store.put(sha256, PNG);
      expect(await store.get(sha256)).toEqual(PNG);
      expect(await fs.readdir(path.join(dir, sha256.slice(0, 2)))).toEqual([sha256]);
      expect(await store.get('0'.repeat(64))).toBeNull();
      await expect(store.get('../etc/passwd')).rejects.toThrow(/sha256/);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
