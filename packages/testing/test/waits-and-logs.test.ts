// The harness's own helpers: how `eventually` reports a slow wait and a timeout, and the digest of
// the services' logs that the test stack prints as it stops.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { eventually } from '../src/client';
import { logDigest } from '../src/infra';

afterEach(() => vi.restoreAllMocks());

describe('eventually', () => {
  it('reports on stderr a wait that took more than half its limit, and returns the value', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const t0 = Date.now();
    const v = await eventually(() => Date.now() - t0 > 250 && 'ready', { what: 'the slow thing', timeoutMs: 400, intervalMs: 20 });
    expect(v).toBe('ready');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0][0]).toMatch(/^\[eventually\] the slow thing took \d+ ms of 400 ms$/);
  });

  it('says nothing of a wait well within its limit', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const t0 = Date.now();
    await eventually(() => Date.now() - t0 > 50, { what: 'the quick thing', timeoutMs: 10_000, intervalMs: 20 });
    expect(warn).not.toHaveBeenCalled();
  });

  it('times out saying how long it waited, for what, and the last error', async () => {
    let tries = 0;
    const failing = () => {
      tries++;
      throw new Error('not there yet');
    };
    const e = await eventually(failing, { what: 'the missing thing', timeoutMs: 200, intervalMs: 20 }).catch((x: Error) => x);
    expect((e as Error).message).toMatch(/^timed out after \d+ ms waiting for the missing thing: not there yet$/);
    expect(Number((e as Error).message.match(/after (\d+) ms/)![1])).toBeGreaterThanOrEqual(200);
    expect(tries).toBeGreaterThan(1);
  });
});

describe('logDigest', () => {
  let dir: string;
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("counts the services' warnings and errors by service and message, with the first error message of each", () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hotline-logdigest-'));
    const lines = (xs: unknown[]) => xs.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join('\n') + '\n';
    fs.writeFileSync(
      path.join(dir, 'callback.log'),
      lines([
        { level: 30, service: 'callback', msg: 'listening' },
        { level: 40, service: 'callback', msg: 'event handling failed; will retry', err: { message: 'case 1 not yet known' }, citizenPhone: '[redacted]' },
        { level: 40, service: 'callback', msg: 'event handling failed; will retry', err: { message: 'case 2 not yet known' } },
        '{ not json',
      ]),
    );
    fs.writeFileSync(
      path.join(dir, 'dispatch.log'),
      lines([
        { level: 50, service: 'dispatch', msg: 'event dead-lettered' },
        { level: 50, service: 'dispatch', msg: 'event dead-lettered', err: { message: 'no handler wanted it' } },
      ]),
    );
    fs.writeFileSync(path.join(dir, 'nats.log'), '[1] 2026/12/07 05:07:06 [WRN] a line of nats-server, not JSON\n');
    fs.writeFileSync(path.join(dir, 'intake.log'), lines([{ level: 40, msg: 'no service field' }]));
    fs.writeFileSync(path.join(dir, 'notes.txt'), lines([{ level: 50, service: 'x', msg: 'not a log file' }]));
    expect(logDigest(dir)).toEqual([
      '      2 × callback warn: event handling failed; will retry (case 1 not yet known)',
      '      2 × dispatch error: event dead-lettered (no handler wanted it)',
      '      1 × intake warn: no service field',
    ]);
  });

  it('gives nothing for a folder that is not there', () => {
    dir = path.join(os.tmpdir(), `hotline-logdigest-missing-${process.pid}`);
    expect(logDigest(dir)).toEqual([]);
  });
});
