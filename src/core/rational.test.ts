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

  it('property: a finite double comes back from its exact fraction within one rounding', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        const back = rationalToNumber(rationalFromNumber(x));
        expect(Math.abs(back - x)).toBeLessThanOrEqual(Math.max(Math.abs(x) * 2 ** -52, Number.MIN_VALUE));
      }),
    );
    expect(rationalToNumber(rationalFromNumber(0.1))).toBe(0.1);
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
