import fc from 'fast-check';
import { median as librariesMedian } from 'simple-statistics';
import { describe, expect, it } from 'vitest';
import { median } from './statistics.js';

describe('median', () => {
  it('the middle value, or the mean of the two middle values; the input is left as it was', () => {
    const xs = [3, 1, 2, 10];
    expect(median(xs)).toBe(2.5);
    expect(xs).toEqual([3, 1, 2, 10]);
    expect(median([5])).toBe(5);
    expect(median([2, 9, 4])).toBe(4);
    expect(() => median([])).toThrow(RangeError);
  });

  it('is (a + b)/2, which simple-statistics’ a + (b − a)/2 is not, to the bit', () => {
    expect(median([1.580810726720084, 3.822546097119087])).toBe(2.7016784119195854);
    expect(librariesMedian([1.580810726720084, 3.822546097119087])).toBe(2.701678411919586);
  });

  it('property: agrees with simple-statistics within one rounding', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 30 }),
        (xs) => {
          expect(Math.abs(median(xs) - librariesMedian(xs))).toBeLessThanOrEqual(1e-9);
        },
      ),
    );
  });
});
