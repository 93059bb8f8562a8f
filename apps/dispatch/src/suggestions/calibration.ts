import { softmax } from './logistic-regression';

/** A held-out prediction: the raw scores and the index of the true class. */
export interface HeldOut {
  logits: ArrayLike<number>;
  label: number;
}

/** Mean negative log-likelihood of the true classes at temperature t. */
export function negativeLogLikelihood(items: readonly HeldOut[], t: number): number {
  let s = 0;
  for (const h of items) s -= Math.log(Math.max(1e-12, softmax(h.logits, t)[h.label]));
  return items.length ? s / items.length : 0;
}

/**
 * 温度缩放 (temperature scaling): the one number T that makes held-out confidences honest,
 * found by golden-section search on ln T in [ln 0.05, ln 20] (NLL is unimodal in T). T > 1
 * softens an over-confident model, T < 1 sharpens a timid one; the ranking never changes.
 */
export function fitTemperature(items: readonly HeldOut[]): number {
  if (items.length === 0) return 1;
  let a = Math.log(0.05);
  let b = Math.log(20);
  const g = (Math.sqrt(5) - 1) / 2;
  let c = b - g * (b - a);
  let d = a + g * (b - a);
  let fc = negativeLogLikelihood(items, Math.exp(c));
  let fd = negativeLogLikelihood(items, Math.exp(d));
  for (let i = 0; i < 60; i++) {
    if (fc < fd) {
      b = d;
      d = c;
      fd = fc;
      c = b - g * (b - a);
      fc = negativeLogLikelihood(items, Math.exp(c));
    } else {
      a = c;
      c = d;
      fc = fd;
      d = a + g * (b - a);
      fd = negativeLogLikelihood(items, Math.exp(d));
    }
  }
  return Math.exp((a + b) / 2);
}

/** One reliability bin: predictions whose top confidence fell in [from, to). */
export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  /** Mean top-1 confidence of the bin. */
  confidence: number;
  /** Share of the bin whose top-1 was right. */
  accuracy: number;
}

export interface CalibrationReport {
  bins: ReliabilityBin[];
  /** Expected calibration error: Σ (n_b / n) · |accuracy_b − confidence_b|. */
  ece: number;
}

/** Reliability diagram in `binCount` equal-width bins of the top-1 confidence, and its ECE. */
export function calibrationReport(predictions: ReadonlyArray<{ confidence: number; correct: boolean }>, binCount = 10): CalibrationReport {
  const bins = Array.from({ length: binCount }, (_, i) => ({ from: i / binCount, to: (i + 1) / binCount, count: 0, sumConf: 0, hits: 0 }));
  for (const p of predictions) {
    const b = bins[Math.min(binCount - 1, Math.floor(p.confidence * binCount))];
    b.count += 1;
    b.sumConf += p.confidence;
    if (p.correct) b.hits += 1;
  }
  const n = predictions.length;
  const out = bins.map((b) => ({
    from: b.from,
    to: b.to,
    count: b.count,
    confidence: b.count ? b.sumConf / b.count : 0,
    accuracy: b.count ? b.hits / b.count : 0,
  }));
  return { bins: out, ece: n ? out.reduce((s, b) => s + (b.count / n) * Math.abs(b.accuracy - b.confidence), 0) : 0 };
}
