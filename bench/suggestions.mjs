// Routing suggestions: the old model (naive Bayes on words) against the new one (TF-IDF words +
// character bigrams + topic code, class-weighted logistic regression chosen by cross-validation,
// temperature-scaled) on the SAME held-out split: accuracy, top-3, macro recall, calibration (ECE)
// and training time; and the latency of one suggestion against jieba segmentation alone.
//
// On the shipped demo history, and on any labelled export given on the command line:
//   node bench/suggestions.mjs [file.csv|file.xlsx ...] [--text 标题,内容] [--label 科室] [--topic 主题] [--test-share 0.2]
// Without --text/--label the columns are found by their header (内容/诉求内容/content/text,
// 标题/title; 科室/承办科室/主办科室/department/label; 主题/topic). Needs a build (`npm run build`).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median, quantile, fmt } from './stats.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const dist = path.join(root, 'apps', 'dispatch', 'dist', 'suggestions');
const { featuresOf, tokenize } = require(path.join(dist, 'tokenize.js'));
const nb = require(path.join(dist, 'naive-bayes.js'));
const { demoHistory } = require(path.join(dist, 'demo-history.js'));
const { documentOf } = require(path.join(dist, 'text-features.js'));
const { buildRoutingModel, classify } = require(path.join(dist, 'text-classifier.js'));
const { calibrationReport } = require(path.join(dist, 'calibration.js'));

/** A stratified, seeded split: about `share` of each department held out (at least one where it has two). */
export function heldOutSplit(rows, share = 0.2, seed = 20261204) {
  const rnd = nb.seededRandom(seed);
  const byLabel = new Map();
  for (const r of rows) byLabel.set(r.label, [...(byLabel.get(r.label) ?? []), r]);
  const train = [],
    test = [];
  for (const label of [...byLabel.keys()].sort()) {
    const xs = [...byLabel.get(label)];
    for (let i = xs.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [xs[i], xs[j]] = [xs[j], xs[i]];
    }
    const n = xs.length >= 2 ? Math.max(1, Math.round(xs.length * share)) : 0;
    test.push(...xs.slice(0, n));
    train.push(...xs.slice(n));
  }
  return { train, test };
}

function score(test, predictions) {
  const labels = [...new Set(test.map((r) => r.label))].sort();
  let hit = 0,
    hit3 = 0;
  const per = new Map(labels.map((l) => [l, { n: 0, hit: 0 }]));
  const judged = [];
  test.forEach((r, i) => {
    const p = predictions[i];
    const right = p[0]?.label === r.label;
    if (right) hit += 1;
    if (p.slice(0, 3).some((x) => x.label === r.label)) hit3 += 1;
    per.get(r.label).n += 1;
    if (right) per.get(r.label).hit += 1;
    judged.push({ confidence: p[0]?.confidence ?? 0, correct: right });
  });
  const recalls = labels.map((l) => ({ label: l, cases: per.get(l).n, recall: per.get(l).hit / per.get(l).n }));
  const wrong = judged.filter((j) => !j.correct).map((j) => j.confidence);
  return {
    accuracy: hit / test.length,
    top3: hit3 / test.length,
    macroRecall: recalls.reduce((s, r) => s + r.recall, 0) / recalls.length,
    ece: calibrationReport(judged).ece,
    wrongMedianConfidence: wrong.length ? median(wrong) : null,
    perDepartment: recalls,
  };
}

/** Both models trained on `train`, scored on `test`. */
export async function compare(name, rows, { testShare = 0.2 } = {}) {
  const { train, test } = heldOutSplit(rows, testShare);
  let t0 = performance.now();
  const oldModel = nb.train(train.map((r) => ({ tokens: featuresOf(r), label: r.label })));
  const oldMs = performance.now() - t0;
  const oldScore = score(
    test,
    test.map((r) => nb.predict(oldModel, featuresOf(r), 3)),
  );

  t0 = performance.now();
  const { classifier, report } = await buildRoutingModel(
    train.map((r) => ({ doc: documentOf(r), label: r.label, synthetic: false })),
    { minEvaluated: 1 },
  );
  const newMs = performance.now() - t0;
  const newScore = score(
    test,
    test.map((r) => classify(classifier, documentOf(r), 3)),
  );

  console.log(
    `\n== routing model on ${name}: ${rows.length} labelled cases, ${new Set(rows.map((r) => r.label)).size} departments; train ${train.length} / held out ${test.length} (stratified, seeded)`,
  );
  const line = (label, s, ms) =>
    console.log(
      `  ${label.padEnd(34)} top-1 ${fmt(s.accuracy, 3)}  top-3 ${fmt(s.top3, 3)}  macro recall ${fmt(s.macroRecall, 3)}  ECE ${fmt(s.ece, 3)}  wrong answers' median confidence ${s.wrongMedianConfidence === null ? '—' : fmt(s.wrongMedianConfidence, 2)}  training ${fmt(ms, 0)} ms`,
    );
  line('old: naive Bayes (words)', oldScore, oldMs);
  line('new: logistic regression, calibrated', newScore, newMs);
  console.log(
    `  new model: λ=${report.params.lambda}, class-weight power ${report.params.balance}, T=${fmt(classifier.temperature, 2)} (fitted on ${report.calibration?.fittedOn ?? '—'}), ${report.features} features; training time includes the 5-fold parameter search and calibration`,
  );
  console.log(
    `  per-department recall (old → new): ${newScore.perDepartment.map((d, i) => `${d.label} ${fmt(oldScore.perDepartment[i].recall, 2)}→${fmt(d.recall, 2)} (n=${d.cases})`).join(', ')}`,
  );
  return {
    name,
    cases: rows.length,
    train: train.length,
    test: test.length,
    old: { ...oldScore, trainMs: oldMs },
    new: { ...newScore, trainMs: newMs, params: report.params, temperature: classifier.temperature },
  };
}

