/**
 * Parameters by path, sweeps and elasticities of the dyad measures.
 *
 * Paths: `forces.<actor>.<system>.<field>` (or `forces.<actor>.systems.<system>.<field>`),
 * `defenses.<actor>.<defense>.<field>`, `options.<name>`.
 */
import { badInput, type Problem } from '../../core/errors.js';
import { DefenseSystemSchema, DeliverySystemSchema } from '../../world/forces.js';
import type { Actor, World } from '../../world/schema.js';
import { checkActors, nuclearActors } from './actors.js';
import { type DyadResult, dyad } from './dyad.js';
import { DYAD_MEASURES, type DyadMeasure } from './measures.js';
import { type DeterrenceOptions, NUMERIC_OPTIONS, type NumericOption, resolveOptions } from './options.js';

/** Numeric fields of a delivery system that a path may name. */
export const SYSTEM_FIELDS = [
  'launchers',
  'warheadsPerLauncher',
  'yieldKt',
  'cepM',
  'reliability',
  'alertDayToDay',
  'alertGenerated',
  'hardnessPsi',
  'launchersPerAimPoint',
  'decoysPerWarhead',
] as const;
/** Numeric fields of a defense that a path may name. */
export const DEFENSE_FIELDS = [
  'interceptors',
  'pk',
  'salvo',
  'discrimination',
  'trackProbability',
  'interceptorSpeedKmS',
  'interceptorRangeKm',
  'reactionTimeS',
] as const;

type SystemField = (typeof SYSTEM_FIELDS)[number];
type DefenseField = (typeof DEFENSE_FIELDS)[number];

/** A parsed parameter path. */
export type ParameterPath =
  | { readonly kind: 'forces'; readonly actor: string; readonly system: string; readonly field: SystemField }
  | {
      readonly kind: 'defenses';
      readonly actor: string;
      readonly defense: string;
      readonly field: DefenseField;
    }
  | { readonly kind: 'options'; readonly field: NumericOption };

/**
 * Every valid parameter path of the given actors (default: all nuclear
 * actors), in a stable order: forces, defenses, then options.
 */
export function parameterPaths(world: World, actors: readonly string[] = nuclearActors(world)): string[] {
  const out: string[] = [];
  for (const id of actors) {
    for (const sid of Object.keys(world.actors[id]?.forces?.systems ?? {}))
      for (const f of SYSTEM_FIELDS) out.push(`forces.${id}.${sid}.${f}`);
  }
  for (const id of actors) {
    for (const did of Object.keys(world.actors[id]?.defenses ?? {}))
      for (const f of DEFENSE_FIELDS) out.push(`defenses.${id}.${did}.${f}`);
  }
  for (const f of Object.keys(NUMERIC_OPTIONS)) out.push(`options.${f}`);
  return out;
}

/**
 * Parses a parameter path against the world; returns a problem (located at
 * `['path']`, this function's parameter: the caller re-roots it at its flag
 * or field) naming the path and listing the valid ones (of `actors`) when it
 * does not resolve.
 *
 * @example
 * parseParameterPath(world, 'defenses.USA.GMD.interceptors');
 * // => { kind: 'defenses', actor: 'USA', defense: 'GMD', field: 'interceptors' }
 */
