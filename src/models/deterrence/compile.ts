/**
 * An actor's forces and defenses compiled into the form the exchange reads:
 * warheads per system, the escape share of the alert posture, defaults filled
 * (soft-target hardness, one launcher per aim point, no decoys), and each
 * defense as an attrition layer (defense.ts) unless the options switch the
 * actor's defenses off.
 */
import type { Basing, City, CoverageRule, GeoPoint } from '../../world/forces.js';
import type { Actor } from '../../world/schema.js';
import type { GeometryCache, SharedTrajectoryEntry } from './coverage.js';
import type { DefenseLayer } from './defense.js';
import { type InterceptorGeometry, type Sensor, type Site, site } from './engagement.js';
import type { DeterrenceOptions } from './options.js';

/** One delivery system as the exchange reads it. */
export interface CompiledSystem {
  readonly id: string;
  readonly basing: Basing;
  readonly warheads: number;
  readonly launchers: number;
  readonly warheadsPerLauncher: number;
  readonly yieldKt: number;
  readonly cepM: number;
  readonly reliability: number;
  readonly escape: number;
  readonly hardnessPsi: number;
  readonly launchersPerAimPoint: number;
  readonly decoysPerWarhead: number;
  readonly reaches: readonly string[] | undefined;
  /** Launch areas the launchers are spread over (evenly); empty when the system has no geometry. */
  readonly areas: readonly Site[];
  /** The system's own boost time (s) when the world gives one; otherwise the default of each trajectory's range class ({@link boostOf}). */
  readonly ownBurnTimeS: number | undefined;
}

/** One defense as the exchange reads it: its attrition layer and what it protects against whom. */
export interface CompiledDefense {
  readonly id: string;
  readonly name: string;
  readonly layer: DefenseLayer;
  /** Its engagement geometry when it has sites (what it engages is then computed). */
  readonly geometry: InterceptorGeometry | undefined;
  readonly protectsValue: boolean;
  readonly protectsForces: boolean;
  readonly coverage: readonly CoverageRule[];
}

/** An actor's forces and defenses in the form the exchange reads (built once per call). */
export interface CompiledActor {
  readonly id: string;
  readonly systems: readonly CompiledSystem[];
  readonly defenses: readonly CompiledDefense[];
  /** Its enabled sensors (cueing its defenses). */
  readonly sensors: readonly Sensor[];
  /** Its value targets as aim points (largest cities, the rest by grid cell), population weights summing to 1. */
  readonly valueTargets: readonly TargetPoint[];
  /** Its cities (value target set of the damage model); undefined when the world gives none. */
  readonly cities: readonly City[] | undefined;
  /** Memo of computed coverages of this actor's defenses, by attacker and target kind (filled lazily). */
  readonly coverageMemo: Map<string, unknown>;
  /** The caller's cache shared between compilations (trajectories, engagements, value targets, damage curves). */
  readonly geometryCache: GeometryCache | undefined;
  /** The shared trajectories and engagements against this actor's geometry (from `geometryCache`). */
  readonly sharedTrajectories: Map<string, SharedTrajectoryEntry> | undefined;
}

/** An aim point of an actor's value and its share of the actor's value-target population. */
export interface TargetPoint {
  readonly site: Site;
  readonly weight: number;
}

/** Cities aimed at individually; the rest are grouped by grid cell. */
export const INDIVIDUAL_TARGET_CITIES = 5;
/** Size of the grid cells grouping the smaller cities into aim points, degrees. */
export const TARGET_CELL_DEG = 15;

/**
 * An actor's value targets as aim points for the geometry: its largest
 * {@link INDIVIDUAL_TARGET_CITIES} cities each, and the others grouped into
 * cells of {@link TARGET_CELL_DEG}° at their population-weighted centre; each
 * point weighted by its share of the cities' population. Without cities, the
 * actor's launch areas (equal weights) stand in; without either, none.
 */