function parseCsv(text) {
  const rows = [];
  let row = [],
    field = '',
    quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      field = '';
      if (row.some((x) => x !== '')) rows.push(row);
      row = [];
    } else field += ch;
  }
  row.push(field);
  if (row.some((x) => x !== '')) rows.push(row);
  return rows;
}

async function readTable(file) {
  if (/\.csv$/i.test(file)) return parseCsv(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  if (/\.xlsx$/i.test(file)) {
    const ExcelJS = createRequire(path.join(root, 'apps', 'intake', 'package.json'))('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0];
    const rows = [];
    ws.eachRow((r) =>
      rows.push(
        (r.values ?? [])
          .slice(1)
          .map((v) =>
            v && typeof v === 'object' ? (v.text ?? v.result ?? (v.richText ? v.richText.map((t) => t.text).join('') : String(v))) : v == null ? '' : String(v),
          ),
      ),
    );
    return rows;
  }
  throw new Error(`${file}: only .csv and .xlsx are read`);
}

const TEXT_COLUMNS = ['标题', 'title', '内容', '诉求内容', '诉求', 'content', 'text', '描述', 'description'];
const LABEL_COLUMNS = ['科室', '承办科室', '主办科室', '处理科室', '部门', 'department', 'label', 'class', 'category'];
const TOPIC_COLUMNS = ['主题', 'topic'];

/** Labelled rows of an export: text columns joined (title first), the department, the topic as a code of the file's own. */
export async function readLabelled(file, { text, label, topic } = {}) {
  const [header, ...body] = await readTable(file);
  const norm = header.map((h) => String(h).trim().toLowerCase());
  const find = (names) => names.map((n) => norm.indexOf(n.toLowerCase())).filter((i) => i >= 0);
  const textCols = text ? text.split(',').map((n) => norm.indexOf(n.trim().toLowerCase())) : find(TEXT_COLUMNS);
  const labelCol = label ? norm.indexOf(label.trim().toLowerCase()) : find(LABEL_COLUMNS)[0];
  const topicCol = topic ? norm.indexOf(topic.trim().toLowerCase()) : find(TOPIC_COLUMNS)[0];
  if (!textCols.length || textCols.some((i) => i < 0) || labelCol === undefined || labelCol < 0) {
    throw new Error(`${file}: could not find the text and department columns in [${header.join(', ')}] — name them with --text and --label`);
  }
  return body
    .map((r) => ({
      title: '',
      content: textCols
        .map((i) => String(r[i] ?? '').trim())
        .filter(Boolean)
        .join('。'),
      topicCode: topicCol >= 0 && topicCol !== undefined ? String(r[topicCol] ?? '').trim() || null : null,
      label: String(r[labelCol] ?? '').trim(),
    }))
    .filter((r) => r.content && r.label);
}

/** Latency of one suggestion of the new model against jieba segmentation of the same text. */
async function latency(rows, runs) {
  const { classifier } = await buildRoutingModel(
    rows.map((r) => ({ doc: documentOf(r), label: r.label, synthetic: false })),
    { minEvaluated: 1 },
  );
  const raw = [],
    ours = [];
  for (const r of rows.slice(0, 50)) {
    tokenize(`${r.title} ${r.content}`);
    classify(classifier, documentOf(r), 3);
  } // warm-up
  for (let k = 0; k < runs; k++) {
    for (const r of rows) {
      let t = performance.now();
      tokenize(`${r.title} ${r.content}`);
      raw.push(performance.now() - t);
      t = performance.now();
      classify(classifier, documentOf(r), 3);
      ours.push(performance.now() - t);
    }
  }
  const result = {
    segmentOnly: { medianMs: median(raw), p95Ms: quantile(raw, 0.95) },
    suggestion: { medianMs: median(ours), p95Ms: quantile(ours, 0.95) },
    ratio: median(ours) / median(raw),
  };
  console.log(`\n== one suggestion (features + top 3 + words that weighed most), ${rows.length} orders × ${runs} runs`);
  console.log(`  jieba segmentation alone   median ${fmt(result.segmentOnly.medianMs, 3)} ms, p95 ${fmt(result.segmentOnly.p95Ms, 3)} ms`);
  console.log(
    `  full suggestion            median ${fmt(result.suggestion.medianMs, 3)} ms, p95 ${fmt(result.suggestion.p95Ms, 3)} ms  (${fmt(result.ratio, 2)}×)`,
  );
  return result;
}

export async function suggestions({ runs = 5, files = [], text, label, topic, testShare = 0.2 } = {}) {
  const demo = demoHistory().map((o) => ({ ...o, label: o.departmentCode }));
  const out = { demo: await compare('the demo history (synthetic)', demo, { testShare }), files: [] };
  for (const file of files) out.files.push(await compare(path.basename(file), await readLabelled(file, { text, label, topic }), { testShare }));
  out.latency = await latency(demo, runs);
  return out;
}

// Run directly: node bench/suggestions.mjs [files] [--text ...] [--label ...] [--topic ...] [--test-share 0.2] [--runs 5]
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const files = args.filter((a, i) => !a.startsWith('--') && !(i > 0 && args[i - 1].startsWith('--')));
  await suggestions({
    runs: Number(opt('runs') ?? 2),
    files,
    text: opt('text'),
    label: opt('label'),
    topic: opt('topic'),
    testShare: Number(opt('test-share') ?? 0.2),
  });
}
