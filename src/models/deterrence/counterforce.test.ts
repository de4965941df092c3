import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { killProbability, lethalRadiusM, sspk, sspkCalculator } from './counterforce.js';

describe('counterforce arithmetic', () => {
  it('halving the CEP (lethality × 4, Richelson p. 786) kills like four independent shots at the full CEP', () => {
    const lr = lethalRadiusM(300, 1000);
    expect(1 - (1 - sspk(lr, 200)) ** 4).toBeCloseTo(sspk(lr, 100), 12);
  });

  it('the fratricide limit caps the warheads that count', () => {
    expect(killProbability(0.5, 5, 2)).toBeCloseTo(0.75, 12);
    expect(
      sspkCalculator({ yieldKt: 100, cepM: 200, hardnessPsi: 1000, warheads: 5, fratricideLimit: 2 })
        .warheadsCounted,
    ).toBe(2);
  });

  it('property: every output is finite and a probability (or a positive radius) for valid inputs', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 1e5, noNaN: true }),
        fc.double({ min: 0.1, max: 1e5, noNaN: true }),
        fc.double({ min: 10, max: 1e5, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.integer({ min: 1, max: 20 }),
        fc.double({ min: 0, max: 1e4, noNaN: true }),
        fc.constantFrom('cookie-cutter', 'brown') as fc.Arbitrary<'cookie-cutter' | 'brown'>,
        (yieldKt, cepM, hardnessPsi, reliability, warheads, biasM, formula) => {
          const r = sspkCalculator({ yieldKt, cepM, hardnessPsi, reliability, warheads, biasM, formula });
          expect(Number.isFinite(r.lethalRadiusM) && r.lethalRadiusM > 0).toBe(true);
          for (const p of [r.sspk, r.terminalKillProbability, r.killProbability]) {
            expect(p).toBeGreaterThanOrEqual(0);
            expect(p).toBeLessThanOrEqual(1);
          }
          expect(r.terminalKillProbability).toBeLessThanOrEqual(r.sspk);
          expect(r.killProbability).toBeGreaterThanOrEqual(r.terminalKillProbability - 1e-15);
        },
      ),
      { numRuns: 300 },
    );
  });
});
