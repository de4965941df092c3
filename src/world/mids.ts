/**
 * MID onsets per dyad-year (COW MID v5.0 dyadic data, data/SOURCES.md): the
 * first year of each dispute-dyad, two disputes begun in one dyad-year
 * counting once. What the backtest scores crises against and the
 * calibration fits the crisis rule to.
 */
import { loadWorldInputs } from './inputs.js';

export interface MidOnsets {
  /** 1 when a MID began between actors i and j (indices into the actors given) in `year`, else 0. */
  readonly onset: (i: number, j: number, year: number) => 0 | 1;
  /** The last year the MID data cover. */
  readonly lastYear: number;
}

/**
 * The onsets between `actors` (ISO 3166 alpha-3 ids), each mapped to the COW
 * state code it had in `year` (an id without a COW code then has no onsets).
 */
export function midOnsets(actors: readonly string[], year: number): MidOnsets {
  const inputs = loadWorldInputs();
  const first = new Map<string, number>();
  for (const [dispnum, a, b, y] of inputs.mids) {
    const key = `${dispnum}|${a}|${b}`;
    const seen = first.get(key);
    if (seen === undefined || y < seen) first.set(key, y);
  }
  const onsets = new Set<string>();
  for (const [key, y] of first) {
    const [, a, b] = key.split('|');
    onsets.add(`${a}-${b}-${y}`);
  }
  const ccode = new Map<string, number>();
  for (const c of inputs.crosswalk) if (c.fromYear <= year && c.toYear >= year) ccode.set(c.id, c.ccode);
  const codes = actors.map((id) => ccode.get(id));
  return {
    lastYear: inputs.midLastYear,
    onset: (i, j, y) => {
      const a = codes[i];
      const b = codes[j];
      if (a === undefined || b === undefined) return 0;
      return onsets.has(`${Math.min(a, b)}-${Math.max(a, b)}-${y}`) ? 1 : 0;
    },
  };
}
