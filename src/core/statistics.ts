/**
 * Summary statistics the models share beside simple-statistics.
 */

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
