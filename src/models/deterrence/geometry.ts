/**
 * Ballistic geometry on a spherical, non-rotating Earth: great-circle paths
 * between launch areas and targets, and minimum-energy ballistic trajectories
 * (apogee, flight time, position at any time) for the engagement model
 * (engagement.ts). Equations and their approximations: docs/models/deterrence.md,
 * "Geometry".
 *
 * The free flight is the Keplerian ellipse of a missile whose burnout is at the
 * Earth's surface with the minimum-energy flight-path angle for its range
 * (Wheelon, "Free flight of a ballistic missile", ARS Journal 29, 1959; the
 * standard textbook approximation): no atmosphere, no Earth rotation, boost and
 * re-entry compressed to points. The boost phase is then prepended as a pause
 * of `burnTimeS` over the launch point during which the missile climbs to its
 * burnout altitude (used only to place boost-phase engagements).
 */

/** Mean Earth radius, km (IUGG mean radius R1 = 6,371.0088 km, rounded). */
export const EARTH_RADIUS_KM = 6371;

/** Standard gravitational parameter of the Earth, km³/s² (IERS/WGS 84: 398,600.4418). */
export const EARTH_MU_KM3_S2 = 398_600.4418;

const DEG = Math.PI / 180;

/** A point on the Earth's surface, degrees (latitude north, longitude east). */
export interface LatLon {
  readonly lat: number;
  readonly lon: number;
}

/** A point in Earth-centred Cartesian coordinates, km. */
export interface Vec3 {
  readonly x: number;
  readonly y: number;
  readonly z: number;
}

/** Unit vector of a surface point. */
export function unitVector(p: LatLon): Vec3 {
  const la = p.lat * DEG;
  const lo = p.lon * DEG;
  const c = Math.cos(la);
  return { x: c * Math.cos(lo), y: c * Math.sin(lo), z: Math.sin(la) };
}

/**
 * Central angle between two surface points, radians (haversine form, stable
 * for small and antipodal separations).
 */
export function centralAngle(a: LatLon, b: LatLon): number {
  const dLat = (b.lat - a.lat) * DEG;
  const dLon = (b.lon - a.lon) * DEG;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * DEG) * Math.cos(b.lat * DEG) * Math.sin(dLon / 2) ** 2;
  return 2 * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Great-circle distance between two surface points, km (spherical Earth of
 * radius {@link EARTH_RADIUS_KM}).
 *
 * @example
 * Math.round(greatCircleKm({ lat: 55.756, lon: 37.617 }, { lat: 38.895, lon: -77.036 })); // => 7821 (Moscow–Washington)
 */
export function greatCircleKm(a: LatLon, b: LatLon): number {
  return EARTH_RADIUS_KM * centralAngle(a, b);
}

/**
 * Unit vector of the point a fraction `f` of the way along the great circle
 * from `a` to `b` (spherical linear interpolation); `a` itself when the two
 * points coincide or are antipodal (the path is then undefined).
 */
export function greatCirclePoint(a: Vec3, b: Vec3, angle: number, f: number): Vec3 {
  const s = Math.sin(angle);
  if (s < 1e-12) return a;
  const wa = Math.sin((1 - f) * angle) / s;
  const wb = Math.sin(f * angle) / s;
  return { x: wa * a.x + wb * b.x, y: wa * a.y + wb * b.y, z: wa * a.z + wb * b.z };
}

