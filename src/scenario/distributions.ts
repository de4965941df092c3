/**
 * Draws for the `uncertain` block of a scenario: uniform, normal (optionally
 * truncated), triangular and lognormal, each by inverse transform or
 * Box–Muller from an injected {@link Rng} (Law 2015, *Simulation Modeling and
 * Analysis*, ch. 8).
 */
import type { Rng } from '../core/rng.js';
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
