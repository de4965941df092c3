/**
 * Morris elementary effects (Morris 1991) with Campolongo, Cariboni &
 * Saltelli's (2007) μ* (docs/models/sensitivity.md, "Morris screening").
 *
 * Design: r trajectories on a p-level grid {0, 1/(p−1), …, 1} of the unit
 * cube with step Δ = p / (2(p − 1)) (2/3 for the default p = 4). A
 * trajectory starts at a random grid point x* with every coordinate in
 * [0, 1 − Δ]; each input starts at x*ᵢ or x*ᵢ + Δ (a fair coin) and, in a
 * random order of the inputs, moves once to the other end: k + 1 points,
 * each differing from the previous in one input. Rows: r·(k + 1), row-major.
 *
 * Analysis: the elementary effect of input i on trajectory t is
 *   EEᵢ = (f(x + sΔeᵢ) − f(x)) / (sΔ),   s = ±1 the direction of the move,
 * in output units per unit-cube distance (per whole range of the input).
 * μᵢ = mean EEᵢ, μ*ᵢ = mean |EEᵢ|, σᵢ = sd EEᵢ (n − 1), and the confidence
 * half-width of μ* from bootstrap resamples of the trajectories.
 */
import { badInput } from '../../core/errors.js';
import type { Rng } from '../../core/rng.js';
import { shuffle } from '../../core/shuffle.js';
import { type BootstrapOptions, checkAnalysis, halfWidth } from './bootstrap.js';

export interface MorrisDesign {
  readonly k: number;
  /** Number of trajectories. */
  readonly trajectories: number;
  /** Grid levels p. */
  readonly levels: number;
  /** The step Δ = p / (2(p − 1)). */
  readonly delta: number;
  /** Rows: trajectories · (k + 1). */
  readonly rows: number;
  /** Row-major points (rows × k) on the grid, each coordinate in [0, 1]. */
  readonly points: Float64Array;
  /** For each trajectory and step s = 1 … k: the input that moved (trajectories × k). */
  readonly moved: Int32Array;
}

export interface MorrisOptions {
  /** Grid levels p, an even number ≥ 2 (default 4, as Morris and SALib). */
  readonly levels?: number;
}

/** The largest number of inputs (as for Saltelli designs, a generous bound for scenarios). */
export const MAX_MORRIS_INPUTS = 200;

/**
 * A Morris design of r trajectories for k inputs.
 *
 * @throws ConcertError (bad input) for k outside 1 … 200, r < 2 or an odd or small number of levels.
 * @example
 * morrisDesign(3, 10, rng).rows; // 40 = 10 · (3 + 1)
 */
export function morrisDesign(
  k: number,
  trajectories: number,
  rng: Rng,
  options: MorrisOptions = {},
): MorrisDesign {
  const levels = options.levels ?? 4;
  if (!Number.isInteger(k) || k < 1 || k > MAX_MORRIS_INPUTS) {
    throw badInput({
      message: `expected the number of inputs, a whole number in 1 … ${MAX_MORRIS_INPUTS}; got ${k}`,
      path: ['k'],
    });
  }
  if (!Number.isInteger(trajectories) || trajectories < 2 || trajectories > 100_000) {
    throw badInput({
      message: `expected the number of trajectories, a whole number in 2 … 100,000; got ${trajectories}`,
      path: ['trajectories'],
    });
  }
  if (!Number.isInteger(levels) || levels < 2 || levels > 100 || levels % 2 !== 0) {
    throw badInput({
      message: `expected the grid levels, an even whole number in 2 … 100 (Morris's Δ = p/(2(p−1)) needs an even p); got ${levels}`,
      path: ['levels'],
    });
  }
  const delta = levels / (2 * (levels - 1));
  const rows = trajectories * (k + 1);
  const points = new Float64Array(rows * k);
  const moved = new Int32Array(trajectories * k);
  const baseLevels = levels / 2; // grid points in [0, 1 − Δ]
  const order = Array.from({ length: k }, (_, i) => i);
  const x = new Float64Array(k);
  const top = new Float64Array(k);
  for (let t = 0; t < trajectories; t++) {
    for (let i = 0; i < k; i++) {
      const lo = rng.int(0, baseLevels - 1) / (levels - 1);
      const up = rng.bernoulli(0.5);
      x[i] = up ? lo : lo + delta;
      top[i] = up ? lo + delta : lo;
    }
    for (let i = 0; i < k; i++) order[i] = i;
    shuffle(order, rng);
    const r0 = t * (k + 1);
    points.set(x, r0 * k);
    for (let s = 0; s < k; s++) {
      const i = order[s]!;
      x[i] = top[i]!;
      moved[t * k + s] = i;
      points.set(x, (r0 + s + 1) * k);
    }
  }
  return { k, trajectories, levels, delta, rows, points, moved };
}

export interface MorrisIndex {
  /** Mean elementary effect. */
  readonly mu: number;
  /** Mean absolute elementary effect (Campolongo et al. 2007). */
  readonly muStar: number;
  /** Standard deviation of the elementary effects (n − 1): interactions and non-linearity. */
  readonly sigma: number;
  /** Bootstrap half-width of μ* at the confidence level. */
  readonly muStarConf: number;
}

/** Bootstrap options of a Morris analysis (default 1000 resamples, SALib's). */
export type MorrisAnalysisOptions = BootstrapOptions;

/**
 * μ, μ* and σ of each input from the outputs of a {@link morrisDesign}'s rows, in row order.
 *
 * @throws ConcertError (bad input) when the outputs are not one finite number per row.
 * @example
 * const d = morrisDesign(2, 20, rng);
 * const y = Array.from({ length: d.rows }, (_, r) => 3 * d.points[r * 2]!); // f = 3x₁
 * morrisIndices(d, y, { resamples: 0 })[0]!.muStar; // 3
 */
export function morrisIndices(
  design: MorrisDesign,
  outputs: ArrayLike<number>,
  options: MorrisAnalysisOptions = {},
): MorrisIndex[] {
  const { k, trajectories: r, points, moved } = design;
  const boot = checkAnalysis(design.rows, outputs, options, 1000);
  const { resamples } = boot;

  // ee[i * r + t]: the effect of input i on trajectory t.
  const ee = new Float64Array(k * r);
  for (let t = 0; t < r; t++) {
    const r0 = t * (k + 1);
    for (let s = 0; s < k; s++) {
      const i = moved[t * k + s]!;
      const step = points[(r0 + s + 1) * k + i]! - points[(r0 + s) * k + i]!;
      ee[i * r + t] = (outputs[r0 + s + 1]! - outputs[r0 + s]!) / step;
    }
  }
  const out: MorrisIndex[] = [];
  const samples = new Float64Array(resamples);
  for (let i = 0; i < k; i++) {
    let mu = 0;
    let muStar = 0;
    for (let t = 0; t < r; t++) {
      mu += ee[i * r + t]!;
      muStar += Math.abs(ee[i * r + t]!);
    }
    mu /= r;
    muStar /= r;
    let v = 0;
    for (let t = 0; t < r; t++) v += (ee[i * r + t]! - mu) ** 2;
    const sigma = Math.sqrt(v / (r - 1));
    let muStarConf = 0;
    if (resamples > 1) {
      for (let b = 0; b < resamples; b++) {
        let m = 0;
        for (let t = 0; t < r; t++) m += Math.abs(ee[i * r + boot.rng!.int(0, r - 1)]!);
        samples[b] = m / r;
      }
      muStarConf = halfWidth(boot, samples);
    }
    out.push({ mu, muStar, sigma, muStarConf });
  }
  return out;
}
