/**
 * Repeat detection (重复件) at intake: plain functions, no database.
 * Chinese text has no spaces, so texts are compared as sets of character bigrams (Jaccard).
 */

/** Character bigrams of a text, ignoring spaces, punctuation and digits (numbers differ between copies). */
export function bigrams(text: string): Set<string> {
  const chars = Array.from(text.toLowerCase().replace(/[\s\p{P}\p{S}\d]+/gu, ''));
  const out = new Set<string>();
  for (let i = 0; i < chars.length - 1; i++) out.add(chars[i] + chars[i + 1]);
  if (chars.length === 1) out.add(chars[0]);
  return out;
}

/** |A ∩ B| / |A ∪ B| of two bigram sets, 0 when both are empty. */
export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let inter = 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const g of small) if (large.has(g)) inter++;
  return inter / (a.size + b.size - inter);
}

export const textSimilarity = (a: string, b: string) => jaccard(bigrams(a), bigrams(b));

export interface RepeatSubject {
  citizenPhone: string;
  address?: string | null;
  projectName?: string | null;
  topic: string;
  title: string;
  content: string;
}

export interface RepeatMatch {
  /** 0..1: 1 for the same phone, 0.9 same address and topic, 0.8 same project and topic, else the text similarity. */
  score: number;
  /** Why (Chinese, shown to the operator): 同一来电号码 / 同一地址同一主题 / 同一楼盘同一主题 / 诉求内容相似. */
  reasons: string[];
}

const norm = (s?: string | null) => (s ?? '').replace(/\s+/g, '');

/** How much `earlier` looks like `subject`, or null when it does not look like a repeat at all. */
export function matchRepeat(subject: RepeatSubject, earlier: RepeatSubject, threshold: number): RepeatMatch | null {
  const reasons: string[] = [];
  let score = 0;
  const phone = norm(subject.citizenPhone);
  if (phone.length >= 5 && phone === norm(earlier.citizenPhone)) {
    reasons.push('同一来电号码');
    score = Math.max(score, 1);
  }
  const sameTopic = subject.topic === earlier.topic;
  if (sameTopic && norm(subject.address) && norm(subject.address) === norm(earlier.address)) {
    reasons.push('同一地址同一主题');
    score = Math.max(score, 0.9);
  }
  if (sameTopic && norm(subject.projectName) && norm(subject.projectName) === norm(earlier.projectName)) {
    reasons.push('同一楼盘同一主题');
    score = Math.max(score, 0.8);
  }
  const sim = textSimilarity(`${subject.title}${subject.content}`, `${earlier.title}${earlier.content}`);
  if (sim >= threshold) {
    reasons.push(`诉求内容相似（${Math.round(sim * 100)}%）`);
    score = Math.max(score, sim);
  }
  return reasons.length ? { score: Math.round(score * 1000) / 1000, reasons } : null;
}

/**
 * Counts for the tier: repeats = earlier cases of the same citizen (phone) or the same address and
 * topic; cluster = earlier cases about the same project and topic (any citizen).
 */
export function repeatSignals(subject: RepeatSubject, earlier: RepeatSubject[]): { repeatCount: number; clusterCount: number } {
  let repeatCount = 0;
  let clusterCount = 0;
  const phone = norm(subject.citizenPhone);
  for (const e of earlier) {
    const samePhone = phone.length >= 5 && phone === norm(e.citizenPhone);
    const sameAddress = subject.topic === e.topic && !!norm(subject.address) && norm(subject.address) === norm(e.address);
    if (samePhone || sameAddress) repeatCount++;
    if (subject.topic === e.topic && norm(subject.projectName) && norm(subject.projectName) === norm(e.projectName)) clusterCount++;
  }
  return { repeatCount, clusterCount };
}
