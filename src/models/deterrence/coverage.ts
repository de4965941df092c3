/**
 * Which of a defender's defenses can engage which of an attacker's warheads:
 * for every launch area of an attacker system and every aim point of the
 * defender (value targets or force aim points), the minimum-energy trajectory
 * and, for each defense with sites, the engagement geometry (engagement.ts);
 * defenses without sites follow their coverage rules alone. The result splits
 * each system's warheads by the set of defenses that can engage them, and by
 * the Pk and discrimination that cueing sensors give those engagements.
 */
import { ConcertError, type Problem } from '../../core/errors.js';
import type { Actor, World } from '../../world/schema.js';
import { nuclearActors } from './actors.js';
import {
  type CompiledActor,
  type CompiledDefense,
  type CompiledSystem,
  boostOf,
  compileActor,
  covers,
  reaches,
  type TargetPoint,
} from './compile.js';
import type { LayerOverride } from './defense.js';
import { type Engagement, engageInReach, outOfReach, SampledTrajectory, type Site } from './engagement.js';
import { centralAngle, EARTH_RADIUS_KM, minimumEnergyTrajectory, type Trajectory } from './geometry.js';
import { type DeterrenceOptions, resolveOptions } from './options.js';

/** A share of a system's warheads and the defenses (indices into the list given) that can engage them. */
export interface CoverageSplit {
  readonly fraction: number;
  readonly coveredBy: readonly number[];
  /** Per entry of `coveredBy`: the cued Pk and discrimination (undefined: the defense's own). */
  readonly overrides: readonly (LayerOverride | undefined)[];
}

/** One trajectory of a coverage listing and what each defense makes of it. */
export interface TrajectoryCoverage {
  readonly system: string;
  readonly launchArea: string;
  readonly target: string;
  readonly weight: number;
  readonly trajectory: Trajectory;
  readonly engagement: Engagement;
}

/** Memo of one attacker–defender direction: per launch area, target and boost, the sampled trajectory and its engagements. */
export interface CoverageMemo {
  readonly trajectories: Map<Site, Map<Site, Map<string, TrajectoryEntry>>>;
  readonly splits: Map<string, CoverageSplit[]>;
  /** The cued Pk and discrimination of each engagement met (null: none), for this memo's attacker and defender. */
  readonly overrides: Map<Engagement, LayerOverride | null>;
}

/** A trajectory of a shared cache (sampled when first needed) and its engagements by defense and attacker. */
export interface SharedTrajectoryEntry {
  sampled: SampledTrajectory | undefined;
  readonly engagements: Map<string, Engagement>;
}

interface TrajectoryEntry {
  readonly sampled: SampledTrajectory;
  readonly engagements: Map<string, Engagement>;
}

/** A fresh, empty memo. */
export function coverageMemo(): CoverageMemo {
  return { trajectories: new Map(), splits: new Map(), overrides: new Map() };
}

function entryOf(memo: CoverageMemo, area: Site, target: Site, s: CompiledSystem): TrajectoryEntry {
  let byTarget = memo.trajectories.get(area);
  if (!byTarget) {
    byTarget = new Map();
    memo.trajectories.set(area, byTarget);
  }
  let byBoost = byTarget.get(target);
  if (!byBoost) {
    byBoost = new Map();
    byTarget.set(target, byBoost);
  }
  const boost = boostOf(s, centralAngle(area.point, target.point) * EARTH_RADIUS_KM);
  const bk = `${boost.burnTimeS}|${boost.burnoutAltitudeKm}`;
  let entry = byBoost.get(bk);
  if (!entry) {
    entry = {
      sampled: new SampledTrajectory(
        minimumEnergyTrajectory(area.point, target.point, boost.burnTimeS, boost.burnoutAltitudeKm),
      ),
      engagements: new Map(),
    };
    byBoost.set(bk, entry);
  }
  return entry;
}

/**
 * The engagement of `defense` (index `d` of the defender's list) against the
 * trajectory of `s` from `area` to `target`, memoised in `memo` (one per
 * attacker–defender pair and option set).
 */
