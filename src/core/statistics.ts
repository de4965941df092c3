/**
 * Summary statistics the models share beside simple-statistics.
 */
import { badInput } from './errors.js';

/** The 97.5 % quantile of the standard normal distribution: a 95 % interval is ±Z_95 standard errors. */
export const Z_95 = 1.959963984540054;

/**
 * The median of `values`: the middle value of the sorted values, or the mean
 * (a + b)/2 of the two middle values when their number is even. Unlike
 * simple-statistics' `median`, which interpolates a + ½(b − a) (R's type 7
 * quantile), the midpoint is formed as (a + b)/2: the two differ in the last
 * bit for some pairs of doubles (about one in thirteen of random pairs in
 * [0, 6)), and the reported medians
 * (tournament scores, balance times) are kept to the bit. The input is not
 * modified.
 *
 * @throws {RangeError} for an empty list (callers report "no value" instead).
 * @example
 * median([3, 1, 2, 10]); // => 2.5
 */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('the median of no values is undefined');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * Standard normal quantile by Acklam's rational approximation (relative error
 * < 1.2e-9). simple-statistics' `probit` is off by 3e-3 at 0.975 (1.9572 for
 * 1.95996), too coarse for stated confidence levels.
 */
export function normalQuantile(p: number): number {
  if (!(p > 0 && p < 1)) throw badInput(`a normal quantile needs 0 < p < 1; got ${p}`);
  const a = [
    -39.69683028665376, 220.9460984245205, -275.9285104469687, 138.357751867269, -30.66479806614716,
    2.506628277459239,
  ];
  const b = [
    -54.47609879822406, 161.5858368580409, -155.6989798598866, 66.80131188771972, -13.28068155288572,
  ];
  const c = [
    -0.007784894002430293, -0.3223964580411365, -2.400758277161838, -2.549732539343734, 4.374664141464968,
    2.938163982698783,
  ];
  const d = [0.007784695709041462, 0.3224671290700398, 2.445134137142996, 3.754408661907416];
  const lo = 0.02425;
  let x: number;
  if (p < lo) {
    const q = Math.sqrt(-2 * Math.log(p));
    x =
      (((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  } else if (p <= 1 - lo) {
    const q = p - 0.5;
    const r = q * q;
    x =
      ((((((a[0]! * r + a[1]!) * r + a[2]!) * r + a[3]!) * r + a[4]!) * r + a[5]!) * q) /
      (((((b[0]! * r + b[1]!) * r + b[2]!) * r + b[3]!) * r + b[4]!) * r + 1);
  } else {
    const q = Math.sqrt(-2 * Math.log(1 - p));
    x =
      -(((((c[0]! * q + c[1]!) * q + c[2]!) * q + c[3]!) * q + c[4]!) * q + c[5]!) /
      ((((d[0]! * q + d[1]!) * q + d[2]!) * q + d[3]!) * q + 1);
  }
  return x;
}

/**
 * The standard normal distribution function Φ(z) = ½·erfc(−z/√2), to about
 * 1e-13 relative (erfc below). simple-statistics' `errorFunction` is good to
 * only ~1e-8 and its `cumulativeStdNormalProbability` is a 2-decimal table.
 *
 * @example
 * normalCdf(1.96); // 0.9750021048517795
 */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** erfc(x) to about 1e-15 relative: series for |x| < 2, continued fraction beyond (Press et al., Numerical Recipes, §6.2). */
function erfc(x: number): number {
  const ax = Math.abs(x);
  let r: number;
  if (ax < 2) {
    // erf by its Maclaurin series: erf(x) = 2/√π Σ (−1)ⁿ x^(2n+1) / (n! (2n+1))
    let term = ax;
    let sum = ax;
    for (let n = 1; n < 200; n++) {
      term *= (-ax * ax) / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    r = 1 - (2 / Math.sqrt(Math.PI)) * sum;
  } else {
    // Lentz's continued fraction: erfc(x) = e^{−x²}/√π · 1/(x + 1/2/(x + 1/(x + 3/2/(x + …))))
    let f = ax;
    let c = ax;
    let d = 0;
    for (let n = 1; n < 500; n++) {
      const an = n / 2;
      d = ax + an * d;
      d = d === 0 ? 1e-300 : 1 / d;
      c = ax + an / c;
      if (c === 0) c = 1e-300;
      const delta = c * d;
      f *= delta;
      if (Math.abs(delta - 1) < 1e-16) break;
    }
    r = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / f;
  }
  return x >= 0 ? r : 2 - r;
}
