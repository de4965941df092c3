/**
 * The deterrence reports: force exchanges with their defense variants,
 * parameters, sweeps, the single-target calculator and elasticities
 * (models/deterrence; docs/models/deterrence.md).
 */
import { ConcertError, type Problem } from '../core/errors.js';
import {
  allDyads,
  checkParameterValue,
  counterMilitaryPotential,
  type DefenseCoverage,
  type DeterrenceOptions,
  DYAD_MEASURES,
  type DyadMeasure,
  type DyadResult,
  dyad,
  dyadVariants,
  type ExchangeResult,
  elasticities,
  equivalentMegatonnage,
  getParameter,
  METRES_PER_NMI,
  nuclearActors,
  type ParameterPath,
  parameterPaths,
  parseParameterPath,
  resolveOptions,
  type SspkInput,
  type SweepResult,
  setParameter,
  sspkCalculator,
  type VariantOutcome,
} from '../models/deterrence/index.js';
import type { World } from '../world/index.js';
import type { Document } from './document.js';
import type {
  CoverageSchema,
  DeterrenceParametersSchema,
  DeterrenceSchema,
  ElasticitiesSchema,
  ExchangeSchema,
  SspkSchema,
  SweepSchema,
  VariantSummarySchema,
} from './schemas/deterrence.js';

export type DeterrenceDocument = Document<typeof DeterrenceSchema>;
export type ExchangeDocument = Document<typeof ExchangeSchema>;
export type DeterrenceParametersDocument = Document<typeof DeterrenceParametersSchema>;
export type SweepDocument = Document<typeof SweepSchema>;
export type SspkDocument = Document<typeof SspkSchema>;
export type ElasticitiesDocument = Document<typeof ElasticitiesSchema>;
export type CoverageDocument = Document<typeof CoverageSchema>;

/** Most overrides in one request (a world has a few hundred parameters). */
export const MAX_OVERRIDES = 500;

/**
 * Problems with a dyad's two ids: each must be a nuclear-armed actor of the
 * world, and they must differ. Paths are `[0]` and `[1]` (the caller roots
 * them at its flag or field).
 */
export function dyadProblems(world: World, pair: readonly string[]): Problem[] {
  const armed = nuclearActors(world);
  const problems: Problem[] = [];
  if (pair.length !== 2)
    return [{ path: [], message: `expected two actor ids such as USA,RUS; got ${pair.length}` }];
  pair.forEach((id, i) => {
    if (!armed.includes(id))
      problems.push({
        path: [i],
        message: `${id === '' ? 'an empty id' : id} has no nuclear forces in this world: expected one of ${armed.join(', ')}`,
      });
  });
  if (problems.length === 0 && pair[0] === pair[1])
    problems.push({ path: [1], message: `expected two different actors; got ${pair[0]} twice` });
  return problems;
}

/**
 * The world and options with every override (parameter path → value, paths
 * as {@link parameterPaths} lists them) applied. Bad paths and values are
 * reported together, each at the path `[override path]`.
 */
export function applyOverrides(
  world: World,
  options: DeterrenceOptions,
  pair: readonly [string, string],
  overrides: Readonly<Record<string, number>>,
): { world: World; options: DeterrenceOptions } {
  const entries = Object.entries(overrides);
  if (entries.length > MAX_OVERRIDES)
    throw new ConcertError('bad-input', [
      { path: [], message: `expected at most ${MAX_OVERRIDES} overrides, got ${entries.length}` },
    ]);
  const problems: Problem[] = [];
  const parsed: [ParameterPath, number][] = [];
  for (const [path, value] of entries) {
    const p = parseParameterPath(world, path, pair);
    if ('message' in p) {
      problems.push({ path: [path], message: p.message.split('. Valid parameters:')[0] ?? p.message });
      continue;
    }
    const bad = checkParameterValue(p, value, path);
    if (bad) problems.push({ path: [path], message: bad.message });
    else parsed.push([p, value]);
  }
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  let state = { world, options };
  for (const [p, value] of parsed) state = setParameter(state.world, state.options, p, value);
  return state;
}