export function engagementOf(
  attacker: string,
  defender: CompiledActor,
  defense: CompiledDefense,
  s: CompiledSystem,
  area: Site,
  target: Site,
  memo: CoverageMemo,
  explain = false,
): Engagement {
  const geometry = defense.geometry;
  if (!geometry) return { engageable: true, reason: 'no sites: its coverage rules decide', cuedBy: [] };
  const shared = explain ? undefined : defender.sharedTrajectories;
  if (shared) {
    // Shared across compilations with the defender's geometry (the runs of an ensemble).
    const boost = boostOf(s, centralAngle(area.point, target.point) * EARTH_RADIUS_KM);
    const key = `${area.key}|${target.key}|${boost.burnTimeS}|${boost.burnoutAltitudeKm}`;
    let entry = shared.get(key);
    if (!entry) {
      if (shared.size >= MAX_SHARED_TRAJECTORIES) shared.clear();
      entry = { sampled: undefined, engagements: new Map() };
      shared.set(key, entry);
    }
    const ek = `${defense.id}|${attacker}`;
    const hit = entry.engagements.get(ek);
    if (hit) return hit;
    let e = outOfReach(
      geometry,
      area.up,
      target.up,
      centralAngle(area.point, target.point),
      target.point,
      false,
    );
    if (!e) {
      entry.sampled ??= new SampledTrajectory(
        minimumEnergyTrajectory(area.point, target.point, boost.burnTimeS, boost.burnoutAltitudeKm),
      );
      e = engageInReach(entry.sampled, geometry, defense.id, attacker, defender.sensors, false);
    }
    entry.engagements.set(ek, e);
    return e;
  }
  // Ruled out without building the trajectory (most pairs of a far site and a trajectory).
  const angle = centralAngle(area.point, target.point);
  const quick = outOfReach(geometry, area.up, target.up, angle, target.point, explain);
  if (quick) return quick;
  const entry = entryOf(memo, area, target, s);
  const hit = entry.engagements.get(defense.id);
  if (hit) return hit;
  const e = engageInReach(entry.sampled, geometry, defense.id, attacker, defender.sensors, explain);
  entry.engagements.set(defense.id, e);
  return e;
}

/** Most trajectories a shared geometry cache keeps per defender geometry before it starts again (bounds its memory). */
const MAX_SHARED_TRAJECTORIES = 100_000;

/**
 * Trajectories and engagements shared by every compilation that is given the
 * same cache (compileActor's `cache`): the runs of an ensemble draw Pk,
 * reliability and alert shares but fly the same trajectories past the same
 * sites. Keys hold the defender's whole geometry (sites, interceptors,
 * sensors and their cues), the launch area, the aim point and the boost, so
 * a shared entry is the one a fresh computation would give.
 */
export interface GeometryCache {
  /** By the defender's geometry key (compile.ts), then by launch area, aim point and boost. */
  readonly trajectories: Map<string, Map<string, SharedTrajectoryEntry>>;
  /** Value targets by cities list (the same list in every copy of a world). */
  readonly valueTargets: WeakMap<object, TargetPoint[]>;
  /** Damage curves by cities list, then by mean lethal area and central density (the longest computed). */
  readonly curves: WeakMap<object, Map<string, Float64Array>>;
}

/** A fresh, empty geometry cache, for the caller to keep (an ensemble thread keeps one per scenario). */
export function geometryCache(): GeometryCache {
  return { trajectories: new Map(), valueTargets: new WeakMap(), curves: new WeakMap() };
}

/**
 * {@link cueOverride}, memoised per engagement in `memo` (one attacker and one
 * compiled defender; an engagement object belongs to one defense).
 */
function memoCueOverride(
  attacker: string,
  defender: CompiledActor,
  defense: CompiledDefense,
  e: Engagement,
  memo: CoverageMemo,
): LayerOverride | undefined {
  if (e.cuedBy.length === 0) return undefined;
  const hit = memo.overrides.get(e);
  if (hit !== undefined) return hit ?? undefined;
  const o = cueOverride(attacker, defender, defense, e);
  memo.overrides.set(e, o ?? null);
  return o;
}

/** The cued Pk and discrimination of an engagement (undefined when no cue raises them). */
function cueOverride(
  attacker: string,
  defender: CompiledActor,
  defense: CompiledDefense,
  e: Engagement,
): LayerOverride | undefined {
  let pk = defense.layer.pk;
  let discrimination = defense.layer.discrimination;
  for (const sid of e.cuedBy) {
    const sensor = defender.sensors.find((x) => x.id === sid);
    const cue = sensor?.cues.find(
      (c) => c.defense === defense.id && (c.against === undefined || c.against.includes(attacker)),
    );
    if (cue?.pk !== undefined) pk = Math.max(pk, cue.pk);
    if (cue?.discrimination !== undefined) discrimination = Math.max(discrimination, cue.discrimination);
  }
  return pk !== defense.layer.pk || discrimination !== defense.layer.discrimination
    ? { pk, discrimination }
    : undefined;
}

