import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  exactNumber,
  Fraction,
  factorial,
  formatRational,
  minRational,
  parseRational,
  rationalFromNumber,
  rationalToNumber,
  solveExact,
  sumRationals,
} from './rational.js';

describe('reading numbers exactly', () => {
  it('a number is the decimal JavaScript prints for it, not the nearest binary fraction', () => {
    expect(formatRational(rationalFromNumber(0.1))).toBe('1/10');
    expect(formatRational(rationalFromNumber(17437.5))).toBe('34875/2');
    expect(formatRational(rationalFromNumber(1e-7))).toBe('1/10000000');
    expect(formatRational(rationalFromNumber(-2.5e21))).toBe('-2500000000000000000000');
    expect(formatRational(rationalFromNumber(1e-310))).toBe(`1/1${'0'.repeat(310)}`);
    expect(() => rationalFromNumber(Number.NaN)).toThrow(RangeError);
  });

  it('text: decimals, scientific notation and p/q; nothing else', () => {
    expect(formatRational(parseRational('421/2145')!)).toBe('421/2145');
    expect(formatRational(parseRational('-.5e1')!)).toBe('-5');
    expect(formatRational(parseRational('6/4')!)).toBe('3/2');
    expect(parseRational('1/0')).toBeUndefined();
    expect(parseRational('1e400')).toBeUndefined();
    expect(parseRational('0.(3)')).toBeUndefined();
  });

  it('property: a finite double comes back from its exact fraction exactly (one correct rounding)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        // A fraction has no sign of zero: -0 comes back as 0.
        expect(rationalToNumber(rationalFromNumber(x))).toBe(x === 0 ? 0 : x);
      }),
    );
    expect(rationalToNumber(rationalFromNumber(0.1))).toBe(0.1);
  });

  it('regression: tiny, huge and subnormal doubles come back exactly (no double rounding)', () => {
    // 73091245863849784/10^112: n/d of the doubles rounded twice and was one ulp off (fast-check seed -2018357590).
    for (const x of [
      7.3091245863849784e-96,
      5e-324,
      -5e-324,
      1e-310,
      2.2250738585072014e-308,
      2.225073858507201e-308,
      1.7976931348623157e308,
      -1.7976931348623157e308,
      1e-300,
      1e300,
      1e22,
      1e23,
      2 ** -1022 * 1.5,
    ]) {
      expect(rationalToNumber(rationalFromNumber(x))).toBe(x);
    }
  });
});

/** The exact value of a finite double as a fraction (not its shortest decimal). */
function exactValue(x: number): Fraction {
  const bits = new BigUint64Array(new Float64Array([x]).buffer)[0]!;
  const sign = bits >> 63n === 1n ? -1n : 1n;
  const biased = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & (2n ** 52n - 1n);
  const significand = biased === 0 ? fraction : fraction | (2n ** 52n);
  const exponent = (biased === 0 ? 1 : biased) - 1075;
  return exponent >= 0
    ? new Fraction(sign * significand * 2n ** BigInt(exponent))
    : new Fraction(sign * significand, 2n ** BigInt(-exponent));
}

/** The next double towards +Infinity (`up`) or -Infinity, for a finite x ≥ 0. */
function neighbour(x: number, up: boolean): number {
  const f = new Float64Array([x]);
  const b = new BigUint64Array(f.buffer);
  b[0] = b[0]! + (up ? 1n : -1n);
  return f[0]!;
}

const pow2 = (k: number) => (k >= 0 ? new Fraction(2n ** BigInt(k)) : new Fraction(1n, 2n ** BigInt(-k)));