export function valueTargets(cities: readonly City[] | undefined, areas: readonly GeoPoint[]): TargetPoint[] {
  if (!cities || cities.length === 0)
    return areas.map((a) => ({ site: site(a.name, a), weight: 1 / areas.length }));
  const sorted = [...cities].sort((x, y) => y.population - x.population || (x.name < y.name ? -1 : 1));
  const total = sorted.reduce((t, c) => t + c.population, 0);
  if (!(total > 0)) return [];
  const out: TargetPoint[] = sorted
    .slice(0, INDIVIDUAL_TARGET_CITIES)
    .map((c) => ({ site: site(c.name, c), weight: c.population / total }));
  const cells = new Map<string, { lat: number; lon: number; pop: number; n: number }>();
  for (const c of sorted.slice(INDIVIDUAL_TARGET_CITIES)) {
    const key = `${Math.floor(c.lat / TARGET_CELL_DEG)},${Math.floor(c.lon / TARGET_CELL_DEG)}`;
    const cell = cells.get(key) ?? { lat: 0, lon: 0, pop: 0, n: 0 };
    cell.lat += c.lat * c.population;
    cell.lon += c.lon * c.population;
    cell.pop += c.population;
    cell.n += 1;
    cells.set(key, cell);
  }
  for (const [key, cell] of [...cells.entries()].sort(([x], [y]) => (x < y ? -1 : 1))) {
    if (!(cell.pop > 0)) continue;
    const point = { lat: cell.lat / cell.pop, lon: cell.lon / cell.pop };
    out.push({ site: site(`cell ${key} (${cell.n} cities)`, point), weight: cell.pop / total });
  }
  return out;
}

/**
 * Ground range from which a trajectory is intercontinental, km: the 5,500 km
 * that arms-control treaties use to separate ICBMs from shorter-range missiles
 * (INF, START).
 */
export const INTERCONTINENTAL_RANGE_KM = 5500;

/** Boost time and burnout altitude of an intercontinental missile (assumption, docs/models/deterrence.md §3.1). */
const INTERCONTINENTAL_BOOST = { burnTimeS: 180, burnoutAltitudeKm: 200 } as const;
/** Boost time and burnout altitude of a regional missile (assumption, docs/models/deterrence.md §3.1). */
const REGIONAL_BOOST = { burnTimeS: 120, burnoutAltitudeKm: 120 } as const;

/**
 * The boost of system `s` on a trajectory of `rangeKm` of ground range: the
 * intercontinental boost (180 s, 200 km) for an intercontinental system (no
 * `reaches` list) and for any trajectory of at least
 * {@link INTERCONTINENTAL_RANGE_KM} (a missile flying that far is of the
 * intercontinental class, whatever its system's list says: North Korea's
 * aggregate aimed at the US), the regional boost (120 s, 120 km) for a
 * regional system's shorter shots. A system's own `burnTimeS` overrides the
 * time.
 */
export function boostOf(
  s: CompiledSystem,
  rangeKm: number,
): { burnTimeS: number; burnoutAltitudeKm: number } {
  const d =
    s.reaches === undefined || rangeKm >= INTERCONTINENTAL_RANGE_KM ? INTERCONTINENTAL_BOOST : REGIONAL_BOOST;
  return { burnTimeS: s.ownBurnTimeS ?? d.burnTimeS, burnoutAltitudeKm: d.burnoutAltitudeKm };
}

/**
 * Builds the exchange's view of one actor under the given options (posture,
 * soft hardness, disabled defenses). With a `cache` (coverage.ts's
 * `geometryCache`), trajectories, engagements, value targets and damage
 * curves computed for one compilation are reused by the next that has the
 * same geometry: results are the same with or without it.
 */