/**
 * How the warheads of attacker system `s`, spread evenly over its launch
 * areas and over `targets` by their weights, split by the set of `defenses`
 * (indices into `candidates`, the defender's defenses that protect these
 * targets) that can engage them. A defense without sites engages all of the
 * system's warheads its coverage rules admit (a non-geometric parameter;
 * bombers only when a rule names them, {@link covers}); one with sites engages
 * the trajectories its geometry reaches (never bombers; none when the system
 * has no launch area or there are no targets). Fractions sum to 1.
 */
export function coverageSplits(
  attacker: string,
  s: CompiledSystem,
  defender: CompiledActor,
  candidates: readonly CompiledDefense[],
  targets: readonly TargetPoint[],
  memo: CoverageMemo,
): CoverageSplit[] {
  const splitKey = `${s.id}#${candidates.map((d) => d.id).join(',')}`;
  const cached = memo.splits.get(splitKey);
  if (cached) return cached;
  const result = computeSplits(attacker, s, defender, candidates, targets, memo);
  memo.splits.set(splitKey, result);
  return result;
}

function computeSplits(
  attacker: string,
  s: CompiledSystem,
  defender: CompiledActor,
  candidates: readonly CompiledDefense[],
  targets: readonly TargetPoint[],
  memo: CoverageMemo,
): CoverageSplit[] {
  const ruled = candidates.map((d) => covers(d.coverage, attacker, s));
  const geometric = candidates.map((d, k) => (ruled[k] ? d.geometry !== undefined : false));
  const base: number[] = [];
  candidates.forEach((d, k) => {
    if (ruled[k] && d.geometry === undefined) base.push(k);
  });
  // Missile defenses do not engage bombers; a system without launch areas has no trajectory to engage.
  if (!geometric.some((g) => g) || s.basing === 'bomber' || s.areas.length === 0 || targets.length === 0)
    return [{ fraction: 1, coveredBy: base, overrides: base.map(() => undefined) }];
  const splits = new Map<
    string,
    { fraction: number; coveredBy: number[]; overrides: (LayerOverride | undefined)[] }
  >();
  // Scratch lists of the defenses engaging one trajectory (copied only for a new split).
  const idx: number[] = [];
  const ovr: (LayerOverride | undefined)[] = [];
  for (const area of s.areas) {
    for (const t of targets) {
      idx.length = 0;
      ovr.length = 0;
      for (let k = 0; k < candidates.length; k++) {
        if (!ruled[k]) continue;
        const d = candidates[k] as CompiledDefense;
        if (d.geometry === undefined) {
          idx.push(k);
          ovr.push(undefined);
          continue;
        }
        const e = engagementOf(attacker, defender, d, s, area, t.site, memo);
        if (!e.engageable) continue;
        idx.push(k);
        ovr.push(memoCueOverride(attacker, defender, d, e, memo));
      }
      let key = '';
      for (let i = 0; i < idx.length; i++) {
        const o = ovr[i];
        key += o ? `${idx[i]}:${o.pk}:${o.discrimination},` : `${idx[i]},`;
      }
      const f = t.weight / s.areas.length;
      const split = splits.get(key);
      if (split) split.fraction += f;
      else splits.set(key, { fraction: f, coveredBy: idx.slice(), overrides: ovr.slice() });
    }
  }
  return [...splits.values()];
}

/**
 * Every trajectory of `attacker`'s systems (those with launch areas and, when
 * `systems` is given, only those) toward `targets`, with what `defense` can
 * do against it: the listing behind `concert deterrence coverage`.
 */
export function trajectoryCoverages(
  attacker: CompiledActor,
  defender: CompiledActor,
  defense: CompiledDefense,
  targets: readonly TargetPoint[],
  targetActor: string,
  systems?: readonly string[],
): TrajectoryCoverage[] {
  const memo = coverageMemo();
  const out: TrajectoryCoverage[] = [];
  for (const s of attacker.systems) {
    if (systems && !systems.includes(s.id)) continue;
    if (s.basing === 'bomber' || s.warheads <= 0 || !reaches(s, targetActor)) continue;
    for (const area of s.areas) {
      for (const t of targets) {
        const ruled = covers(defense.coverage, attacker.id, s);
        const e = ruled
          ? engagementOf(attacker.id, defender, defense, s, area, t.site, memo, true)
          : { engageable: false, reason: 'outside its coverage rules (tasking)', cuedBy: [] };
        const traj = entryOf(memo, area, t.site, s).sampled.trajectory;
        out.push({
          system: s.id,
          launchArea: area.name,
          target: t.site.name,
          weight: t.weight,
          trajectory: traj,
          engagement: e,
        });
      }
    }
  }
  return out;
}

