/**
 * Whether a missile defense can engage a ballistic trajectory, computed from
 * where its interceptors are, how fast and how far they fly, the altitude
 * window of its phase (boost, midcourse, terminal) and when the threat is
 * first tracked — by the defense's own radar or by a cueing sensor. Nothing is
 * declared: a defense engages a trajectory when some point of it, inside the
 * phase's window, is within the interceptor's reach early enough for an
 * interceptor launched after tracking and reaction to arrive in time.
 * Equations and parameters: docs/models/deterrence.md, "Geometry".
 */
import {
  arcDistance,
  EARTH_RADIUS_KM,
  flownAngle,
  greatCircleKm,
  hypot3,
  type LatLon,
  solveKepler,
  surfacePosition,
  type Trajectory,
  trajectoryState,
  unitVector,
  type Vec3,
} from './geometry.js';

/** The phase of flight in which a defense intercepts. */
export type DefensePhase = 'boost' | 'midcourse' | 'terminal';

/** A named surface site with its Earth-centred position and local vertical. */
export interface Site {
  readonly name: string;
  readonly point: LatLon;
  readonly position: Vec3;
  readonly up: Vec3;
  /** Name and coordinates as one string (a memo key). */
  readonly key: string;
}

/** Builds a {@link Site} from a named point. */
export function site(name: string, point: LatLon): Site {
  return {
    name,
    point,
    position: surfacePosition(point),
    up: unitVector(point),
    key: `${name}@${point.lat},${point.lon}`,
  };
}

/** A defense's interceptors as the engagement model reads them. */
export interface InterceptorGeometry {
  readonly phase: DefensePhase;
  readonly sites: readonly Site[];
  /** Interceptor burnout (fly-out) speed, km/s. */
  readonly speedKmS: number;
  /** Interceptor burn time, s: the fly-out to distance d takes burn/2 + d/v (constant acceleration to v). */
  readonly burnTimeS: number;
  /** Largest distance from its site at which an interceptor can engage, km (slant range). */
  readonly rangeKm: number;
  /** Altitude window of intercepts, km. */
  readonly minAltitudeKm: number;
  readonly maxAltitudeKm: number;
  /** Time from first track to interceptor launch, s. */
  readonly reactionTimeS: number;
  /** Range of the defense's own fire-control radar at its sites, km (0 = none: it needs a cueing sensor). */
  readonly radarRangeKm: number;
}

/** A sensor (radar) that can track threats and cue defenses. */
export interface Sensor {
  readonly id: string;
  readonly name: string;
  readonly sites: readonly Site[];
  readonly rangeKm: number;
  /** Lowest elevation at which it sees a target, degrees. */
  readonly minElevationDeg: number;
  /** The defenses it cues, each with the single-shot Pk and discrimination a cued engagement reaches (when higher). */
  readonly cues: readonly SensorCue[];
}

/** A sensor's cue of one defense. */
export interface SensorCue {
  readonly defense: string;
  /** Attackers against whom the cue applies (absent: all). */
  readonly against?: readonly string[] | undefined;
  readonly pk?: number | undefined;
  readonly discrimination?: number | undefined;
}

/** Why a trajectory can or cannot be engaged, with the numbers behind it. */
export interface Engagement {
  readonly engageable: boolean;
  /** One sentence with the deciding numbers. */
  readonly reason: string;
  /** When the threat is first tracked (s after launch) and by what (`own radar` or a sensor id); undefined when never. */
  readonly trackTimeS?: number | undefined;
  readonly trackedBy?: string | undefined;
  /** The earliest feasible intercept (when engageable). */
  readonly site?: string | undefined;
  readonly interceptTimeS?: number | undefined;
  readonly interceptAltitudeKm?: number | undefined;
  readonly distanceKm?: number | undefined;
  /** Interceptor fly-out time to that point, s. */
  readonly flyoutS?: number | undefined;
  /** Latest interceptor launch time that still arrives, minus the actual launch time, s (≥ 0 when engageable). */
  readonly marginS?: number | undefined;
  /** Closest distance from a site to the trajectory inside the phase window, km (undefined: never in the window). */
  readonly closestKm?: number | undefined;
  /** Sensors whose cue applies to this engagement (they track the threat before the intercept). */
  readonly cuedBy: readonly string[];
}

/** The first sample at which a sensor sees a trajectory and the last grid time before it: the refined time is in (lo, first]. */
export interface SeenBracket {
  readonly first: number;
  readonly lo: number;
}

