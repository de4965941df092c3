/**
 * Every case of /work/shared/fixtures/deterrence.json (copied verbatim to
 * fixtures/deterrence.json) reproduced by models/deterrence. The `richardson-*`
 * cases belong to models/arms and are reproduced in arms.test.ts; this file
 * checks that each of them is there.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  arrivalProbability,
  brownHardnessFactor,
  brownKillProbability,
  combineKillProbabilities,
  effectiveCepM,
  equivalentMegatonnage,
  firstStrikeStability,
  interceptorsNeeded,
  kentThalerCost,
  layerKillProbability,
  lethalityK,
  lethalityKillProbability,
  lethalRadiusM,
  METRES_PER_NMI,
  sspk,
  sspkCalculator,
  tenPsiAreaSqMi,
  warheadCapacity,
} from '../../src/models/deterrence/index.js';

interface Case {
  readonly id: string;
  readonly input: Record<string, number | number[]>;
  readonly expected: Record<string, number>;
  readonly tolerance: number;
}

const cases = JSON.parse(
  readFileSync(new URL('./fixtures/deterrence.json', import.meta.url), 'utf8'),
) as Case[];
const n = (c: Case, key: string): number => c.input[key] as number;

/**
 * Half a unit in the last printed decimal of a large fixture value
 * (250.498 → 0.0005), used only where that is a relative error below 1e-5, so
 * exact small values such as 0.5 or 0.9375 keep the fixture's own tolerance.
 */
function printedRounding(value: number): number {
  const decimals = String(value).split('.')[1]?.length ?? 0;
  const half = 0.5 * 10 ** -decimals;
  return half / Math.abs(value) <= 1e-5 ? half : 0;
}

