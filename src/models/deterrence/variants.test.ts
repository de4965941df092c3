import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConcertError } from '../../core/errors.js';
import { loadDefaultWorld } from '../../world/default.js';
import { type World, WorldSchema } from '../../world/schema.js';
import { sspkCalculator } from './counterforce.js';
import { dyad } from './dyad.js';
import { exchange } from './exchange.js';
import { resolveOptions } from './options.js';
import { sweep } from './params.js';
import { DEFENSE_VARIANTS, dyadVariants } from './variants.js';

const silo = {
  name: 'ICBM',
  basing: 'silo',
  alertDayToDay: 0,
  alertGenerated: 0,
  launchers: 100,
  warheadsPerLauncher: 1,
  yieldKt: 300,
  cepM: 150,
  reliability: 0.8,
  hardnessPsi: 2000,
};
const gmd = {
  name: 'BMD',
  interceptors: 50,
  pk: 0.6,
  salvo: 2,
  protects: ['value', 'forces'],
  coverage: [{ attacker: '*' }],
};

/** Two armed actors, both defended (forces and value), and one unarmed actor. */
const world: World = WorldSchema.parse({
  year: 2016,
  actors: {
    AAA: { name: 'A', forces: { systems: { m: silo } }, defenses: { d: gmd } },
    BBB: {
      name: 'B',
      forces: { systems: { m: { ...silo, launchers: 60, cepM: 90 } } },
      defenses: { d: { ...gmd, interceptors: 30 } },
    },
    CCC: { name: 'C' },
  },
});

/** The problems of the bad-input error `f` throws. */
function problemsOf(f: () => unknown) {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(ConcertError);
    const c = e as ConcertError;
    expect(c.code).toBe('bad-input');
    return c.problems;
  }
  throw new Error('expected a bad-input error');
}

describe('dyadVariants', () => {
  it('each variant is the dyad recomputed with the named defenses switched off', () => {
    const v = dyadVariants(world, 'AAA', 'BBB');
    expect(v.dyad).toEqual(dyad(world, 'AAA', 'BBB'));
    const off = (ids: string[]) => dyad(world, 'AAA', 'BBB', { disableDefenses: ids });
    const [aFirst, bFirst] = v.orders;
    expect([aFirst.attacker, aFirst.defender, bFirst.attacker, bFirst.defender]).toEqual([
      'AAA',
      'BBB',
      'BBB',
      'AAA',
    ]);
    expect(aFirst.asGiven).toEqual(v.dyad.aFirst);
    expect(bFirst.asGiven).toEqual(v.dyad.bFirst);
    const expectVariant = (
      got: { exchange: unknown; firstStrikeStability: number },
      ids: string[],
      a: boolean,
    ) => {
      const d = off(ids);
      expect(got.exchange).toEqual(a ? d.aFirst : d.bFirst);
      expect(got.firstStrikeStability).toBe(d.firstStrikeStability);
    };
    expectVariant(aFirst.variants.withoutAttackerDefenses, ['AAA'], true);
    expectVariant(aFirst.variants.withoutDefenderDefenses, ['BBB'], true);
    expectVariant(aFirst.variants.withoutDefenses, ['AAA', 'BBB'], true);
    expectVariant(bFirst.variants.withoutAttackerDefenses, ['BBB'], false);
    expectVariant(bFirst.variants.withoutDefenderDefenses, ['AAA'], false);
    expectVariant(bFirst.variants.withoutDefenses, ['AAA', 'BBB'], false);
  });

  it('the defenses matter here: switching off the first striker’s raises the retaliation it receives', () => {
    const [aFirst] = dyadVariants(world, 'AAA', 'BBB').orders;
    expect(aFirst.variants.withoutAttackerDefenses.exchange.retaliatoryWarheadsDelivered).toBeGreaterThan(
      aFirst.asGiven.retaliatoryWarheadsDelivered,
    );
  });

  it('keeps defenses the options already switched off', () => {
    const v = dyadVariants(world, 'AAA', 'BBB', { disableDefenses: ['AAA'] });
    expect(v.dyad).toEqual(dyad(world, 'AAA', 'BBB', { disableDefenses: ['AAA'] }));
    expect(v.orders[0].variants.withoutAttackerDefenses.exchange).toEqual(v.orders[0].asGiven);
  });

  it('lists the four variants in report order with their labels', () => {
    expect(DEFENSE_VARIANTS.map((d) => d.key)).toEqual([
      'asGiven',
      'withoutAttackerDefenses',
      'withoutDefenderDefenses',
      'withoutDefenses',
    ]);
    expect(DEFENSE_VARIANTS[1].label).toBe('without the first striker’s defenses');
  });
});