/** The cue list of an engagement no sensor cues (shared: results are many, the list is read only). */
const NO_CUES: readonly string[] = Object.freeze([]);

/** Relative slack of the squared-distance pre-test in {@link engage} (far above the few ulps by which it can differ from Math.hypot). */
const SLACK = 1 + 1e-9;

/** A radar that can track a threat for an engagement: the own radar of a defense or a cueing sensor (built once, reused by every engagement). */
interface TrackerSpec {
  readonly id: string;
  /** Memo key of its first-seen times on a trajectory (`own:<defense>` or `sensor:<id>`). */
  readonly key: string;
  readonly sites: readonly Site[];
  readonly rangeKm: number;
  readonly minElevationDeg: number;
}

/** The tracker of each sensor object. */
const sensorTrackers = new WeakMap<Sensor, TrackerSpec>();
/** The own-radar tracker of each defense geometry, by the defense id it is examined under. */
const ownTrackers = new WeakMap<InterceptorGeometry, Map<string, TrackerSpec>>();
/** The sensors of a list that cue defense `id` against attacker `a` (first matching cue), by defense id, then attacker. */
const cueingSensors = new WeakMap<readonly Sensor[], Map<string, Map<string, TrackerSpec[]>>>();
/** The window key of a defense geometry: its phase and altitude window (the grid alone for midcourse). */
const windowKeys = new WeakMap<InterceptorGeometry, string>();

function windowKeyOf(d: InterceptorGeometry): string {
  let k = windowKeys.get(d);
  if (k === undefined) {
    k = d.phase === 'midcourse' ? 'midcourse' : `${d.phase}|${d.minAltitudeKm}|${d.maxAltitudeKm}`;
    windowKeys.set(d, k);
  }
  return k;
}

/** The map stored under `key` in `outer` (a Map or WeakMap of maps), created empty when absent. */
function mapIn<K, K2, V>(
  outer: { get(k: K): Map<K2, V> | undefined; set(k: K, v: Map<K2, V>): unknown },
  key: K,
): Map<K2, V> {
  let m = outer.get(key);
  if (!m) {
    m = new Map();
    outer.set(key, m);
  }
  return m;
}

function ownTracker(defense: InterceptorGeometry, defenseId: string): TrackerSpec {
  const byId = mapIn(ownTrackers, defense);
  let x = byId.get(defenseId);
  if (!x) {
    x = {
      id: 'own radar',
      key: `own:${defenseId}`,
      sites: defense.sites,
      rangeKm: defense.radarRangeKm,
      minElevationDeg: 0,
    };
    byId.set(defenseId, x);
  }
  return x;
}

/** The trackers of `sensors` with a cue for `defenseId` against `attacker`, in list order. */
function cueingTrackers(sensors: readonly Sensor[], defenseId: string, attacker: string): TrackerSpec[] {
  const byAttacker = mapIn(mapIn(cueingSensors, sensors), defenseId);
  let list = byAttacker.get(attacker);
  if (!list) {
    list = [];
    for (const sensor of sensors) {
      const cue = sensor.cues.find(
        (c) => c.defense === defenseId && (c.against === undefined || c.against.includes(attacker)),
      );
      if (!cue) continue;
      let x = sensorTrackers.get(sensor);
      if (!x) {
        x = {
          id: sensor.id,
          key: `sensor:${sensor.id}`,
          sites: sensor.sites,
          rangeKm: sensor.rangeKm,
          minElevationDeg: sensor.minElevationDeg,
        };
        sensorTrackers.set(sensor, x);
      }
      list.push(x);
    }
    byAttacker.set(attacker, list);
  }
  return list;
}

/** Samples of the free flight (uniform in eccentric anomaly); the boost and terminal windows get finer grids of their own. */
export const TRAJECTORY_SAMPLES = 16;

/** States of a trajectory as parallel arrays (time s, altitude km, Earth-centred position km, phase 0 boost / 1 ascent / 2 descent). */
export interface Samples {
  readonly n: number;
  readonly time: Float64Array;
  readonly alt: Float64Array;
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly z: Float64Array;
  readonly phase: Float64Array;
}

/**
 * States at boost times `boostTimes` (climbing over the launch point) and at
 * eccentric anomalies `anomalies` of the free flight: t = t_b + (E − e sin E − M_b)/n,
 * r = a(1 − e cos E), true anomaly from E, ground track by spherical
 * interpolation — no Kepler iteration is needed when sampling in E.
 */
