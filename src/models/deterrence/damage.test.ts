import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clarkShareWithin, damageAt, damageCurve, lethalAreaKm2 } from './damage.js';
import { OTA_LETHAL_AREA_KM2_PER_MT23 } from './options.js';

describe('damage curves from cities', () => {
  it('the OTA rings give a fatality-weighted area of 18.13 sq mi (46.97 km²) for 1 Mt', () => {
    // π[0.98·1.7² + 0.5·(2.7² − 1.7²) + 0.05·(4.7² − 2.7²)] sq mi, by hand: π·5.7722 = 18.134.
    expect(OTA_LETHAL_AREA_KM2_PER_MT23 / 2.589988110336).toBeCloseTo(18.134, 3);
    expect(lethalAreaKm2(1000, 46.97)).toBeCloseTo(46.97, 9);
    expect(lethalAreaKm2(125, 46.97)).toBeCloseTo(46.97 / 4, 9);
  });

  it('one warhead on one city kills the population within √(a/π) of its centre (Clark’s density)', () => {
    // P = 10⁶, ρ₀ = 10⁴/km²: b = √(P/(2πρ₀)) = 3.989 km; a = 47 km²: r = 3.868 km, s = 0.9696,
    // g(s) = 1 − (1 + s)e^(−s) = 0.2532.
    const d = damageCurve([{ population: 1e6 }], 47, 1e4, 3);
    const b = Math.sqrt(1e6 / (2 * Math.PI * 1e4));
    expect(d[1]).toBeCloseTo(clarkShareWithin(Math.sqrt(47 / Math.PI) / b), 12);
    expect(d[1]).toBeCloseTo(0.2532, 3);
  });

  it('the second warhead goes to the city where it kills more', () => {
    const d = damageCurve([{ population: 4e6 }, { population: 1e5 }], 47, 1e4, 2);
    // Both warheads go to the big city (its second warhead kills more than the small city's first).
    const big = (k: number) =>
      4e6 * clarkShareWithin(Math.sqrt((k * 47) / Math.PI) / Math.sqrt(4e6 / (2 * Math.PI * 1e4)));
    expect((d[2] as number) * 4.1e6).toBeCloseTo(big(2), 3);
  });

  it('property: D starts at 0, never falls, never exceeds 1, and each warhead adds no more than the one before', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1e3, max: 2e7, noNaN: true }), { minLength: 1, maxLength: 30 }),
        fc.double({ min: 0.5, max: 200, noNaN: true }),
        fc.double({ min: 100, max: 5e4, noNaN: true }),
        (pops, area, density) => {
          const d = damageCurve(
            pops.map((population) => ({ population })),
            area,
            density,
            60,
          );
          expect(d[0]).toBe(0);
          for (let x = 1; x < d.length; x++) {
            expect(d[x] as number).toBeGreaterThanOrEqual((d[x - 1] as number) - 1e-12);
            expect(d[x] as number).toBeLessThanOrEqual(1);
            if (x >= 2)
              expect((d[x] as number) - (d[x - 1] as number)).toBeLessThanOrEqual(
                (d[x - 1] as number) - (d[x - 2] as number) + 1e-9,
              );
          }
          expect(damageAt(d, 0.5)).toBeCloseTo((d[1] as number) / 2, 12);
        },
      ),
      { numRuns: 100 },
    );
  });
});