function variantSummary(v: VariantOutcome): Document<typeof VariantSummarySchema> {
  const e = v.exchange;
  return {
    counterforceWarheads: e.counterforceWarheads,
    defenderWarheads: e.defenderWarheads,
    survivingWarheads: e.survivingWarheads,
    retaliatoryWarheadsDelivered: e.retaliatoryWarheadsDelivered,
    retaliation: { q05: e.retaliation.q05, q50: e.retaliation.q50, q95: e.retaliation.q95 },
    damageLimitation: e.damageLimitation,
    firstStrikeStability: v.firstStrikeStability,
  };
}

function exchangeDocument(e: ExchangeResult, firstStrikeStability: number): ExchangeDocument {
  return { ...e, firstStrikeStability };
}

/** Options of {@link deterrenceAnalysis}. */
export interface DeterrenceAnalysisOptions {
  /** Model options (posture, lethal-radius formula, …); defaults as `resolveOptions`. */
  readonly model?: Partial<DeterrenceOptions>;
  /** Parameter path → value, applied before the exchanges (see {@link applyOverrides}). */
  readonly overrides?: Readonly<Record<string, number>>;
  /** Also each strike order without the striker's, the defender's and any defenses. Default true. */
  readonly variants?: boolean;
}

/**
 * Both strike orders of each dyad (`dyadVariants`, or `dyad` without the
 * variants) and the Kent–Thaler first-strike stability. `pairs` lists the
 * dyads; when omitted, every dyad whose members can reach each other
 * (`allDyads`). Overrides need exactly one pair (their paths name its actors).
 */
export function deterrenceAnalysis(
  world: World,
  pairs: readonly (readonly [string, string])[] | undefined,
  options: DeterrenceAnalysisOptions = {},
): DeterrenceDocument {
  const overrides = options.overrides ?? {};
  let w = world;
  let o = resolveOptions(options.model);
  if (Object.keys(overrides).length > 0) {
    if (pairs?.length !== 1)
      throw new ConcertError('bad-input', [
        { path: [], message: 'overrides apply to one dyad: give one pair' },
      ]);
    ({ world: w, options: o } = applyOverrides(w, o, pairs[0]!, overrides));
  }
  const list = pairs ?? allDyads(w, o).map((d) => [d.a, d.b] as const);
  const results = list.map(([a, b]) => dyadDocuments(w, a, b, o, options.variants ?? true));
  const names: Record<string, string> = {};
  for (const [a, b] of list) for (const id of [a, b]) names[id] = w.actors[id]?.name ?? id;
  return {
    year: w.year,
    forcesYear: w.forces ?? null,
    posture: o.posture,
    formula: o.formula,
    overrides,
    names,
    systems: systemsTable(w, Object.keys(names)),
    dyads: results.map((r) => r.dyad),
    pairs: results.flatMap((r) => r.pairs),
  };
}

/** One dyad's entry and its two strike orders (with their defense variants when asked). */
function dyadDocuments(world: World, a: string, b: string, o: DeterrenceOptions, withVariants: boolean) {
  const entry = (d: DyadResult) => ({
    a: d.a,
    b: d.b,
    firstStrikeStability: d.firstStrikeStability,
    ratioA: d.ratioA,
    ratioB: d.ratioB,
  });
  if (!withVariants) {
    const d = dyad(world, a, b, o);
    return {
      dyad: entry(d),
      pairs: [d.aFirst, d.bFirst].map((e) => exchangeDocument(e, d.firstStrikeStability)),
    };
  }
  const v = dyadVariants(world, a, b, o);
  return {
    dyad: entry(v.dyad),
    pairs: v.orders.map((order) => ({
      ...exchangeDocument(order.asGiven, v.dyad.firstStrikeStability),
      variants: {
        withoutAttackerDefenses: variantSummary(order.variants.withoutAttackerDefenses),
        withoutDefenderDefenses: variantSummary(order.variants.withoutDefenderDefenses),
        withoutDefenses: variantSummary(order.variants.withoutDefenses),
      },
    })),
  };
}