/** A minimum-energy ballistic trajectory between two surface points. */
export interface Trajectory {
  readonly launch: LatLon;
  readonly target: LatLon;
  /** Ground range, km. */
  readonly rangeKm: number;
  /** Range angle Ψ, radians. */
  readonly rangeAngle: number;
  /** Burnout speed, km/s (v² = Q·μ/R). */
  readonly burnoutSpeedKmS: number;
  /** Flight-path angle at burnout above the local horizontal, degrees: 45° − Ψ/4. */
  readonly flightPathAngleDeg: number;
  /** Apogee altitude above the surface, km. */
  readonly apogeeAltitudeKm: number;
  /** Boost time prepended to the free flight, s. */
  readonly burnTimeS: number;
  /** Burnout altitude reached at the end of the boost, km (placement of boost-phase engagements only). */
  readonly burnoutAltitudeKm: number;
  /** Free-flight time, burnout to impact, s. */
  readonly freeFlightTimeS: number;
  /** Total flight time (boost + free flight), s. */
  readonly flightTimeS: number;
  /** Semi-major axis (km), eccentricity, mean motion (rad/s) and burnout eccentric anomaly of the ellipse. */
  readonly semiMajorAxisKm: number;
  readonly eccentricity: number;
  readonly meanMotion: number;
  readonly burnoutEccentricAnomaly: number;
  /** Unit vectors of launch and target (for interpolating the ground track). */
  readonly u0: Vec3;
  readonly u1: Vec3;
}

/** Where the missile is at a time. */
export interface TrajectoryState {
  /** Time since launch, s. */
  readonly timeS: number;
  /** Altitude above the surface, km. */
  readonly altitudeKm: number;
  /** Ground range flown, km. */
  readonly downrangeKm: number;
  /** Earth-centred position, km. */
  readonly position: Vec3;
  readonly phase: 'boost' | 'ascent' | 'descent';
}

/**
 * The minimum-energy trajectory from `launch` to `target`: with range angle
 * Ψ, the burnout flight-path angle is γ = π/4 − Ψ/4 and the burnout speed
 * parameter Q = v²R/μ = 2 sin(Ψ/2)/(1 + sin(Ψ/2)) (Wheelon 1959). The ellipse
 * has a = R/(2 − Q), e² = 1 − Q(2 − Q)cos²γ; apogee r_a = a(1 + e); the free
 * flight is symmetric about apogee, and its time follows from Kepler's
 * equation between the burnout true anomaly π − Ψ/2 and apogee (π).
 *
 * @example
 * const t = minimumEnergyTrajectory({ lat: 0, lon: 0 }, { lat: 0, lon: 89.93 }); // ≈ 10,000 km
 * Math.round(t.apogeeAltitudeKm); // ≈ 1,320 km; t.freeFlightTimeS ≈ 1,930 s
 */
export function minimumEnergyTrajectory(
  launch: LatLon,
  target: LatLon,
  burnTimeS = 0,
  burnoutAltitudeKm = 0,
): Trajectory {
  const psi = centralAngle(launch, target);
  const R = EARTH_RADIUS_KM;
  const sinHalf = Math.sin(psi / 2);
  const Q = (2 * sinHalf) / (1 + sinHalf);
  const gamma = Math.PI / 4 - psi / 4;
  const a = R / (2 - Q);
  const e = Math.sqrt(Math.max(0, 1 - Q * (2 - Q) * Math.cos(gamma) ** 2));
  const n = Math.sqrt(EARTH_MU_KM3_S2 / (a * a * a));
  const nuB = Math.PI - psi / 2;
  const E0 = eccentricAnomaly(nuB, e);
  const half = e < 1e-12 ? psi / 2 / n : (Math.PI - (E0 - e * Math.sin(E0))) / n;
  const freeFlight = psi > 0 ? 2 * half : 0;
  return {
    launch,
    target,
    rangeKm: R * psi,
    rangeAngle: psi,
    burnoutSpeedKmS: Math.sqrt((Q * EARTH_MU_KM3_S2) / R),
    flightPathAngleDeg: gamma / DEG,
    apogeeAltitudeKm: psi > 0 ? a * (1 + e) - R : 0,
    burnTimeS,
    burnoutAltitudeKm,
    freeFlightTimeS: freeFlight,
    flightTimeS: burnTimeS + freeFlight,
    semiMajorAxisKm: a,
    eccentricity: e,
    meanMotion: n,
    burnoutEccentricAnomaly: E0,
    u0: unitVector(launch),
    u1: unitVector(target),
  };
}

