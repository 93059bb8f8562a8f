/**
 * Multinomial naive Bayes with Laplace (add-one) smoothing: simple, fast, and explainable — a
 * suggestion names the words that weighed most for it.
 */
export interface Labelled {
  tokens: string[];
  label: string;
}

export interface NaiveBayesModel {
  labels: string[];
  logPrior: Record<string, number>;
  /** log P(word | label) for every word seen in training. */
  logLikelihood: Record<string, Map<string, number>>;
  /** log P(unseen word | label): the smoothing mass. */
  logUnseen: Record<string, number>;
  vocabulary: Set<string>;
  documents: number;
}

export interface Prediction {
  label: string;
  /** Posterior probability among the labels (0..1). */
  confidence: number;
  /** The words that favoured this label most over the others. */
  words: string[];
}

export function train(docs: readonly Labelled[], alpha = 1): NaiveBayesModel {
  const labels = [...new Set(docs.map((d) => d.label))].sort();
  const vocabulary = new Set(docs.flatMap((d) => d.tokens));
  const V = vocabulary.size;
  const logPrior: Record<string, number> = {};
  const logLikelihood: Record<string, Map<string, number>> = {};
  const logUnseen: Record<string, number> = {};
  for (const label of labels) {
    const mine = docs.filter((d) => d.label === label);
    logPrior[label] = Math.log(mine.length / docs.length);
    const counts = new Map<string, number>();
    let total = 0;
    for (const d of mine)
      for (const t of d.tokens) {
        counts.set(t, (counts.get(t) ?? 0) + 1);
        total += 1;
      }
    const denom = Math.log(total + alpha * V);
    const ll = new Map<string, number>();
    for (const w of vocabulary) ll.set(w, Math.log((counts.get(w) ?? 0) + alpha) - denom);
    logLikelihood[label] = ll;
    logUnseen[label] = Math.log(alpha) - denom;
  }
  return { labels, logPrior, logLikelihood, logUnseen, vocabulary, documents: docs.length };
}

/** The `k` most probable labels for a document, with confidence and the words that weighed most. */
export function predict(model: NaiveBayesModel, tokens: readonly string[], k = 3, exclude: readonly string[] = []): Prediction[] {
  const known = tokens.filter((t) => model.vocabulary.has(t)); // unseen words carry no evidence
  const labels = model.labels.filter((l) => !exclude.includes(l));
  if (labels.length === 0) return [];
  const scores = labels.map((l) => known.reduce((s, t) => s + model.logLikelihood[l].get(t)!, model.logPrior[l]));
  const max = Math.max(...scores);
  const z = scores.reduce((s, x) => s + Math.exp(x - max), 0);
  const ranked = labels.map((label, i) => ({ label, confidence: Math.exp(scores[i] - max) / z })).sort((a, b) => b.confidence - a.confidence);
  return ranked.slice(0, k).map((r) => ({ ...r, words: weightiest(model, known, r.label, labels) }));
}

/** Words whose likelihood under `label` most exceeds their average likelihood under the others. */
function weightiest(model: NaiveBayesModel, tokens: readonly string[], label: string, labels: readonly string[], n = 5): string[] {
  const others = labels.filter((l) => l !== label);
  const weight = (t: string) =>
    model.logLikelihood[label].get(t)! - (others.length ? others.reduce((s, l) => s + model.logLikelihood[l].get(t)!, 0) / others.length : 0);
  return [...new Set(tokens)]
    .map((t) => ({ t, w: weight(t) }))
    .filter((x) => x.w > 0)
    .sort((a, b) => b.w - a.w)
    .slice(0, n)
    .map((x) => x.t);
}

/** A small seeded PRNG (mulberry32), so shuffles and demo data are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface CrossValidation {
  folds: number;
  documents: number;
  /** Share of held-out documents whose top suggestion was the department that handled them. */
  accuracy: number;
  /** Share whose department was among the top three. */
  top3Accuracy: number;
}

/** k-fold cross-validation on a seeded shuffle of the history. */
export function crossValidate(docs: readonly Labelled[], folds = 5, seed = 20261125): CrossValidation {
  const rnd = seededRandom(seed);
  const order = docs.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [order[i], order[j]] = [order[j], order[i]];
  }
  let hit = 0;
  let hit3 = 0;
  for (let f = 0; f < folds; f++) {
    const test = order.filter((_, i) => i % folds === f).map((i) => docs[i]);
    const model = train(order.filter((_, i) => i % folds !== f).map((i) => docs[i]));
    for (const d of test) {
      const p = predict(model, d.tokens, 3);
      if (p[0]?.label === d.label) hit += 1;
      if (p.some((x) => x.label === d.label)) hit3 += 1;
    }
  }
  return { folds, documents: docs.length, accuracy: hit / docs.length, top3Accuracy: hit3 / docs.length };
}