describe('the nearest double of a fraction', () => {
  it('property: no double is nearer than the result, and ties go to the even significand', () => {
    const big = fc.bigInt({ min: 1n, max: 2n ** 1200n });
    const scale = fc.integer({ min: 0, max: 1150 });
    // Any fraction, mostly beyond the double range either way.
    const anyFraction = fc
      .tuple(big, big, scale, scale)
      .map(([n, d, up, down]) => new Fraction(n * 2n ** BigInt(up), d * 2n ** BigInt(down)));
    // Within a tiny δ/D of the midpoint between two adjacent doubles (normal, subnormal or beyond MAX_VALUE).
    const nearMidpoint = fc
      .tuple(
        fc.bigInt({ min: 0n, max: 2n ** 53n - 1n }),
        fc.integer({ min: -1074, max: 971 }),
        fc.integer({ min: -3, max: 3 }),
        fc.bigInt({ min: 4n, max: 2n ** 200n }),
      )
      .map(([m, k, delta, d]) => new Fraction((2n * m + 1n) * d + BigInt(delta), d).mul(pow2(k - 1)));
    // Short decimals of every magnitude, as the models read them.
    const decimal = fc
      .tuple(fc.bigInt({ min: 1n, max: 10n ** 17n }), fc.integer({ min: -340, max: 320 }))
      .map(([n, j]) => (j >= 0 ? new Fraction(n * 10n ** BigInt(j)) : new Fraction(n, 10n ** BigInt(-j))));
    fc.assert(
      fc.property(fc.oneof(anyFraction, nearMidpoint, decimal), fc.boolean(), (fraction, negative) => {
        const r = negative ? fraction.neg() : fraction;
        const v = rationalToNumber(r);
        if (negative) expect(v <= 0).toBe(true);
        const target = r.abs();
        const m = Math.abs(v);
        const max = Number.MAX_VALUE;
        if (m === Number.POSITIVE_INFINITY) {
          // At or beyond MAX_VALUE + ½ulp (a tie there goes to the even 2^1024).
          expect(target.compare(exactValue(max).add(new Fraction(2n ** 970n)))).toBeGreaterThanOrEqual(0);
          return;
        }
        const err = target.sub(exactValue(m)).abs();
        const evenSignificand = (new BigUint64Array(new Float64Array([m]).buffer)[0]! & 1n) === 0n;
        const neighbours = m === 0 ? [Number.MIN_VALUE] : [neighbour(m, true), neighbour(m, false)];
        for (const w of neighbours) {
          const other =
            w === Number.POSITIVE_INFINITY ? exactValue(max).add(new Fraction(2n ** 971n)) : exactValue(w);
          const c = err.compare(target.sub(other).abs());
          expect(c).toBeLessThanOrEqual(0);
          if (c === 0) expect(evenSignificand).toBe(true);
        }
      }),
    );
  });

  it('rounds ties to even at the subnormal and overflow boundaries', () => {
    expect(rationalToNumber(pow2(-1075))).toBe(0);
    expect(rationalToNumber(pow2(-1075).mul(new Fraction(2n ** 200n + 1n, 2n ** 200n)))).toBe(5e-324);
    expect(rationalToNumber(pow2(-1075).mul(3))).toBe(2 * 5e-324);
    expect(rationalToNumber(pow2(-1075).mul(5))).toBe(2 * 5e-324);
    expect(rationalToNumber(pow2(1024).sub(pow2(970)))).toBe(Number.POSITIVE_INFINITY);
    expect(rationalToNumber(pow2(1024).sub(pow2(970)).sub(1).neg())).toBe(-Number.MAX_VALUE);
    expect(rationalToNumber(new Fraction(2n ** 53n + 1n))).toBe(2 ** 53);
    expect(rationalToNumber(new Fraction(2n ** 53n + 3n))).toBe(2 ** 53 + 4);
    expect(rationalToNumber(new Fraction(73091245863849784n, 10n ** 112n))).toBe(7.3091245863849784e-96);
  });
});

describe('writing fractions', () => {
  it('"p/q" with the sign in front, integers without a denominator (fraction.js toString gives decimals)', () => {
    expect(formatRational(new Fraction(-6, 4))).toBe('-3/2');
    expect(formatRational(new Fraction(12n, 4n))).toBe('3');
    expect(new Fraction(1, 3).toString()).not.toBe('1/3');
    expect(exactNumber(new Fraction(1, 4))).toEqual({ value: 0.25, exact: '1/4' });
  });

  it('the nearest double also of fractions far beyond the double range', () => {
    const huge = new Fraction(10n ** 400n + 1n, 3n * 10n ** 400n);
    expect(rationalToNumber(huge)).toBeCloseTo(1 / 3, 15);
    expect(huge.valueOf()).toBeNaN();
    const tiny = rationalToNumber(new Fraction(2n ** 1100n + 1n, 2n ** 1100n * 10n ** 300n));
    expect(tiny / 1e-300).toBeCloseTo(1, 12);
    expect(rationalToNumber(new Fraction(-(10n ** 400n), 10n ** 398n))).toBe(-100);
    expect(rationalToNumber(new Fraction(0))).toBe(0);
  });
});

describe('arithmetic helpers', () => {
  it('factorials, sums and minima', () => {
    expect(factorial(0)).toBe(1n);
    expect(factorial(20)).toBe(2432902008176640000n);
    expect(formatRational(sumRationals([new Fraction(1, 2), new Fraction(1, 3), new Fraction(1, 6)]))).toBe(
      '1',
    );
    expect(formatRational(sumRationals([]))).toBe('0');
    expect(formatRational(minRational(new Fraction(2, 3), new Fraction(3, 5)))).toBe('3/5');
  });

  it('solves a square system exactly, and says when it is singular', () => {
    const f = (x: number) => new Fraction(x);
    const z = solveExact(
      [
        [f(2), f(1)],
        [f(1), f(3)],
      ],
      [f(1), f(2)],
    )!;
    expect(z.map(formatRational)).toEqual(['1/5', '3/5']);
    expect(
      solveExact(
        [
          [f(1), f(2)],
          [f(2), f(4)],
        ],
        [f(1), f(2)],
      ),
    ).toBeUndefined();
  });
});
