/**
 * What Saltelli and Morris analyses share: the outputs checked against the
 * design, and the bootstrap's options and interval half-width.
 */
import { sampleStandardDeviation } from 'simple-statistics';
import { badInput } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';
import { normalQuantile } from '../../core/statistics.js';

export interface BootstrapOptions {
  /** Bootstrap resamples for the confidence intervals (0 gives half-widths of 0). */
  readonly resamples?: number;
  /** Confidence level of the intervals (default 0.95). */
  readonly confidenceLevel?: number;
  /** Draws the bootstrap resamples. Required when resamples > 0. */
  readonly rng?: Rng;
}

/** The resolved bootstrap settings: resamples, level, the normal quantile z of the level. */
export interface Bootstrap {
  readonly resamples: number;
  readonly level: number;
  readonly z: number;
  readonly rng: Rng | undefined;
}

/**
 * Checks an analysis's outputs (one finite number per design row) and its
 * bootstrap options.
 *
 * @throws ConcertError (bad input) naming the output or option that is wrong.
 */
export function checkAnalysis(
  rows: number,
  outputs: ArrayLike<number>,
  options: BootstrapOptions,
  defaultResamples: number,
): Bootstrap {
  if (outputs.length !== rows) {
    throw badInput({
      message: `expected one output per row of the design (${rows}); got ${outputs.length}`,
      path: ['outputs'],
    });
  }
  for (let r = 0; r < outputs.length; r++) {
    if (!Number.isFinite(outputs[r])) {
      throw badInput({ message: `expected a finite number; got ${outputs[r]}`, path: ['outputs', r] });
    }
  }
  const resamples = options.resamples ?? defaultResamples;
  const level = options.confidenceLevel ?? 0.95;
  if (!Number.isInteger(resamples) || resamples < 0 || resamples > 100_000) {
    throw badInput({
      message: `expected the bootstrap resamples, a whole number in 0 … 100,000; got ${resamples}`,
      path: ['resamples'],
    });
  }
  if (!(level > 0 && level < 1)) {
    throw badInput({
      message: `expected a confidence level in (0, 1); got ${level}`,
      path: ['confidenceLevel'],
    });
  }
  if (resamples > 0 && !options.rng) {
    throw badInput({ message: 'bootstrap resamples need a seeded random generator', path: ['rng'] });
  }
  return { resamples, level, z: normalQuantile(0.5 + level / 2), rng: options.rng };
}

/** The interval half-width z·sd of bootstrap estimates (0 with fewer than two). */
export function halfWidth(b: Bootstrap, estimates: Float64Array): number {
  return estimates.length > 1 ? b.z * sampleStandardDeviation(Array.from(estimates)) : 0;
}
