/**
 * The deterrence reports: force exchanges with their defense variants,
 * parameters, sweeps, the single-target calculator and elasticities
 * (models/deterrence; docs/models/deterrence.md).
 */
import { ConcertError, type Problem } from '../core/errors.js';
import {
  allDyads,
  checkParameterValue,
  type DeterrenceOptions,
  DYAD_MEASURES,
  type DyadMeasure,
  type DyadResult,
  dyad,
  dyadVariants,
  type ExchangeResult,
  elasticities,
  getParameter,
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
    posture: o.posture,
    formula: o.formula,
    overrides,
    names,
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
  };
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
