// Latency of one routing suggestion (segmentation + naive Bayes top 3 + the words that weighed
// most) against the raw baseline of segmenting the same text with jieba alone.
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { median, quantile, fmt } from './stats.mjs';

const require = createRequire(import.meta.url);
const dist = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'apps', 'dispatch', 'dist', 'suggestions');
const { featuresOf, tokenize } = require(path.join(dist, 'tokenize.js'));
const { train, predict } = require(path.join(dist, 'naive-bayes.js'));
const { demoHistory } = require(path.join(dist, 'demo-history.js'));

export async function suggestions({ runs }) {
  const history = demoHistory();
  console.log(`\n== routing suggestion: ${history.length} orders × ${runs} runs (segment + predict top 3 vs segment alone)`);
  const t0 = performance.now();
  const model = train(history.map((o) => ({ tokens: featuresOf(o), label: o.departmentCode })));
  const trainMs = performance.now() - t0;
  const raw = [], ours = [];
  for (const o of history.slice(0, 50)) { tokenize(`${o.title} ${o.content}`); predict(model, featuresOf(o), 3); } // warm-up
  for (let r = 0; r < runs; r++) {
    for (const o of history) {
      let t = performance.now();
      tokenize(`${o.title} ${o.content}`);
      raw.push(performance.now() - t);
      t = performance.now();
      predict(model, featuresOf(o), 3);
      ours.push(performance.now() - t);
    }
  }
  const result = {
    trainMs,
    segmentOnly: { medianMs: median(raw), p95Ms: quantile(raw, 0.95) },
    suggestion: { medianMs: median(ours), p95Ms: quantile(ours, 0.95) },
    ratio: median(ours) / median(raw),
  };
  console.log(`  training on ${history.length} orders: ${fmt(trainMs)} ms`);
  console.log(`  jieba segmentation alone   median ${fmt(result.segmentOnly.medianMs, 3)} ms, p95 ${fmt(result.segmentOnly.p95Ms, 3)} ms`);
  console.log(`  full suggestion            median ${fmt(result.suggestion.medianMs, 3)} ms, p95 ${fmt(result.suggestion.p95Ms, 3)} ms  (${fmt(result.ratio, 2)}×)`);
  return result;
}