function sampleStates(t: Trajectory, boostTimes: readonly number[], anomalies: readonly number[]): Samples {
  const n = boostTimes.length + anomalies.length;
  const arr = () => new Float64Array(n);
  const out: Samples = { n, time: arr(), alt: arr(), x: arr(), y: arr(), z: arr(), phase: arr() };
  let k = 0;
  const R = EARTH_RADIUS_KM;
  for (const time of boostTimes) {
    const h = t.burnTimeS > 0 ? (t.burnoutAltitudeKm * Math.min(time, t.burnTimeS)) / t.burnTimeS : 0;
    const r = R + h;
    out.time[k] = time;
    out.alt[k] = h;
    out.x[k] = r * t.u0.x;
    out.y[k] = r * t.u0.y;
    out.z[k] = r * t.u0.z;
    out.phase[k] = 0;
    k++;
  }
  const e = t.eccentricity;
  const E0 = t.burnoutEccentricAnomaly;
  const M0 = E0 - e * Math.sin(E0);
  const psi = t.rangeAngle;
  const sinPsi = Math.sin(psi);
  const nuB = Math.PI - psi / 2;
  const c1 = Math.sqrt(1 + e);
  const c2 = Math.sqrt(1 - e);
  for (let i = 0; i < anomalies.length; i++) {
    const E = anomalies[i] as number;
    const r = t.semiMajorAxisKm * (1 - e * Math.cos(E));
    const nu = 2 * Math.atan2(c1 * Math.sin(E / 2), c2 * Math.cos(E / 2));
    const flown = flownAngle(nu - nuB, psi);
    const wa = sinPsi > 1e-12 ? Math.sin(psi - flown) / sinPsi : 1;
    const wb = sinPsi > 1e-12 ? Math.sin(flown) / sinPsi : 0;
    out.time[k] = t.burnTimeS + (E - e * Math.sin(E) - M0) / t.meanMotion;
    out.alt[k] = Math.max(0, r - R);
    out.x[k] = r * (wa * t.u0.x + wb * t.u1.x);
    out.y[k] = r * (wa * t.u0.y + wb * t.u1.y);
    out.z[k] = r * (wa * t.u0.z + wb * t.u1.z);
    out.phase[k] = E <= Math.PI ? 1 : 2;
    k++;
  }
  return out;
}

/**
 * A trajectory sampled once for every defense and sensor that examines it:
 * the boost (4 points) and the free flight (uniform in eccentric anomaly),
 * finer grids for the boost and for terminal altitude windows, and the first
 * time each sensor sees it (memoised).
 */
export class SampledTrajectory {
  readonly trajectory: Trajectory;
  private uniform: Samples | undefined;
  // Memo maps, created on first use (most trajectories need few of them).
  private windows: Map<string, Samples> | undefined;
  /** First-seen sample time on the grid, by tracker key. */
  private grids: Map<string, number | undefined> | undefined;
  /** Sample brackets by window key ({@link windowKeyOf}), then tracker key. */
  private brackets: Map<string, Map<string, SeenBracket | undefined>> | undefined;
  /** Refined first-seen times by tracker key, then the bracket's first sample time. */
  private refinements: Map<string, Map<number, number>> | undefined;
  /** The free flight's constants for {@link seenAtTime} (computed on first refinement). */
  private orbit: OrbitConstants | undefined;

  constructor(trajectory: Trajectory) {
    this.trajectory = trajectory;
  }

  /** The boost and free-flight grid (computed on first use). */
  get states(): Samples {
    if (!this.uniform) {
      const t = this.trajectory;
      const boost = t.burnTimeS > 0 ? [0, t.burnTimeS / 2] : [];
      const E0 = t.burnoutEccentricAnomaly;
      const E1 = 2 * Math.PI - E0;
      const free: number[] = [];
      if (t.rangeAngle > 0)
        for (let k = 0; k <= TRAJECTORY_SAMPLES; k++) free.push(E0 + ((E1 - E0) * k) / TRAJECTORY_SAMPLES);
      this.uniform = sampleStates(t, boost, free);
    }
    return this.uniform;
  }

