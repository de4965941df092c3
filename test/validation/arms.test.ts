/**
 * Published and derived Richardson cases from /work/shared/fixtures/deterrence.json
 * (ids `richardson-*`, extracted with every field and value unchanged to fixtures/arms-richardson.json).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  fitRichardsonAdditive,
  type RichardsonSystem,
  richardsonEquilibrium,
  richardsonStability,
  richardsonStep,
} from '../../src/models/arms/index.js';

interface Case {
  readonly id: string;
  readonly input: Record<string, number | number[]>;
  readonly expected: Record<string, number | number[] | boolean>;
  readonly tolerance: number;
}

const cases = JSON.parse(
  readFileSync(new URL('./fixtures/arms-richardson.json', import.meta.url), 'utf8'),
) as Case[];
const byId = (id: string): Case => {
  const c = cases.find((x) => x.id === id);
  if (!c) throw new Error(`fixture ${id} missing`);
  return c;
};
const num = (c: Case, key: string): number => c.input[key] as number;

/** dx/dt = k y − a x + g, dy/dt = l x − b y + h. */
function twoActor(c: Case): RichardsonSystem {
  return {
    actors: ['X', 'Y'],
    reaction: [
      [0, num(c, 'k')],
      [num(c, 'l'), 0],
    ],
    fatigue: [num(c, 'a'), num(c, 'b')],
    grievance: [num(c, 'g'), num(c, 'h')],
  };
}

describe('Richardson fixtures (deterrence.json)', () => {
  it('has all five richardson-* cases', () => {
    expect(cases.map((c) => c.id).sort()).toEqual([
      'richardson-2x2-stable',
      'richardson-2x2-unstable',
      'richardson-additive-fit-cow-nmc-1909-1913',
      'richardson-additive-form',
      'richardson-discrete',
    ]);
  });

  for (const id of ['richardson-2x2-stable', 'richardson-2x2-unstable']) {
    it(`${id}: eigenvalues, stability and the a·b > k·l condition`, () => {
      const c = byId(id);
      const sys = twoActor(c);
      const st = richardsonStability(sys);
      const expected = (c.expected.eigenvalues as number[]).slice().sort((p, q) => q - p);
      expect(st.eigenvalues).toHaveLength(2);
      for (const [i, e] of expected.entries()) {
        expect(Math.abs(st.eigenvalues[i]!.re - e)).toBeLessThanOrEqual(c.tolerance);
        expect(st.eigenvalues[i]!.im).toBe(0);
      }
      expect(st.stable).toBe(c.expected.stable);
      expect(num(c, 'a') * num(c, 'b') > num(c, 'k') * num(c, 'l')).toBe(c.expected.stable);
      if (c.expected.equilibrium !== undefined) {
        const eq = richardsonEquilibrium(sys);
        for (const [i, e] of (c.expected.equilibrium as number[]).entries()) {
          expect(Math.abs(eq.equilibrium![i]! - e)).toBeLessThanOrEqual(c.tolerance);
        }
      }
    });
  }

  it('richardson-additive-form: s* = −(g+h)/(k−a) equals the sum of the symmetric two-actor equilibrium', () => {
    const c = byId('richardson-additive-form');
    const [k, a, g, h] = [num(c, 'k'), num(c, 'a'), num(c, 'g'), num(c, 'h')];
    const eq = richardsonEquilibrium({
      actors: ['X', 'Y'],
      reaction: [
        [0, k],
        [k, 0],
      ],
      fatigue: [a, a],
      grievance: [g, h],
    });
    const sum = eq.equilibrium![0]! + eq.equilibrium![1]!;
    expect(Math.abs(sum - (c.expected.s_equilibrium as number))).toBeLessThanOrEqual(c.tolerance);
  });

  it('richardson-discrete: one USMA step X1 = X0 + d1·Y0 − a1·X0 + g', () => {
    const c = byId('richardson-discrete');
    const sys: RichardsonSystem = {
      actors: ['X', 'Y'],
      reaction: [
        [0, num(c, 'd1')],
        [0, 0],
      ],
      fatigue: [num(c, 'a1'), 0],
      grievance: [num(c, 'g'), 0],
    };
    const [x1] = richardsonStep(sys, [num(c, 'X0'), num(c, 'Y0')], 1);
    expect(Math.abs(x1! - (c.expected.X1 as number))).toBeLessThanOrEqual(c.tolerance);
  });

  it('richardson-additive-fit-cow-nmc-1909-1913: midpoint regression of ΔS on S (COW NMC substitute data)', () => {
    const c = byId('richardson-additive-fit-cow-nmc-1909-1913');
    const u = c.input.U_FRN_RUS as number[];
    const v = c.input.V_GMY_AUH as number[];
    const s = u.map((x, i) => x + v[i]!);
    expect(s).toEqual(c.input.S);
    const fit = fitRichardsonAdditive(s, { regressor: 'midpoint' });
    const rel = (ours: number, expected: number) => Math.abs(ours - expected) / Math.abs(expected);
    expect(rel(fit.slope.estimate, c.expected.slope_k_minus_a_per_year as number)).toBeLessThan(c.tolerance);
    expect(rel(fit.intercept.estimate, c.expected.intercept_g_plus_h as number)).toBeLessThan(c.tolerance);
    expect(rel(fit.equilibrium!, c.expected.S_equilibrium as number)).toBeLessThan(c.tolerance);
    expect(fit.observations).toBe(4);
  });
});

describe('Richardson two-nation closed forms', () => {
  it('x* = ((b·g + k·h), (l·g + a·h)) / (a·b − k·l) for an asymmetric system', () => {
    const [k, l, a, b, g, h] = [0.3, 0.7, 0.9, 0.4, 2, -0.5];
    const eq = richardsonEquilibrium({
      actors: ['X', 'Y'],
      reaction: [
        [0, k],
        [l, 0],
      ],
      fatigue: [a, b],
      grievance: [g, h],
    });
    const det = a * b - k * l;
    expect(eq.equilibrium![0]!).toBeCloseTo((b * g + k * h) / det, 12);
    expect(eq.equilibrium![1]!).toBeCloseTo((l * g + a * h) / det, 12);
  });

  it('k·l = a·b is singular: no unique equilibrium, a zero eigenvalue, not stable', () => {
    const sys: RichardsonSystem = {
      actors: ['X', 'Y'],
      reaction: [
        [0, 2],
        [0.5, 0],
      ],
      fatigue: [1, 1],
      grievance: [1, 1],
    };
    const eq = richardsonEquilibrium(sys);
    expect(eq.singular).toBe(true);
    expect(eq.equilibrium).toBeNull();
    const st = richardsonStability(sys);
    expect(st.maxRealPart).toBeCloseTo(0, 12);
    expect(st.stable).toBe(false);
  });
});
