import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DefenseSystem, DeliverySystem } from '../../world/forces.js';
import { type World, WorldSchema } from '../../world/schema.js';
import { allDyads, dyad } from './dyad.js';
import { exchange } from './exchange.js';
import { parseParameterPath, type ParameterPath, sweep } from './params.js';

const silo = (over: Partial<DeliverySystem> = {}): DeliverySystem => ({
  name: 'ICBM',
  basing: 'silo',
  launchers: 100,
  warheadsPerLauncher: 1,
  yieldKt: 300,
  cepM: 150,
  reliability: 0.8,
  alertDayToDay: 0,
  alertGenerated: 0,
  hardnessPsi: 2000,
  launchersPerAimPoint: 1,
  decoysPerWarhead: 0,
  ...over,
});

const defense = (over: Partial<DefenseSystem> = {}): DefenseSystem => ({
  name: 'BMD',
  interceptors: 50,
  pk: 0.6,
  salvo: 2,
  shootLookShoot: false,
  discrimination: 1,
  trackProbability: 1,
  protects: ['value'],
  coverage: [{ attacker: '*' }],
  ...over,
});

function world(
  a: Record<string, DeliverySystem>,
  b: Record<string, DeliverySystem>,
  defA = {},
  defB = {},
): World {
  return WorldSchema.parse({
    year: 2016,
    actors: {
      AAA: { name: 'A', forces: { systems: a }, defenses: defA },
      BBB: { name: 'B', forces: { systems: b }, defenses: defB },
    },
  });
}