describe('bad actor ids are bad input located at the parameter', () => {
  it('dyad names the unknown actor and lists the nuclear actors', () => {
    const problems = problemsOf(() => dyad(loadDefaultWorld(), 'USA', 'XXX'));
    expect(problems).toEqual([
      {
        path: ['b'],
        message:
          'unknown actor "XXX": expected one of the nuclear actors CHN, FRA, GBR, IND, ISR, PAK, PRK, RUS, USA',
      },
    ]);
  });

  it('reports both unknown ids at once, and a dyad of one actor', () => {
    expect(problemsOf(() => dyadVariants(world, 'XXX', 'YYY')).map((p) => p.path)).toEqual([['a'], ['b']]);
    expect(problemsOf(() => dyad(world, 'AAA', 'AAA'))).toEqual([
      { path: ['b'], message: 'expected an actor other than "AAA": a dyad needs two actors' },
    ]);
  });

  it('exchange locates its problems at attacker and defender', () => {
    expect(problemsOf(() => exchange(world, 'XXX', 'BBB')).map((p) => p.path)).toEqual([['attacker']]);
    expect(problemsOf(() => exchange(world, 'AAA', 'XXX')).map((p) => p.path)).toEqual([['defender']]);
  });

  it('an unarmed actor of the world is a valid (if empty) side', () => {
    expect(dyad(world, 'AAA', 'CCC').aFirst.defenderWarheads).toBe(0);
  });

  it('sweep checks its pair', () => {
    const problems = problemsOf(() =>
      sweep(world, ['AAA', 'XXX'], { kind: 'options', field: 'costExponent' }, 'x', [1]),
    );
    expect(problems.map((p) => p.path)).toEqual([['pair', 1]]);
  });

  it('property: any id outside the world is refused with its own path, never an internal error', () => {
    const ids = Object.keys(world.actors);
    const id = fc.string({ maxLength: 6 });
    fc.assert(
      fc.property(id, id, (a, b) => {
        const known = ids.includes(a) && ids.includes(b) && a !== b;
        if (known) {
          expect(dyad(world, a, b).a).toBe(a);
          return;
        }
        const problems = problemsOf(() => dyad(world, a, b));
        for (const p of problems) {
          expect(['a', 'b']).toContain(p.path?.[0]);
          expect(p.message).toMatch(/unknown actor|a dyad needs two actors/);
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('options and calculator inputs are checked at their field', () => {
  it('resolveOptions names each option out of its domain', () => {
    expect(
      problemsOf(() =>
        resolveOptions({ posture: 'alert' as 'generated', strikerSurvivableShare: 1.5, costExponent: 0 }),
      ).map((p) => p.path),
    ).toEqual([
      ['options', 'posture'],
      ['options', 'strikerSurvivableShare'],
      ['options', 'costExponent'],
    ]);
    expect(problemsOf(() => dyad(world, 'AAA', 'BBB', { counterforceShare: 2 })).map((p) => p.path)).toEqual([
      ['options', 'counterforceShare'],
    ]);
  });

  it('sspkCalculator names the bad field', () => {
    expect(
      problemsOf(() => sspkCalculator({ yieldKt: 300, cepM: 0, hardnessPsi: 2000, reliability: 2 })),
    ).toEqual([
      { path: ['cepM'], message: 'expected a CEP (m) > 0; got 0' },
      { path: ['reliability'], message: 'expected a probability in [0, 1]; got 2' },
    ]);
  });
});