/** Eccentric anomaly of true anomaly ν on an ellipse of eccentricity e (same half-turn as ν). */
function eccentricAnomaly(nu: number, e: number): number {
  return 2 * Math.atan2(Math.sqrt(1 - e) * Math.sin(nu / 2), Math.sqrt(1 + e) * Math.cos(nu / 2));
}

/** Solves Kepler's equation M = E − e·sin E for E (Newton's method from E = M + e sin M). */
export function solveKepler(M: number, e: number): number {
  let E = M + e * Math.sin(M);
  for (let k = 0; k < 30; k++) {
    const f = E - e * Math.sin(E) - M;
    const d = f / (1 - e * Math.cos(E));
    E -= d;
    if (Math.abs(d) < 1e-13) break;
  }
  return E;
}

/**
 * The missile's state at `timeS` after launch (clamped to the flight): during
 * the boost it climbs linearly to the burnout altitude over the launch point;
 * then it follows the free-flight ellipse, its ground track on the great
 * circle from launch to target.
 */
export function trajectoryState(t: Trajectory, timeS: number): TrajectoryState {
  const time = Math.min(Math.max(0, timeS), t.flightTimeS);
  const R = EARTH_RADIUS_KM;
  if (time < t.burnTimeS || t.rangeAngle === 0) {
    const h = t.burnTimeS > 0 ? (t.burnoutAltitudeKm * time) / t.burnTimeS : 0;
    const r = R + h;
    return {
      timeS: time,
      altitudeKm: h,
      downrangeKm: 0,
      position: { x: r * t.u0.x, y: r * t.u0.y, z: r * t.u0.z },
      phase: 'boost',
    };
  }
  const tf = time - t.burnTimeS;
  const e = t.eccentricity;
  const M0 = t.burnoutEccentricAnomaly - e * Math.sin(t.burnoutEccentricAnomaly);
  const E = solveKepler(M0 + t.meanMotion * tf, e);
  const nu = 2 * Math.atan2(Math.sqrt(1 + e) * Math.sin(E / 2), Math.sqrt(1 - e) * Math.cos(E / 2));
  const r = t.semiMajorAxisKm * (1 - e * Math.cos(E));
  // Angle flown from burnout: ν − ν_b, with ν_b = π − Ψ/2 (ν runs through π at apogee).
  const flown = flownAngle(nu - (Math.PI - t.rangeAngle / 2), t.rangeAngle);
  const u = greatCirclePoint(t.u0, t.u1, t.rangeAngle, flown / t.rangeAngle);
  return {
    timeS: time,
    altitudeKm: Math.max(0, r - R),
    downrangeKm: R * flown,
    position: { x: r * u.x, y: r * u.y, z: r * u.z },
    phase: tf <= t.freeFlightTimeS / 2 ? 'ascent' : 'descent',
  };
}

/**
 * The angle flown since burnout, in [0, Ψ], from the difference of true
 * anomalies taken modulo 2π: values past the midpoint of the unused arc
 * (Ψ, 2π) are rounding below 0, values before it rounding beyond Ψ.
 */
export function flownAngle(difference: number, rangeAngle: number): number {
  const twoPi = 2 * Math.PI;
  const f = ((difference % twoPi) + twoPi) % twoPi;
  if (f > Math.PI + rangeAngle / 2) return 0;
  return Math.min(f, rangeAngle);
}

/**
 * Math.hypot of three numbers, bit for bit, without the array V8's builtin
 * allocates for its arguments: V8 (src/builtins/math.tq, MathHypot) divides
 * each absolute value by the largest, sums the squares with Kahan's
 * compensation and returns √sum · max; this is the same sequence of
 * operations (test: geometry.test.ts compares it with Math.hypot).
 */
