// The benchmark's statistics (run by npm test: vitest in bench/).
import assert from 'node:assert/strict';
import { test } from 'vitest';
import { median, pairedRatios, quantile, summarize } from './stats.mjs';

test('median of odd and even counts, input left unsorted', () => {
  const xs = [5, 1, 3];
  assert.equal(median(xs), 3);
  assert.deepEqual(xs, [5, 1, 3]);
  assert.equal(median([4, 1, 3, 2]), 2.5);
});

test('quantile picks the value at or above the rank', () => {
  const xs = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1
  assert.equal(quantile(xs, 0.5), 51);
  assert.equal(quantile(xs, 0.99), 100);
  assert.equal(quantile(xs, 1), 100);
});

test('summarize gives median, range and spread relative to the median; ignores non-finite runs', () => {
  const s = summarize([90, 110, 100, NaN, Infinity]);
  assert.equal(s.median, 100);
  assert.equal(s.min, 90);
  assert.equal(s.max, 110);
  assert.ok(Math.abs(s.spread - 0.2) < 1e-12);
  assert.deepEqual(s.runs, [90, 110, 100]);
  assert.deepEqual(summarize([]), { median: null, min: null, max: null, spread: null, runs: [] });
  assert.equal(summarize([0, 0]).spread, null);
});

test('pairedRatios divides run by run, not median by median', () => {
  // medians would give 20 / 200 = 0.1; the runs' own ratios are 0.05, 0.1, 0.5
  const r = pairedRatios([10, 20, 30], [200, 200, 60]);
  assert.deepEqual(r.runs, [0.05, 0.1, 0.5]);
  assert.equal(r.median, 0.1);
  assert.deepEqual(pairedRatios([1, 2], [0, 4]).runs, [0.5]);
});