  /** The states a defense examines: the grid, or 25 points across a terminal window, or 17 over the boost. */
  statesFor(d: InterceptorGeometry): Samples {
    const t = this.trajectory;
    if (d.phase === 'midcourse') return this.states;
    const key = windowKeyOf(d);
    const hit = this.windows?.get(key);
    if (hit) return hit;
    let samples: Samples;
    if (d.phase === 'terminal') {
      const eHi = descendingAnomaly(t, Math.min(d.maxAltitudeKm, t.apogeeAltitudeKm));
      const eLo = descendingAnomaly(t, d.minAltitudeKm);
      samples =
        eHi !== undefined && eLo !== undefined
          ? sampleStates(
              t,
              [],
              Array.from({ length: 25 }, (_, k) => eHi + ((eLo - eHi) * k) / 24),
            )
          : sampleStates(t, [], []);
    } else {
      samples = sampleStates(
        t,
        t.burnTimeS > 0 ? Array.from({ length: 17 }, (_, k) => (t.burnTimeS * k) / 16) : [],
        [],
      );
    }
    this.windows ??= new Map();
    this.windows.set(key, samples);
    return samples;
  }

  /**
   * First sample time at which one of `sites` sees the missile within
   * `rangeKm` above `minElevationDeg`, searching the grid and the defense's
   * window, refined by bisection ({@link refineSeen}); memoised by `key`.
   */
  firstSeen(
    key: string,
    sites: readonly Site[],
    rangeKm: number,
    minElevationDeg: number,
    d: InterceptorGeometry,
  ): number | undefined {
    const b = this.seenBracket(key, sites, rangeKm, minElevationDeg, d);
    return b === undefined ? undefined : this.refined(key, b, sites, rangeKm, minElevationDeg);
  }

  /**
   * The sample bracket of the first-seen time before its refinement: `first`,
   * the first sample (grid or the defense's window) at which the missile is
   * seen, and `lo`, the last grid time before it. The refined time lies in
   * (lo, first] (it is `first` when lo is not below it): so a caller can tell
   * whether a refinement could change its answer before paying for it.
   * Undefined when no sample is seen. Memoised: the grid search by `key`, the
   * window search by `key` and the defense's window.
   */
  seenBracket(
    key: string,
    sites: readonly Site[],
    rangeKm: number,
    minElevationDeg: number,
    d: InterceptorGeometry,
  ): SeenBracket | undefined {
    // A midcourse defense examines the grid alone, whatever its altitude window.
    const wk = windowKeyOf(d);
    this.brackets ??= new Map();
    const byKey = mapIn(this.brackets, wk);
    if (byKey.has(key)) return byKey.get(key);
    let grid: number | undefined;
    this.grids ??= new Map();
    if (this.grids.has(key)) grid = this.grids.get(key);
    else {
      grid = firstSeen(this.states, sites, rangeKm, minElevationDeg);
      this.grids.set(key, grid);
    }
    const w = this.statesFor(d);
    const inWin = w === this.states ? undefined : firstSeen(w, sites, rangeKm, minElevationDeg);
    const first = grid === undefined ? inWin : inWin === undefined ? grid : Math.min(grid, inWin);
    let b: SeenBracket | undefined;
    if (first !== undefined) {
      const states = this.states;
      let lo = 0;
      for (let n = 0; n < states.n; n++)
        if ((states.time[n] as number) < first) lo = states.time[n] as number;
      b = { first, lo };
    }
    byKey.set(key, b);
    return b;
  }

  /** The refined first-seen time of a bracket ({@link refineSeen}), memoised by `key` and the bracket. */
  refined(
    key: string,
    b: SeenBracket,
    sites: readonly Site[],
    rangeKm: number,
    minElevationDeg: number,
  ): number {
    this.refinements ??= new Map();
    const byFirst = mapIn(this.refinements, key);
    const hit = byFirst.get(b.first);
    if (hit !== undefined) return hit;
    const v = this.refineSeen(b, sites, rangeKm, minElevationDeg);
    byFirst.set(b.first, v);
    return v;
  }

  /**
   * The first-seen time refined by bisection between the last grid time
   * before `first` (unseen) and `first` (seen): 12 halvings, so the track time
   * is known to within 1/4096 of a grid step.
   */
  private refineSeen(
    b: SeenBracket,
    sites: readonly Site[],
    rangeKm: number,
    minElevationDeg: number,
  ): number {
    const first = b.first;
    let lo = b.lo;
    let hi = first;
    if (!(lo < hi)) return first;
    // No range: never seen, so every step moves `lo` and the answer is `first`.
    if (!(rangeKm > 0)) return first;
    const t = this.trajectory;
    this.orbit ??= orbitConstants(t);
    const k = this.orbit;
    const r2 = rangeKm * rangeKm;
    const sinMin = Math.sin((minElevationDeg * Math.PI) / 180);
    if (seenAtTime(t, k, lo, sites, r2, sinMin)) return first;
    for (let i = 0; i < 12; i++) {
      const mid = (lo + hi) / 2;
      if (seenAtTime(t, k, mid, sites, r2, sinMin)) hi = mid;
      else lo = mid;
    }
    return hi;
  }
}

