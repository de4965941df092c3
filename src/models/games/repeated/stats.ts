/**
 * Small statistics used by strategies that test whether an opponent plays at
 * random (Axelrod 1980a: Stein & Rapoport, Graaskamp).
 */

const LN_SQRT_PI = 0.5 * Math.log(Math.PI);

/**
 * Upper regularised incomplete gamma Q(1/2, x) = erfc(√x), by the series for
 * P when x < 1.5 and Lentz's continued fraction otherwise (Press et al.,
 * Numerical Recipes, 3rd ed., §6.2). Accurate to ~1e-15.
 */
function gammaQHalf(x: number): number {
  const a = 0.5;
  if (x <= 0) return 1;
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 500; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-17) break;
    }
    return 1 - sum * Math.exp(-x + a * Math.log(x) - LN_SQRT_PI);
  }
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-16) break;
  }
  return Math.exp(-x + a * Math.log(x) - LN_SQRT_PI) * h;
}

/**
 * p-value of Pearson's χ² goodness-of-fit test of two counts against equal
 * expected frequencies (1 degree of freedom), as `scipy.stats.chisquare([a, b])`:
 * χ² = (a − b)² / (a + b), p = P(χ²₁ ≥ χ²) = erfc(√(χ²/2)).
 */
export function chiSquareEvenSplitPValue(a: number, b: number): number {
  const n = a + b;
  if (n <= 0) return 1;
  const stat = ((a - b) * (a - b)) / n;
  return gammaQHalf(stat / 2);
}
