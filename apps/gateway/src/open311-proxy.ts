import express, { Express, Request, Response } from 'express';
import type { Logger } from '@hotline/service-kit';

/** Largest body passed through: a year of orders as .xlsx is a few MB (intake applies its own limit too). */
const IMPORT_BODY_LIMIT = '25mb';

/** Request headers a pass-through forwards; everything else (cookies, hop-by-hop) stays here. */
const FORWARD = ['content-type', 'accept', 'authorization', 'x-request-id'];
/** Response headers sent back to the caller. */
const BACK = ['content-type', 'content-disposition', 'cache-control', 'location', 'x-content-type-options'];

/**
 * Passes plain HTTP paths of a subgraph through the gateway's origin, unchanged: Open311
 * (`/open311/v2/...`, for partners' standard clients), intake's file imports (`/imports`) and
 * case attachments (a RegExp prefix: only `/cases/<uuid>/attachments…`, the rest of `/cases/…`
 * are the web app's pages). Bodies are forwarded as raw bytes, so form posts, JSON and file
 * uploads all work.
 */
export function passThrough(app: Express, opts: { prefixes: Array<string | RegExp>; target: string; log: Logger; bodyLimit?: string }): void {
  const target = opts.target.replace(/\/+$/, '');
  for (const prefix of opts.prefixes) {
    app.use(prefix, express.raw({ type: () => true, limit: opts.bodyLimit ?? IMPORT_BODY_LIMIT }), async (req: Request, res: Response) => {
      // Only the prefix's own paths go through: a dot segment or an encoded slash/dot would let
      // `/imports/../graphql` reach intake's GraphQL (no depth limit) or its /metrics.
      if (!safePath(req.originalUrl, prefix)) {
        res.status(400).json([{ code: 400, description: '请求路径无效' }]);
        return;
      }
      const headers: Record<string, string> = {
        'x-forwarded-host': req.get('host') ?? '',
        'x-forwarded-proto': req.protocol,
        // The client's address as this gateway resolved it (TRUST_PROXY), for intake's logs and limits.
        ...(req.ip ? { 'x-forwarded-for': req.ip } : {}),
      };
      for (const h of FORWARD) {
        const v = req.get(h);
        if (v) headers[h] = v;
      }
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && Buffer.isBuffer(req.body) && req.body.length > 0;
      try {
        const upstream = await fetch(`${target}${req.originalUrl}`, {
          method: req.method,
          headers,
          body: hasBody ? new Uint8Array(req.body as Buffer) : undefined,
          redirect: 'manual',
          signal: AbortSignal.timeout(120_000),
        });
        res.status(upstream.status);
        for (const h of BACK) {
          const v = upstream.headers.get(h);
          if (v) res.set(h, v);
        }
        res.send(Buffer.from(await upstream.arrayBuffer()));
      } catch (e) {
        opts.log.warn({ err: e, path: req.originalUrl }, 'pass-through to intake failed');
        res.status(502).json([{ code: 502, description: '受理服务暂不可用，请稍后重试' }]);
      }
    });
  }
}

/**
 * True when `url` (path + query) stays under `prefix` as any HTTP client would resolve it: no
 * `.`/`..` segments, no encoded dot, slash or backslash, and the normalised path still matches.
 */
export function safePath(url: string, prefix: string | RegExp): boolean {
  const path = url.split('?')[0];
  if (/%2e|%2f|%5c|\\/i.test(path)) return false;
  if (path.split('/').some((seg) => seg === '.' || seg === '..')) return false;
  const normalised = new URL(path, 'http://gateway.invalid').pathname;
  return typeof prefix === 'string' ? normalised === prefix || normalised.startsWith(`${prefix}/`) : prefix.test(normalised);
}

/** A subgraph's base URL from its GraphQL URL (`http://host:port/graphql` → `http://host:port`). */
export const baseUrlOf = (graphqlUrl: string) => graphqlUrl.replace(/\/graphql\/?$/, '');
