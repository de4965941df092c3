/**
 * The sensitivity view's arithmetic on its inputs (no model): how many runs
 * a design takes, whether a name is one of a scenario's series, and round
 * axis ends. Kept apart from the view so that unit tests can import it.
 */

/** The methods of POST /api/sensitivity, the lab's default first. */
export const METHODS = ['morris', 'sobol'] as const;
export type Method = (typeof METHODS)[number];

/** Runs of a design, as docs/api.md gives them: n·(k + 2) for Sobol', n·(k + 1) for Morris. */
export function designRunCount(method: Method, k: number, n: number): number {
  return method === 'sobol' ? n * (k + 2) : n * (k + 1);
}

/**
 * Whether `name` is a series of a scenario with these indicators and actors:
 * an indicator (not a per-dyad one), an indicator followed by a state
 * (`gains.net.USA`) or a per-dyad indicator's dyad (`crisisStability.USA-RUS`).
 * The server has the last word (a state suffix of an indicator that has no
 * per-state series is its 400, shown by the field too).
 */
export function isSeriesOf(name: string, indicators: readonly string[], actors: readonly string[]): boolean {
  if (indicators.includes(name) && !name.endsWith('.dyad')) return true;
  const state = /^(.+)\.([A-Z][A-Z0-9]{1,5})$/.exec(name);
  if (state && indicators.includes(state[1]!) && actors.includes(state[2]!)) return true;
  const dyad = /^(.+)\.([A-Z][A-Z0-9]{1,5})-([A-Z][A-Z0-9]{1,5})$/.exec(name);
  return (
    dyad !== null &&
    indicators.includes(`${dyad[1]}.dyad`) &&
    actors.includes(dyad[2]!) &&
    actors.includes(dyad[3]!) &&
    dyad[2] !== dyad[3]
  );
}

/** The smallest of 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k at least `x` (> 0): an axis end with round ticks. */
export function niceCeil(x: number): number {
  if (!(x > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  const m = [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].find((c) => c * p >= x * (1 - 1e-12)) ?? 10;
  return Number((m * p).toPrecision(12));
}
