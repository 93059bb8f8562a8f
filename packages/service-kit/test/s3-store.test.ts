import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkFileStoreConfig, checkUpload, FileStoreConfigShape, fileStoreOf, s3Store } from '../src';

// s3rver: an S3-compatible server (real HTTP, objects on disk), started here. It checks the access key
// but not the V4 signature itself (unimplemented in s3rver 3.7): the signing is aws4's.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver') as new (o: Record<string, unknown>) => { run(): Promise<AddressInfo>; close(): Promise<void> };

const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
const KEYS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' }; // s3rver's account

describe('s3Store: the FileStore on an S3-compatible object store', () => {
  let dir: string;
  let server: { close(): Promise<void> };
  let endpoint: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 's3-store-'));
    const s3 = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: dir, configureBuckets: [{ name: 'hotline-files' }] });
    const addr = await s3.run();
    server = s3;
    endpoint = `http://127.0.0.1:${addr.port}`;
  });
  afterAll(async () => {
    await server?.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('puts and gets by SHA-256 under the prefix; null for what it never stored; a repeated put is skipped', async () => {
    const store = s3Store({ endpoint, bucket: 'hotline-files', region: 'us-east-1', ...KEYS, prefix: 'supervision/evidence/' });
    const { sha256 } = checkUpload(PNG, 'a.png', { maxBytes: 1024, what: '材料' });
    await store.put(sha256, PNG);
    await store.put(sha256, PNG);
    expect(await store.get(sha256)).toEqual(PNG);
    expect(await store.get('0'.repeat(64))).toBeNull();
    // The object sits where the key says, in s3rver's own folder.
    const stored = await fs.readdir(path.join(dir, 'hotline-files', 'supervision', 'evidence', sha256.slice(0, 2)));
    expect(stored.some((f) => f.startsWith(sha256))).toBe(true);
    await expect(store.get('../etc/passwd')).rejects.toThrow(/sha256/);
  });

  it('an unknown access key or bucket is an error, not an empty store', async () => {
    const { sha256 } = checkUpload(PNG, 'a.png', { maxBytes: 1024, what: '材料' });
    const wrong = s3Store({
      endpoint,
      bucket: 'hotline-files',
      region: 'us-east-1',
      accessKeyId: 'NOT-A-KEY',
      secretAccessKey: 'S3RVER',
      prefix: 'supervision/evidence/',
    });
    await expect(wrong.get(sha256)).rejects.toThrow(/HTTP 403 InvalidAccessKeyId/);
    await expect(wrong.put(sha256, PNG)).rejects.toThrow(/HTTP 403/);
    const nobucket = s3Store({ endpoint, bucket: 'no-such-bucket', region: 'us-east-1', ...KEYS });
    await expect(nobucket.put(sha256, PNG)).rejects.toThrow(/HTTP 404 NoSuchBucket/);
  });

  it('the config chooses the store: local by default; s3 needs its address, bucket and keys', async () => {
    const schema = z.object(FileStoreConfigShape).superRefine(checkFileStoreConfig);
    expect(schema.parse({})).toMatchObject({ FILE_STORE: 'local', S3_REGION: 'us-east-1', S3_PREFIX: '' });
    const missing = schema.safeParse({ FILE_STORE: 's3', S3_ENDPOINT: endpoint });
    expect(missing.success).toBe(false);
    expect(missing.error!.issues.map((i) => i.path.join('.')).sort()).toEqual(['S3_ACCESS_KEY_ID', 'S3_BUCKET', 'S3_SECRET_ACCESS_KEY']);

    const config = schema.parse({
      FILE_STORE: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: 'hotline-files',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_PREFIX: 'district-a/',
    });
    const viaConfig = fileStoreOf(config, '/nonexistent', 'materials');
    const { sha256 } = checkUpload(Buffer.concat([PNG, Buffer.from('x')]), 'b.png', { maxBytes: 1024, what: '材料' });
    await viaConfig.put(sha256, PNG);
    expect(await viaConfig.get(sha256)).toEqual(PNG);
    expect(await fs.readdir(path.join(dir, 'hotline-files', 'district-a', 'materials'))).toContain(sha256.slice(0, 2));

    const local = await fs.mkdtemp(path.join(os.tmpdir(), 'file-store-local-'));
    try {
      const onDisk = fileStoreOf(schema.parse({}), local, 'materials');
      await onDisk.put(sha256, PNG);
      expect(await fs.readdir(path.join(local, 'materials', sha256.slice(0, 2)))).toEqual([sha256]);
    } finally {
      await fs.rm(local, { recursive: true, force: true });
    }
  });
});
