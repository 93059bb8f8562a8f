import { seededRandom } from './naive-bayes';
import type { SparseVector } from './text-features';

/**
 * Multinomial logistic regression (多类逻辑回归) over sparse TF-IDF vectors, L2-regularised,
 * with class weights against imbalance. Trained by plain stochastic gradient descent over a
 * seeded shuffle of the documents, with a step that shrinks each epoch and the L2 penalty applied
 * as a running scale of the weights (so an update touches only a document's own features): the
 * same data always gives the same model.
 */
export interface LogisticModel {
  classes: number;
  features: number;
  /** Row-major: weights[k * features + j]. */
  weights: Float64Array;
  bias: Float64Array;
}

export interface LogisticOptions {
  /** L2 strength per document (larger = simpler model). */
  lambda: number;
  epochs?: number;
  /** First step size; epoch e uses step0 / (1 + e / 2). */
  step0?: number;
  seed?: number;
  /**
   * Class weights: 0 = none, 1 = "balanced" (n / (K · n_k)), values between temper the
   * balancing (weight^power), so a small department is not drowned nor overweighted.
   */
  balance?: number;
}

/** n / (K · n_k), raised to `power` (0 → all ones). Classes absent from training get weight 0. */
export function classWeights(labels: readonly number[], classes: number, power: number): Float64Array {
  const counts = new Float64Array(classes);
  for (const y of labels) counts[y] += 1;
  return Float64Array.from(counts, (c) => (c === 0 ? 0 : Math.pow(labels.length / (classes * c), power)));
}

export function fitLogistic(xs: readonly SparseVector[], ys: readonly number[], classes: number, features: number, opts: LogisticOptions): LogisticModel {
  const run = sgd(xs, ys, classes, features, opts);
  for (let r = run.next(); ; r = run.next()) if (r.done) return r.value;
}

/** The same fit, letting the event loop run between epochs (a service trains while it serves). */
export async function fitLogisticYielding(
  xs: readonly SparseVector[],
  ys: readonly number[],
  classes: number,
  features: number,
  opts: LogisticOptions,
  pause: () => Promise<void>,
): Promise<LogisticModel> {
  const run = sgd(xs, ys, classes, features, opts);
  for (let r = run.next(); ; r = run.next()) {
    if (r.done) return r.value;
    await pause();
  }
}

/** The SGD itself, pausing (yield) after each epoch; returns the model. */
function* sgd(xs: readonly SparseVector[], ys: readonly number[], classes: number, features: number, opts: LogisticOptions): Generator<number, LogisticModel> {
  const { lambda, epochs = 15, step0 = 0.5, seed = 20261204, balance = 0.5 } = opts;
  const V = new Float64Array(classes * features); // true weights = scale · V
  const bias = new Float64Array(classes);
  const cw = classWeights(ys, classes, balance);
  const rnd = seededRandom(seed);
  const order = xs.map((_, i) => i);
  const p = new Float64Array(classes);
  let scale = 1;
  for (let e = 0; e < epochs; e++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    const step = step0 / (1 + e / 2);
    for (const i of order) {
      const { idx, val } = xs[i];
      const y = ys[i];
      scoresInto(p, V, scale, bias, idx, val, classes, features);
      softmaxInPlace(p);
      scale *= 1 - step * lambda;
      if (scale < 1e-6) {
        for (let t = 0; t < V.length; t++) V[t] *= scale;
        scale = 1;
      }
      const w = cw[y] * step;
      for (let k = 0; k < classes; k++) {
        const g = w * (p[k] - (k === y ? 1 : 0));
        if (g === 0) continue;
        const row = k * features;
        const gs = g / scale;
        for (let t = 0; t < idx.length; t++) V[row + idx[t]] -= gs * val[t];
        bias[k] -= g * 0.1; // a slower bias: the prior should not swing with each document
      }
    }
    yield e;
  }
  for (let t = 0; t < V.length; t++) V[t] *= scale;
  return { classes, features, weights: V, bias };
}

function scoresInto(
  out: Float64Array,
  W: Float64Array,
  scale: number,
  bias: Float64Array,
  idx: Int32Array,
  val: Float64Array,
  classes: number,
  features: number,
): void {
  for (let k = 0; k < classes; k++) {
    const row = k * features;
    let s = 0;
    for (let t = 0; t < idx.length; t++) s += W[row + idx[t]] * val[t];
    out[k] = s * scale + bias[k];
  }
}

function softmaxInPlace(z: Float64Array): void {
  let max = -Infinity;
  for (const x of z) if (x > max) max = x;
  let sum = 0;
  for (let k = 0; k < z.length; k++) sum += z[k] = Math.exp(z[k] - max);
  for (let k = 0; k < z.length; k++) z[k] /= sum;
}

/** The raw scores (logits) of a document, one per class. */
export function logits(m: LogisticModel, x: SparseVector): Float64Array {
  const out = new Float64Array(m.classes);
  scoresInto(out, m.weights, 1, m.bias, x.idx, x.val, m.classes, m.features);
  return out;
}

/**
 * Probabilities from logits at temperature `t` (calibrated when t was fitted on held-out
 * folds), over the classes not excluded.
 */
export function softmax(z: ArrayLike<number>, t = 1, excluded: ReadonlySet<number> = new Set()): Float64Array {
  const out = new Float64Array(z.length);
  let max = -Infinity;
  for (let k = 0; k < z.length; k++) if (!excluded.has(k) && z[k] / t > max) max = z[k] / t;
  let sum = 0;
  for (let k = 0; k < z.length; k++) if (!excluded.has(k)) sum += out[k] = Math.exp(z[k] / t - max);
  if (sum > 0) for (let k = 0; k < z.length; k++) out[k] /= sum;
  return out;
}

/**
 * Why class `k`: the document's features ranked by how much more they push towards `k` than on
 * average towards the other classes (weight difference × feature value).
 */
export function contributions(m: LogisticModel, x: SparseVector, k: number): Array<{ feature: number; weight: number }> {
  const out: Array<{ feature: number; weight: number }> = [];
  for (let t = 0; t < x.idx.length; t++) {
    const j = x.idx[t];
    let others = 0;
    for (let c = 0; c < m.classes; c++) if (c !== k) others += m.weights[c * m.features + j];
    const w = (m.weights[k * m.features + j] - (m.classes > 1 ? others / (m.classes - 1) : 0)) * x.val[t];
    if (w > 0) out.push({ feature: j, weight: w });
  }
  return out.sort((a, b) => b.weight - a.weight);
}
