import type { DayOverride } from './calendar';

interface ChineseDaysData {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

/**
 * The State Council notices as the `chinese-days` package (1.5.7, MIT) bundles them, 2004–2026.
 * Its JSON is keyed by calendar date, so nothing here goes through the process's time zone (its
 * functions do: on a UTC server they read Beijing's early hours as the previous day).
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const data = require('chinese-days/dist/chinese-days.json') as ChineseDaysData;

/** "Spring Festival,春节,4" → 春节 */
const chineseName = (v: string) => v.split(',')[1] ?? v;

/** The years the bundled data covers. */
export function seedYears(): number[] {
  const years = new Set<number>();
  for (const d of [...Object.keys(data.holidays), ...Object.keys(data.workdays)]) years.add(Number(d.slice(0, 4)));
  return [...years].sort((a, b) => a - b);
}

/** Holidays (放假) and swapped working days (调休上班) of the given years, from chinese-days. */
export function seedOverrides(years: readonly number[] = seedYears()): DayOverride[] {
  const wanted = new Set(years.map(String));
  const out: DayOverride[] = [];
  for (const [date, v] of Object.entries(data.holidays)) if (wanted.has(date.slice(0, 4))) out.push({ date, working: false, name: chineseName(v) });
  for (const [date, v] of Object.entries(data.workdays)) if (wanted.has(date.slice(0, 4))) out.push({ date, working: true, name: `${chineseName(v)}调休` });
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
