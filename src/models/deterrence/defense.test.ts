import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rng } from '../../core/rng.js';
import {
  type AttackGroup,
  binomialPmf,
  type DefenseLayer,
  interceptorsPerEngagement,
  layerKillProbability,
  leakDistribution,
  leakGeneratingFunction,
  mean,
  quantile,
} from './defense.js';

const layer = (over: Partial<DefenseLayer> = {}): DefenseLayer => ({
  interceptors: 20,
  pk: 0.6,
  salvo: 2,
  shootLookShoot: false,
  discrimination: 1,
  trackProbability: 1,
  ...over,
});

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Simulated leak: the defense fires `salvo` (twice with SLS) at warheads in arrival order while interceptors last. */
function simulate(x: number, l: DefenseLayer, runs: number, seed: number): number[] {
  const rng = Rng.fromSeed(seed);
  const counts = new Array<number>(x + 1).fill(0);
  for (let r = 0; r < runs; r++) {
    let leaked = 0;
    const works = rng.next() < l.trackProbability;
    let left = l.interceptors;
    for (let w = 0; w < x; w++) {
      if (!works || left < l.salvo) {
        leaked++;
        continue;
      }
      let killed = false;
      for (let s = 0; s < l.salvo; s++) if (rng.next() < l.pk) killed = true;
      left -= l.salvo;
      if (!killed && l.shootLookShoot && left >= l.salvo) {
        for (let s = 0; s < l.salvo; s++) if (rng.next() < l.pk) killed = true;
        left -= l.salvo;
      }
      if (!killed) leaked++;
    }
    counts[leaked] = (counts[leaked] as number) + 1;
  }
  return counts.map((c) => c / runs);
}

