/**
 * Event handling, step 1 of the year (docs/models/scenario.md, "Events"):
 * dated actions change the state before the year's behaviour. One-off
 * effects (a deployment, a change of forces, the relation shock of a
 * sanction, a treaty's caps fixed at entry into force) happen in the start
 * year; constraints (alignment floors and ceilings, consultation, stake cuts,
 * treaty caps) hold in every year of the event's duration; a deployment or
 * change of forces with a duration is undone when it ends. A concession
 * (`concede`) changes the core-interest bargaining once and for good; a
 * `consult` event's probability is also the information weight of the
 * bargaining while it lasts (read by the `bargaining` step).
 */
import type { CoverageRule, DefenseSystem } from '../world/forces.js';
import { applyConcession } from './core-interests.js';
import type { ScenarioEvent } from './schema.js';
import { deployedWarheads, type SimState, totalInterceptors } from './state.js';

/** Whether `e` is in force in `year`. */
export function isActive(e: ScenarioEvent, year: number): boolean {
  return year >= e.year && (e.duration === undefined || year < e.year + e.duration);
}

/** Applies a list of events year by year to one run's state. */
export class EventSchedule {
  private readonly events: readonly ScenarioEvent[];
  private readonly index: ReadonlyMap<string, number>;
  /** Per treaty (event index): the caps fixed at entry into force, per party. */
  private readonly treatyCaps = new Map<number, { force: number[]; interceptors: number[] }>();

  constructor(events: readonly ScenarioEvent[], actors: readonly string[]) {
    this.events = events;
    this.index = new Map(actors.map((id, i) => [id, i]));
  }

  private at(id: string): number {
    const i = this.index.get(id);
    if (i === undefined) throw new Error(`event names actor ${id}, which is not simulated`);
    return i;
  }

  /** Applies the year's one-off effects, undoes expired ones, and sets the year's constraints. */
  apply(state: SimState, year: number): void {
    this.events.forEach((e, k) => {
      if (e.year === year) {
        this.start(state, e, k);
        state.eventEpoch++;
      }
      if (e.duration !== undefined && e.year + e.duration === year) {
        this.end(state, e);
        state.eventEpoch++;
      }
    });
    this.constrain(state, year);
  }

  private start(s: SimState, e: ScenarioEvent, k: number): void {
    switch (e.type) {
      case 'deploy-missile-defense': {
        const i = this.at(e.actor);
        const d = s.defenses[i]!;
        const existing = d[e.system];
        if (existing) {
          const known = new Set(existing.coverage.map((c) => c.attacker));
          const added = coverageRules(e).filter((c) => !known.has(c.attacker));
          d[e.system] = {
            ...existing,
            interceptors: existing.interceptors + e.interceptors,
            coverage: [...existing.coverage, ...added],
          };
        } else d[e.system] = newDefense(e, e.like === undefined ? undefined : s.startDefenses[i]![e.like]);
        break;
      }
      case 'switch-sensor': {
        const i = this.at(e.actor);
        switchSensor(s, i, e.sensor, e.enabled);
        break;
      }
      case 'change-forces': {
        const i = this.at(e.actor);
        scaleSystems(s, i, e.system, e.factor);
        break;
      }
      case 'sanction': {
        const i = this.at(e.actor);
        const j = this.at(e.target);
        const r = Math.max(-1, s.relation[i * s.n + j]! - e.severity);
        s.relation[i * s.n + j] = r;
        s.relation[j * s.n + i] = r;
        break;
      }
      case 'concede': {
        // On the core-interest data (core-interests.ts); checked at load, so the dimension exists.
        const ci = s.coreInterests;
        const d = ci ? ci.data.dimensions.indexOf(e.dimension) : -1;
        if (!ci || d < 0) break;
        applyConcession(ci, this.at(e.actor), d, {
          share: e.share,
          ...(e.position !== undefined ? { position: e.position / 100 } : {}),
          ...(e.salience !== undefined ? { salience: e.salience / 100 } : {}),
        });
        break;
      }
      case 'arms-control-treaty': {
        const parties = e.actors.map((id) => this.at(id));
        this.treatyCaps.set(k, {
          force: parties.map((i) => s.forceScale[i]! * e.warheadCap),
          interceptors: parties.map((i) =>
            e.interceptorCap === undefined ? Infinity : totalInterceptors(s.defenses[i]!) * e.interceptorCap,
          ),
        });
        break;
      }
      default:
        break;
    }
  }

  private end(s: SimState, e: ScenarioEvent): void {
    if (e.type === 'deploy-missile-defense') {
      const i = this.at(e.actor);
      const d = s.defenses[i]!;
      const sys = d[e.system];
      if (sys) {
        const left = sys.interceptors - e.interceptors;
        if (left > 0) d[e.system] = { ...sys, interceptors: left };
        else delete d[e.system];
      }
    } else if (e.type === 'switch-sensor') {
      switchSensor(s, this.at(e.actor), e.sensor, !e.enabled);
    } else if (e.type === 'change-forces' && e.factor > 0) {
      scaleSystems(s, this.at(e.actor), e.system, 1 / e.factor);
    }
  }