export function hypot3(x: number, y: number, z: number): number {
  const ax = Math.abs(x);
  const ay = Math.abs(y);
  const az = Math.abs(z);
  if (Number.isNaN(ax) || Number.isNaN(ay) || Number.isNaN(az))
    return ax === Number.POSITIVE_INFINITY ||
      ay === Number.POSITIVE_INFINITY ||
      az === Number.POSITIVE_INFINITY
      ? Number.POSITIVE_INFINITY
      : Number.NaN;
  let max = 0;
  if (ax > max) max = ax;
  if (ay > max) max = ay;
  if (az > max) max = az;
  if (max === Number.POSITIVE_INFINITY) return max;
  if (max === 0) return 0;
  let sum = 0;
  let compensation = 0;
  let n = ax / max;
  let summand = n * n - compensation;
  let preliminary = sum + summand;
  compensation = preliminary - sum - summand;
  sum = preliminary;
  n = ay / max;
  summand = n * n - compensation;
  preliminary = sum + summand;
  compensation = preliminary - sum - summand;
  sum = preliminary;
  n = az / max;
  summand = n * n - compensation;
  sum += summand;
  return Math.sqrt(sum) * max;
}

/** Straight-line distance between two Earth-centred points, km. */
export function distanceKm(a: Vec3, b: Vec3): number {
  return Math.hypot(a.x - b.x, a.y - b.y, a.z - b.z);
}

/** Earth-centred position of a surface point raised by `altitudeKm`. */
export function surfacePosition(p: LatLon, altitudeKm = 0): Vec3 {
  const u = unitVector(p);
  const r = EARTH_RADIUS_KM + altitudeKm;
  return { x: r * u.x, y: r * u.y, z: r * u.z };
}

/**
 * Elevation of `target` seen from the surface point `site` (position `sitePos`,
 * unit normal `siteUp`), degrees: above the local horizontal when positive.
 * A radar sees a target only at elevations ≥ its minimum (line of sight over
 * the spherical Earth, no refraction).
 */
export function elevationDeg(sitePos: Vec3, siteUp: Vec3, target: Vec3): number {
  const dx = target.x - sitePos.x;
  const dy = target.y - sitePos.y;
  const dz = target.z - sitePos.z;
  const d = Math.hypot(dx, dy, dz);
  if (d === 0) return 90;
  return Math.asin((dx * siteUp.x + dy * siteUp.y + dz * siteUp.z) / d) / DEG;
}

/**
 * Smallest angular distance (radians) from the surface point `p` to the
 * great-circle arc from `u0` to `u1` (unit vectors, central angle `angle`):
 * the perpendicular distance when its foot falls on the arc, else the nearer
 * end point.
 */
export function arcDistance(p: Vec3, u0: Vec3, u1: Vec3, angle: number): number {
  const d0 = Math.acos(clamp1(p.x * u0.x + p.y * u0.y + p.z * u0.z));
  const d1 = Math.acos(clamp1(p.x * u1.x + p.y * u1.y + p.z * u1.z));
  if (angle < 1e-9) return d0;
  // Normal of the great circle through u0 and u1.
  let nx = u0.y * u1.z - u0.z * u1.y;
  let ny = u0.z * u1.x - u0.x * u1.z;
  let nz = u0.x * u1.y - u0.y * u1.x;
  const nn = hypot3(nx, ny, nz);
  if (nn < 1e-12) return Math.min(d0, d1);
  nx /= nn;
  ny /= nn;
  nz /= nn;
  const off = p.x * nx + p.y * ny + p.z * nz;
  // Foot of the perpendicular on the great circle; inside the arc when its angles to both ends are ≤ the arc.
  const fx = p.x - nx * off;
  const fy = p.y - ny * off;
  const fz = p.z - nz * off;
  const fn = hypot3(fx, fy, fz);
  if (fn > 1e-12) {
    const a0 = Math.acos(clamp1((fx * u0.x + fy * u0.y + fz * u0.z) / fn));
    const a1 = Math.acos(clamp1((fx * u1.x + fy * u1.y + fz * u1.z) / fn));
    if (a0 <= angle + 1e-9 && a1 <= angle + 1e-9) return Math.abs(Math.asin(clamp1(off)));
  }
  return Math.min(d0, d1);
}

function clamp1(x: number): number {
  return Math.min(1, Math.max(-1, x));
}
