/**
 * Bueno de Mesquita's baseline forecast: on each dimension, the position of
 * the weighted median actor, weights capability × salience (Bueno de
 * Mesquita 1994, "Political forecasting: an expected utility method", in
 * *European Community Decision Making*; Scholz, Calbert & Smith 2011, J.
 * Theoretical Politics 23(4): 510–531). With single-peaked preferences on one
 * dimension this is the position no majority of weight can defeat.
 */
import type { BargainingModel } from './model.js';

/**
 * The weighted median of `positions` with weights `weights`: the smallest
 * position at which the cumulative weight reaches half the total; when it
 * reaches exactly half at a position, the midpoint between that position and
 * the next (every point between them is a median).
 *
 * @example
 * weightedMedian([10, 50, 90], [1, 1, 3]); // => 90
 * weightedMedian([10, 50], [1, 1]); // => 30
 */
export function weightedMedian(positions: readonly number[], weights: readonly number[]): number {
  const order = positions.map((_, i) => i).sort((a, b) => positions[a]! - positions[b]! || a - b);
  let total = 0;
  for (const w of weights) total += w;
  if (!(total > 0)) return Number.NaN;
  const half = total / 2;
  let cumulative = 0;
  for (let r = 0; r < order.length; r++) {
    const i = order[r]!;
    cumulative += weights[i]!;
    if (Math.abs(cumulative - half) <= 1e-12 * total && r + 1 < order.length) {
      return (positions[i]! + positions[order[r + 1]!]!) / 2;
    }
    if (cumulative >= half) return positions[i]!;
  }
  return positions[order[order.length - 1]!]!;
}

/**
 * The weighted-median forecast of each dimension for positions `positions`
 * (n × k, any scale): weights cᵢ·sᵢₖ.
 */
export function medianForecast(model: BargainingModel, positions: Float64Array): number[] {
  const n = model.actors.length;
  const k = model.dimensions.length;
  const out: number[] = [];
  for (let d = 0; d < k; d++) {
    const xs: number[] = [];
    const ws: number[] = [];
    for (let i = 0; i < n; i++) {
      xs.push(positions[i * k + d]!);
      ws.push(model.capability[i]! * model.salience[i * k + d]!);
    }
    out.push(weightedMedian(xs, ws));
  }
  return out;
}
