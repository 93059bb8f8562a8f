import type { AddressInfo } from 'node:net';
import express from 'express';
import { describe, expect, it } from 'vitest';
import { createMetrics, mountMetrics, routeOf } from '../src';

async function serve(token?: string) {
  const app = express();
  const metrics = createMetrics('kit-test', { routes: ['/open311', '/cases/:id/attachments'] });
  mountMetrics(app, metrics, token);
  app.get('/cases/:id/attachments/:a', (_req, res) => {
    res.send('ok');
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, close: () => new Promise((r) => server.close(r)) };
}

describe('metrics endpoint', () => {
  it('with METRICS_TOKEN set, /metrics answers only the right bearer token', async () => {
    const s = await serve('a-metrics-token-of-some-length');
    try {
      expect((await fetch(`${s.base}/metrics`)).status).toBe(401);
      expect((await fetch(`${s.base}/metrics`, { headers: { authorization: 'Bearer wrong-token-of-some-length!' } })).status).toBe(401);
      const ok = await fetch(`${s.base}/metrics`, { headers: { authorization: 'Bearer a-metrics-token-of-some-length' } });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('service="kit-test"');
    } finally {
      await s.close();
    }
  });

  it('labels requests by route template, so ids never become label values', async () => {
    const s = await serve();
    try {
      await fetch(`${s.base}/cases/0b5a9f2e-127a-4f16-b43d-cb76dcaa0be9/attachments/63e04f37-128d-485a-af4d-aa82be2eb6c4`);
      const text = await (await fetch(`${s.base}/metrics`)).text();
      expect(text).toMatch(/hotline_http_request_duration_seconds_count\{[^}]*route="\/cases\/:id\/attachments"[^}]*\} 1/);
      expect(text).not.toContain('0b5a9f2e');
    } finally {
      await s.close();
    }
    expect(routeOf('/graphql')).toBe('/graphql');
    expect(routeOf('/open311/v2/requests.json'), 'no service template: other').toBe('other');
    const { routeOf: withTemplates } = createMetrics('kit-test-templates', { routes: ['/open311', '/imports', '/cases/:id/attachments'] });
    expect(withTemplates('/cases/123')).toBe('other');
    expect(withTemplates('/open311/v2/requests.json')).toBe('/open311');
    expect(withTemplates('/open311x')).toBe('other');
    expect(withTemplates('/imports')).toBe('/imports');
    expect(withTemplates('/cases/abc/attachments')).toBe('/cases/:id/attachments');
  });
});
