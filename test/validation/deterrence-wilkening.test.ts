/**
 * The question Wilkening asked (Survival 54(1), 2012, "Does Missile Defence in
 * Europe Threaten Russia?"): can SM-3 interceptors based in Poland or Romania
 * reach Russian ICBMs headed for the United States? Answered by the geometry
 * with stated speeds — 4.5 km/s (SM-3 Block IIA) and 5.5 km/s (a Block IIB-class
 * interceptor) — from Redzikowo and Deveselu, with the sites' own radars and
 * with early-warning tracks (Fylingdales, Kürecik) cueing them from launch.
 * The published conclusion beside this answer: docs/models/deterrence.md, "Validation".
 */
import { describe, expect, it } from 'vitest';
import { defenseCoverage } from '../../src/models/deterrence/index.js';
import { loadDefaultWorld } from '../../src/world/default.js';
import type { World } from '../../src/world/schema.js';

const base = loadDefaultWorld();
const SITES = {
  Poland: { name: 'Redzikowo', lat: 54.48, lon: 17.1 },
  Romania: { name: 'Deveselu', lat: 44.0667, lon: 24.3833 },
};

function world(site: keyof typeof SITES, speedKmS: number, cued: boolean): World {
  const usa = base.actors.USA as NonNullable<World['actors'][string]>;
  const X = {
    name: `SM-3 at ${speedKmS} km/s from ${site}`,
    interceptors: 24,
    pk: 0.55,
    salvo: 2,
    shootLookShoot: false,
    discrimination: 0.5,
    trackProbability: 1,
    protects: ['value' as const],
    coverage: [{ attacker: '*' }],
    sites: [SITES[site]],
    phase: 'midcourse' as const,
    interceptorSpeedKmS: speedKmS,
    interceptorBurnTimeS: 40,
    interceptorRangeKm: 2500,
    minAltitudeKm: 100,
    maxAltitudeKm: 1000,
    reactionTimeS: 30,
    radarRangeKm: 500,
  };
  const EW = {
    name: 'early-warning tracks from launch (Fylingdales, Kürecik)',
    sites: [
      { name: 'Fylingdales', lat: 54.36, lon: -0.67 },
      { name: 'Kürecik', lat: 38.34, lon: 37.74 },
    ],
    rangeKm: 4800,
    minElevationDeg: 0,
    cues: [{ defense: 'X' }],
    enabled: true,
  };
  return {
    ...base,
    actors: {
      ...base.actors,
      USA: {
        ...usa,
        defenses: { ...usa.defenses, X },
        sensors: cued ? { ...usa.sensors, EW } : (usa.sensors ?? {}),
      },
    },
  };
}

/** Russian ICBM (land-based) trajectories toward US value targets that the interceptor can engage. */
function engaged(site: keyof typeof SITES, speedKmS: number, cued: boolean) {
  const c = defenseCoverage(world(site, speedKmS, cued), 'USA', 'X', { attackers: ['RUS'] });
  const icbm = c.trajectories.filter((t) => !t.system.startsWith('SS-N'));
  return { all: icbm.length, engaged: icbm.filter((t) => t.engagement.engageable) };
}

describe('Wilkening’s question: SM-3 from Poland or Romania against Russian ICBMs aimed at the US', () => {
  it('SM-3 Block IIA (4.5 km/s) from either site engages none, even cued by early warning from launch', () => {
    for (const site of ['Poland', 'Romania'] as const)
      for (const cued of [false, true]) {
        const r = engaged(site, 4.5, cued);
        expect(r.all).toBeGreaterThan(200);
        expect(r.engaged).toEqual([]);
      }
  });

  it('a 5.5 km/s interceptor in Poland, cued from launch, reaches a few: western-Russian ICBMs bound for the US East Coast', () => {
    const r = engaged('Poland', 5.5, true);
    expect(r.engaged.length).toBeGreaterThan(0);
    expect(r.engaged.length / r.all).toBeLessThan(0.1);
    for (const t of r.engaged) {
      expect(t.trajectory.launch.lon).toBeLessThan(50);
      expect(t.trajectory.target.lon).toBeGreaterThan(-90);
    }
    // Without the early-warning cue its own radar sees them too late; from Romania it reaches none.
    expect(engaged('Poland', 5.5, false).engaged).toEqual([]);
    expect(engaged('Romania', 5.5, true).engaged).toEqual([]);
  });
});
