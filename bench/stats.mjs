export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
export const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};
export const fmt = (n, d = 1) => Number(n).toFixed(d);
/**
 * The median of several runs and how far they spread: `spread` is (max − min) ÷ median, so 0.1
 * means the runs lay within 10 % of the median. Empty or non-finite values are left out.
 */
export const summarize = (xs) => {
  const v = xs.filter((x) => Number.isFinite(x));
  if (!v.length) return { median: null, min: null, max: null, spread: null, runs: [] };
  const m = median(v);
  const min = Math.min(...v),
    max = Math.max(...v);
  return { median: m, min, max, spread: m ? (max - min) / Math.abs(m) : null, runs: v };
};
/** Ratios of paired runs (ours[i] ÷ baseline[i], one pair per run), summarized. */
export const pairedRatios = (ours, baseline) => summarize(ours.map((x, i) => (baseline[i] ? x / baseline[i] : NaN)));
