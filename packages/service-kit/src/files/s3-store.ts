import path from 'node:path';
import aws4 from 'aws4';
import { z } from 'zod';
import { FileStore, localDiskStore } from './file-store';

export interface S3StoreOptions {
  /** The object store's address, e.g. https://s3.cn-north-1.amazonaws.com.cn or http://minio:9000. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Key prefix inside the bucket (one bucket may serve several services), e.g. `supervision/evidence/`. */
  prefix?: string;
  /** Give up on one request after this long. */
  timeoutMs?: number;
}

/**
 * A FileStore on an S3-compatible object store (AWS S3, MinIO, Ceph RGW, Alibaba OSS in S3 mode),
 * spoken to over plain HTTP with AWS Signature V4 (`aws4` signs) and path-style addresses
 * (`<endpoint>/<bucket>/<key>`), which every S3-compatible store accepts. Objects are addressed by
 * their SHA-256, so a repeated put of the same bytes is skipped after a HEAD.
 */
export function s3Store(opts: S3StoreOptions): FileStore {
  const base = new URL(opts.endpoint);
  const prefix = opts.prefix ?? '';
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const keyOf = (sha: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha)) throw new Error('not a sha256');
    return `${prefix}${sha.slice(0, 2)}/${sha}`;
  };
  const request = async (method: 'GET' | 'HEAD' | 'PUT', key: string, body?: Buffer) => {
    const pathname = `${base.pathname.replace(/\/$/, '')}/${opts.bucket}/${key}`;
    const signed = aws4.sign(
      {
        host: base.host,
        path: pathname,
        method,
        service: 's3',
        region: opts.region,
        headers: body ? { 'content-type': 'application/octet-stream', 'content-length': String(body.length) } : {},
        body,
      },
      { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey },
    );
    const headers = Object.fromEntries(
      Object.entries(signed.headers ?? {})
        .filter(([k]) => k.toLowerCase() !== 'host' && k.toLowerCase() !== 'content-length')
        .map(([k, v]) => [k, String(v)]),
    );
    return fetch(`${base.protocol}//${base.host}${pathname}`, { method, headers, body, signal: AbortSignal.timeout(timeoutMs) });
  };
  const fail = async (what: string, res: Response) => {
    const text = await res.text().catch(() => '');
    const code = /<Code>([^<]+)<\/Code>/.exec(text)?.[1];
    return new Error(`object store ${what}: HTTP ${res.status}${code ? ` ${code}` : ''}`);
  };
  return {
    async put(sha, bytes) {
      const key = keyOf(sha);
      const head = await request('HEAD', key);
      if (head.ok && Number(head.headers.get('content-length')) === bytes.length) return;
      if (!head.ok && head.status !== 404) throw await fail('HEAD', head);
      const res = await request('PUT', key, bytes);
      if (!res.ok) throw await fail('PUT', res);
      await res.arrayBuffer();
    },
    async get(sha) {
      const res = await request('GET', keyOf(sha));
      if (res.status === 404) {
        await res.arrayBuffer();
        return null;
      }
      if (!res.ok) throw await fail('GET', res);
      return Buffer.from(await res.arrayBuffer());
    },
  };
}

/**
 * The file store part of a service's config: `FILE_STORE=local` (default: under the service's data
 * folder) or `s3` with the object store's address, bucket and keys. Merge into the service schema
 * with `.extend(FileStoreConfigShape)`; a missing S3 setting is a config error at start.
 */
export const FileStoreConfigShape = {
  /** Where uploaded files live: `local` (the service's data folder) or `s3` (an S3-compatible object store). */
  FILE_STORE: z.enum(['local', 's3']).default('local'),
  S3_ENDPOINT: z.url().optional(),
  S3_BUCKET: z.string().min(3).optional(),
  S3_REGION: z.string().min(1).default('us-east-1'),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Key prefix inside the bucket; the service adds its own folder name after it. */
  S3_PREFIX: z.string().default(''),
};

export type FileStoreConfig = {
  FILE_STORE: 'local' | 's3';
  S3_ENDPOINT?: string;
  S3_BUCKET?: string;
  S3_REGION: string;
  S3_ACCESS_KEY_ID?: string;
  S3_SECRET_ACCESS_KEY?: string;
  S3_PREFIX: string;
};

/** For a schema's superRefine: with FILE_STORE=s3, the address, bucket and keys are required. */
export function checkFileStoreConfig(c: FileStoreConfig, ctx: z.RefinementCtx): void {
  if (c.FILE_STORE !== 's3') return;
  for (const key of ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
    if (!c[key]) ctx.addIssue({ code: 'custom', path: [key], message: `${key} is required when FILE_STORE=s3` });
  }
}

/** The FileStore a service's config names; `folder` is its own sub-folder (on disk or under the key prefix). */
export function fileStoreOf(c: FileStoreConfig, localDir: string, folder: string): FileStore {
  if (c.FILE_STORE === 'local') return localDiskStore(path.resolve(localDir, folder));
  if (!c.S3_ENDPOINT || !c.S3_BUCKET || !c.S3_ACCESS_KEY_ID || !c.S3_SECRET_ACCESS_KEY)
    throw new Error('FILE_STORE=s3 needs S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY');
  return s3Store({
    endpoint: c.S3_ENDPOINT,
    bucket: c.S3_BUCKET,
    region: c.S3_REGION,
    accessKeyId: c.S3_ACCESS_KEY_ID,
    secretAccessKey: c.S3_SECRET_ACCESS_KEY,
    prefix: `${c.S3_PREFIX}${folder}/`,
  });
}
