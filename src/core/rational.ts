/**
 * Exact rational numbers: fraction.js (BigInt backed) and the helpers the
 * models share — reading decimals exactly, the `"421/2145"` form, the nearest
 * double of a fraction of any size, factorials, exact linear solves.
 *
 * Payoffs, worths and claims written as `3`, `-2.5`, `1.2e-3` or `421/2145`
 * are read exactly; a decimal becomes the fraction it denotes (`0.1` is 1/10,
 * not the nearest binary double). Exact results are reported as fractions
 * (power indices with n! denominators, equilibria, nucleoli) beside their
 * decimals.
 */
import Fraction from 'fraction.js';

export { Fraction };

const NUMBER = /^([+-]?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$|^([+-]?)\.(\d+)(?:[eE]([+-]?\d+))?$/;
const RATIO = /^([+-]?\d+)\/(\d+)$/;

/** Largest decimal exponent accepted; beyond it a payoff is not a sensible number. */
const MAX_EXPONENT = 300;

/** The fraction of a matched decimal, or undefined when its exponent exceeds `maxExponent`. */
function decimalFraction(m: RegExpExecArray, maxExponent: number): Fraction | undefined {
  const sign = (m[1] ?? m[5]) === '-' ? -1n : 1n;
  const intPart = m[2] ?? '0';
  const fracPart = m[3] ?? m[6] ?? '';
  const exponent = Number(m[4] ?? m[7] ?? '0');
  if (!Number.isFinite(exponent) || Math.abs(exponent) > maxExponent) return undefined;
  let num = BigInt(`${intPart}${fracPart}`) * sign;
  let den = 10n ** BigInt(fracPart.length);
  if (exponent >= 0) num *= 10n ** BigInt(exponent);
  else den *= 10n ** BigInt(-exponent);
  return new Fraction(num, den);
}

/**
 * Parses a decimal, scientific or `p/q` string into an exact fraction, or
 * returns undefined when the text is not such a number, divides by zero, or
 * has a decimal exponent beyond ±300.
 *
 * @example
 * parseRational('0.1')?.toFraction(); // => '1/10'
 * parseRational('abc'); // => undefined
 */
export function parseRational(text: string): Fraction | undefined {
  const ratio = RATIO.exec(text);
  if (ratio) {
    const den = BigInt(ratio[2]!);
    if (den === 0n) return undefined;
    return new Fraction(BigInt(ratio[1]!), den);
  }
  const m = NUMBER.exec(text);
  return m ? decimalFraction(m, MAX_EXPONENT) : undefined;
}

/**
 * The exact value of the decimal that JavaScript prints for a finite number
 * `x` (its shortest round-trip form): `0.1` becomes 1/10, not the nearest
 * binary fraction. This is the number a user wrote in a JSON or YAML file.
 *
 * @throws {RangeError} when `x` is not finite (callers check their input).
 * @example
 * formatRational(rationalFromNumber(0.1)); // => '1/10'
 */
export function rationalFromNumber(x: number): Fraction {
  if (Number.isSafeInteger(x)) return new Fraction(BigInt(x));
  const m = Number.isFinite(x) ? NUMBER.exec(String(x)) : null;
  if (!m) throw new RangeError(`not a finite number: ${x}`);
  return decimalFraction(m, Number.POSITIVE_INFINITY) as Fraction;
}

/**
 * `"421/2145"`, or `"3"` for integers (fraction.js's `toFraction`; its
 * `toString` gives decimals).
 *
 * @example
 * formatRational(new Fraction(-6, 4)); // => '-3/2'
 */
export function formatRational(r: Fraction): string {
  return r.toFraction();
}

function bitLength(x: bigint): number {
  return x === 0n ? 0 : x.toString(2).length;
}

/** 2^53: integers below it are exact doubles. */
const EXACT_INTEGER = 2n ** 53n;

/**
 * The nearest double of a fraction, correctly rounded (ties to even), also
 * when numerator and denominator are far beyond the double range (e.g.
 * 200!-sized denominators) and when the value is subnormal: 0 up to half
 * the least subnormal, ±Infinity from MAX_VALUE + ½ulp on. When numerator and
 * denominator are both below 2^53 this is n/d of their (exact) doubles, one
 * IEEE rounding; otherwise the significand is the integer quotient at the
 * result's precision (53 bits, fewer when subnormal), rounded by its
 * remainder, then scaled by an exact power of two. (n/d of the doubles of
 * larger integers rounds twice and can miss by an ulp, e.g. for
 * 73091245863849784/10^112.) A zero fraction gives +0; a negative one of at
 * most half the least subnormal gives -0.
 *
 * @example
 * rationalToNumber(new Fraction(1n, 3n)); // => 0.3333333333333333
 * rationalToNumber(new Fraction(73091245863849784n, 10n ** 112n)); // => 7.3091245863849784e-96
 */
export function rationalToNumber(r: Fraction): number {
  const a = r.n;
  const d = r.d;
  if (a === 0n) return 0;
  const sign = r.s < 0n ? -1 : 1;
  if (a < EXACT_INTEGER && d < EXACT_INTEGER) return (sign * Number(a)) / Number(d);
  // 2^e ≤ a/d < 2^(e+1)
  let e = bitLength(a) - bitLength(d);
  if (e >= 0 ? a < d << BigInt(e) : a << BigInt(-e) < d) e -= 1;
  if (e > 1024) return sign * Number.POSITIVE_INFINITY;
  // Weight of the last significand bit: 53 bits for normal results, 2^-1074 for subnormal ones.
  const lsb = Math.max(e - 52, -1074);
  const num = lsb < 0 ? a << BigInt(-lsb) : a;
  const den = lsb > 0 ? d << BigInt(lsb) : d;
  let q = num / den;
  const twiceRem = 2n * (num - q * den);
  if (twiceRem > den || (twiceRem === den && (q & 1n) === 1n)) q += 1n;
  // q ≤ 2^53 is exact, and so is its product with 2^lsb unless it overflows to Infinity.
  return sign * (Number(q) * 2 ** lsb);
}

/**
 * A fraction as the models return exact results (power indices, bankruptcy
 * awards): a fraction.js Fraction that prints as `"p/q"` (`String(x)`,
 * template literals; fraction.js's own `toString` gives decimals such as
 * `"0.(3)"`) and converts to its nearest double with {@link toNumber}, also
 * beyond the double range. Arithmetic on it returns plain Fractions.
 *
 * @example
 * String(ExactFraction.of(new Fraction(200, 3))); // => '200/3'
 */
export class ExactFraction extends Fraction {
  /** The same value as an ExactFraction. */
  static of(x: Fraction): ExactFraction {
    return new ExactFraction(x.s * x.n, x.d);
  }

  /** `"p/q"`, or `"p"` for an integer ({@link formatRational}). */
  override toString(): string {
    return this.toFraction();
  }

  /** The nearest double ({@link rationalToNumber}). */
  toNumber(): number {
    return rationalToNumber(this);
  }
}

/** A number reported exactly: its decimal and its fraction (`"421/2145"`). */
export interface ExactNumber {
  readonly value: number;
  readonly exact: string;
}

/**
 * The decimal and the fraction of `x` ({@link rationalToNumber},
 * {@link formatRational}).
 *
 * @example
 * exactNumber(new Fraction(1, 4)); // => { value: 0.25, exact: '1/4' }
 */
export function exactNumber(x: Fraction): ExactNumber {
  return { value: rationalToNumber(x), exact: formatRational(x) };
}

/** The smaller of two fractions (the first when equal). */
export function minRational(a: Fraction, b: Fraction): Fraction {
  return a.compare(b) <= 0 ? a : b;
}

/** Sum of fractions (0 for none). */
export function sumRationals(xs: readonly Fraction[]): Fraction {
  let s = new Fraction(0);
  for (const x of xs) s = s.add(x);
  return s;
}

const factorials: bigint[] = [1n];

/**
 * n! as a bigint (cached: the Shapley–Shubik weights k!(n−k−1)!/n! of every
 * power index need the same few).
 *
 * @example
 * factorial(5); // => 120n
 */
export function factorial(n: number): bigint {
  for (let k = factorials.length; k <= n; k++) factorials.push(factorials[k - 1]! * BigInt(k));
  return factorials[n]!;
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