/** Every parameter of a dyad that an override or a sweep may set, with its value in the world. */
export function deterrenceParameters(
  world: World,
  pair: readonly [string, string],
): DeterrenceParametersDocument {
  const options = resolveOptions();
  const parameters = parameterPaths(world, pair).map((path) => {
    const p = parseParameterPath(world, path, pair) as ParameterPath;
    return { path, value: getParameter(world, options, p) };
  });
  return { pair, nuclearActors: nuclearActors(world), parameters };
}

/** The sweep document: the swept values and one column per dyad measure. */
export function sweepDocument(
  result: SweepResult,
  values: readonly number[],
  posture: DeterrenceOptions['posture'],
): SweepDocument {
  const measures = {} as Record<DyadMeasure, number[]>;
  for (const m of DYAD_MEASURES) measures[m] = result.points.map((p) => p.measures[m]);
  return {
    a: result.a,
    b: result.b,
    param: result.param,
    posture,
    values,
    measures,
  };
}

/** The single-target calculator (`sspkCalculator`): lethal radius, SSPK, terminal and n-warhead kill probability. */
export function sspkReport(input: SspkInput): SspkDocument {
  const r = sspkCalculator(input);
  return {
    lethalRadiusM: r.lethalRadiusM,
    sspk: r.sspk,
    terminalKillProbability: r.terminalKillProbability,
    killProbability: r.killProbability,
    equivalentMegatonnage: r.equivalentMegatonnage,
    equivalentMegatonnageAlternative: r.equivalentMegatonnageAlternative,
    emtConvention: r.emtConvention,
    counterMilitaryPotential: r.counterMilitaryPotential,
    cepNmi: r.cepNmi,
  };
}

/**
 * Each actor's delivery systems with warheads, yield, CEP, equivalent
 * megatonnage and counter-military potential (Richelson 1980; bombers carry
 * no CMP, as in Suh 2022).
 */
export function systemsTable(world: World, ids: readonly string[]): DeterrenceDocument['systems'] {
  const out: Record<string, DeterrenceDocument['systems'][string]> = {};
  for (const id of ids) {
    out[id] = Object.entries(world.actors[id]?.forces?.systems ?? {}).map(([sid, s]) => {
      const warheads = s.launchers * s.warheadsPerLauncher;
      return {
        system: sid,
        name: s.name,
        warheads,
        yieldKt: s.yieldKt,
        cepM: s.cepM,
        equivalentMegatonnage: equivalentMegatonnage(s.yieldKt / 1000, warheads),
        counterMilitaryPotential:
          s.basing === 'bomber'
            ? 0
            : counterMilitaryPotential(s.yieldKt / 1000, s.cepM / METRES_PER_NMI, warheads),
      };
    });
  }
  return out;
}

/** Elasticities of every dyad measure to every parameter of the pair (`elasticities`). */
export function elasticitiesReport(
  world: World,
  pair: readonly [string, string],
  options: Partial<DeterrenceOptions> = {},
): ElasticitiesDocument {
  const o = resolveOptions(options);
  return { a: pair[0], b: pair[1], posture: o.posture, parameters: elasticities(world, pair, o) };
}

/**
 * What one defense can engage (`defenseCoverage`): its geometry, the sensors
 * that cue it, a summary per attacker system and every trajectory with its
 * engagement numbers or the binding constraint.
 */