export function parseParameterPath(
  world: World,
  path: string,
  actors: readonly string[] = nuclearActors(world),
): ParameterPath | Problem {
  const parts = path.split('.');
  const fail = (why: string): Problem => ({
    path: ['path'],
    message: `unknown parameter "${path}": ${why}. Valid parameters: ${parameterPaths(world, actors).join(', ')}`,
  });
  const [head, ...rest] = parts;
  if (head === 'options') {
    const f = rest[0];
    if (rest.length === 1 && f !== undefined && f in NUMERIC_OPTIONS)
      return { kind: 'options', field: f as NumericOption };
    return fail(`expected options.<${Object.keys(NUMERIC_OPTIONS).join('|')}>`);
  }
  if (head === 'forces') {
    const r = rest[1] === 'systems' && rest.length === 4 ? [rest[0], rest[2], rest[3]] : rest;
    const [actor, system, field] = r;
    if (r.length !== 3 || actor === undefined || system === undefined || field === undefined)
      return fail('expected forces.<actor>.<system>.<field>');
    const a = world.actors[actor];
    if (!a?.forces) return fail(`actor ${actor} has no forces in this world`);
    if (!a.forces.systems[system])
      return fail(
        `unknown system "${system}" of ${actor} (systems: ${Object.keys(a.forces.systems).join(', ')})`,
      );
    if (!(SYSTEM_FIELDS as readonly string[]).includes(field)) return fail(`unknown field "${field}"`);
    return { kind: 'forces', actor, system, field: field as SystemField };
  }
  if (head === 'defenses') {
    const [actor, defense, field] = rest;
    if (rest.length !== 3 || actor === undefined || defense === undefined || field === undefined)
      return fail('expected defenses.<actor>.<defense>.<field>');
    const a = world.actors[actor];
    if (!a?.defenses?.[defense])
      return fail(
        `unknown defense "${defense}" of ${actor} (defenses: ${Object.keys(a?.defenses ?? {}).join(', ') || 'none'})`,
      );
    if (!(DEFENSE_FIELDS as readonly string[]).includes(field)) return fail(`unknown field "${field}"`);
    return { kind: 'defenses', actor, defense, field: field as DefenseField };
  }
  return fail('expected a path starting with forces., defenses. or options.');
}

/** The current value of a parameter (options resolved to defaults). */
export function getParameter(world: World, options: DeterrenceOptions, p: ParameterPath): number {
  if (p.kind === 'options') return options[p.field];
  if (p.kind === 'forces') {
    const s = world.actors[p.actor]?.forces?.systems[p.system];
    const v = s?.[p.field];
    return typeof v === 'number' ? v : p.field === 'hardnessPsi' ? options.softTargetHardnessPsi : 0;
  }
  const d = world.actors[p.actor]?.defenses?.[p.defense];
  return (d?.[p.field] as number | undefined) ?? 0;
}

/**
 * A copy of world and options with one parameter set (the path's objects are
 * copied, the rest shared). No validation: see {@link checkParameterValue}.
 */
export function setParameter(
  world: World,
  options: DeterrenceOptions,
  p: ParameterPath,
  value: number,
): { world: World; options: DeterrenceOptions } {
  if (p.kind === 'options') return { world, options: { ...options, [p.field]: value } };
  const actor = world.actors[p.actor] as Actor;
  let next: Actor;
  if (p.kind === 'forces') {
    const forces = actor.forces as NonNullable<Actor['forces']>;
    const system = forces.systems[p.system] as NonNullable<(typeof forces.systems)[string]>;
    next = {
      ...actor,
      forces: { ...forces, systems: { ...forces.systems, [p.system]: { ...system, [p.field]: value } } },
    };
  } else {
    const defenses = actor.defenses ?? {};
    const d = defenses[p.defense] as NonNullable<(typeof defenses)[string]>;
    next = { ...actor, defenses: { ...defenses, [p.defense]: { ...d, [p.field]: value } } };
  }
  return { world: { ...world, actors: { ...world.actors, [p.actor]: next } }, options };
}

/**
 * Largest values an override or a sweep may give the count fields: the model
 * allocates arrays and distributions of these sizes, so a value such as 1e9
 * interceptors would exhaust memory. Each is far above any real force (the
 * largest arsenals have ~1,500 launchers, 14 warheads per missile, a few
 * hundred interceptors per system).
 */
export const PARAMETER_BOUNDS: Readonly<Partial<Record<SystemField | DefenseField, number>>> = {
  launchers: 10_000,
  warheadsPerLauncher: 100,
  launchersPerAimPoint: 10_000,
  decoysPerWarhead: 100,
  interceptors: 10_000,
  salvo: 100,
};

