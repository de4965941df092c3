import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { engage, type InterceptorGeometry, type Sensor, site } from './engagement.js';
import { minimumEnergyTrajectory, trajectoryState } from './geometry.js';

const terminal = (over: Partial<InterceptorGeometry> = {}): InterceptorGeometry => ({
  phase: 'terminal',
  sites: [site('S', { lat: 40, lon: -100 })],
  speedKmS: 2.8,
  burnTimeS: 10,
  rangeKm: 200,
  minAltitudeKm: 40,
  maxAltitudeKm: 150,
  reactionTimeS: 20,
  radarRangeKm: 600,
  ...over,
});

describe('engagement', () => {
  it('a terminal defense engages a warhead aimed at its own site and reports a consistent intercept', () => {
    const t = minimumEnergyTrajectory({ lat: 55, lon: 40 }, { lat: 40, lon: -100 }, 180, 200);
    const e = engage(t, terminal(), 'T', 'X', []);
    expect(e.engageable).toBe(true);
    expect(e.interceptAltitudeKm).toBeGreaterThanOrEqual(40);
    expect(e.interceptAltitudeKm).toBeLessThanOrEqual(150);
    expect(e.distanceKm).toBeLessThanOrEqual(200);
    expect((e.trackTimeS as number) + 20 + (e.flyoutS as number)).toBeLessThanOrEqual(
      e.interceptTimeS as number,
    );
  });

  it('a terminal defense does not engage a warhead aimed 2,000 km away, and says why', () => {
    const t = minimumEnergyTrajectory({ lat: 55, lon: 40 }, { lat: 40, lon: -80 }, 180, 200);
    const e = engage(t, terminal(), 'T', 'X', []);
    expect(e.engageable).toBe(false);
    expect(e.reason).toMatch(/km from the nearest site/);
  });

  it('without a radar of its own a defense engages only what a cueing sensor tracks', () => {
    const t = minimumEnergyTrajectory({ lat: 55, lon: 40 }, { lat: 40, lon: -100 }, 180, 200);
    const blind = terminal({ radarRangeKm: 0 });
    expect(engage(t, blind, 'T', 'X', []).engageable).toBe(false);
    const radar: Sensor = {
      id: 'R',
      name: 'R',
      sites: [site('R', { lat: 45, lon: -100 })],
      rangeKm: 3000,
      minElevationDeg: 0,
      cues: [{ defense: 'T', pk: 0.9 }],
    };
    const cued = engage(t, blind, 'T', 'X', [radar]);
    expect(cued.engageable).toBe(true);
    expect(cued.trackedBy).toBe('R');
    expect(cued.cuedBy).toEqual(['R']);
    // A cue restricted to another attacker does nothing.
    expect(
      engage(t, blind, 'T', 'X', [{ ...radar, cues: [{ defense: 'T', against: ['Y'] }] }]).engageable,
    ).toBe(false);
  });

  it('property: a defense never engages a trajectory outside its computed reach', () => {
    const point = fc.record({
      lat: fc.double({ min: -70, max: 70, noNaN: true }),
      lon: fc.double({ min: -179, max: 179, noNaN: true }),
    });
    const geometry = fc.record({
      phase: fc.constantFrom('midcourse' as const, 'terminal' as const),
      site: point,
      speedKmS: fc.double({ min: 1, max: 8, noNaN: true }),
      rangeKm: fc.double({ min: 50, max: 5000, noNaN: true }),
      minAltitudeKm: fc.double({ min: 0, max: 200, noNaN: true }),
      span: fc.double({ min: 20, max: 1500, noNaN: true }),
      reactionTimeS: fc.double({ min: 0, max: 120, noNaN: true }),
      radarRangeKm: fc.double({ min: 0, max: 5000, noNaN: true }),
    });
    fc.assert(
      fc.property(point, point, geometry, (a, b, g) => {
        const t = minimumEnergyTrajectory(a, b, 120, 150);
        fc.pre(t.rangeKm > 300);
        const d: InterceptorGeometry = {
          phase: g.phase,
          sites: [site('S', g.site)],
          speedKmS: g.speedKmS,
          burnTimeS: 0,
          rangeKm: g.rangeKm,
          minAltitudeKm: g.minAltitudeKm,
          maxAltitudeKm: g.minAltitudeKm + g.span,
          reactionTimeS: g.reactionTimeS,
          radarRangeKm: g.radarRangeKm,
        };
        const e = engage(t, d, 'D', 'X', []);
        if (!e.engageable) return;
        // The reported intercept is a point of the trajectory inside the reach, the window and the time budget.
        const s = trajectoryState(t, e.interceptTimeS as number);
        const dist = Math.hypot(
          s.position.x - (d.sites[0]?.position.x as number),
          s.position.y - (d.sites[0]?.position.y as number),
          s.position.z - (d.sites[0]?.position.z as number),
        );
        expect(dist).toBeLessThanOrEqual(d.rangeKm * (1 + 1e-6) + 1e-3);
        expect(s.altitudeKm).toBeGreaterThanOrEqual(d.minAltitudeKm - 1e-6);
        expect(s.altitudeKm).toBeLessThanOrEqual(d.maxAltitudeKm + 1e-6);
        if (d.phase === 'terminal') expect(s.phase).toBe('descent');
        else expect(s.phase).not.toBe('boost');
        expect((e.trackTimeS as number) + d.reactionTimeS + dist / d.speedKmS).toBeLessThanOrEqual(
          (e.interceptTimeS as number) + 1e-6,
        );
      }),
      { numRuns: 300 },
    );
  });
});