export function coverageReport(c: DefenseCoverage): CoverageDocument {
  const g = c.geometry;
  const summary = new Map<
    string,
    { attacker: string; system: string; n: number; e: number; share: number; w: number }
  >();
  for (const t of c.trajectories) {
    const key = `${t.attacker}\u0000${t.system}`;
    const row = summary.get(key) ?? { attacker: t.attacker, system: t.system, n: 0, e: 0, share: 0, w: 0 };
    row.n += 1;
    row.w += t.weight;
    if (t.engagement.engageable) {
      row.e += 1;
      row.share += t.weight;
    }
    summary.set(key, row);
  }
  return {
    actor: c.actor,
    defense: c.defense,
    name: c.name,
    phase: g?.phase ?? null,
    sites: (g?.sites ?? []).map((s) => ({ name: s.name, lat: s.point.lat, lon: s.point.lon })),
    interceptor: g
      ? {
          speedKmS: g.speedKmS,
          burnTimeS: g.burnTimeS,
          rangeKm: g.rangeKm,
          minAltitudeKm: g.minAltitudeKm,
          maxAltitudeKm: g.maxAltitudeKm,
          reactionTimeS: g.reactionTimeS,
          radarRangeKm: g.radarRangeKm,
        }
      : null,
    sensors: c.sensors.map((s) => ({ id: s.id, name: s.name, rangeKm: s.rangeKm, cue: s.cues.join('; ') })),
    targetActor: c.targetActor,
    attackers: [...summary.values()].map((r) => ({
      attacker: r.attacker,
      system: r.system,
      trajectories: r.n,
      engageable: r.e,
      engageableShare: r.w > 0 ? r.share / r.w : 0,
    })),
    trajectories: c.trajectories.map((t) => {
      const e = t.engagement;
      return {
        attacker: t.attacker,
        system: t.system,
        launchArea: t.launchArea,
        target: t.target,
        targetWeight: t.weight,
        rangeKm: t.trajectory.rangeKm,
        apogeeKm: t.trajectory.apogeeAltitudeKm,
        flightTimeS: t.trajectory.flightTimeS,
        engagement: {
          engageable: e.engageable,
          reason: e.reason,
          trackTimeS: e.trackTimeS ?? null,
          trackedBy: e.trackedBy ?? null,
          site: e.site ?? null,
          interceptTimeS: e.interceptTimeS ?? null,
          interceptAltitudeKm: e.interceptAltitudeKm ?? null,
          distanceKm: e.distanceKm ?? null,
          flyoutS: e.flyoutS ?? null,
          closestKm: e.closestKm ?? null,
          cuedBy: [...e.cuedBy],
        },
      };
    }),
  };
}

/**
 * A defense named as `ACTOR.DEFENSE` or `DEFENSE` (then the one actor of the
 * world that has it): its actor and id, or a problem at `[]` naming the
 * defenses there are (the caller roots it at its flag or field).
 */
export function resolveDefense(world: World, spec: string): { actor: string; defense: string } | Problem {
  const all: string[] = [];
  for (const [id, a] of Object.entries(world.actors))
    for (const did of Object.keys(a.defenses ?? {})) all.push(`${id}.${did}`);
  const dot = spec.indexOf('.');
  if (dot > 0 && all.includes(spec)) return { actor: spec.slice(0, dot), defense: spec.slice(dot + 1) };
  const matches = all.filter((x) => x.slice(x.indexOf('.') + 1) === spec);
  if (matches.length === 1) {
    const m = matches[0] as string;
    return { actor: m.slice(0, m.indexOf('.')), defense: m.slice(m.indexOf('.') + 1) };
  }
  return {
    path: [],
    message:
      matches.length > 1
        ? `"${spec}" names ${matches.length} defenses: give ACTOR.DEFENSE, one of ${matches.join(', ')}`
        : `unknown defense "${spec}": expected one of ${all.join(', ') || '(none in this world)'}`,
  };
}

/**
 * Sensor switches `ACTOR.SENSOR=on|off` → the model options that apply them;
 * a problem per bad switch at `[i]`.
 */
export function sensorSwitches(
  world: World,
  switches: readonly string[],
): { enableSensors: string[]; disableSensors: string[] } | Problem[] {
  const known: string[] = [];
  for (const [id, a] of Object.entries(world.actors))
    for (const sid of Object.keys(a.sensors ?? {})) known.push(`${id}.${sid}`);
  const enableSensors: string[] = [];
  const disableSensors: string[] = [];
  const problems: Problem[] = [];
  switches.forEach((sw, i) => {
    const m = /^\s*([^=\s]+)\s*=\s*(on|off)\s*$/.exec(sw);
    if (!m) {
      problems.push({
        path: [i],
        message: `expected ACTOR.SENSOR=on or =off, such as USA.TPY-2-Korea=on; got "${sw}"`,
      });
      return;
    }
    const id = m[1] as string;
    if (!known.includes(id)) {
      problems.push({
        path: [i],
        message: `unknown sensor "${id}": expected one of ${known.join(', ') || '(none in this world)'}`,
      });
      return;
    }
    (m[2] === 'on' ? enableSensors : disableSensors).push(id);
  });
  return problems.length > 0 ? problems : { enableSensors, disableSensors };
}
