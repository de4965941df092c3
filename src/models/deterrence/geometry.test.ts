import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EARTH_MU_KM3_S2,
  EARTH_RADIUS_KM,
  greatCircleKm,
  hypot3,
  minimumEnergyTrajectory,
  trajectoryState,
} from './geometry.js';

describe('great circles', () => {
  it('a quarter of the equator is πR/2', () => {
    expect(greatCircleKm({ lat: 0, lon: 0 }, { lat: 0, lon: 90 })).toBeCloseTo(
      (Math.PI * EARTH_RADIUS_KM) / 2,
      6,
    );
  });

  it('pole to equator is a quarter circle whatever the longitude', () => {
    expect(greatCircleKm({ lat: 90, lon: 17 }, { lat: 0, lon: -123 })).toBeCloseTo(
      (Math.PI * EARTH_RADIUS_KM) / 2,
      6,
    );
  });
});

describe('minimum-energy trajectories', () => {
  // Hand check for a quarter circle (Ψ = 90°): Q = 2 sin 45° / (1 + sin 45°) = 0.828427,
  // γ = 22.5°, a = R/(2 − Q) = 5437.9 km, e² = 1 − Q(2 − Q)cos²γ = 0.171573, e = 0.414214,
  // apogee a(1 + e) − R = 1,321.4 km; v = √(Qμ/R) = 7.1994 km/s.
  const t = minimumEnergyTrajectory({ lat: 0, lon: 0 }, { lat: 0, lon: 90 });

  it('reproduces the hand-computed apogee, burnout speed and flight-path angle for a 10,008 km range', () => {
    expect(t.flightPathAngleDeg).toBeCloseTo(22.5, 9);
    expect(t.eccentricity).toBeCloseTo(Math.sqrt(2) - 1, 6);
    expect(t.apogeeAltitudeKm).toBeCloseTo(
      (EARTH_RADIUS_KM / (2 - 0.828427)) * Math.SQRT2 - EARTH_RADIUS_KM,
      0,
    );
    expect(t.burnoutSpeedKmS).toBeCloseTo(Math.sqrt((0.8284271 * EARTH_MU_KM3_S2) / EARTH_RADIUS_KM), 4);
  });

  it('flies the quarter circle in about 32 minutes (Kepler between burnout and apogee, twice)', () => {
    // E_b from tan(E/2) = √((1 − e)/(1 + e))·tan(67.5°); t = 2(π − E_b + e sin E_b)/n.
    const e = Math.SQRT2 - 1;
    const a = EARTH_RADIUS_KM / (2 - (2 * Math.SQRT1_2) / (1 + Math.SQRT1_2));
    const Eb = 2 * Math.atan(Math.sqrt((1 - e) / (1 + e)) * Math.tan((67.5 * Math.PI) / 180));
    const n = Math.sqrt(EARTH_MU_KM3_S2 / a ** 3);
    expect(t.freeFlightTimeS).toBeCloseTo((2 * (Math.PI - Eb + e * Math.sin(Eb))) / n, 6);
    expect(t.freeFlightTimeS / 60).toBeGreaterThan(31);
    expect(t.freeFlightTimeS / 60).toBeLessThan(33);
  });

  it('property: starts at the launch point, ends at the target, never climbs above its apogee', () => {
    const point = fc.record({
      lat: fc.double({ min: -80, max: 80, noNaN: true }),
      lon: fc.double({ min: -179, max: 179, noNaN: true }),
    });
    fc.assert(
      fc.property(point, point, fc.double({ min: 0, max: 300, noNaN: true }), (a, b, burn) => {
        const t = minimumEnergyTrajectory(a, b, burn, 100);
        fc.pre(t.rangeKm > 100 && t.rangeKm < 19_000);
        const end = trajectoryState(t, t.flightTimeS);
        const dist = Math.hypot(
          end.position.x - EARTH_RADIUS_KM * t.u1.x,
          end.position.y - EARTH_RADIUS_KM * t.u1.y,
          end.position.z - EARTH_RADIUS_KM * t.u1.z,
        );
        expect(dist).toBeLessThan(1e-3 * t.rangeKm + 1e-6);
        let last = 0;
        for (let k = 0; k <= 50; k++) {
          const s = trajectoryState(t, t.burnTimeS + (t.freeFlightTimeS * k) / 50);
          expect(s.altitudeKm).toBeLessThanOrEqual(t.apogeeAltitudeKm + 1e-6);
          expect(s.downrangeKm).toBeGreaterThanOrEqual(last - 1e-6);
          last = s.downrangeKm;
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('hypot3', () => {
  it('is Math.hypot bit for bit (random magnitudes, zeros, signs, infinities, NaN)', () => {
    const component = fc.oneof(
      fc.double({ noNaN: true, min: -1e8, max: 1e8 }),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.constantFrom(0, -0, 1e-300, 7000.5, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN),
    );
    fc.assert(
      fc.property(component, component, component, (x, y, z) => {
        expect(Object.is(hypot3(x, y, z), Math.hypot(x, y, z))).toBe(true);
      }),
      { numRuns: 20_000 },
    );
    // Distances of the engagement loop's size (km), 10^5 draws.
    let seed = 12345;
    const next = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let i = 0; i < 100_000; i++) {
      const [x, y, z] = [(next() - 0.5) * 2e4, (next() - 0.5) * 2e4, (next() - 0.5) * 2e4];
      if (!Object.is(hypot3(x, y, z), Math.hypot(x, y, z))) expect([x, y, z]).toBe('equal');
    }
  });
});