describe('leak distribution through a defense', () => {
  it('binomial pmf sums to 1 and is exact for a small case', () => {
    const b = binomialPmf(4, 0.3);
    expect(sum(b)).toBeCloseTo(1, 14);
    expect(b[2]).toBeCloseTo(6 * 0.09 * 0.49, 14);
    expect(sum(binomialPmf(3000, 0.45))).toBeCloseTo(1, 12);
  });

  it('matches a simulation of salvo fire with a finite pool (15 warheads, 20 interceptors, salvo 2, τ = 0.9)', () => {
    const l = layer({ trackProbability: 0.9 });
    const exact = leakDistribution([{ warheads: 15, decoysPerWarhead: 0, coveredBy: [0] }], [l]).distribution;
    const sim = simulate(15, l, 40_000, 7);
    for (let k = 0; k <= 15; k++) {
      const p =
        k >= exact.offset && k < exact.offset + exact.pmf.length
          ? (exact.pmf[k - exact.offset] as number)
          : 0;
      expect(Math.abs(p - (sim[k] as number))).toBeLessThan(0.01);
    }
    // 10 engaged: 5 leak for sure; each engaged leaks with 0.4² = 0.16; the layer fails with 0.1.
    expect(mean(exact)).toBeCloseTo(0.9 * (5 + 10 * 0.16) + 0.1 * 15, 10);
  });

  it('shoot-look-shoot is exact when interceptors suffice: leak probability (1 − p)^(2s)', () => {
    const l = layer({ interceptors: 1000, salvo: 1, shootLookShoot: true, pk: 0.56 });
    const d = leakDistribution([{ warheads: 10, decoysPerWarhead: 0, coveredBy: [0] }], [l]).distribution;
    expect(mean(d)).toBeCloseTo(10 * 0.44 ** 2, 12);
  });

  it('undiscriminated decoys dilute the interceptors: capacity I / (s(1 + (1 − δ)D))', () => {
    const l = layer({ interceptors: 40, salvo: 2, discrimination: 0.5 });
    const d = leakDistribution([{ warheads: 30, decoysPerWarhead: 2, coveredBy: [0] }], [l]).distribution;
    // 40 / (2 · (1 + 0.5 · 2)) = 10 warheads engaged, each leaking with 0.16.
    expect(mean(d)).toBeCloseTo(20 + 10 * 0.16, 10);
  });

  it('returns the full distribution: quantiles bracket the mean and mass sums to 1', () => {
    const d = leakDistribution(
      [
        { warheads: 40.5, decoysPerWarhead: 0, coveredBy: [0, 1] },
        { warheads: 12, decoysPerWarhead: 0, coveredBy: [] },
      ],
      [layer(), layer({ interceptors: 8, pk: 0.5, salvo: 1 })],
    ).distribution;
    expect(sum(d.pmf)).toBeCloseTo(1, 12);
    expect(quantile(d, 0.05)).toBeLessThanOrEqual(mean(d));
    expect(quantile(d, 0.95)).toBeGreaterThanOrEqual(mean(d));
    expect(d.pmf.length).toBeGreaterThan(5);
  });

  const layerArb = fc.record({
    interceptors: fc.integer({ min: 0, max: 200 }),
    pk: fc.double({ min: 0, max: 1, noNaN: true }),
    salvo: fc.integer({ min: 1, max: 4 }),
    shootLookShoot: fc.boolean(),
    discrimination: fc.double({ min: 0, max: 1, noNaN: true }),
    trackProbability: fc.double({ min: 0, max: 1, noNaN: true }),
  });
  const groupsArb = (layers: number) =>
    fc.array(
      fc.record({
        warheads: fc.double({ min: 0, max: 300, noNaN: true }),
        decoysPerWarhead: fc.double({ min: 0, max: 5, noNaN: true }),
        coveredBy: fc.subarray(Array.from({ length: layers }, (_, i) => i)),
      }),
      { minLength: 1, maxLength: 4 },
    );

  it('property: a probability distribution on [0, warheads], and its generating function agrees', () => {
    fc.assert(
      fc.property(
        fc
          .array(layerArb, { minLength: 0, maxLength: 3 })
          .chain((ls) => fc.tuple(fc.constant(ls), groupsArb(ls.length))),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        ([layers, groups], z) => {
          const d = leakDistribution(groups as AttackGroup[], layers).distribution;
          const total = sum(groups.map((g) => g.warheads));
          expect(sum(d.pmf)).toBeCloseTo(1, 9);
          for (const p of d.pmf) expect(p).toBeGreaterThanOrEqual(-1e-15);
          expect(d.offset).toBeGreaterThanOrEqual(0);
          expect(d.offset + d.pmf.length - 1).toBeLessThanOrEqual(Math.ceil(total) + groups.length);
          expect(mean(d)).toBeLessThanOrEqual(total + 1e-9);
          let pgf = 0;
          d.pmf.forEach((p, i) => {
            pgf += p * z ** (d.offset + i);
          });
          expect(leakGeneratingFunction(groups as AttackGroup[], layers, z)).toBeCloseTo(pgf, 9);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('property: more interceptors never let more warheads through (mean)', () => {
    fc.assert(
      fc.property(
        layerArb,
        fc.integer({ min: 1, max: 100 }),
        fc.integer({ min: 0, max: 200 }),
        (l, extra, x) => {
          const g: AttackGroup[] = [{ warheads: x, decoysPerWarhead: 0, coveredBy: [0] }];
          const before = mean(leakDistribution(g, [l]).distribution);
          const after = mean(
            leakDistribution(g, [{ ...l, interceptors: l.interceptors + extra }]).distribution,
          );
          expect(after).toBeLessThanOrEqual(before + 1e-9);
        },
      ),
      { numRuns: 150 },
    );
  });
});

describe('interceptors used in a shoot–look–shoot engagement', () => {
  it('p = 0.56, one shot, look, one more at survivors: P = 0.8064 and E = 1.44 per warhead (checked by hand)', () => {
    // By hand: P = 1 − (1 − 0.56)² = 1 − 0.1936 = 0.8064; E = 1 + (1 − 0.56)·1 = 1.44 interceptors per warhead.
    expect(layerKillProbability(0.56, 1, true)).toBeCloseTo(0.8064, 12);
    expect(interceptorsPerEngagement(0.56, 1, true)).toBeCloseTo(1.44, 12);
    // Ten warheads against 100 interceptors: all engaged, 14.4 interceptors expected, not the salvo size 10 or 20.
    const layer = {
      interceptors: 100,
      pk: 0.56,
      salvo: 1,
      shootLookShoot: true,
      discrimination: 1,
      trackProbability: 1,
    };
    const r = leakDistribution([{ warheads: 10, decoysPerWarhead: 0, coveredBy: [0] }], [layer]);
    expect(r.interceptorsUsed[0]).toBeCloseTo(14.4, 12);
    expect(mean(r.distribution)).toBeCloseTo(10 * 0.1936, 12);
  });
});
