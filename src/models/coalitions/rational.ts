/**
 * Exact rational numbers on `bigint`, for power indices and allocations that
 * are reported as fractions (`"421/2145"`) beside their decimals.
 *
 * Counts of coalitions overflow 2^53 from about 54 players, and Shapley–Shubik
 * denominators are n!, so exact results need arbitrary precision. Values are
 * kept reduced with a positive denominator.
 */

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return x;
}

function bitLength(x: bigint): number {
  return x === 0n ? 0 : (x < 0n ? -x : x).toString(2).length;
}

/** An exact fraction `num/den` with `den > 0` and gcd(num, den) = 1. */
export class Rational {
  readonly num: bigint;
  readonly den: bigint;

  private constructor(num: bigint, den: bigint) {
    this.num = num;
    this.den = den;
  }

  static readonly ZERO = new Rational(0n, 1n);
  static readonly ONE = new Rational(1n, 1n);

  /** `num/den`, reduced. Throws on a zero denominator (a programming error). */
  static of(num: bigint | number, den: bigint | number = 1n): Rational {
    let n = BigInt(num);
    let d = BigInt(den);
    if (d === 0n) throw new RangeError('Rational: zero denominator');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    const g = gcd(n, d);
    return g > 1n ? new Rational(n / g, d / g) : new Rational(n, d);
  }

  /**
   * The exact value of the decimal that JavaScript prints for `x` (its shortest
   * round-trip form): `0.1` becomes 1/10, not the nearest binary fraction. This
   * is the number a user wrote in a JSON or YAML file.
   */
  static fromDecimal(x: number): Rational {
    if (!Number.isFinite(x)) throw new RangeError(`Rational: not a finite number: ${x}`);
    if (Number.isInteger(x) && Number.isSafeInteger(x)) return new Rational(BigInt(x), 1n);
    const m = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(x));
    if (!m) throw new RangeError(`Rational: cannot read ${x}`);
    const sign = m[1] === '-' ? -1n : 1n;
    const frac = m[3] ?? '';
    const exp = Number(m[4] ?? '0') - frac.length;
    const digits = BigInt(`${m[2]}${frac}`) * sign;
    return exp >= 0 ? Rational.of(digits * 10n ** BigInt(exp)) : Rational.of(digits, 10n ** BigInt(-exp));
  }

  add(o: Rational): Rational {
    return Rational.of(this.num * o.den + o.num * this.den, this.den * o.den);
  }

  sub(o: Rational): Rational {
    return Rational.of(this.num * o.den - o.num * this.den, this.den * o.den);
  }

  mul(o: Rational): Rational {
    return Rational.of(this.num * o.num, this.den * o.den);
  }

  div(o: Rational): Rational {
    return Rational.of(this.num * o.den, this.den * o.num);
  }

  neg(): Rational {
    return new Rational(-this.num, this.den);
  }

  /** −1, 0 or 1 as this is less than, equal to or greater than `o`. */
  cmp(o: Rational): number {
    const d = this.num * o.den - o.num * this.den;
    return d < 0n ? -1 : d > 0n ? 1 : 0;
  }

  isZero(): boolean {
    return this.num === 0n;
  }

  min(o: Rational): Rational {
    return this.cmp(o) <= 0 ? this : o;
  }

  max(o: Rational): Rational {
    return this.cmp(o) >= 0 ? this : o;
  }

  /** `"421/2145"`, or `"3"` for an integer. */
  toString(): string {
    return this.den === 1n ? this.num.toString() : `${this.num}/${this.den}`;
  }

  /**
   * The nearest double, also when numerator and denominator are far beyond
   * the double range (e.g. 200!-sized denominators): the quotient is formed
   * with 64 significant bits before scaling.
   */
  toNumber(): number {
    if (this.num === 0n) return 0;
    const nb = bitLength(this.num);
    const db = bitLength(this.den);
    if (nb <= 1000 && db <= 1000) return Number(this.num) / Number(this.den);
    const k = 64 - (nb - db);
    const q = k >= 0 ? (this.num << BigInt(k)) / this.den : this.num / (this.den << BigInt(-k));
    let r = Number(q);
    let e = -k;
    for (; e > 1000; e -= 1000) r *= 2 ** 1000;
    for (; e < -1000; e += 1000) r *= 2 ** -1000;
    return r * 2 ** e;
  }
}

/** n! as a bigint, cached. */
const factorials: bigint[] = [1n];
export function factorial(n: number): bigint {
  for (let k = factorials.length; k <= n; k++) factorials.push(factorials[k - 1]! * BigInt(k));
  return factorials[n]!;
}

/** Sum of rationals. */
export function sumRationals(xs: readonly Rational[]): Rational {
  let s = Rational.ZERO;
  for (const x of xs) s = s.add(x);
  return s;
}
