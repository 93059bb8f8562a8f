import { seededRandom } from './naive-bayes';
import { calibrationReport, CalibrationReport, fitTemperature, HeldOut } from './calibration';
import { contributions, fitLogistic, fitLogisticYielding, LogisticModel, logits, softmax } from './logistic-regression';
import { displayTerm, fitVectorizer, TextDocument, vectorize, Vectorizer } from './text-features';

/** A past case the model learns from: its text, the department (code) that handled it, and whether it is synthetic demo data. */
export interface LabelledCase {
  doc: TextDocument;
  label: string;
  synthetic: boolean;
}

/** What cross-validation chooses between. */
export interface ClassifierParams {
  lambda: number;
  /** Class-weight power: 0 none, 1 balanced. */
  balance: number;
}

/** The grid searched: regularisation × class balancing. */
export const PARAM_GRID: readonly ClassifierParams[] = [
  { lambda: 1e-4, balance: 0.5 },
  { lambda: 1e-3, balance: 0.5 },
  { lambda: 1e-3, balance: 1 },
  { lambda: 1e-2, balance: 0.5 },
];

/**
 * Used while the bureau has too few cases to choose by: the grid's best on the demo history
 * (`node bench/suggestions.mjs`), so a start with no history does not search again.
 */
export const DEFAULT_PARAMS: ClassifierParams = { lambda: 1e-3, balance: 0.5 };

/** A trained text classifier: features, weights, and the temperature that calibrates its confidences. */
export interface TextClassifier {
  labels: string[];
  vectorizer: Vectorizer;
  model: LogisticModel;
  temperature: number;
  params: ClassifierParams;
}

export interface ClassifiedLabel {
  label: string;
  /** Calibrated probability among the labels not excluded (0..1). */
  confidence: number;
  /** The words (or topic) of the case that pushed most towards this label. */
  words: string[];
}

export function trainClassifier(
  docs: readonly { doc: TextDocument; label: string }[],
  params: ClassifierParams,
  labels = [...new Set(docs.map((d) => d.label))].sort(),
): TextClassifier {
  const vectorizer = fitVectorizer(docs.map((d) => d.doc));
  const at = new Map(labels.map((l, i) => [l, i]));
  const model = fitLogistic(
    docs.map((d) => vectorize(vectorizer, d.doc)),
    docs.map((d) => at.get(d.label)!),
    labels.length,
    vectorizer.terms.length,
    params,
  );
  return { labels, vectorizer, model, temperature: 1, params };
}

/** `trainClassifier`, pausing between epochs: the same model, without holding the event loop for the whole fit. */
export async function trainClassifierYielding(
  docs: readonly { doc: TextDocument; label: string }[],
  params: ClassifierParams,
  pause: () => Promise<void>,
  labels = [...new Set(docs.map((d) => d.label))].sort(),
): Promise<TextClassifier> {
  const vectorizer = fitVectorizer(docs.map((d) => d.doc));
  const at = new Map(labels.map((l, i) => [l, i]));
  const model = await fitLogisticYielding(
    docs.map((d) => vectorize(vectorizer, d.doc)),
    docs.map((d) => at.get(d.label)!),
    labels.length,
    vectorizer.terms.length,
    params,
    pause,
  );
  return { labels, vectorizer, model, temperature: 1, params };
}

/** The `k` most probable departments with a calibrated confidence and the words that weighed most. */
export function classify(c: TextClassifier, doc: TextDocument, k = 3, excludedLabels: readonly string[] = []): ClassifiedLabel[] {
  const excluded = new Set(excludedLabels.map((l) => c.labels.indexOf(l)).filter((i) => i >= 0));
  if (excluded.size >= c.labels.length) return [];
  const x = vectorize(c.vectorizer, doc);
  const p = softmax(logits(c.model, x), c.temperature, excluded);
  return c.labels
    .map((label, i) => ({ label, i, confidence: p[i] }))
    .filter((r) => !excluded.has(r.i))
    .sort((a, b) => b.confidence - a.confidence || a.i - b.i)
    .slice(0, k)
    .map((r) => ({ label: r.label, confidence: r.confidence, words: explain(c, x, r.i) }));
}

/** Words first (what a dispatcher reads); bigrams only where no word speaks for the label. */
function explain(c: TextClassifier, x: ReturnType<typeof vectorize>, k: number, n = 5): string[] {
  const ranked = contributions(c.model, x, k);
  const readable = ranked.filter((r) => c.vectorizer.kinds[r.feature] !== 'bigram');
  return (readable.length ? readable : ranked).slice(0, n).map((r) => displayTerm(c.vectorizer.terms[r.feature]));
}

