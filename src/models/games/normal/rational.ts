/**
 * Exact rational numbers for payoffs and equilibria (fraction.js, BigInt
 * backed). Payoffs written as `3`, `-2.5`, `1.2e-3` or `421/2145` are read
 * exactly; decimals become the fraction they denote (`0.1` is 1/10, not the
 * nearest binary double).
 */
import Fraction from 'fraction.js';

export { Fraction };

const NUMBER = /^([+-]?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$|^([+-]?)\.(\d+)(?:[eE]([+-]?\d+))?$/;
const RATIO = /^([+-]?\d+)\/(\d+)$/;

/** Largest decimal exponent accepted; beyond it a payoff is not a sensible number. */
const MAX_EXPONENT = 300;

/**
 * Parses a decimal, scientific or `p/q` string into an exact fraction, or
 * returns undefined when the text is not such a number (or divides by zero).
 */
export function parseRational(text: string): Fraction | undefined {
  const ratio = RATIO.exec(text);
  if (ratio) {
    const den = BigInt(ratio[2]!);
    if (den === 0n) return undefined;
    return new Fraction(BigInt(ratio[1]!), den);
  }
  const m = NUMBER.exec(text);
  if (!m) return undefined;
  const sign = (m[1] ?? m[5]) === '-' ? -1n : 1n;
  const intPart = m[2] ?? '0';
  const fracPart = m[3] ?? m[6] ?? '';
  const exponent = Number(m[4] ?? m[7] ?? '0');
  if (!Number.isFinite(exponent) || Math.abs(exponent) > MAX_EXPONENT) return undefined;
  let num = BigInt(`${intPart}${fracPart}`) * sign;
  let den = 10n ** BigInt(fracPart.length);
  if (exponent >= 0) num *= 10n ** BigInt(exponent);
  else den *= 10n ** BigInt(-exponent);
  return new Fraction(num, den);
}

/** The exact value of a finite JavaScript number (through its shortest decimal form). */
export function rationalFromNumber(x: number): Fraction {
  const r = parseRational(String(x));
  if (r === undefined) throw new RangeError(`not a finite number: ${x}`);
  return r;
}

/** `"421/2145"`, or `"3"` for integers. */
export function formatRational(r: Fraction): string {
  return r.toFraction();
}

/** Least common multiple of positive BigInts. */
export function lcm(a: bigint, b: bigint): bigint {
  return (a / gcd(a, b)) * b;
}

/** Greatest common divisor of BigInts (non-negative result). */
export function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Integer square root of a non-negative BigInt (floor). */
export function isqrt(n: bigint): bigint {
  if (n < 2n) return n;
  let x = BigInt(Math.floor(Math.sqrt(Number(n))));
  while (x * x > n) x -= 1n;
  while ((x + 1n) * (x + 1n) <= n) x += 1n;
  return x;
}

/** The exact square root of a non-negative rational when it is rational, else undefined. */
export function rationalSqrt(r: Fraction): Fraction | undefined {
  if (r.s < 0n && r.n !== 0n) return undefined;
  const sn = isqrt(r.n);
  const sd = isqrt(r.d);
  return sn * sn === r.n && sd * sd === r.d ? new Fraction(sn, sd) : undefined;
}

/**
 * Solves the square system M z = rhs exactly by Gaussian elimination over the
 * rationals. Returns undefined when M is singular.
 */
export function solveExact(
  matrix: readonly (readonly Fraction[])[],
  rhs: readonly Fraction[],
): Fraction[] | undefined {
  const n = rhs.length;
  const a = matrix.map((row, i) => [...row, rhs[i]!]);
  for (let col = 0; col < n; col++) {
    let pivot = -1;
    for (let r = col; r < n; r++) {
      if (a[r]![col]!.n !== 0n) {
        pivot = r;
        break;
      }
    }
    if (pivot < 0) return undefined;
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const prow = a[col]!;
    const p = prow[col]!;
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const row = a[r]!;
      const f = row[col]!;
      if (f.n === 0n) continue;
      const factor = f.div(p);
      for (let c = col; c <= n; c++) row[c] = row[c]!.sub(factor.mul(prow[c]!));
    }
  }
  return a.map((row, i) => row[n]!.div(row[i]!));
}
