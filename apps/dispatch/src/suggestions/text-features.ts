import { CaseFacts, charBigrams, tokenize } from './tokenize';

/** A case as the classifier reads it: its words, its character bigrams and its topic code. */
export interface TextDocument {
  words: string[];
  bigrams: string[];
  topicCode: string | null;
}

export function documentOf(c: CaseFacts): TextDocument {
  const text = `${c.title}。${c.content}`;
  return { words: tokenize(text), bigrams: charBigrams(text), topicCode: c.topicCode ?? null };
}

/** One document as a sparse, L2-normalised TF-IDF vector (feature indices ascending). */
export interface SparseVector {
  idx: Int32Array;
  val: Float64Array;
}

export type FeatureKind = 'word' | 'bigram' | 'topic';

/** Feature space learned from the training documents: terms, their kind and their IDF. */
export interface Vectorizer {
  terms: string[];
  kinds: FeatureKind[];
  idf: Float64Array;
  index: Map<string, number>;
}

const keysOf = (d: TextDocument): Array<[string, FeatureKind]> => [
  ...d.words.map((w): [string, FeatureKind] => [`w:${w}`, 'word']),
  ...d.bigrams.map((b): [string, FeatureKind] => [`b:${b}`, 'bigram']),
  ...(d.topicCode ? [[`t:${d.topicCode}`, 'topic'] as [string, FeatureKind]] : []),
];

/**
 * Learns the vocabulary (words seen once are kept; bigrams must appear in `minBigramDf`
 * documents, which drops the long tail of names and typos) and the smoothed IDF
 * `ln((1 + n) / (1 + df)) + 1` of each term.
 */
export function fitVectorizer(docs: readonly TextDocument[], minBigramDf = 2): Vectorizer {
  const df = new Map<string, { n: number; kind: FeatureKind }>();
  for (const d of docs) {
    for (const [key, kind] of new Map(keysOf(d))) {
      const e = df.get(key);
      if (e) e.n += 1;
      else df.set(key, { n: 1, kind });
    }
  }
  const kept = [...df.entries()].filter(([, e]) => e.kind !== 'bigram' || e.n >= minBigramDf).sort((a, b) => (a[0] < b[0] ? -1 : 1));
  const n = docs.length;
  return {
    terms: kept.map(([k]) => k),
    kinds: kept.map(([, e]) => e.kind),
    idf: Float64Array.from(kept.map(([, e]) => Math.log((1 + n) / (1 + e.n)) + 1)),
    index: new Map(kept.map(([k], i) => [k, i])),
  };
}

/** Sublinear TF (1 + ln tf) × IDF, the whole vector scaled to unit length; unknown terms are dropped. */
export function vectorize(v: Vectorizer, d: TextDocument): SparseVector {
  const tf = new Map<number, number>();
  for (const [key] of keysOf(d)) {
    const j = v.index.get(key);
    if (j !== undefined) tf.set(j, (tf.get(j) ?? 0) + 1);
  }
  const idx = Int32Array.from([...tf.keys()].sort((a, b) => a - b));
  const val = Float64Array.from(idx, (j) => (1 + Math.log(tf.get(j)!)) * v.idf[j]);
  const norm = Math.sqrt(val.reduce((s, x) => s + x * x, 0));
  if (norm > 0) for (let i = 0; i < val.length; i++) val[i] /= norm;
  return { idx, val };
}

/** How a term reads on the screen: the word itself, a bigram as is, a topic as 主题:<code>. */
export function displayTerm(key: string): string {
  return key.startsWith('t:') ? `主题:${key.slice(2)}` : key.slice(2);
}