/** Per-trajectory terms of {@link seenAtTime}, each the expression trajectoryState evaluates at every call. */
interface OrbitConstants {
  /** Mean anomaly at burnout, E_b − e sin E_b. */
  readonly M0: number;
  readonly sqrt1pe: number;
  readonly sqrt1me: number;
  /** True anomaly at burnout, π − Ψ/2. */
  readonly nuB: number;
  readonly sinAngle: number;
}

function orbitConstants(t: Trajectory): OrbitConstants {
  const e = t.eccentricity;
  return {
    M0: t.burnoutEccentricAnomaly - e * Math.sin(t.burnoutEccentricAnomaly),
    sqrt1pe: Math.sqrt(1 + e),
    sqrt1me: Math.sqrt(1 - e),
    nuB: Math.PI - t.rangeAngle / 2,
    sinAngle: Math.sin(t.rangeAngle),
  };
}

/**
 * Whether one of `sites` sees the missile of `t` at `timeS` within the range
 * whose square is `r2` above the elevation whose sine is `sinMin` (the range
 * must be positive): {@link trajectoryState} and {@link firstSeen} on that one
 * state, the same arithmetic step by step, with the trajectory's constant
 * terms computed once (`k`), without allocating (the bisection of
 * `refineSeen` calls it a dozen times per sensor and trajectory).
 */
function seenAtTime(
  t: Trajectory,
  k: OrbitConstants,
  timeS: number,
  sites: readonly Site[],
  r2: number,
  sinMin: number,
): boolean {
  const time = Math.min(Math.max(0, timeS), t.flightTimeS);
  const R = EARTH_RADIUS_KM;
  let x: number;
  let y: number;
  let z: number;
  if (time < t.burnTimeS || t.rangeAngle === 0) {
    const h = t.burnTimeS > 0 ? (t.burnoutAltitudeKm * time) / t.burnTimeS : 0;
    const r = R + h;
    x = r * t.u0.x;
    y = r * t.u0.y;
    z = r * t.u0.z;
  } else {
    const tf = time - t.burnTimeS;
    const e = t.eccentricity;
    const E = solveKepler(k.M0 + t.meanMotion * tf, e);
    const nu = 2 * Math.atan2(k.sqrt1pe * Math.sin(E / 2), k.sqrt1me * Math.cos(E / 2));
    const r = t.semiMajorAxisKm * (1 - e * Math.cos(E));
    const flown = flownAngle(nu - k.nuB, t.rangeAngle);
    const angle = t.rangeAngle;
    const f = flown / angle;
    const sa = k.sinAngle;
    if (sa < 1e-12) {
      x = r * t.u0.x;
      y = r * t.u0.y;
      z = r * t.u0.z;
    } else {
      const wa = Math.sin((1 - f) * angle) / sa;
      const wb = Math.sin(f * angle) / sa;
      x = r * (wa * t.u0.x + wb * t.u1.x);
      y = r * (wa * t.u0.y + wb * t.u1.y);
      z = r * (wa * t.u0.z + wb * t.u1.z);
    }
  }
  for (let i = 0; i < sites.length; i++) {
    const st = sites[i] as Site;
    const dx = x - st.position.x;
    const dy = y - st.position.y;
    const dz = z - st.position.z;
    const d2 = dx * dx + dy * dy + dz * dz;
    if (d2 > r2) continue;
    if (dx * st.up.x + dy * st.up.y + dz * st.up.z >= sinMin * Math.sqrt(d2)) return true;
  }
  return false;
}

/** Eccentric anomaly at which the descending missile passes `altitudeKm` (undefined when its apogee is lower). */
function descendingAnomaly(t: Trajectory, altitudeKm: number): number | undefined {
  if (t.rangeAngle === 0 || altitudeKm > t.apogeeAltitudeKm + 1e-9) return undefined;
  const e = t.eccentricity;
  if (e < 1e-12) return undefined;
  const c = (1 - (EARTH_RADIUS_KM + Math.max(0, altitudeKm)) / t.semiMajorAxisKm) / e;
  if (c < -1 - 1e-12 || c > 1 + 1e-12) return undefined;
  return Math.min(
    2 * Math.PI - t.burnoutEccentricAnomaly,
    2 * Math.PI - Math.acos(Math.max(-1, Math.min(1, c))),
  );
}