export function compileActor(
  id: string,
  actor: Actor,
  options: DeterrenceOptions,
  cache?: GeometryCache,
): CompiledActor {
  const systems: CompiledSystem[] = [];
  const launchAreas = actor.forces?.launchAreas ?? {};
  // One Site per launch area, shared by the systems based there (the coverage memo keys trajectories by Site).
  const areaSites = new Map<string, Site>();
  for (const [sid, s] of Object.entries(actor.forces?.systems ?? {})) {
    const areas: Site[] = [];
    for (const aid of s.launchAreas ?? []) {
      const a = launchAreas[aid];
      if (!a) continue;
      let x = areaSites.get(aid);
      if (!x) {
        x = site(a.name, a);
        areaSites.set(aid, x);
      }
      areas.push(x);
    }
    systems.push({
      id: sid,
      basing: s.basing,
      warheads: s.launchers * s.warheadsPerLauncher,
      launchers: s.launchers,
      warheadsPerLauncher: s.warheadsPerLauncher,
      yieldKt: s.yieldKt,
      cepM: s.cepM,
      reliability: s.reliability,
      escape: options.posture === 'generated' ? s.alertGenerated : s.alertDayToDay,
      hardnessPsi: s.hardnessPsi ?? options.softTargetHardnessPsi,
      launchersPerAimPoint: s.launchersPerAimPoint ?? 1,
      decoysPerWarhead: s.decoysPerWarhead ?? 0,
      reaches: s.reaches,
      areas,
      ownBurnTimeS: s.burnTimeS,
    });
  }
  const defenses: CompiledDefense[] = [];
  const sensors: Sensor[] = [];
  if (!options.disableDefenses.includes(id)) {
    for (const [did, d] of Object.entries(actor.defenses ?? {})) {
      const protects = d.protects ?? ['value'];
      defenses.push({
        id: did,
        name: d.name,
        geometry: d.sites
          ? {
              phase: d.phase ?? 'midcourse',
              sites: d.sites.map((p) => site(p.name, p)),
              speedKmS: d.interceptorSpeedKmS ?? 1,
              burnTimeS: d.interceptorBurnTimeS ?? 0,
              rangeKm: d.interceptorRangeKm ?? 0,
              minAltitudeKm: d.minAltitudeKm ?? 0,
              maxAltitudeKm: d.maxAltitudeKm ?? 0,
              reactionTimeS: d.reactionTimeS ?? 0,
              radarRangeKm: d.radarRangeKm ?? 0,
            }
          : undefined,
        layer: {
          interceptors: d.interceptors,
          pk: d.pk,
          salvo: d.salvo ?? 1,
          shootLookShoot: d.shootLookShoot ?? false,
          discrimination: d.discrimination ?? 1,
          trackProbability: d.trackProbability ?? 1,
        },
        protectsValue: protects.includes('value'),
        protectsForces: protects.includes('forces'),
        coverage: d.coverage ?? [{ attacker: '*' }],
      });
    }
    for (const [sid, x] of Object.entries(actor.sensors ?? {})) {
      const key = `${id}.${sid}`;
      const on = x.enabled !== false || options.enableSensors.includes(key);
      if (!on || options.disableSensors.includes(key)) continue;
      sensors.push({
        id: sid,
        name: x.name,
        sites: x.sites.map((p) => site(p.name, p)),
        rangeKm: x.rangeKm,
        minElevationDeg: x.minElevationDeg ?? 0,
        cues: x.cues ?? [],
      });
    }
  }
  const cities = actor.cities;
  let targets: TargetPoint[] | undefined;
  if (cache && cities && cities.length > 0) {
    targets = cache.valueTargets.get(cities);
    if (!targets) {
      targets = valueTargets(cities, Object.values(launchAreas));
      cache.valueTargets.set(cities, targets);
    }
  }
  return {
    id,
    systems,
    defenses,
    sensors,
    valueTargets: targets ?? valueTargets(cities, Object.values(launchAreas)),
    cities,
    coverageMemo: new Map(),
    geometryCache: cache,
    sharedTrajectories: cache ? sharedTrajectoriesOf(cache, geometryKeyOf(id, defenses, sensors)) : undefined,
  };
}

function sharedTrajectoriesOf(cache: GeometryCache, key: string): Map<string, SharedTrajectoryEntry> {
  let m = cache.trajectories.get(key);
  if (!m) {
    if (cache.trajectories.size >= 1_000) cache.trajectories.clear();
    m = new Map();
    cache.trajectories.set(key, m);
  }
  return m;
}

/** The defender's geometry as a key: its id, each defense with sites and each enabled sensor with its cues. */
function geometryKeyOf(id: string, defenses: readonly CompiledDefense[], sensors: readonly Sensor[]): string {
  const parts: unknown[] = [id];
  for (const d of defenses) {
    const g = d.geometry;
    if (!g) continue;
    parts.push([
      d.id,
      g.phase,
      g.sites.map((x) => x.key),
      g.speedKmS,
      g.burnTimeS,
      g.rangeKm,
      g.minAltitudeKm,
      g.maxAltitudeKm,
      g.reactionTimeS,
      g.radarRangeKm,
    ]);
  }
  for (const x of sensors)
    parts.push([x.id, x.sites.map((y) => y.key), x.rangeKm, x.minElevationDeg, x.cues]);
  return JSON.stringify(parts);
}

/** Whether system `s` can reach actor `target` (no `reaches` list: everywhere). */
export function reaches(s: CompiledSystem, target: string): boolean {
  return s.reaches === undefined || s.reaches.includes(target);
}

/**
 * Whether one of the coverage `rules` of a defense applies to `attacker`'s
 * system `s`. Bombers are covered only by a rule that names them — their
 * basing in `basings` or their id in `systems`: a missile defense's tasking
 * against "every attacker" is a tasking against missiles (issue 15: a
 * defense without sites used to engage bombers).
 */
export function covers(rules: readonly CoverageRule[], attacker: string, s: CompiledSystem): boolean {
  for (const r of rules) {
    if (r.attacker !== '*' && r.attacker !== attacker) continue;
    if (r.systems && !r.systems.includes(s.id)) continue;
    if (r.basings && !r.basings.includes(s.basing)) continue;
    if (s.basing === 'bomber' && !r.basings?.includes('bomber') && !r.systems?.includes(s.id)) continue;
    return true;
  }
  return false;
}
