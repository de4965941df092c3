/**
 * Issue 15's two property must-shows, on the shipped 2017 world with its
 * engagement geometry (defenses with sites, sensors, launch areas, city value
 * targets), where the unit properties of src/models/deterrence
 * (defense.test.ts, exchange.test.ts, engagement.test.ts) use worlds without
 * sites or a bare trajectory:
 *
 * 1. more interceptors never raise delivered retaliation — for a fixed first
 *    strike, through every US defense with sites, with the TPY-2 cueing switch
 *    either way;
 * 2. a defense never engages a trajectory outside its computed reach — what
 *    `defenseCoverage` (the listing of `concert deterrence coverage`) reports
 *    as engageable is a point of the trajectory within the interceptor's reach,
 *    altitude window, phase and time budget, and a defense whose computed
 *    coverage against an attacker is empty fires no interceptor at that
 *    attacker's retaliation in the exchange and changes nothing.
 *
 * Seeded by FC_SEED through test/setup/fast-check.ts (the project's convention).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DefenseCoverage,
  defenseCoverage,
  EARTH_RADIUS_KM,
  exchange,
  type TrajectoryCoverage,
  trajectoryState,
} from '../../src/models/deterrence/index.js';
import { loadDefaultWorld } from '../../src/world/default.js';
import type { DefenseSystem } from '../../src/world/forces.js';
import type { World } from '../../src/world/schema.js';

const base = loadDefaultWorld();
const usa = base.actors.USA as NonNullable<World['actors'][string]>;
const US_DEFENSES = Object.entries(usa.defenses ?? {})
  .filter(([, d]) => d.sites !== undefined)
  .map(([id]) => id);

/** The world with `defense` of the USA replaced (or added) and TPY-2-Korea switched as asked. */
function withUsDefense(id: string, d: DefenseSystem | undefined): World {
  const defenses = { ...usa.defenses };
  if (d) defenses[id] = d;
  else delete defenses[id];
  return { ...base, actors: { ...base.actors, USA: { ...usa, defenses } } };
}