/**
 * Time after launch at which the descending missile passes `altitudeKm`
 * (undefined when its apogee is lower): on the ellipse r = a(1 − e cos E),
 * descending branch E = 2π − arccos((1 − r/a)/e), t = t_b + (M − M_b)/n.
 */
export function timeAtDescendingAltitude(t: Trajectory, altitudeKm: number): number | undefined {
  if (t.rangeAngle === 0 || altitudeKm > t.apogeeAltitudeKm) return undefined;
  const r = EARTH_RADIUS_KM + Math.max(0, altitudeKm);
  const e = t.eccentricity;
  if (e < 1e-12) return undefined;
  const c = (1 - r / t.semiMajorAxisKm) / e;
  if (c < -1 || c > 1) return undefined;
  const E = 2 * Math.PI - Math.acos(c);
  const M0 = t.burnoutEccentricAnomaly - e * Math.sin(t.burnoutEccentricAnomaly);
  const time = t.burnTimeS + (E - e * Math.sin(E) - M0) / t.meanMotion;
  return Math.min(t.flightTimeS, Math.max(t.burnTimeS, time));
}

function inWindow(s: Samples, k: number, d: InterceptorGeometry): boolean {
  const alt = s.alt[k] as number;
  if (alt < d.minAltitudeKm || alt > d.maxAltitudeKm) return false;
  const phase = s.phase[k] as number;
  if (d.phase === 'boost') return phase === 0;
  if (d.phase === 'terminal') return phase === 2;
  return phase !== 0;
}

/** First sample time at which one of `sites` sees the state within `rangeKm` above `minElevationDeg`. */
function firstSeen(
  s: Samples,
  sites: readonly Site[],
  rangeKm: number,
  minElevationDeg: number,
): number | undefined {
  if (!(rangeKm > 0)) return undefined;
  const r2 = rangeKm * rangeKm;
  const sinMin = Math.sin((minElevationDeg * Math.PI) / 180);
  for (let k = 0; k < s.n; k++) {
    for (const st of sites) {
      const dx = (s.x[k] as number) - st.position.x;
      const dy = (s.y[k] as number) - st.position.y;
      const dz = (s.z[k] as number) - st.position.z;
      const d2 = dx * dx + dy * dy + dz * dz;
      if (d2 > r2) continue;
      if (dx * st.up.x + dy * st.up.y + dz * st.up.z >= sinMin * Math.sqrt(d2)) return s.time[k];
    }
  }
  return undefined;
}

const fmt = (x: number) => (Math.abs(x) >= 100 ? String(Math.round(x)) : x.toFixed(1));

/** Largest ground distance from its target at which a descending missile can be inside a terminal window, km (γ ≥ 10°). */
function terminalReachKm(d: InterceptorGeometry): number {
  return d.rangeKm + d.maxAltitudeKm / Math.tan((10 * Math.PI) / 180);
}

/**
 * The cheap tests that rule an engagement out before the trajectory is
 * sampled: a terminal defense only engages warheads aimed within
 * {@link terminalReachKm} of a site; no defense reaches a missile whose ground
 * track passes farther than its range from every site (the slant distance to a
 * point above the track is at least the chord to the track). Undefined when
 * neither rules it out.
 */
export function outOfReach(
  defense: InterceptorGeometry,
  u0: Vec3,
  u1: Vec3,
  rangeAngle: number,
  target: LatLon,
  explain = true,
): Engagement | undefined {
  if (defense.phase === 'terminal') {
    const reach = terminalReachKm(defense);
    let nearest = Number.POSITIVE_INFINITY;
    for (const st of defense.sites) nearest = Math.min(nearest, greatCircleKm(st.point, target));
    if (nearest > reach)
      return {
        engageable: false,
        reason: explain
          ? `its target is ${fmt(nearest)} km from the nearest site: a terminal defense reaching ${fmt(defense.rangeKm)} km engages only warheads descending within about ${fmt(reach)} km of its sites`
          : '',
        closestKm: undefined,
        cuedBy: NO_CUES,
      };
  }
  let chord = Number.POSITIVE_INFINITY;
  for (const st of defense.sites)
    chord = Math.min(chord, 2 * EARTH_RADIUS_KM * Math.sin(arcDistance(st.up, u0, u1, rangeAngle) / 2));
  if (chord > defense.rangeKm)
    return {
      engageable: false,
      reason: explain
        ? `the ground track passes ${fmt(chord)} km from the nearest site, beyond the interceptor's ${fmt(defense.rangeKm)} km reach`
        : '',
      closestKm: chord,
      cuedBy: NO_CUES,
    };
  return undefined;
}