/** A held-out prediction of cross-validation, with its fold and whether the case is synthetic. */
export interface FoldPrediction extends HeldOut {
  fold: number;
  synthetic: boolean;
}

/**
 * k-fold cross-validation over a seeded shuffle: every fold's model trains on all the other
 * folds (synthetic demo cases included, when there are any), and is scored on its own fold's
 * cases — on the synthetic ones only when `scoreSynthetic` is set (choosing parameters before
 * the bureau has history); the reported figures never use them.
 */
export async function crossValidatedPredictions(
  docs: readonly LabelledCase[],
  params: ClassifierParams,
  opts: { folds?: number; seed?: number; scoreSynthetic: boolean; pause?: () => Promise<void> },
): Promise<{ labels: string[]; predictions: FoldPrediction[] }> {
  const { folds = 5, seed = 20261125 } = opts;
  const labels = [...new Set(docs.map((d) => d.label))].sort();
  const at = new Map(labels.map((l, i) => [l, i]));
  const rnd = seededRandom(seed);
  const order = docs.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  const foldOf = new Int32Array(docs.length);
  order.forEach((d, pos) => {
    foldOf[d] = pos % folds;
  });
  const predictions: FoldPrediction[] = [];
  for (let f = 0; f < folds; f++) {
    const test = docs.map((d, i) => ({ d, i })).filter(({ d, i }) => foldOf[i] === f && (opts.scoreSynthetic || !d.synthetic));
    if (test.length === 0) continue;
    const train = docs.filter((_, i) => foldOf[i] !== f);
    const c = opts.pause ? await trainClassifierYielding(train, params, opts.pause, labels) : trainClassifier(train, params, labels);
    for (const { d } of test)
      predictions.push({ logits: logits(c.model, vectorize(c.vectorizer, d.doc)), label: at.get(d.label)!, fold: f, synthetic: d.synthetic });
    await opts.pause?.();
  }
  return { labels, predictions };
}

export interface DepartmentRecall {
  label: string;
  /** Held-out cases of this department. */
  cases: number;
  /** Share of them whose first suggestion was this department. */
  recall: number;
}

export interface HeldOutMetrics {
  cases: number;
  accuracy: number;
  top3Accuracy: number;
  /** Mean of the per-department recalls (small departments count as much as large ones). */
  macroRecall: number;
  perDepartment: DepartmentRecall[];
}

/** Accuracy, top-3 and per-department recall of held-out predictions at temperature t. */
export function heldOutMetrics(labels: readonly string[], predictions: readonly HeldOut[]): HeldOutMetrics {
  let hit = 0;
  let hit3 = 0;
  const per = labels.map(() => ({ cases: 0, hits: 0 }));
  for (const p of predictions) {
    const ranked = Array.from(p.logits, (z, i) => ({ z, i })).sort((a, b) => b.z - a.z || a.i - b.i);
    const top = ranked[0]?.i;
    per[p.label].cases += 1;
    if (top === p.label) {
      hit += 1;
      per[p.label].hits += 1;
    }
    if (ranked.slice(0, 3).some((r) => r.i === p.label)) hit3 += 1;
  }
  const n = predictions.length;
  const perDepartment = labels
    .map((label, i) => ({ label, cases: per[i].cases, recall: per[i].cases ? per[i].hits / per[i].cases : 0 }))
    .filter((d) => d.cases > 0);
  return {
    cases: n,
    accuracy: n ? hit / n : 0,
    top3Accuracy: n ? hit3 / n : 0,
    macroRecall: perDepartment.length ? perDepartment.reduce((s, d) => s + d.recall, 0) / perDepartment.length : 0,
    perDepartment,
  };
}

export interface CalibrationResult {
  /** Fitted on all of `pool`; used by the served model. */
  temperature: number;
  /** What the temperature was fitted on: the bureau's held-out cases, or those pooled with the demo history's while the bureau has few. */
  fittedOn: 'bureau' | 'pooled';
  /** ECE of the raw confidences (T = 1) on the scored cases. */
  eceBefore: number;
  /** Reliability of the calibrated confidences on the scored cases, each fold scaled by a T fitted on the other folds only. */
  after: CalibrationReport;
}

const topOf = (p: Float64Array) => p.reduce((best, x, i) => (x > p[best] ? i : best), 0);

/** Bureau held-out cases needed before the temperature is fitted on them alone (a few dozen overfit it). */
export const MIN_CALIBRATION_CASES = 100;

/**
 * Temperature scaling on held-out folds: T fitted on `pool`, the report measured on `scored`
 * (the bureau's held-out cases) — honest because each fold's T comes from the other folds.
 */