/** Our value for each expected key of each case. */
const ours: Record<string, (c: Case) => Record<string, number>> = {
  'k-lethality-unit': (c) => ({ K: lethalityK(n(c, 'yield_mt'), n(c, 'cep_nmi')) }),
  'k-lethality-yield-x8': (c) => ({ K: lethalityK(n(c, 'yield_mt'), n(c, 'cep_nmi')) }),
  'k-lethality-cep-div8': (c) => ({ K: lethalityK(n(c, 'yield_mt'), n(c, 'cep_nmi')) }),
  'emt-poseidon': (c) => ({ EMT: equivalentMegatonnage(n(c, 'yield_mt'), n(c, 'warheads')) }),
  'emt-area-5mt': (c) => ({ area_sq_mi: tenPsiAreaSqMi(n(c, 'yield_mt')) }),
  'emt-area-4x1mt': (c) => ({ area_sq_mi: tenPsiAreaSqMi(n(c, 'yield_mt'), n(c, 'warheads')) }),
  'emt-ratio-1mt-vs-20kt': (c) => ({
    ratio: equivalentMegatonnage(n(c, 'y1_mt')) / equivalentMegatonnage(n(c, 'y2_mt')),
  }),
  'pk-combine-two-warheads': (c) => ({ pk: combineKillProbabilities([n(c, 'p1'), n(c, 'p2')]) }),
  'brown-pk-k1000-5000psi': (c) => {
    const pk = brownKillProbability(n(c, 'K'), n(c, 'hardness_psi'));
    return { pk, pk_min: Math.min(pk, c.expected.pk_min as number) };
  },
  'brown-f-1000psi': (c) => ({
    f: brownHardnessFactor(n(c, 'hardness_psi')),
    lr_nmi_per_mt_cuberoot: lethalRadiusM(1000, n(c, 'hardness_psi'), 'brown') / METRES_PER_NMI,
  }),
  'two-warheads-equal-2K': (c) => {
    const one = lethalityKillProbability(n(c, 'f'), n(c, 'K'));
    return {
      pk_two_of_K: combineKillProbabilities([one, one]),
      pk_one_of_2K: lethalityKillProbability(n(c, 'f'), 2 * n(c, 'K')),
    };
  },
  'sspk-lr-equals-cep': (c) => ({ sskp: sspk(n(c, 'lr_m'), n(c, 'cep_m')) }),
  'sspk-lr-2cep': (c) => ({ sskp: sspk(n(c, 'lr_m'), n(c, 'cep_m')) }),
  'sspk-exp-form-equivalence': (c) => ({ value: sspk(n(c, 'x'), 1) }),
  'lr-262-1mt-1000psi': (c) => {
    const m = lethalRadiusM(1000 * n(c, 'yield_mt'), n(c, 'hardness_psi'), 'cookie-cutter');
    return { lr_nmi: m / METRES_PER_NMI, lr_m: m };
  },
  'sspk-w88-2000psi-chain': (c) => {
    const r = sspkCalculator({
      yieldKt: 1000 * n(c, 'yield_mt'),
      cepM: n(c, 'cep_m'),
      hardnessPsi: n(c, 'hardness_psi'),
      reliability: n(c, 'reliability'),
      warheads: n(c, 'warheads'),
    });
    return { lr_m: r.lethalRadiusM, sskp: r.sspk, tkp: r.terminalKillProbability, tkp_2: r.killProbability };
  },
  'brown-w88-2000psi': (c) => {
    const K = lethalityK(n(c, 'yield_mt'), n(c, 'cep_m') / METRES_PER_NMI);
    const r = sspkCalculator({
      yieldKt: 1000 * n(c, 'yield_mt'),
      cepM: n(c, 'cep_m'),
      hardnessPsi: n(c, 'hardness_psi'),
      formula: 'brown',
    });
    expect(r.sspk).toBeCloseTo(brownKillProbability(K, n(c, 'hardness_psi')), 12);
    return { K, pk: r.sspk };
  },
  'cep-bias-effective': (c) => ({ cep_eff_m: effectiveCepM(n(c, 'cep_m'), n(c, 'bias_m')) }),
  'kt-cost-0': (c) => ({ cost: kentThalerCost(n(c, 'd_own'), n(c, 'd_enemy')) }),
  'kt-cost-1': (c) => ({ cost: kentThalerCost(n(c, 'd_own'), n(c, 'd_enemy')) }),
  'kt-cost-2': (c) => ({ cost: kentThalerCost(n(c, 'd_own'), n(c, 'd_enemy')) }),
  'kt-index-product': (c) => {
    const r = firstStrikeStability({
      c1A: n(c, 'c1_a'),
      c2A: n(c, 'c2_a'),
      c1B: n(c, 'c1_b'),
      c2B: n(c, 'c2_b'),
    });
    return { ratio_a: r.ratioA, ratio_b: r.ratioB, index: r.index };
  },
  'kt-index-symmetric': (c) => {
    const ab = firstStrikeStability({ c1A: n(c, 'ratio_a'), c2A: 1, c1B: n(c, 'ratio_b'), c2B: 1 });
    const ba = firstStrikeStability({ c1A: n(c, 'ratio_b'), c2A: 1, c1B: n(c, 'ratio_a'), c2B: 1 });
    expect(ab.index).toBe(ba.index);
    return { index: ab.index };
  },
  'bmd-salvo-two': (c) => ({ p_kill: layerKillProbability(n(c, 'p'), n(c, 'n')) }),
  'bmd-layers-leakage': (c) => ({ p_arrive: arrivalProbability(n(c, 'tkp'), c.input.layers as number[]) }),
  'bmd-layer-tracking': (c) => ({
    p_layer: layerKillProbability(n(c, 'p'), n(c, 'n'), false, n(c, 'p_track')),
  }),
  'bmd-gbi-4-per-rv': (c) => {
    const layer = {
      interceptors: n(c, 'interceptors'),
      pk: n(c, 'p'),
      salvo: n(c, 'n'),
      shootLookShoot: false,
      discrimination: 1,
      trackProbability: 1,
    };
    return {
      p_kill: layerKillProbability(n(c, 'p'), n(c, 'n')),
      rvs_covered: Math.floor(warheadCapacity(layer, 0)),
    };
  },
  'bmd-decoys-no-discrimination': (c) => ({
    interceptors: interceptorsNeeded(n(c, 'n_per_object'), n(c, 'warheads'), n(c, 'decoys_per_warhead')),
  }),
};

describe('deterrence fixtures (Richelson 1980, SSPK chain, Kent & Thaler, missile-defense arithmetic)', () => {
  const own = cases.filter((c) => !c.id.startsWith('richardson-'));
  it('has a reproduction for every non-Richardson case and no stale ones', () => {
    expect(own.map((c) => c.id).sort()).toEqual(Object.keys(ours).sort());
  });
  for (const c of own) {
    it(`${c.id}: ${Object.entries(c.expected)
      .map(([k, v]) => `${k} = ${v}`)
      .join(', ')}`, () => {
      const got = (ours[c.id] as (c: Case) => Record<string, number>)(c);
      for (const [key, want] of Object.entries(c.expected)) {
        const value = got[key];
        expect(value, key).toBeDefined();
        // The fixture's tolerance, or the rounding of the printed value when that is coarser.
        const tolerance = Math.max(c.tolerance, printedRounding(want));
        expect(
          Math.abs((value as number) - want),
          `${key}: ours ${value}, expected ${want}`,
        ).toBeLessThanOrEqual(tolerance);
      }
    });
  }
  it('leaves the richardson-* cases to arms.test.ts, which carries every one of them', () => {
    const arms = JSON.parse(
      readFileSync(new URL('./fixtures/arms-richardson.json', import.meta.url), 'utf8'),
    ) as Case[];
    const theirs = new Set(arms.map((c) => c.id));
    const richardson = cases.filter((c) => c.id.startsWith('richardson-')).map((c) => c.id);
    expect(richardson.length).toBeGreaterThan(0);
    for (const id of richardson) expect(theirs.has(id), id).toBe(true);
  });
});