describe('more interceptors never raise delivered retaliation (2017 world, with geometry)', () => {
  it('property: for a fixed US first strike, adding interceptors to any US defense with sites never raises the delivered retaliation', () => {
    expect(US_DEFENSES.length).toBeGreaterThanOrEqual(4);
    fc.assert(
      fc.property(
        fc.constantFrom(...US_DEFENSES),
        fc.constantFrom('CHN', 'RUS', 'PRK', 'GBR', 'FRA'),
        fc.integer({ min: 0, max: 400 }),
        fc.integer({ min: 1, max: 400 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        fc.constantFrom('generated' as const, 'day-to-day' as const),
        (id, victim, n, more, share, tpy2, posture) => {
          const d = usa.defenses?.[id] as DefenseSystem;
          const o = {
            counterforceShare: share,
            posture,
            ...(tpy2 ? { enableSensors: ['USA.TPY-2-Korea'] } : { disableSensors: ['USA.TPY-2-Korea'] }),
          };
          const fewer = exchange(withUsDefense(id, { ...d, interceptors: n }), 'USA', victim, o);
          const most = exchange(withUsDefense(id, { ...d, interceptors: n + more }), 'USA', victim, o);
          expect(most.retaliatoryWarheadsDelivered).toBeLessThanOrEqual(
            fewer.retaliatoryWarheadsDelivered + 1e-9,
          );
          // The strike is the same in both: only the defense differs.
          expect(most.survivingWarheads).toBeCloseTo(fewer.survivingWarheads, 9);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('the property can bite: GMD’s interceptors do lower China’s delivered retaliation (0 → 44)', () => {
    const gmd = usa.defenses?.GMD as DefenseSystem;
    const o = { counterforceShare: 0.5 };
    const none = exchange(withUsDefense('GMD', { ...gmd, interceptors: 0 }), 'USA', 'CHN', o);
    const some = exchange(withUsDefense('GMD', { ...gmd, interceptors: 44 }), 'USA', 'CHN', o);
    expect(some.retaliatoryWarheadsDelivered).toBeLessThan(none.retaliatoryWarheadsDelivered - 1);
  });
});

/** Points where a random defense is likely to reach something, and anywhere else. */
const siteArb = fc.oneof(
  fc.constantFrom(
    { name: 'Fort Greely', lat: 63.95, lon: -145.73 },
    { name: 'Redzikowo', lat: 54.48, lon: 17.1 },
    { name: 'Seongju', lat: 35.95, lon: 128.25 },
    { name: 'Hokkaido', lat: 43.06, lon: 141.35 },
    { name: 'New York', lat: 40.71, lon: -74.0 },
    { name: 'Los Angeles', lat: 34.05, lon: -118.24 },
  ),
  fc.record({
    name: fc.constant('random site'),
    lat: fc.double({ min: -70, max: 75, noNaN: true }),
    lon: fc.double({ min: -179, max: 179, noNaN: true }),
  }),
);

/** Interceptor kinematics anywhere in the schema's domain, or in the range of real homeland and theater defenses. */
const kinematicsArb = fc.oneof(
  fc.record({
    phase: fc.constantFrom('midcourse' as const, 'terminal' as const),
    speed: fc.double({ min: 1, max: 8, noNaN: true }),
    burn: fc.double({ min: 0, max: 120, noNaN: true }),
    range: fc.double({ min: 50, max: 5000, noNaN: true }),
    minAlt: fc.double({ min: 0, max: 200, noNaN: true }),
    span: fc.double({ min: 20, max: 1500, noNaN: true }),
    reaction: fc.double({ min: 0, max: 120, noNaN: true }),
    radar: fc.double({ min: 0, max: 5000, noNaN: true }),
  }),
  fc.record({
    phase: fc.constant('midcourse' as const),
    speed: fc.double({ min: 4, max: 8, noNaN: true }),
    burn: fc.double({ min: 0, max: 120, noNaN: true }),
    range: fc.double({ min: 2000, max: 5000, noNaN: true }),
    minAlt: fc.double({ min: 80, max: 150, noNaN: true }),
    span: fc.double({ min: 500, max: 1500, noNaN: true }),
    reaction: fc.double({ min: 0, max: 60, noNaN: true }),
    radar: fc.double({ min: 2000, max: 5000, noNaN: true }),
  }),
  fc.record({
    phase: fc.constant('terminal' as const),
    speed: fc.double({ min: 2, max: 4, noNaN: true }),
    burn: fc.double({ min: 0, max: 20, noNaN: true }),
    range: fc.double({ min: 100, max: 300, noNaN: true }),
    minAlt: fc.double({ min: 10, max: 50, noNaN: true }),
    span: fc.double({ min: 50, max: 150, noNaN: true }),
    reaction: fc.double({ min: 0, max: 30, noNaN: true }),
    radar: fc.double({ min: 500, max: 2000, noNaN: true }),
  }),
);

const defenseArb = fc
  .tuple(siteArb, kinematicsArb)
  .map(([site, k]) => ({ site, ...k }))
  .map(
    (g): DefenseSystem => ({
      name: 'X',
      interceptors: 500,
      pk: 0.9,
      salvo: 1,
      shootLookShoot: false,
      discrimination: 1,
      trackProbability: 1,
      protects: ['value'],
      coverage: [{ attacker: '*' }],
      sites: [g.site],
      phase: g.phase,
      interceptorSpeedKmS: g.speed,
      interceptorBurnTimeS: g.burn,
      interceptorRangeKm: g.range,
      minAltitudeKm: g.minAlt,
      maxAltitudeKm: g.minAlt + g.span,
      reactionTimeS: g.reaction,
      radarRangeKm: g.radar,
    }),
  );

/** Slant distance (km) from a surface site to the missile of `t` at time `timeS`, and its state. */
function stateFrom(t: TrajectoryCoverage, site: { lat: number; lon: number }, timeS: number) {
  const s = trajectoryState(t.trajectory, timeS);
  const la = (site.lat * Math.PI) / 180;
  const lo = (site.lon * Math.PI) / 180;
  const u = { x: Math.cos(la) * Math.cos(lo), y: Math.cos(la) * Math.sin(lo), z: Math.sin(la) };
  const d = Math.hypot(
    s.position.x - EARTH_RADIUS_KM * u.x,
    s.position.y - EARTH_RADIUS_KM * u.y,
    s.position.z - EARTH_RADIUS_KM * u.z,
  );
  return { state: s, distanceKm: d };
}

/** Every engageable trajectory of a coverage listing is within the defense's computed reach. */
function checkListing(c: DefenseCoverage, d: DefenseSystem): number {
  const range = d.interceptorRangeKm as number;
  const lo = d.minAltitudeKm as number;
  const hi = d.maxAltitudeKm as number;
  const sites = d.sites as NonNullable<DefenseSystem['sites']>;
  let engaged = 0;
  for (const t of c.trajectories) {
    const e = t.engagement;
    if (!e.engageable) {
      if (e.closestKm !== undefined && e.closestKm > range) expect(e.reason).toMatch(/reach/);
      continue;
    }
    engaged++;
    const time = e.interceptTimeS as number;
    const site = sites.find((x) => x.name === e.site);
    expect(site, `intercept site ${e.site}`).toBeDefined();
    const { state, distanceKm } = stateFrom(t, site as { lat: number; lon: number }, time);
    // The intercept point is on the trajectory, within the slant reach of the site ...
    expect(distanceKm).toBeLessThanOrEqual(range * (1 + 1e-6) + 1e-3);
    expect(Math.abs(distanceKm - (e.distanceKm as number))).toBeLessThan(1e-3 * Math.max(1, distanceKm));
    // ... inside the phase's altitude window ...
    expect(state.altitudeKm).toBeGreaterThanOrEqual(lo - 1e-6);
    expect(state.altitudeKm).toBeLessThanOrEqual(hi + 1e-6);
    if (d.phase === 'terminal') expect(state.phase).toBe('descent');
    else expect(state.phase).not.toBe('boost');
    // ... and reached in time: track + reaction + burn/2 + d/v ≤ intercept time.
    const arrival =
      (e.trackTimeS as number) +
      (d.reactionTimeS ?? 0) +
      (d.interceptorBurnTimeS ?? 0) / 2 +
      distanceKm / (d.interceptorSpeedKmS as number);
    expect(arrival).toBeLessThanOrEqual(time + 1e-6);
  }
  return engaged;
}

describe('a defense never engages a trajectory outside its computed reach (2017 world, with geometry)', () => {
  it('property: every trajectory the coverage listing calls engageable is intercepted within reach, window and time; an empty coverage fires nothing and changes nothing', () => {
    fc.assert(
      fc.property(defenseArb, fc.constantFrom('RUS', 'CHN', 'PRK'), (d, attacker) => {
        const w = withUsDefense('X', d);
        const c = defenseCoverage(w, 'USA', 'X', { attackers: [attacker] });
        expect(c.trajectories.length).toBeGreaterThan(0);
        if (checkListing(c, d) > 0) return;
        // Nothing of the attacker's within reach: the exchange must not engage it either.
        const o = { counterforceShare: 0.5 };
        const withX = exchange(w, 'USA', attacker, o);
        const withoutX = exchange(withUsDefense('X', undefined), 'USA', attacker, o);
        const used = withX.interceptors.find((u) => u.defense === 'X' && u.against === 'retaliation');
        expect(used?.expectedUsed ?? 0).toBe(0);
        expect(withX.retaliatoryWarheadsDelivered).toBeCloseTo(withoutX.retaliatoryWarheadsDelivered, 9);
      }),
      { numRuns: 40 },
    );
  });

  it('the shipped US defenses pass the same check, and it is not vacuous: GMD engages all 170 Chinese trajectories toward US cities', () => {
    let engaged = 0;
    for (const id of US_DEFENSES) {
      const d = usa.defenses?.[id] as DefenseSystem;
      for (const attacker of ['RUS', 'CHN', 'PRK']) {
        const c = defenseCoverage(base, 'USA', id, { attackers: [attacker] });
        const n = checkListing(c, d);
        if (id === 'GMD' && attacker === 'CHN') expect(n).toBe(170);
        engaged += n;
      }
    }
    expect(engaged).toBeGreaterThan(170);
  });
});
