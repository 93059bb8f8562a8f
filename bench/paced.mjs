// Requests at a fixed arrival rate, for the load benchmark's fixed-rate figures and its event lag.
import http from 'node:http';
import { quantile } from './stats.mjs';

/**
 * GraphQL POSTs to `url` arriving at a fixed rate, one every 1000/rate ms, evenly spaced (an open
 * model: callers do not wait for each other), over kept-alive connections. At most `inFlight` wait
 * at once; an arrival that finds that many waiting is skipped and counted, or a system slower than
 * the rate would pile up minutes of requests, and the rate achieved is reported. Latency is from
 * the arrival's planned moment to the answer, so a late send counts against the system.
 * `onAnswer(text, at)` sees each answer that came back 200 without GraphQL errors; the others are
 * counted as failed, the first kept in `firstError`.
 *
 * autocannon's own rate limit (`overallRate`) sends each connection's share of a second at the
 * start of that second: a burst a second, not a rate. The fixed-rate figures measured those bursts
 * until 2026-12-07 (fixed 40/s: p50 49–78 ms, p99 158–243 ms, against 16–19 and 69–77 ms evenly
 * spaced).
 */
export async function paced({ url, token, body, rate, seconds, inFlight: cap = 16, onAnswer }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: cap });
  const target = new URL(url);
  const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) };
  const lat = [];
  let waiting = 0,
    ok = 0,
    failed = 0,
    skipped = 0,
    firstError = null;
  const send = (planned) =>
    new Promise((resolve) => {
      let done = false;
      // A request ends once: a socket that breaks mid-answer may report on the request and the response both.
      const end = (error, text, at) => {
        if (done) return;
        done = true;
        if (error) {
          failed++;
          firstError ??= error;
        } else {
          ok++;
          lat.push(at - planned);
          onAnswer?.(text, at);
        }
        resolve();
      };
      const req = http.request({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent, headers }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('error', (e) => end(String(e)));
        res.on('end', () => {
          const at = performance.now();
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200 || text.includes('"errors"')) end(`${res.statusCode} ${text.slice(0, 300)}`);
          else end(null, text, at);
        });
      });
      req.setTimeout(30_000, () => req.destroy(new Error('timeout after 30 s')));
      req.on('error', (e) => end(String(e)));
      req.end(JSON.stringify(body()));
    });
  const total = Math.round(rate * seconds);
  const t0 = performance.now();
  const sends = [];
  for (let i = 0; i < total; i++) {
    const planned = t0 + (i * 1000) / rate;
    const wait = planned - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    if (waiting >= cap) {
      skipped++;
      continue;
    }
    waiting++;
    sends.push(send(planned).finally(() => waiting--));
  }
  const sentIn = (performance.now() - t0) / 1000;
  await Promise.all(sends);
  const elapsed = (performance.now() - t0) / 1000;
  agent.destroy();
  return {
    rps: ok / elapsed,
    p50: quantile(lat, 0.5),
    p99: quantile(lat, 0.99),
    ok,
    failed,
    firstError,
    sent: total - skipped,
    skipped,
    achievedRate: (total - skipped) / sentIn,
  };
}
