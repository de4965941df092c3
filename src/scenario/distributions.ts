/**
 * Draws for the `uncertain` block of a scenario: uniform, normal (optionally
 * truncated), triangular and lognormal, each by inverse transform or
 * Box–Muller from an injected {@link Rng} (Law 2015, *Simulation Modeling and
 * Analysis*, ch. 8).
 */
import type { Rng } from '../core/rng.js';
import { normalCdf, normalQuantile } from '../core/statistics.js';
import type { Distribution } from './schema.js';

/** Largest number of rejections for a truncated normal before falling back to clamping. */
const MAX_REJECTIONS = 1000;

/**
 * One draw from `d`.
 * - uniform(min, max): min + (max − min)·U.
 * - normal(mean, sd) truncated to [min, max] when given: rejection sampling
 *   (after {@link MAX_REJECTIONS} rejections the draw is clamped, which only a
 *   window far in the tail can cause).
 * - triangular(min, mode, max): inverse CDF, F(mode) = (mode − min)/(max − min).
 * - lognormal(mu, sigma): exp(mu + sigma·Z).
 */
export function sample(d: Distribution, rng: Rng): number {
  switch (d.type) {
    case 'uniform':
      return d.min + (d.max - d.min) * rng.next();
    case 'normal': {
      const lo = d.min ?? Number.NEGATIVE_INFINITY;
      const hi = d.max ?? Number.POSITIVE_INFINITY;
      for (let k = 0; k < MAX_REJECTIONS; k++) {
        const x = rng.normal(d.mean, d.sd);
        if (x >= lo && x <= hi) return x;
      }
      return Math.min(hi, Math.max(lo, d.mean));
    }
    case 'triangular': {
      const { min, mode, max } = d;
      if (max === min) return min;
      const u = rng.next();
      const fc = (mode - min) / (max - min);
      return u < fc
        ? min + Math.sqrt(u * (max - min) * (mode - min))
        : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
    }
    case 'lognormal':
      return Math.exp(d.mu + d.sigma * rng.normal());
  }
}

/**
 * The quantile of `d` at u ∈ (0, 1): the value a draw takes when its uniform
 * variate is u — the inverse CDF, used by sensitivity designs
 * (docs/models/sensitivity.md), which choose u instead of drawing it.
 * - uniform: min + (max − min)·u; triangular: as {@link sample}.
 * - normal truncated to [min, max]: μ + σ·Φ⁻¹(Φ(a) + u·(Φ(b) − Φ(a))), a and b
 *   the standardised bounds (the distribution {@link sample}'s rejection draws from).
 * - lognormal: exp(μ + σ·Φ⁻¹(u)).
 * u is clamped to [1e-12, 1 − 1e-12], so unbounded distributions give finite values.
 */
export function quantile(d: Distribution, u: number): number {
  const p = Math.min(1 - 1e-12, Math.max(1e-12, u));
  switch (d.type) {
    case 'uniform':
      return d.min + (d.max - d.min) * u;
    case 'normal': {
      const a = d.min === undefined ? 0 : normalCdf((d.min - d.mean) / d.sd);
      const b = d.max === undefined ? 1 : normalCdf((d.max - d.mean) / d.sd);
      if (!(b > a)) return Math.min(d.max ?? d.mean, Math.max(d.min ?? d.mean, d.mean));
      const x = d.mean + d.sd * normalQuantile(Math.min(1 - 1e-12, Math.max(1e-12, a + p * (b - a))));
      return Math.min(d.max ?? x, Math.max(d.min ?? x, x));
    }
    case 'triangular': {
      const { min, mode, max } = d;
      if (max === min) return min;
      const fc = (mode - min) / (max - min);
      return u < fc
        ? min + Math.sqrt(u * (max - min) * (mode - min))
        : max - Math.sqrt((1 - u) * (max - min) * (max - mode));
    }
    case 'lognormal':
      return Math.exp(d.mu + d.sigma * normalQuantile(p));
  }
}