describe('exchange', () => {
  it('a first strike on silos only: survivors equal warheads minus the greedy expected kills', () => {
    const w = world({ m: silo({ launchers: 300, cepM: 100 }) }, { m: silo() });
    const r = exchange(w, 'AAA', 'BBB', { counterforceShare: 1 });
    expect(r.counterforceWarheads).toBeCloseTo(200, 9);
    // Two warheads per silo, TKP = SSPK × 0.8 each.
    const lr = ((2.62 * Math.cbrt(0.3)) / Math.cbrt(2000)) * 1852;
    const tkp = (1 - 0.5 ** ((lr / 100) ** 2)) * 0.8;
    expect(r.survivingWarheads).toBeCloseTo(100 * (1 - tkp) ** 2, 6);
    expect(r.retaliatoryWarheadsArriving).toBeCloseTo(r.survivingWarheads * 0.8, 9);
    expect(r.retaliatoryWarheadsDelivered).toBeCloseTo(r.retaliatoryWarheadsArriving, 9);
  });

  it('escaped forces cannot be struck: SLBMs at sea survive whole', () => {
    const w = world(
      { m: silo({ launchers: 500, cepM: 50 }) },
      {
        s: silo({
          basing: 'slbm',
          launchers: 16,
          warheadsPerLauncher: 4,
          alertGenerated: 0.5,
          launchersPerAimPoint: 16,
        }),
      },
    );
    const r = exchange(w, 'AAA', 'BBB', { counterforceShare: 1 });
    expect(r.survivingWarheads).toBeGreaterThanOrEqual(32 - 1e-9);
    expect(r.survivingWarheads).toBeLessThan(64);
  });

  it("the attacker's defense thins the retaliation; switching it off restores it", () => {
    const w = world({ m: silo() }, { m: silo({ launchers: 50 }) }, { gmd: defense() });
    const on = exchange(w, 'AAA', 'BBB');
    const off = exchange(w, 'AAA', 'BBB', { disableDefenses: ['AAA'] });
    expect(on.retaliatoryWarheadsDelivered).toBeLessThan(off.retaliatoryWarheadsDelivered);
    expect(off.retaliatoryWarheadsDelivered).toBeCloseTo(off.retaliatoryWarheadsArriving, 9);
  });

  it('coverage is a parameter: a defense that covers no attacker changes nothing', () => {
    const base = world({ m: silo() }, { m: silo() });
    const blind = world({ m: silo() }, { m: silo() }, { d: defense({ coverage: [{ attacker: 'XXX' }] }) });
    // Everything but the (idle) defense's own line in the interceptor list is the same.
    const strip = (d: ReturnType<typeof dyad>) => ({
      ...d,
      aFirst: { ...d.aFirst, interceptors: [] },
      bFirst: { ...d.bFirst, interceptors: [] },
    });
    const b = dyad(blind, 'AAA', 'BBB');
    expect(strip(b)).toEqual(strip(dyad(base, 'AAA', 'BBB')));
    expect(b.aFirst.interceptors.every((u) => u.expectedUsed === 0)).toBe(true);
  });

  it('at a fixed attack size, delivered retaliation never rises with the attacker’s interceptors', () => {
    const w = world({ m: silo() }, { m: silo({ launchers: 80 }) }, { gmd: defense({ interceptors: 0 }) });
    const p = parseParameterPath(w, 'defenses.AAA.gmd.interceptors') as ParameterPath;
    const values = Array.from({ length: 21 }, (_, i) => i * 10);
    const s = sweep(w, ['AAA', 'BBB'], p, 'x', values, { counterforceShare: 0.5 });
    for (let i = 1; i < s.points.length; i++) {
      const prev = (s.points[i - 1] as (typeof s.points)[number]).measures[
        'aFirst.retaliatoryWarheadsDelivered'
      ];
      const cur = (s.points[i] as (typeof s.points)[number]).measures['aFirst.retaliatoryWarheadsDelivered'];
      expect(cur).toBeLessThanOrEqual(prev + 1e-9);
    }
    expect(s.points.at(-1)?.measures['aFirst.retaliatoryWarheadsDelivered']).toBeLessThan(
      s.points[0]?.measures['aFirst.retaliatoryWarheadsDelivered'] as number,
    );
  });

  it('allDyads skips pairs that cannot reach each other unless asked for all', () => {
    const w = world({ m: silo({ reaches: ['ZZZ'] }) }, { m: silo() });
    expect(allDyads(w)).toHaveLength(0);
    expect(allDyads(w, { dyads: 'all' })).toHaveLength(1);
  });

  const systemArb = fc.record({
    name: fc.constant('s'),
    basing: fc.constantFrom('silo', 'road-mobile', 'rail-mobile', 'slbm', 'bomber') as fc.Arbitrary<
      DeliverySystem['basing']
    >,
    launchers: fc.integer({ min: 0, max: 400 }),
    warheadsPerLauncher: fc.double({ min: 0, max: 10, noNaN: true }),
    yieldKt: fc.double({ min: 1, max: 5000, noNaN: true }),
    cepM: fc.double({ min: 10, max: 3000, noNaN: true }),
    reliability: fc.double({ min: 0, max: 1, noNaN: true }),
    alertDayToDay: fc.double({ min: 0, max: 1, noNaN: true }),
    alertGenerated: fc.double({ min: 0, max: 1, noNaN: true }),
    hardnessPsi: fc.double({ min: 5, max: 10000, noNaN: true }),
    launchersPerAimPoint: fc.double({ min: 1, max: 24, noNaN: true }),
    decoysPerWarhead: fc.double({ min: 0, max: 4, noNaN: true }),
  });
  const defenseArb = fc.record({
    name: fc.constant('d'),
    interceptors: fc.integer({ min: 0, max: 300 }),
    pk: fc.double({ min: 0, max: 1, noNaN: true }),
    salvo: fc.integer({ min: 1, max: 4 }),
    shootLookShoot: fc.boolean(),
    discrimination: fc.double({ min: 0, max: 1, noNaN: true }),
    trackProbability: fc.double({ min: 0, max: 1, noNaN: true }),
    protects: fc.constantFrom(['value'], ['forces'], ['value', 'forces']) as fc.Arbitrary<
      DefenseSystem['protects']
    >,
    coverage: fc.constant([{ attacker: '*' }]),
  });

  it('property: every output is finite and within its bounds for random valid forces and defenses', () => {
    fc.assert(
      fc.property(
        fc.array(systemArb, { minLength: 1, maxLength: 3 }),
        fc.array(systemArb, { minLength: 1, maxLength: 3 }),
        fc.array(defenseArb, { maxLength: 2 }),
        fc.array(defenseArb, { maxLength: 2 }),
        fc.constantFrom('generated', 'day-to-day') as fc.Arbitrary<'generated' | 'day-to-day'>,
        fc.constantFrom('cookie-cutter', 'brown') as fc.Arbitrary<'cookie-cutter' | 'brown'>,
        (sa, sb, da, db, posture, formula) => {
          const w = world(
            Object.fromEntries(sa.map((s, i) => [`a${i}`, s])),
            Object.fromEntries(sb.map((s, i) => [`b${i}`, s])),
            Object.fromEntries(da.map((d, i) => [`d${i}`, d])),
            Object.fromEntries(db.map((d, i) => [`e${i}`, d])),
          );
          const d = dyad(w, 'AAA', 'BBB', { posture, formula, searchPoints: 5 });
          expect(d.firstStrikeStability).toBeGreaterThanOrEqual(0);
          expect(d.firstStrikeStability).toBeLessThanOrEqual(1);
          for (const e of [d.aFirst, d.bFirst]) {
            for (const v of Object.values(e))
              if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
            expect(e.survivingWarheads).toBeGreaterThanOrEqual(-1e-9);
            expect(e.survivingWarheads).toBeLessThanOrEqual(e.defenderWarheads + 1e-9);
            expect(e.retaliatoryWarheadsDelivered).toBeLessThanOrEqual(e.retaliatoryWarheadsArriving + 1e-6);
            for (const x of [
              e.damageToAttacker,
              e.damageToDefender,
              e.counterforceRatio,
              e.damageLimitation,
            ]) {
              expect(x).toBeGreaterThanOrEqual(0);
              expect(x).toBeLessThanOrEqual(1);
            }
            expect(e.retaliation.pmf.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 8);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('property: more interceptors never raise the delivered retaliation of a given first strike', () => {
    fc.assert(
      fc.property(
        fc.array(systemArb, { minLength: 1, maxLength: 3 }),
        fc.array(systemArb, { minLength: 1, maxLength: 3 }),
        defenseArb,
        fc.integer({ min: 0, max: 300 }),
        fc.integer({ min: 1, max: 300 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (sa, sb, d, interceptors, more, share) => {
          const make = (n: number) =>
            world(
              Object.fromEntries(sa.map((s, i) => [`a${i}`, s])),
              Object.fromEntries(sb.map((s, i) => [`b${i}`, s])),
              { d: { ...d, interceptors: n, protects: ['value'] } },
            );
          const o = { counterforceShare: share };
          const fewer = exchange(make(interceptors), 'AAA', 'BBB', o).retaliatoryWarheadsDelivered;
          const most = exchange(make(interceptors + more), 'AAA', 'BBB', o).retaliatoryWarheadsDelivered;
          expect(most).toBeLessThanOrEqual(fewer + 1e-9);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('reports the interceptors a shoot–look–shoot defense fires and keeps (8 warheads × 1.44 = 11.52 of 100)', () => {
    const w = world(
      { m: silo() },
      { m: silo({ launchers: 10 }) },
      { d: defense({ interceptors: 100, pk: 0.56, salvo: 1, shootLookShoot: true }) },
    );
    const e = exchange(w, 'AAA', 'BBB', { counterforceShare: 0 });
    const u = e.interceptors.find((x) => x.defense === 'd' && x.against === 'retaliation');
    // 10 warheads × reliability 0.8 arrive; each engaged warhead costs 1 + (1 − 0.56) = 1.44 interceptors.
    expect(u?.perEngagedWarhead).toBeCloseTo(1.44, 12);
    expect(u?.expectedUsed).toBeCloseTo(8 * 1.44, 9);
    expect(u?.left).toBeCloseTo(100 - 8 * 1.44, 9);
  });
});
