#!/usr/bin/env node
// Benchmarks, each against a raw baseline measured in the same run (these machines are noisy:
// we report medians and ratios, never absolute promises). Results go to bench/results/.
//   node bench/run.mjs [load|events|gateway|suggestions|imports|clocks|all] [--runs 5] [--events 1000] [--requests 300] [--clocks 1000000]
//   node bench/run.mjs [load] [--quick] [--runs N] [--seconds S] [--growth 10000,1000000]   (the default: speed under load, bench/out/report.json)
//   node bench/run.mjs suggestions [labelled.csv|labelled.xlsx ...] [--text 标题,内容] [--label 科室]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { clocks } from './clocks.mjs';
import { events } from './events.mjs';
import { gateway } from './gateway.mjs';
import { imports } from './imports.mjs';
import { load } from './load.mjs';
import { suggestions } from './suggestions.mjs';

const args = process.argv.slice(2);
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? Number(args[i + 1]) : def;
};
const BOOLEAN_FLAGS = ['--quick'];
const flagValue = (i) => i > 0 && args[i - 1].startsWith('--') && !BOOLEAN_FLAGS.includes(args[i - 1]);
const files = args.filter((a, i) => /\.(csv|xlsx)$/i.test(a) && !flagValue(i));
const which = args.find((a, i) => !a.startsWith('--') && !flagValue(i) && !files.includes(a) && Number.isNaN(Number(a))) ?? 'load';
const text = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const options = {
  runs: opt('runs', 5),
  events: opt('events', 1000),
  requests: opt('requests', 300),
  files,
  text: text('text'),
  label: text('label'),
  topic: text('topic'),
  clocks: opt('clocks', 1_000_000),
};
if (which === 'load' || which === 'all') {
  const growth = text('growth')?.split(',').map(Number);
  await load({ quick: args.includes('--quick'), runs: args.includes('--runs') ? options.runs : undefined, seconds: opt('seconds', undefined), growth });
  if (which === 'load') process.exit(0);
}
const results = { at: new Date().toISOString(), node: process.version, options };
if (which === 'events' || which === 'all') results.events = await events(options);
if (which === 'gateway' || which === 'all') results.gateway = await gateway(options);
if (which === 'suggestions' || which === 'all') results.suggestions = await suggestions(options);
if (which === 'imports' || which === 'all') results.imports = await imports(options);
if (which === 'clocks' || which === 'all') results.clocks = await clocks({ runs: options.runs, clocks: options.clocks });
const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results');
fs.mkdirSync(dir, { recursive: true });
const file = path.join(dir, `${results.at.replace(/[:.]/g, '-')}.json`);
fs.writeFileSync(file, JSON.stringify(results, null, 2));
console.log(`\nresults written to ${file}`);
process.exit(0);
