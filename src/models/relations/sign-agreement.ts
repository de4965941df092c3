/**
 * Agreement between predicted relation signs and reference signs: the
 * confusion matrix, the share of agreeing signs and Cohen's kappa. Used to
 * check Concert's relation rule against the Doreian–Mrvar signed networks.
 */

/** A sign: +1 friendly, −1 hostile, 0 neutral or no relation. */
export type Sign = -1 | 0 | 1;

/** Counts by (predicted, reference) sign: `counts[p + 1][r + 1]`. */
export interface SignConfusion {
  /** 3 × 3 counts, rows the predicted sign (−, 0, +), columns the reference sign (−, 0, +). */
  readonly counts: readonly (readonly [number, number, number])[];
  readonly total: number;
  /** Share of pairs whose predicted sign equals the reference sign (a neutral prediction never agrees with ±1). */
  readonly agreement: number;
  /**
   * Cohen's kappa κ = (p_o − p_e)/(1 − p_e), p_e = Σ_s p_pred(s)·p_ref(s)
   * (Cohen 1960, Educational and Psychological Measurement 20(1): 37–46);
   * null when p_e = 1 (every pair in one class on both sides).
   */
  readonly kappa: number | null;
}

/**
 * The confusion matrix, agreement and Cohen's kappa of predicted against
 * reference signs (pairs of equal length).
 *
 * @example
 * signConfusion([[1, 1], [-1, 1], [0, -1]]).agreement; // => 1/3
 */
export function signConfusion(
  pairs: readonly (readonly [predicted: Sign, reference: Sign])[],
): SignConfusion {
  const counts: [number, number, number][] = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  for (const [p, r] of pairs) counts[p + 1]![r + 1]!++;
  const total = pairs.length;
  let observed = 0;
  let expected = 0;
  for (let s = 0; s < 3; s++) {
    observed += counts[s]![s]!;
    const row = counts[s]!.reduce((a, b) => a + b, 0);
    const col = counts[0]![s]! + counts[1]![s]! + counts[2]![s]!;
    expected += total === 0 ? 0 : (row / total) * (col / total);
  }
  const agreement = total === 0 ? 0 : observed / total;
  return {
    counts,
    total,
    agreement,
    kappa: total === 0 || expected >= 1 ? null : (agreement - expected) / (1 - expected),
  };
}
