/**
 * The unit values of the economy notes (../shared/models/economy.md §3):
 * inequality indices and the ACR arithmetic, and the gains of the notes'
 * example against the one-sector values Arkolakis, Costinot &
 * Rodríguez-Clare (2012) report for the United States.
 */
import { describe, expect, it } from 'vitest';
import { atkinson, gainsFromTrade, gini, theil } from '../../src/models/economy/index.js';

describe('inequality unit checks', () => {
  it('Gini(0, 0, 0, 1) = 0.75 with equal weights', () => {
    expect(gini([0, 0, 0, 1])).toBeCloseTo(0.75, 12);
  });

  it('Theil(1, 1, 1, 1) = 0', () => {
    expect(theil([1, 1, 1, 1])).toBe(0);
  });

  it('Atkinson₁(1, 2, 3, 4) = 1 − 24^{1/4}/2.5 ≈ 0.1146', () => {
    const a = atkinson([1, 2, 3, 4], 1);
    expect(a).toBeCloseTo(1 - 24 ** 0.25 / 2.5, 14);
    expect(Math.abs(a - 0.1146)).toBeLessThan(1e-4);
  });
});

describe('ACR arithmetic', () => {
  it('λ = 0.93, θ = 5 → G = 1.441 %; θ = 10 → 0.723 %', () => {
    expect(Number((100 * gainsFromTrade(0.93, 5)).toFixed(3))).toBe(1.441);
    expect(Number((100 * gainsFromTrade(0.93, 10)).toFixed(3))).toBe(0.723);
  });

  it('the gain-over-autarky form of the same example is 1.462 % at θ = 5', () => {
    expect(Number((100 * gainsFromTrade(0.93, 5, 'gain-over-autarky')).toFixed(3))).toBe(1.462);
  });
});