  private constrain(s: SimState, year: number): void {
    const n = s.n;
    s.relationFloor.fill(-1);
    s.relationCeiling.fill(1);
    s.consultOverride.fill(-1);
    s.stakeCut.fill(0);
    s.tariff.fill(0);
    s.forceCap.fill(Infinity);
    s.interceptorCap.fill(Infinity);
    this.events.forEach((e, k) => {
      if (!isActive(e, year)) return;
      switch (e.type) {
        case 'form-alignment':
          eachPair(
            e.actors.map((id) => this.at(id)),
            (i, j) => {
              setBoth(s.relationFloor, n, i, j, Math.max(s.relationFloor[i * n + j]!, e.floor));
            },
          );
          break;
        case 'break-alignment':
          eachPair(
            e.actors.map((id) => this.at(id)),
            (i, j) => {
              setBoth(s.relationCeiling, n, i, j, Math.min(s.relationCeiling[i * n + j]!, e.ceiling));
            },
          );
          break;
        case 'consult':
          eachPair(
            e.actors.map((id) => this.at(id)),
            (i, j) => {
              setBoth(s.consultOverride, n, i, j, Math.max(s.consultOverride[i * n + j]!, e.probability));
            },
          );
          break;
        case 'sanction': {
          const i = this.at(e.actor);
          const j = this.at(e.target);
          const cut = 1 - (1 - s.stakeCut[i * n + j]!) * (1 - e.severity);
          setBoth(s.stakeCut, n, i, j, cut);
          break;
        }
        case 'trade-war': {
          const i = this.at(e.actor);
          const j = this.at(e.target);
          setBoth(s.tariff, n, i, j, (1 + s.tariff[i * n + j]!) * (1 + e.tariff) - 1);
          break;
        }
        case 'arms-control-treaty': {
          const caps = this.treatyCaps.get(k);
          if (!caps) break;
          e.actors.forEach((id, p) => {
            const i = this.at(id);
            s.forceCap[i] = Math.min(s.forceCap[i]!, caps.force[p]!);
            s.interceptorCap[i] = Math.min(s.interceptorCap[i]!, caps.interceptors[p]!);
          });
          break;
        }
        default:
          break;
      }
    });
    for (let i = 0; i < n; i++) if (s.forceScale[i]! > s.forceCap[i]!) s.forceScale[i] = s.forceCap[i]!;
  }
}

type Deployment = Extract<ScenarioEvent, { type: 'deploy-missile-defense' }>;

function coverageRules(e: Deployment): CoverageRule[] {
  return (e.against ?? []).map((attacker) => (e.basings ? { attacker, basings: e.basings } : { attacker }));
}

/**
 * A new defense system: its parameters from the event, else from the `like`
 * template (an existing defense of the actor: Pk, salvo, discrimination, what
 * it protects and its engagement geometry, not its sites or coverage), else
 * the defaults. With `sites` the geometry decides what it engages, within its
 * coverage rules (every attacker unless `against` names some).
 */
function newDefense(e: Deployment, like: DefenseSystem | undefined): DefenseSystem {
  const rules = coverageRules(e);
  const geometry: Partial<DefenseSystem> = {};
  for (const key of GEOMETRY_KEYS) {
    const v = e[key] ?? (e.sites ? like?.[key] : undefined);
    if (v !== undefined) (geometry as Record<string, unknown>)[key] = v;
  }
  return {
    name: e.name ?? e.system,
    interceptors: e.interceptors,
    pk: e.pk ?? like?.pk ?? 0,
    salvo: e.salvo ?? like?.salvo ?? 1,
    shootLookShoot: like?.shootLookShoot ?? false,
    discrimination: e.discrimination ?? like?.discrimination ?? 1,
    trackProbability: like?.trackProbability ?? 1,
    protects: e.protects ?? like?.protects ?? ['value'],
    coverage: rules.length > 0 || !e.sites ? rules : [{ attacker: '*' }],
    ...(e.sites ? { sites: e.sites.map((p) => ({ ...p })) } : {}),
    ...geometry,
    sources: { interceptors: `assumption: scenario event deploy-missile-defense (${e.year})` },
  };
}

const GEOMETRY_KEYS = [
  'phase',
  'interceptorSpeedKmS',
  'interceptorBurnTimeS',
  'interceptorRangeKm',
  'minAltitudeKm',
  'maxAltitudeKm',
  'reactionTimeS',
  'radarRangeKm',
] as const;

/** Switches sensor `id` of actor i on or off (a sensor the actor does not have is ignored: checked at load). */
function switchSensor(s: SimState, i: number, id: string, enabled: boolean): void {
  const sensors = s.sensors[i]!;
  const sensor = sensors[id];
  if (sensor) sensors[id] = { ...sensor, enabled };
}

function scaleSystems(s: SimState, i: number, system: string | undefined, factor: number): void {
  const table = s.systems[i];
  if (!table) return;
  const f = s.systemFactor[i]!;
  for (let k = 0; k < table.ids.length; k++) {
    if (system === undefined || system === table.ids[k]) f[k] = f[k]! * factor;
  }
}

function eachPair(members: readonly number[], fn: (i: number, j: number) => void): void {
  for (let a = 0; a < members.length; a++) {
    for (let b = a + 1; b < members.length; b++) if (members[a] !== members[b]) fn(members[a]!, members[b]!);
  }
}

function setBoth(m: Float64Array, n: number, i: number, j: number, v: number): void {
  m[i * n + j] = v;
  m[j * n + i] = v;
}

/** Deployed warheads of actor i in the current state (base forces × system factors × force scale). */
export function currentWarheads(s: SimState, i: number): number {
  const table = s.systems[i];
  if (!table) return 0;
  const f = s.systemFactor[i]!;
  let w = 0;
  for (let k = 0; k < table.ids.length; k++) w += table.launchers[k]! * f[k]! * table.warheadsPerLauncher[k]!;
  if (table.ids.length === 0) w = deployedWarheads(s.baseForces[i]);
  return w * s.forceScale[i]!;
}

/** Total deployed warheads of the state: Σ_i {@link currentWarheads}. */
export function totalWarheads(s: SimState): number {
  let w = 0;
  for (let i = 0; i < s.n; i++) w += currentWarheads(s, i);
  return w;
}
