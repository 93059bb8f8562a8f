import fs from 'node:fs/promises';
import path from 'node:path';

/**
 * Where uploaded files live (publicity's typical-case materials, supervision's claim evidence),
 * addressed by their SHA-256 (identical files are stored once). The default keeps them on local
 * disk under the service's data folder; an object store (S3/MinIO) would implement the same two
 * calls. `put` runs before the database transaction that records the file: if that transaction
 * fails, an unreferenced object is left behind, which is harmless.
 */
export interface FileStore {
  put(sha256: string, bytes: Buffer): Promise<void>;
  get(sha256: string): Promise<Buffer | null>;
}

/** Files under `<dir>/<first two hex digits>/<sha256>`, written atomically (temp file, then rename). */
export function localDiskStore(dir: string): FileStore {
  const fileOf = (sha: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha)) throw new Error('not a sha256');
    return path.join(dir, sha.slice(0, 2), sha);
  };
  return {
    async put(sha, bytes) {
      const file = fileOf(sha);
      await fs.mkdir(path.dirname(file), { recursive: true });
      const exists = await fs.stat(file).then(
        (s) => s.size === bytes.length,
        () => false,
      );
      if (exists) return;
      const tmp = `${file}.${process.pid}.${Date.now()}.tmp`;
      await fs.writeFile(tmp, bytes, { mode: 0o600 });
      await fs.rename(tmp, file);
    },
    async get(sha) {
      return fs.readFile(fileOf(sha)).catch((e: NodeJS.ErrnoException) => {
        if (e.code === 'ENOENT') return null;
        throw e;
      });
    },
  };
}
