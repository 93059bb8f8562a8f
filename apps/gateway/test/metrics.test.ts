import { describe, expect, inject, it } from 'vitest';
import { eventually } from '@hotline/testing';
import { as, gatewayUrl, receiveAndSign } from './helpers';

/** One sample's value from a Prometheus text exposition, by metric name and label subset. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (!line.startsWith(`${name}{`) && !line.startsWith(`${name} `)) continue;
    const m = /^([^{\s]+)(\{(.*)\})?\s+(\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const have = Object.fromEntries([...(m[3] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]));
    if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[4]);
  }
  return undefined;
}

const scrape = async (base: string) => {
  const res = await fetch(`${base}/metrics`);
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
};

describe('metrics (Prometheus, GET /metrics on every service)', () => {
  it('intake reports its HTTP and GraphQL traffic, its outbox and its consumers — and no personal data', async () => {
    const duty = await as('duty');
    const c = await receiveAndSign(duty, { citizenName: '欧阳娜娜', citizenPhone: '13987654321', content: '小区南门路灯不亮已经一周，联系电话13987654321。' });
    await duty.request('query CaseForMetrics($id: ID!) { case(id: $id) { id title } }', { id: c.id });
    const intake = inject('subgraphUrls').intake;

    const m = await eventually(
      async () => {
        const s = await scrape(intake);
        return (sample(s.text, 'hotline_consumer_events_total', { consumer: 'intake-case-timeline', outcome: 'handled' }) ?? 0) > 0 && s;
      },
      { what: 'the timeline consumer counted in the metrics' },
    );
    expect(m.status).toBe(200);
    expect(m.type).toContain('text/plain');
    expect(
      sample(m.text, 'hotline_graphql_operation_duration_seconds_count', { service: 'intake', operation: 'CaseForMetrics', type: 'query', outcome: 'ok' }),
    ).toBeGreaterThanOrEqual(1);
    expect(sample(m.text, 'hotline_http_request_duration_seconds_count', { route: '/graphql', method: 'POST', status: '200' })).toBeGreaterThan(0);
    expect(sample(m.text, 'hotline_outbox_published_total', { service: 'intake' })).toBeGreaterThan(0);
    // The gauges read the real state at scrape time: once the relay has published the case's
    // events and the timeline consumer has caught up, there is nothing unpublished and no backlog.
    const idle = await eventually(
      async () => {
        const s = await scrape(intake);
        return (
          sample(s.text, 'hotline_outbox_unpublished_events') === 0 &&
          sample(s.text, 'hotline_consumer_backlog_events', { consumer: 'intake-case-timeline' }) === 0 &&
          s
        );
      },
      { what: 'intake idle: outbox published, timeline consumer caught up' },
    );
    expect(sample(idle.text, 'hotline_outbox_oldest_unpublished_seconds')).toBe(0);
    expect(sample(m.text, 'hotline_consumer_batch_events_count', { consumer: 'intake-case-timeline' })).toBeGreaterThan(0);
    expect(sample(m.text, 'hotline_process_cpu_seconds_total')).toBeGreaterThan(0);
    // Ids and personal data never become labels.
    expect(m.text).not.toMatch(/13987654321|欧阳|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/);
    expect(m.text).not.toContain(c.externalNo);
  });

  it('a refused operation is counted by its error code', async () => {
    const handler = await as('handler-property');
    await handler.raw('query DispatchQueueForMetrics { dispatchQueue { id } }');
    const s = await scrape(inject('subgraphUrls').dispatch);
    expect(
      sample(s.text, 'hotline_graphql_operation_duration_seconds_count', { service: 'dispatch', operation: 'DispatchQueueForMetrics', outcome: 'FORBIDDEN' }),
    ).toBe(1);
  });

  it('the gateway has its own, and /metrics is not swallowed by the web app', async () => {
    const s = await scrape(gatewayUrl());
    expect(s.status).toBe(200);
    expect(s.text).toContain('service="gateway"');
    expect(sample(s.text, 'hotline_http_request_duration_seconds_count', { service: 'gateway', route: '/graphql' })).toBeGreaterThan(0);
    // a page of the web app is one route label, whatever its path
    await fetch(`${gatewayUrl()}/cases/some-page-${Date.now()}`);
    const after = await scrape(gatewayUrl());
    expect(after.text).not.toContain('some-page-');
  });
});
