// The paced sender (paced.mjs) against a local HTTP server: arrivals spread over the second (not
// a burst at its start), the cap on waiting requests, latency from the planned moment, and
// failures counted apart from answers.
import http from 'node:http';
import { afterEach, expect, test } from 'vitest';
import { paced } from './paced.mjs';

let server;
/** A server that answers every POST after `delayMs` with `answer`, keeping each arrival's time. */
async function serve(delayMs, answer = '{"data":{"ok":true}}', status = 200) {
  const arrivals = [];
  server = http.createServer((req, res) => {
    arrivals.push(performance.now());
    req.resume();
    req.on('end', () => setTimeout(() => res.writeHead(status, { 'content-type': 'application/json' }).end(answer), delayMs));
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}/graphql`, arrivals };
}
afterEach(() => new Promise((r) => (server ? server.close(r) : r())));

const body = () => ({ query: '{ ok }' });

test('arrivals are spread evenly over the second, not sent in a burst', async () => {
  const { url, arrivals } = await serve(5);
  const r = await paced({ url, body, rate: 40, seconds: 1 });
  expect(r).toMatchObject({ ok: 40, failed: 0, skipped: 0, sent: 40 });
  // 25 ms apart as planned; a burst (autocannon's overallRate) would put nearly all within a few ms.
  const gaps = arrivals.slice(1).map((t, i) => t - arrivals[i]);
  // Loose enough for a busy CI machine, whose timers may fire late and send a few together.
  expect(gaps.filter((g) => g >= 10).length).toBeGreaterThanOrEqual(gaps.length * 0.5);
  expect(arrivals.at(-1) - arrivals[0]).toBeGreaterThanOrEqual(900);
});

test('an arrival that finds `inFlight` requests waiting is skipped; latency counts from the planned moment', async () => {
  const { url } = await serve(300);
  const r = await paced({ url, body, rate: 100, seconds: 0.5, inFlight: 4 });
  // 50 arrivals over 0.5 s; each answer takes 300 ms, so at most 4 wait at once: the first 4, then
  // 4 more once those are answered (around 300 ms), and the rest skipped.
  expect(r.sent + r.skipped).toBe(50);
  expect(r.sent).toBeGreaterThanOrEqual(4);
  expect(r.sent).toBeLessThanOrEqual(12);
  expect(r.ok).toBe(r.sent);
  expect(r.p50).toBeGreaterThanOrEqual(300);
});

test('answers with GraphQL errors or another status are failed, kept apart from answers', async () => {
  const { url } = await serve(0, '{"errors":[{"message":"nope"}]}');
  const seen = [];
  const r = await paced({ url, body, rate: 20, seconds: 0.25, onAnswer: (text) => seen.push(text) });
  expect(r).toMatchObject({ ok: 0, failed: 5 });
  expect(r.firstError).toContain('nope');
  expect(seen).toEqual([]);
  await new Promise((res) => server.close(res));
  const refused = await serve(0, 'busy', 503);
  const r2 = await paced({ url: refused.url, body, rate: 20, seconds: 0.25 });
  expect(r2).toMatchObject({ ok: 0, failed: 5 });
  expect(r2.firstError).toMatch(/^503 busy/);
});

test('each answer reaches onAnswer with its text', async () => {
  const { url } = await serve(0, '{"data":{"receiveCase":{"id":"a"}}}');
  const seen = [];
  const r = await paced({ url, body, rate: 20, seconds: 0.25, onAnswer: (text, at) => seen.push([JSON.parse(text).data.receiveCase.id, typeof at]) });
  expect(r.ok).toBe(5);
  expect(seen).toEqual(Array(5).fill(['a', 'number']));
});