/** Checks a value against the field's schema and bound; returns the problem, or undefined when valid. */
export function checkParameterValue(p: ParameterPath, value: number, name: string): Problem | undefined {
  if (!Number.isFinite(value)) return { path: [name], message: `expected a finite number, got ${value}` };
  const bound = p.kind === 'options' ? undefined : PARAMETER_BOUNDS[p.field];
  if (bound !== undefined && value > bound)
    return {
      path: [name],
      message: `expected at most ${bound} (${p.field} = ${value} is beyond the model's bound)`,
    };
  if (p.kind === 'options') {
    const r = NUMERIC_OPTIONS[p.field];
    if (value < r.min || value > r.max || (r.integer && !Number.isInteger(value)))
      return {
        path: [name],
        message: `options.${p.field} = ${value} is out of range: expected ${r.integer ? 'a whole number' : 'a number'} in [${r.min}, ${r.max}]`,
      };
    return undefined;
  }
  const schema =
    p.kind === 'forces'
      ? DeliverySystemSchema.shape[p.field]
      : DefenseSystemSchema.shape[p.field as DefenseField];
  const r = schema.safeParse(value);
  if (r.success) return undefined;
  return { path: [name], message: `${p.field} = ${value}: ${r.error.issues[0]?.message ?? 'invalid value'}` };
}

/** The measures of a dyad result by name. */
export function dyadMeasures(d: DyadResult): Record<DyadMeasure, number> {
  return {
    firstStrikeStability: d.firstStrikeStability,
    ratioA: d.ratioA,
    ratioB: d.ratioB,
    'aFirst.survivingWarheads': d.aFirst.survivingWarheads,
    'aFirst.retaliatoryWarheadsDelivered': d.aFirst.retaliatoryWarheadsDelivered,
    'aFirst.damageLimitation': d.aFirst.damageLimitation,
    'aFirst.counterforceRatio': d.aFirst.counterforceRatio,
    'bFirst.survivingWarheads': d.bFirst.survivingWarheads,
    'bFirst.retaliatoryWarheadsDelivered': d.bFirst.retaliatoryWarheadsDelivered,
    'bFirst.damageLimitation': d.bFirst.damageLimitation,
    'bFirst.counterforceRatio': d.bFirst.counterforceRatio,
  };
}

/** One point of a sweep. */
export interface SweepPoint {
  readonly value: number;
  readonly measures: Record<DyadMeasure, number>;
}

/** A sweep of one parameter over values for one dyad. */
export interface SweepResult {
  readonly a: string;
  readonly b: string;
  readonly param: string;
  readonly points: readonly SweepPoint[];
}

/**
 * The dyad's measures as one parameter takes each of `values` (both strike
 * orders and the first-strike stability index at every point). The path must
 * resolve (see {@link parseParameterPath}); values are not validated here
 * (see {@link checkParameterValue}).
 *
 * @throws {ConcertError} bad input when an id of `pair` is not an actor of
 *   the world (path `['pair', 0]` or `['pair', 1]`) or both are the same.
 * @example
 * const p = parseParameterPath(world, 'defenses.USA.GMD.interceptors') as ParameterPath;
 * sweep(world, ['USA', 'CHN'], p, 'defenses.USA.GMD.interceptors', [0, 44, 100]).points.length; // => 3
 */
export function sweep(
  world: World,
  pair: readonly [string, string],
  param: ParameterPath,
  paramName: string,
  values: readonly number[],
  options: Partial<DeterrenceOptions> = {},
): SweepResult {
  checkActors(world, pair[0], pair[1], [
    ['pair', 0],
    ['pair', 1],
  ]);
  const o = resolveOptions(options);
  world = pairWorld(world, pair);
  const points = values.map((value) => {
    const s = setParameter(world, o, param, value);
    return { value, measures: dyadMeasures(dyad(s.world, pair[0], pair[1], s.options)) };
  });
  return { a: pair[0], b: pair[1], param: paramName, points };
}

