/**
 * Distances, utilities and risk attitudes of KTAB's Spatial Model of Politics
 * (KAPSARC, KTAB `smp.cpp` `SMPModel::bvDiff`, `bsUtil`; `kmodel.cpp`
 * `Model::bigRfromProb`, `estNRA`; docs/models/bargaining.md §2, §4).
 * Positions and saliences are on KTAB's internal 0–1 scale.
 */
import type { RiskAdjustment, RiskRange } from './options.js';

/**
 * An actor's salience-weighted distance from its ideal `ideal` to a position
 * `position` (KTAB `bvDiff`): d = √( Σₖ sₖ²(ιₖ − xₖ)² / Σₖ sₖ² ), in [0, 1]
 * for positions and ideals in [0, 1]. `offset` indexes the k coordinates of
 * each row. The saliences must not all be zero.
 *
 * @example
 * weightedDistance([0.3, 0.2], 0, [0.24, 0.48], 0, [0.45, 0.65], 0, 2); // ≈ 0.408
 */
export function weightedDistance(
  ideal: ArrayLike<number>,
  idealOffset: number,
  salience: ArrayLike<number>,
  salienceOffset: number,
  position: ArrayLike<number>,
  positionOffset: number,
  dimensions: number,
): number {
  let num = 0;
  let den = 0;
  for (let d = 0; d < dimensions; d++) {
    const s = salience[salienceOffset + d]!;
    const diff = (ideal[idealOffset + d]! - position[positionOffset + d]!) * s;
    num += diff * diff;
    den += s * s;
  }
  return Math.sqrt(num / den);
}

/**
 * Utility of a position at distance d for risk attitude R ∈ [−1, 1] (KTAB
 * `bsUtil`): u = (1 − d)(1 + dR) for d ≤ 1, (1 − d)(1 + R) beyond. R = 0 is
 * risk neutral (u = 1 − d); R > 0 risk averse (concave); R < 0 risk seeking.
 *
 * @example
 * spatialUtility(0.5, 1); // => 0.75
 */
export function spatialUtility(d: number, r: number): number {
  return d <= 1 ? (1 - d) * (1 + d * r) : (1 - d) * (1 + r);
}

/**
 * Risk attitudes from the probabilities of the actors' positions (KTAB
 * `bigRfromProb`): Mid Rᵢ = (3Pᵢ − (Pmax + 2Pmin)) / (2(Pmax − Pmin)) ∈
 * [−0.5, 1]; Min (P − Pmin)/(Pmax − Pmin) ∈ [0, 1]; Max (2P − Pmax −
 * Pmin)/(Pmax − Pmin) ∈ [−1, 1]. The most probable position's holder is the
 * most risk averse. When all probabilities are equal (KTAB divides by zero)
 * every actor is risk neutral (R = 0).
 */
export function riskFromProbabilities(p: ArrayLike<number>, range: RiskRange): Float64Array {
  let pMin = 1;
  let pMax = 0;
  for (let i = 0; i < p.length; i++) {
    const x = p[i]!;
    if (x < pMin) pMin = x;
    if (x > pMax) pMax = x;
  }
  const out = new Float64Array(p.length);
  const spread = pMax - pMin;
  if (!(spread > 1e-12 * pMax)) return out;
  for (let i = 0; i < p.length; i++) {
    const x = p[i]!;
    out[i] =
      range === 'Min'
        ? (x - pMin) / spread
        : range === 'Mid'
          ? (3 * x - (pMax + 2 * pMin)) / (2 * spread)
          : (2 * x - (pMax + pMin)) / spread;
  }
  return out;
}

/**
 * Actor h's estimate of actor i's risk attitude (KTAB `estNRA`): None R_h;
 * OneThird (2R_h + R_i)/3; Half (R_h + R_i)/2; TwoThirds (R_h + 2R_i)/3;
 * Full R_i. Every rule gives R_h for h = i.
 */
export function estimatedRisk(rh: number, ri: number, rule: RiskAdjustment): number {
  switch (rule) {
    case 'None':
      return rh;
    case 'OneThird':
      return (2 * rh + ri) / 3;
    case 'Half':
      return (rh + ri) / 2;
    case 'TwoThirds':
      return (rh + 2 * ri) / 3;
    case 'Full':
      return ri;
  }
}
