/**
 * Two geometry fixes of issue 15:
 *
 * 1. The boost a trajectory gets follows the trajectory actually flown: a
 *    system with a `reaches` list (a regional class) flying an
 *    intercontinental range — North Korea's aggregate aimed at the US — gets
 *    the intercontinental boost (180 s, 200 km), not the regional one
 *    (120 s, 120 km) it keeps for its regional shots.
 * 2. A defense engages nothing it has no sites for: a defense without sites
 *    engages no bomber, and its coverage rules alone let it engage ballistic
 *    warheads only when the world says so explicitly (`coverage` given).
 */
import { describe, expect, it } from 'vitest';
import { defenseCoverage, exchange } from '../../src/models/deterrence/index.js';
import { loadDefaultWorld } from '../../src/world/default.js';
import type { DefenseSystem } from '../../src/world/forces.js';
import type { World } from '../../src/world/schema.js';

const base = loadDefaultWorld();

describe('the boost follows the trajectory flown', () => {
  it('North Korea’s aggregate (reaches USA, CHN, RUS) gets the intercontinental boost toward US cities and the regional one toward Chinese cities', () => {
    const toUs = defenseCoverage(base, 'USA', 'GMD', { attackers: ['PRK'] }).trajectories;
    expect(toUs.length).toBeGreaterThan(0);
    for (const t of toUs) {
      expect(t.trajectory.rangeKm, `${t.launchArea} → ${t.target}`).toBeGreaterThan(5500);
      expect(t.trajectory.burnTimeS, `${t.launchArea} → ${t.target}`).toBe(180);
      expect(t.trajectory.burnoutAltitudeKm).toBe(200);
    }
    // The same system toward Beijing (about 800 km): the regional boost.
    const world: World = {
      ...base,
      actors: {
        ...base.actors,
        CHN: {
          ...(base.actors.CHN as NonNullable<World['actors'][string]>),
          defenses: {
            probe: {
              name: 'probe (sites only, to list trajectories)',
              interceptors: 1,
              pk: 0.5,
              phase: 'terminal',
              sites: [{ name: 'Beijing', lat: 39.9, lon: 116.4 }],
              interceptorSpeedKmS: 3,
              interceptorRangeKm: 200,
              minAltitudeKm: 15,
              maxAltitudeKm: 100,
            } as DefenseSystem,
          },
        },
      },
    };
    const toChina = defenseCoverage(world, 'CHN', 'probe', { attackers: ['PRK'] }).trajectories;
    const short = toChina.filter((t) => t.trajectory.rangeKm < 5500);
    expect(short.length).toBeGreaterThan(0);
    for (const t of short) expect(t.trajectory.burnTimeS, `${t.launchArea} → ${t.target}`).toBe(120);
  });

  it('an intercontinental system (no reaches list) keeps the intercontinental boost, and a system’s own burnTimeS overrides the time', () => {
    for (const t of defenseCoverage(base, 'USA', 'GMD', { attackers: ['CHN'] }).trajectories)
      if (t.system === 'DF-5A') expect(t.trajectory.burnTimeS).toBe(180);
    const prk = base.actors.PRK as NonNullable<World['actors'][string]>;
    const sys = prk.forces?.systems.aggregate;
    if (!prk.forces || !sys) throw new Error('PRK aggregate missing');
    const world: World = {
      ...base,
      actors: {
        ...base.actors,
        PRK: { ...prk, forces: { ...prk.forces, systems: { aggregate: { ...sys, burnTimeS: 150 } } } },
      },
    };
    for (const t of defenseCoverage(world, 'USA', 'GMD', { attackers: ['PRK'] }).trajectories)
      expect(t.trajectory.burnTimeS).toBe(150);
  });
});

describe('a defense engages nothing it has no sites for', () => {
  /** The 2017 world with the US defenses replaced by one defense without sites. */
  function withSiteless(d: Partial<DefenseSystem>): World {
    const usa = base.actors.USA as NonNullable<World['actors'][string]>;
    const siteless = {
      name: 'siteless',
      interceptors: 1000,
      pk: 0.9,
      salvo: 1,
      shootLookShoot: false,
      discrimination: 1,
      trackProbability: 1,
      protects: ['value'],
      coverage: [{ attacker: '*' }],
      ...d,
    } as DefenseSystem;
    return { ...base, actors: { ...base.actors, USA: { ...usa, defenses: { siteless } } } };
  }
  const bomberOnly = (w: World) => {
    // Russia with its bombers only: what the defense does to them is all that differs.
    const rus = w.actors.RUS as NonNullable<World['actors'][string]>;
    const f = rus.forces;
    if (!f?.systems.bombers) throw new Error('RUS bombers missing');
    return {
      ...w,
      actors: { ...w.actors, RUS: { ...rus, forces: { ...f, systems: { bombers: f.systems.bombers } } } },
    };
  };

  it('a defense without sites and with the default tasking (every attacker) does not engage bombers', () => {
    const none = exchange(bomberOnly(withSiteless({ interceptors: 0 })), 'USA', 'RUS');
    const many = exchange(bomberOnly(withSiteless({})), 'USA', 'RUS');
    expect(none.retaliatoryWarheadsDelivered).toBeGreaterThan(0);
    expect(many.retaliatoryWarheadsDelivered).toBeCloseTo(none.retaliatoryWarheadsDelivered, 9);
  });

  it('it engages bombers only when a coverage rule names the bomber basing (or system) explicitly', () => {
    const none = exchange(bomberOnly(withSiteless({ interceptors: 0 })), 'USA', 'RUS');
    const tasked = exchange(
      bomberOnly(withSiteless({ coverage: [{ attacker: 'RUS', basings: ['bomber'] }] })),
      'USA',
      'RUS',
    );
    expect(tasked.retaliatoryWarheadsDelivered).toBeLessThan(none.retaliatoryWarheadsDelivered * 0.5);
  });

  it('a defense without sites still engages the ballistic warheads its coverage rules admit (the non-geometric parameter)', () => {
    const none = exchange(withSiteless({ interceptors: 0 }), 'USA', 'CHN');
    const many = exchange(withSiteless({}), 'USA', 'CHN');
    expect(many.retaliatoryWarheadsDelivered).toBeLessThan(none.retaliatoryWarheadsDelivered);
  });
});