/** Elasticities of every measure to one parameter. */
export interface Elasticity {
  readonly param: string;
  readonly value: number;
  /** d ln(measure) / d ln(param) by central difference; null where the measure or the parameter is 0. */
  readonly elasticities: Record<DyadMeasure, number | null>;
}

/**
 * Elasticity of each dyad measure to each parameter of the two actors and
 * the numeric options: ε = ((y₊ − y₋)/y₀) / ((x₊ − x₋)/x₀) with x± = x₀(1 ± h),
 * clipped to the parameter's range (probabilities at most 1), h = `relativeStep`.
 *
 * @throws {ConcertError} bad input when an id of `pair` is not an actor of
 *   the world (path `['pair', 0]` or `['pair', 1]`) or both are the same, or
 *   when `relativeStep` is not in (0, 1).
 * @example
 * elasticities(world, ['USA', 'RUS']).find((e) => e.param === 'options.costExponent');
 */
export function elasticities(
  world: World,
  pair: readonly [string, string],
  options: Partial<DeterrenceOptions> = {},
  relativeStep = 0.05,
): Elasticity[] {
  checkActors(world, pair[0], pair[1], [
    ['pair', 0],
    ['pair', 1],
  ]);
  if (!(relativeStep > 0 && relativeStep < 1))
    throw badInput({
      path: ['relativeStep'],
      message: `expected a relative step in (0, 1); got ${relativeStep}`,
    });
  const o = resolveOptions(options);
  world = pairWorld(world, pair);
  const base = dyadMeasures(dyad(world, pair[0], pair[1], o));
  const out: Elasticity[] = [];
  for (const name of parameterPaths(world, pair)) {
    const p = parseParameterPath(world, name) as ParameterPath;
    const x0 = getParameter(world, o, p);
    const upperBound = isProbability(p) ? 1 : Number.POSITIVE_INFINITY;
    const lowerBound = p.kind === 'options' ? NUMERIC_OPTIONS[p.field].min : 0;
    const xUp = Math.min(upperBound, x0 * (1 + relativeStep));
    const xDown = Math.max(lowerBound, x0 * (1 - relativeStep));
    const el = {} as Record<DyadMeasure, number | null>;
    if (!(x0 > 0) || xUp - xDown <= 0) {
      for (const m of DYAD_MEASURES) el[m] = null;
      out.push({ param: name, value: x0, elasticities: el });
      continue;
    }
    const up = setParameter(world, o, p, xUp);
    const down = setParameter(world, o, p, xDown);
    const yUp = dyadMeasures(dyad(up.world, pair[0], pair[1], up.options));
    const yDown = dyadMeasures(dyad(down.world, pair[0], pair[1], down.options));
    for (const m of DYAD_MEASURES) {
      const y0 = base[m];
      el[m] = Math.abs(y0) > 1e-12 ? (yUp[m] - yDown[m]) / y0 / ((xUp - xDown) / x0) : null;
    }
    out.push({ param: name, value: x0, elasticities: el });
  }
  return out;
}

/** The world reduced to the two actors of a dyad (third parties are ignored by the exchange anyway). */
function pairWorld(world: World, pair: readonly [string, string]): World {
  const actors: World['actors'] = {};
  for (const id of pair) {
    const a = world.actors[id];
    if (a) actors[id] = a;
  }
  return { ...world, actors, relations: [] };
}

function isProbability(p: ParameterPath): boolean {
  if (p.kind === 'options') return p.field === 'strikerSurvivableShare';
  if (p.kind === 'forces') return ['reliability', 'alertDayToDay', 'alertGenerated'].includes(p.field);
  return ['pk', 'discrimination', 'trackProbability'].includes(p.field);
}
