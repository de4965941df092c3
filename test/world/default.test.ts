import { describe, expect, it } from 'vitest';
import { isConcertError } from '../../src/core/errors.js';
import {
  ActorIdSchema,
  buildDefaultWorld,
  loadDefaultWorld,
  loadWorldInputs,
  RELATION_RULE_ID,
  relationKindOf,
  WorldSchema,
} from '../../src/world/index.js';

const flagged = (year: number, key: 'cowMajor' | 'unscPermanent') =>
  Object.entries(loadDefaultWorld({ year }).actors)
    .filter(([, a]) => a[key])
    .map(([id]) => id)
    .sort();

describe('the default world of 2016', () => {
  const world = loadDefaultWorld();

  it('has every COW system member of 2016 and passes the World schema', () => {
    expect(world.year).toBe(2016);
    expect(Object.keys(world.actors)).toHaveLength(loadWorldInputs().system['2016']!.length);
    expect(Object.keys(world.actors)).toHaveLength(195);
    const r = WorldSchema.safeParse(world);
    expect(r.success).toBe(true);
  });

  it('uses ISO alpha-3 ids (RUS for COW 365, DEU for 255, SRB for 345)', () => {
    for (const id of Object.keys(world.actors)) expect(ActorIdSchema.safeParse(id).success).toBe(true);
    expect(world.actors.RUS?.cowCode).toBe(365);
    expect(world.actors.RUS?.name).toBe('Russian Federation');
    expect(world.actors.DEU?.cowCode).toBe(255);
    expect(world.actors.SRB?.cowCode).toBe(345);
    expect(world.actors.GBR?.cowAbbrev).toBe('UKG');
  });

  it('carries the six NMC components, the published CINC, World Bank GDP and population', () => {
    const usa = world.actors.USA!;
    expect(usa.capabilities).toEqual({
      milexThousands: 604_452_000,
      milperThousands: 1381,
      ironSteelKt: 78_475,
      energyKtCoalEq: 3_293_117,
      totalPopulationThousands: 322_180,
      urbanPopulationThousands: 197_817,
    });
    expect(usa.cincPublished).toBe(0.13305758);
    expect(usa.gdpUsd).toBe(18_804_913_000_000);
    expect(world.actors.CHN?.population).toBe(1_387_790_000);
    expect(world.actors.TWN?.gdpUsd).toBeNull();
  });

  it('flags the COW major powers and the five permanent members of the Security Council', () => {
    expect(flagged(2016, 'cowMajor')).toEqual(['CHN', 'DEU', 'FRA', 'GBR', 'JPN', 'RUS', 'USA']);
    expect(flagged(2016, 'unscPermanent')).toEqual(['CHN', 'FRA', 'GBR', 'RUS', 'USA']);
  });

  it('derives relations by the documented rule, each with its components and source', () => {
    const find = (a: string, b: string) => world.relations.find((r) => r.a === a && r.b === b);
    expect(find('JPN', 'USA')?.kind).toBe('alliance');
    expect(find('CHN', 'RUS')).toMatchObject({ kind: 'partnership' });
    expect(find('CHN', 'RUS')!.score).toBeGreaterThan(0);
    expect(find('CHN', 'USA')!.score).toBeLessThan(0);
    for (const r of world.relations) {
      expect(r.a < r.b).toBe(true);
      expect(r.source?.startsWith(RELATION_RULE_ID)).toBe(true);
      const eta = r.components!.reduce((s, c) => s + c.contribution, 0);
      // score = tanh(η/2) from the (rounded) contributions, to the score's 0.01.
      expect(Math.abs(Math.tanh(eta / 2) - r.score)).toBeLessThan(0.006);
      const defense = r.components!.some(
        (c) => c.component === 'alliance' && /defense|offense/.test(c.detail),
      );
      expect(relationKindOf(r.score, defense)).toBe(r.kind);
    }
  });

  it('is built once per process and frozen', () => {
    expect(loadDefaultWorld({ year: 2016 })).toBe(world);
    expect(Object.isFrozen(world.actors.USA)).toBe(true);
  });
});

describe('default worlds of other years', () => {
  it('build for every year 1816–2016 with one actor per COW system member', () => {
    const inputs = loadWorldInputs();
    for (let year = 1816; year <= 2016; year++) {
      const w = buildDefaultWorld(year);
      expect(Object.keys(w.actors).length, `year ${year}`).toBe(inputs.system[String(year)]!.length);
    }
  });

  it('name every COW system member in every year through the crosswalk', () => {
    const inputs = loadWorldInputs();
    for (const [year, members] of Object.entries(inputs.system)) {
      for (const ccode of members) {
        const covered = inputs.crosswalk.some(
          (e) => e.ccode === ccode && e.fromYear <= +year && +year <= e.toYear,
        );
        expect(covered, `COW ${ccode} in ${year}`).toBe(true);
      }
    }
  });

  it('pass the World schema in sample years', () => {
    for (const year of [1816, 1871, 1914, 1945, 1971, 1990]) {
      expect(WorldSchema.safeParse(loadDefaultWorld({ year })).success, `year ${year}`).toBe(true);
    }
  });

  it('give historical states stable ids', () => {
    expect(Object.keys(loadDefaultWorld({ year: 1900 }).actors)).toEqual(
      expect.arrayContaining(['XAUH', 'DEU', 'RUS']),
    );
    expect(loadDefaultWorld({ year: 1860 }).actors.DEU?.name).toBe('Prussia');
    expect(loadDefaultWorld({ year: 1980 }).actors.RUS?.name).toBe('Union of Soviet Socialist Republics');
    expect(Object.keys(loadDefaultWorld({ year: 1990 }).actors)).toEqual(
      expect.arrayContaining(['XGFR', 'DDR', 'DEU', 'XYAR', 'YMD', 'YEM', 'CSK', 'SRB']),
    );
  });

  it('flag a COW major power in every year it held that status on any day', () => {
    expect(flagged(1898, 'cowMajor')).toContain('USA');
    expect(flagged(1897, 'cowMajor')).not.toContain('USA');
    expect(flagged(1945, 'cowMajor')).toEqual(expect.arrayContaining(['JPN', 'FRA', 'DEU']));
    expect(flagged(1946, 'cowMajor')).not.toContain('JPN');
    expect(flagged(1991, 'cowMajor')).toEqual(expect.arrayContaining(['JPN', 'DEU']));
  });

  it('follow the China seat in the Security Council as COW codes its holders', () => {
    expect(flagged(1944, 'unscPermanent')).toEqual([]);
    expect(flagged(1960, 'unscPermanent')).toEqual(['FRA', 'GBR', 'RUS', 'TWN', 'USA']);
    expect(flagged(1972, 'unscPermanent')).toEqual(['CHN', 'FRA', 'GBR', 'RUS', 'USA']);
  });

  it('leave World Bank figures null where the COW state is not the present-day state', () => {
    const ussr = loadDefaultWorld({ year: 1980 }).actors.RUS!;
    expect(ussr.gdpUsd).toBeNull();
    expect(ussr.population).toBeNull();
    expect(loadDefaultWorld({ year: 1980 }).actors.FRA?.population).toBeGreaterThan(5e7);
  });

  it('reject years without data as bad input', () => {
    for (const year of [1815, 2017, 1990.5]) {
      try {
        loadDefaultWorld({ year });
        expect.unreachable();
      } catch (e) {
        expect(isConcertError(e) && e.code === 'bad-input').toBe(true);
      }
    }
  });
});