/**
 * Whether `defense` (id `defenseId`) can engage the trajectory `t` of a
 * missile of `attacker`, given the enabled `sensors` of its side. The threat
 * is tracked from the first sample at which the defense's own radar (range
 * `radarRangeKm` at its sites, elevation ≥ 0°) or a sensor that cues this
 * defense against `attacker` sees it. An intercept at sample time τ from site
 * s is feasible when the missile is inside the phase's window (boost; midcourse
 * = after burnout; terminal = descending), its altitude in [min, max], its
 * distance d(τ) to s ≤ the interceptor's range, and
 * t_track + reaction + burn/2 + d(τ)/v ≤ τ. The earliest feasible sample is
 * reported, or, when there is none, the binding constraint.
 */
export function engage(
  trajectory: Trajectory | SampledTrajectory,
  defense: InterceptorGeometry,
  defenseId: string,
  attacker: string,
  sensors: readonly Sensor[],
  explain = true,
): Engagement {
  const sampled = trajectory instanceof SampledTrajectory ? trajectory : new SampledTrajectory(trajectory);
  const t = sampled.trajectory;
  const quick = outOfReach(defense, t.u0, t.u1, t.rangeAngle, t.target, explain);
  if (quick) return quick;
  return engageInReach(sampled, defense, defenseId, attacker, sensors, explain);
}

/** The trackers of the engagement being evaluated, their brackets and refined times (NaN: not yet refined); reused. */
const scratchTrackers: TrackerSpec[] = [];
const scratchBrackets: SeenBracket[] = [];
let scratchTimes = new Float64Array(16);

/** Appends a tracker and its bracket to the scratch lists at index `n` (its time not yet refined). */
function putTracker(n: number, x: TrackerSpec, b: SeenBracket): void {
  scratchTrackers[n] = x;
  scratchBrackets[n] = b;
  scratchTimes[n] = Number.NaN;
}

/** The refined first-seen time of tracker `i` of the scratch lists, computed once per engagement. */
function trackerTime(sampled: SampledTrajectory, i: number): number {
  let v = scratchTimes[i] as number;
  if (Number.isNaN(v)) {
    const x = scratchTrackers[i] as TrackerSpec;
    v = sampled.refined(x.key, scratchBrackets[i] as SeenBracket, x.sites, x.rangeKm, x.minElevationDeg);
    scratchTimes[i] = v;
  }
  return v;
}

/**
 * {@link engage} of a trajectory that {@link outOfReach} does not rule out
 * (the caller has checked): the tracking and the intercept search.
 */
