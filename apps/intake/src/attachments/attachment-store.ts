import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Where attachment bytes live, addressed by their SHA-256 (hex). Writes are idempotent: the same
 * bytes put twice are stored once. The Postgres store writes inside the caller's transaction, so
 * a failed upload leaves nothing behind. An object store (S3, MinIO, OSS) can replace it by
 * implementing the same calls: it would ignore `em` and put before the metadata transaction
 * (a content-addressed object no row points to is harmless garbage, never a broken link), and
 * delete after it commits.
 */
export interface AttachmentStore {
  put(em: EntityManager, sha256: string, bytes: Buffer): Promise<void>;
  get(em: EntityManager, sha256: string): Promise<Buffer | null>;
  /**
   * Deletes the bytes for good (撤回附件). The caller has made sure that no live attachment
   * row refers to them any more; deleting what is not there is no error.
   */
  delete(em: EntityManager, sha256: string): Promise<void>;
}

/** The bytes in intake's own database: table intake_attachment_blob (sha256 → bytea). */
export const postgresAttachmentStore: AttachmentStore = {
  async put(em, sha256, bytes) {
    await em.execute('insert into intake_attachment_blob (sha256, size, bytes, created_at) values (?, ?, ?, now()) on conflict (sha256) do nothing', [
      sha256,
      bytes.length,
      bytes,
    ]);
  },
  async get(em, sha256) {
    const rows = await em.execute<Array<{ bytes: Buffer }>>('select bytes from intake_attachment_blob where sha256 = ?', [sha256]);
    return rows[0]?.bytes ?? null;
  },
  async delete(em, sha256) {
    await em.execute('delete from intake_attachment_blob where sha256 = ?', [sha256]);
  },
};
