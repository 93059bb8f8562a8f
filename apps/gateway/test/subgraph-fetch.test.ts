import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubgraphFetcher } from '../src/subgraph-fetch';

/** A stand-in subgraph: echoes what it was sent, or answers with the status a path names. */
describe('the gateway’s subgraph calls (node:http, kept-alive connections)', () => {
  let server: http.Server;
  let base: string;
  const sockets = new Set<unknown>();
  const subgraphs = createSubgraphFetcher();

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      sockets.add(req.socket);
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (c: string) => (body += c));
      req.on('end', () => {
        const status = Number(req.url?.split('/').pop()) || 200;
        if (req.url?.startsWith('/text')) {
          res.writeHead(status, { 'content-type': 'text/plain' }).end('服务不可用');
          return;
        }
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'private' });
        res.end(
          JSON.stringify({
            data: { method: req.method, authorization: req.headers.authorization ?? null, length: req.headers['content-length'], body: JSON.parse(body) },
          }),
        );
      });
    });
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    subgraphs.close();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it('posts the JSON body with its headers and gives the JSON answer, Chinese intact', async () => {
    const body = JSON.stringify({ query: '{ _entities { id } }', variables: { title: '电梯停运' } });
    const res = await subgraphs.fetcher(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer t' },
      body,
    });
    expect(res.ok).toBe(true);
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('private');
    expect(res.headers.get('x-missing')).toBeNull();
    expect(await res.json()).toEqual({
      data: { method: 'POST', authorization: 'Bearer t', length: String(Buffer.byteLength(body)), body: JSON.parse(body) },
    });
    expect(res.bodyUsed).toBe(true);
  });

  it('reuses its connections: 40 calls, 8 at a time, over at most 8 sockets', async () => {
    sockets.clear();
    let left = 40;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (left-- > 0) {
          const res = await subgraphs.fetcher(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"n":1}' });
          expect(((await res.json()) as { data: { body: unknown } }).data.body).toEqual({ n: 1 });
        }
      }),
    );
    expect(sockets.size).toBeGreaterThan(0);
    expect(sockets.size).toBeLessThanOrEqual(8);
  });

  it('gives a refusal with its status and body (the data source turns it into an error), text as text', async () => {
    const res = await subgraphs.fetcher(`${base}/graphql/400`, { method: 'POST', headers: {}, body: '{}' });
    expect(res.ok).toBe(false);
    expect(res.status).toBe(400);
    expect(res.statusText).toBe('Bad Request');
    expect(res.url).toBe(`${base}/graphql/400`);
    const down = await subgraphs.fetcher(`${base}/text/503`, { method: 'POST', headers: {}, body: '{}' });
    expect(down.status).toBe(503);
    expect(await down.text()).toBe('服务不可用');
  });

  it('rejects when the subgraph cannot be reached', async () => {
    const closed = http.createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((r) => closed.close(r));
    await expect(subgraphs.fetcher(`http://127.0.0.1:${port}/graphql`, { method: 'POST', headers: {}, body: '{}' })).rejects.toThrow(/ECONNREFUSED/);
  });
});