export function engageInReach(
  sampled: SampledTrajectory,
  defense: InterceptorGeometry,
  defenseId: string,
  attacker: string,
  sensors: readonly Sensor[],
  explain = true,
): Engagement {
  const t = sampled.trajectory;
  const states = sampled.statesFor(defense);
  // Who tracks the threat, and when: the own radar, then each sensor cueing this defense against
  // `attacker`, in order (a later one takes over only when strictly earlier). A refined first-seen
  // time lies in (lo, first] of its sample bracket, so only the trackers whose bracket could hold
  // the earliest time are refined here; the others are refined below only when their cue's
  // timing relative to the intercept is not decided by the bracket. Same result as refining all.
  let nTrackers = 0;
  const cueing = cueingTrackers(sensors, defenseId, attacker);
  if (scratchTimes.length < cueing.length + 1) scratchTimes = new Float64Array(2 * (cueing.length + 1));
  const ownSpec = ownTracker(defense, defenseId);
  const own = sampled.seenBracket(ownSpec.key, ownSpec.sites, ownSpec.rangeKm, 0, defense);
  if (own) {
    putTracker(nTrackers++, ownSpec, own);
  }
  const firstCue = nTrackers;
  for (const x of cueing) {
    const b = sampled.seenBracket(x.key, x.sites, x.rangeKm, x.minElevationDeg, defense);
    if (b === undefined) continue;
    putTracker(nTrackers++, x, b);
  }
  let bound = Number.POSITIVE_INFINITY;
  for (let i = 0; i < nTrackers; i++) {
    const first = (scratchBrackets[i] as SeenBracket).first;
    if (first < bound) bound = first;
  }
  let trackTimeS: number | undefined;
  let trackedBy: string | undefined;
  for (let i = 0; i < nTrackers; i++) {
    const b = scratchBrackets[i] as SeenBracket;
    // Refined time > lo ≥ bound ≥ the earliest refined time: it can neither win nor tie.
    if (b.lo < b.first && b.lo >= bound) continue;
    const time = trackerTime(sampled, i);
    if (trackTimeS === undefined || time < trackTimeS) {
      trackTimeS = time;
      trackedBy = (scratchTrackers[i] as TrackerSpec).id;
    }
  }
  let closest = Number.POSITIVE_INFINITY;
  let bestLate = Number.POSITIVE_INFINITY;
  for (let k = 0; k < states.n; k++) {
    if (!inWindow(states, k, defense)) continue;
    const time = states.time[k] as number;
    const alt = states.alt[k] as number;
    for (const st of defense.sites) {
      const dx = (states.x[k] as number) - st.position.x;
      const dy = (states.y[k] as number) - st.position.y;
      const dz = (states.z[k] as number) - st.position.z;
      // Math.hypot only where it can matter: √(dx²+dy²+dz²) is within a few ulps of it, so a sample
      // farther than the closest so far and than the reach (with a relative slack of 1e-9) changes nothing.
      const d2 = dx * dx + dy * dy + dz * dz;
      if (d2 > closest * closest * SLACK && d2 > defense.rangeKm * defense.rangeKm * SLACK) continue;
      const d = hypot3(dx, dy, dz);
      if (d < closest) closest = d;
      if (d > defense.rangeKm || trackTimeS === undefined) continue;
      const flyout = defense.burnTimeS / 2 + d / defense.speedKmS;
      const launch = trackTimeS + defense.reactionTimeS;
      const margin = time - flyout - launch;
      if (margin >= 0) {
        // The sensors that track the threat by the intercept (refined first-seen time ≤ time).
        let cuedBy: string[] | undefined;
        for (let i = firstCue; i < nTrackers; i++) {
          const b = scratchBrackets[i] as SeenBracket;
          const cues =
            b.first <= time ? true : b.lo < b.first && b.lo >= time ? false : trackerTime(sampled, i) <= time;
          if (!cues) continue;
          cuedBy ??= [];
          cuedBy.push((scratchTrackers[i] as TrackerSpec).id);
        }
        return {
          engageable: true,
          reason: !explain
            ? ''
            : `intercept from ${st.name} at ${fmt(time)} s, altitude ${fmt(alt)} km, ${fmt(d)} km away (fly-out ${fmt(flyout)} s at ${defense.speedKmS} km/s; tracked at ${fmt(trackTimeS)} s by ${trackedBy}, launch at ${fmt(launch)} s)`,
          trackTimeS,
          trackedBy,
          site: st.name,
          interceptTimeS: time,
          interceptAltitudeKm: alt,
          distanceKm: d,
          flyoutS: flyout,
          marginS: margin,
          closestKm: closest,
          cuedBy: cuedBy ?? [],
        };
      }
      if (-margin < bestLate) bestLate = -margin;
    }
  }
  const window = `${defense.phase} window (${defense.minAltitudeKm}–${defense.maxAltitudeKm} km)`;
  let reason = '';
  if (!explain) reason = '';
  else if (!Number.isFinite(closest))
    reason = `the trajectory (apogee ${fmt(t.apogeeAltitudeKm)} km) never enters the ${window}`;
  else if (closest > defense.rangeKm)
    reason = `closest approach in the ${window} is ${fmt(closest)} km from a site, beyond the interceptor's ${fmt(defense.rangeKm)} km reach`;
  else if (trackTimeS === undefined)
    reason = 'never tracked: no radar of its own in range and no cueing sensor sees the trajectory';
  else
    reason = `within reach, but the interceptor arrives at least ${fmt(bestLate)} s too late (tracked at ${fmt(trackTimeS)} s by ${trackedBy}, reaction ${defense.reactionTimeS} s, ${defense.speedKmS} km/s)`;
  return {
    engageable: false,
    reason,
    trackTimeS,
    trackedBy,
    closestKm: Number.isFinite(closest) ? closest : undefined,
    cuedBy: NO_CUES,
  };
}