export function calibrate(
  pool: readonly FoldPrediction[],
  scored: readonly FoldPrediction[],
  fittedOn: CalibrationResult['fittedOn'] = 'bureau',
): CalibrationResult {
  const judged = (t: (f: number) => number) =>
    scored.map((h) => {
      const p = softmax(h.logits, t(h.fold));
      const top = topOf(p);
      return { confidence: p[top], correct: top === h.label };
    });
  const folds = [...new Set(pool.map((p) => p.fold))];
  const perFold = new Map(folds.map((f) => [f, fitTemperature(pool.filter((p) => p.fold !== f))]));
  return {
    temperature: fitTemperature(pool),
    fittedOn,
    eceBefore: calibrationReport(judged(() => 1)).ece,
    after: calibrationReport(judged((f) => (folds.length > 1 ? (perFold.get(f) ?? 1) : 1))),
  };
}

/** What the model card tells about a training run: data, parameters chosen, honest figures. */
export interface RoutingModelReport {
  bureauCases: number;
  syntheticCases: number;
  folds: number;
  params: ClassifierParams;
  /** What the parameters were chosen on: the bureau's cases, or the demo history while the bureau has too few. */
  selectedOn: 'bureau' | 'demo';
  candidates: Array<ClassifierParams & { score: number }>;
  /** Figures on the bureau's own completed cases only; null while it has fewer than `minEvaluated`. */
  metrics: HeldOutMetrics | null;
  calibration: CalibrationResult | null;
  features: number;
}

/**
 * Cross-validation (4 candidates × 5 folds) runs on at most this many cases, a seeded sample of a
 * longer history (a year of one bureau is ~13,000): the figures stay held-out bureau cases, and
 * training stays within seconds; the served model trains on everything.
 */
export const MAX_CROSS_VALIDATED = 4000;

function seededSample<T>(xs: readonly T[], n: number, seed = 4242): T[] {
  if (xs.length <= n) return [...xs];
  const rnd = seededRandom(seed);
  const idx = xs.map((_, i) => i);
  for (let i = idx.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx
    .slice(0, n)
    .sort((a, b) => a - b)
    .map((i) => xs[i]);
}

/**
 * Trains the routing model: chooses the parameters by cross-validation on the bureau's cases
 * when there are at least `minEvaluated` (else takes DEFAULT_PARAMS, chosen on the demo history),
 * calibrates the confidences on the held-out folds, trains on everything, and reports figures
 * measured on the bureau's cases only.
 */
export async function buildRoutingModel(
  docs: readonly LabelledCase[],
  opts: { minEvaluated?: number; folds?: number; grid?: readonly ClassifierParams[]; maxCrossValidated?: number; pause?: () => Promise<void> } = {},
): Promise<{ classifier: TextClassifier; report: RoutingModelReport }> {
  const { minEvaluated = 20, folds = 5, grid = PARAM_GRID, maxCrossValidated = MAX_CROSS_VALIDATED, pause } = opts;
  const bureauCases = docs.filter((d) => !d.synthetic).length;
  const cvDocs = seededSample(docs, maxCrossValidated);
  const onBureau = bureauCases >= minEvaluated;
  const candidates: Array<{ params: ClassifierParams; score: number; run: Awaited<ReturnType<typeof crossValidatedPredictions>> }> = [];
  for (const params of onBureau ? grid : [DEFAULT_PARAMS]) {
    const run = await crossValidatedPredictions(cvDocs, params, { folds, scoreSynthetic: true, pause });
    const m = heldOutMetrics(run.labels, onBureau ? run.predictions.filter((p) => !p.synthetic) : run.predictions);
    candidates.push({ params, score: (m.accuracy + m.macroRecall) / 2, run });
  }
  const best = candidates.reduce((a, b) => (b.score > a.score ? b : a));
  const bureau = best.run.predictions.filter((p) => !p.synthetic);
  const ownCalibration = bureau.length >= MIN_CALIBRATION_CASES;
  const calibration = best.run.predictions.length
    ? calibrate(ownCalibration ? bureau : best.run.predictions, bureau, ownCalibration ? 'bureau' : 'pooled')
    : null;
  const classifier = pause ? await trainClassifierYielding(docs, best.params, pause) : trainClassifier(docs, best.params);
  classifier.temperature = calibration?.temperature ?? 1;
  return {
    classifier,
    report: {
      bureauCases,
      syntheticCases: docs.length - bureauCases,
      folds,
      params: best.params,
      selectedOn: onBureau ? 'bureau' : 'demo',
      candidates: candidates.map((c) => ({ ...c.params, score: c.score })),
      metrics: onBureau ? heldOutMetrics(best.run.labels, bureau) : null,
      calibration: onBureau ? calibration : null,
      features: classifier.vectorizer.terms.length,
    },
  };
}