/** What one defense can engage, trajectory by trajectory (the result of {@link defenseCoverage}). */
export interface DefenseCoverage {
  readonly actor: string;
  readonly defense: string;
  readonly name: string;
  readonly geometry: CompiledDefense['geometry'];
  /** The owner's sensors in use that cue this defense. */
  readonly sensors: readonly { id: string; name: string; rangeKm: number; cues: readonly string[] }[];
  /** The actor whose value targets are listed. */
  readonly targetActor: string;
  readonly trajectories: readonly (TrajectoryCoverage & { attacker: string })[];
}

/**
 * What `defense` of `actor` can engage: every trajectory from the launch
 * areas of each attacker's ballistic systems (default: every other armed
 * actor with launch areas) to the value targets of `targetActor` (default:
 * the defense's owner), with the engagement's numbers or the binding
 * constraint (engagement.ts). Sensors are switched as `options` say.
 *
 * @throws {ConcertError} bad input at `defense` when the actor has no such defense, at `attackers[i]`
 *   or `targetActor` for an id that is not an actor of the world.
 * @example
 * defenseCoverage(world, 'USA', 'THAAD-Korea', { attackers: ['CHN'] }).trajectories.some((t) => t.engagement.engageable); // => false
 */
export function defenseCoverage(
  world: World,
  actor: string,
  defense: string,
  request: { attackers?: readonly string[]; targetActor?: string; options?: Partial<DeterrenceOptions> } = {},
): DefenseCoverage {
  const problems: Problem[] = [];
  const owner = Object.hasOwn(world.actors, actor) ? world.actors[actor] : undefined;
  if (!owner)
    problems.push({
      path: ['actor'],
      message: `unknown actor "${actor}": expected one of the world's actor ids`,
    });
  else if (!owner.defenses?.[defense])
    problems.push({
      path: ['defense'],
      message: `${actor} has no defense "${defense}": expected one of ${Object.keys(owner.defenses ?? {}).join(', ') || '(none)'}`,
    });
  const targetActor = request.targetActor ?? actor;
  if (!Object.hasOwn(world.actors, targetActor))
    problems.push({
      path: ['targetActor'],
      message: `unknown actor "${targetActor}": expected one of the world's actor ids`,
    });
  (request.attackers ?? []).forEach((id, i) => {
    if (!Object.hasOwn(world.actors, id))
      problems.push({
        path: ['attackers', i],
        message: `unknown actor "${id}": expected one of the world's actor ids`,
      });
  });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  const o = resolveOptions({ ...request.options, disableDefenses: [] });
  const D = compileActor(actor, owner as Actor, o);
  const d = D.defenses.find((x) => x.id === defense) as CompiledDefense;
  const T = targetActor === actor ? D : compileActor(targetActor, world.actors[targetActor] as Actor, o);
  const attackers =
    request.attackers ?? nuclearActors(world).filter((id) => id !== actor && id !== targetActor);
  const trajectories: (TrajectoryCoverage & { attacker: string })[] = [];
  for (const id of attackers) {
    const A = compileActor(id, world.actors[id] as Actor, o);
    for (const t of trajectoryCoverages(A, D, d, T.valueTargets, targetActor))
      trajectories.push({ ...t, attacker: id });
  }
  return {
    actor,
    defense,
    name: d.name,
    geometry: d.geometry,
    sensors: D.sensors
      .filter((x) => x.cues.some((c) => c.defense === defense))
      .map((x) => ({
        id: x.id,
        name: x.name,
        rangeKm: x.rangeKm,
        cues: x.cues
          .filter((c) => c.defense === defense)
          .map(
            (c) =>
              [
                c.pk !== undefined ? `Pk ${c.pk}` : '',
                c.discrimination !== undefined ? `discrimination ${c.discrimination}` : '',
              ]
                .filter((z) => z !== '')
                .join(', ') || 'track',
          ),
      })),
    targetActor,
    trajectories,
  };
}
