/**
 * Loading a scenario file: parse (YAML/JSON with positions), validate against
 * {@link ScenarioSchema}, resolve the world, then the semantic checks the
 * schema cannot express, every problem located to file:line:column and field
 * path and all reported together (DESIGN.md, "Errors").
 */
import { dirname, resolve } from 'node:path';
import { parseDocument, readDocument, type SourceDocument, validateDocument } from '../core/document.js';
import { ConcertError, type FieldPath, isConcertError, type Problem } from '../core/errors.js';
import { DETERRENCE_UNCERTAINTIES } from '../models/deterrence/uncertainty.js';
import { findStrategy, unknownStrategyMessage } from '../models/games/repeated/index.js';
import { withDefaultForces } from '../world/default-forces.js';
import { MAX_FORCE_COUNT } from '../world/forces.js';
import { withForcesOfYear } from '../world/forces-by-year.js';
import {
  DEFAULT_YEAR,
  loadDefaultWorld,
  loadWorldFile,
  relationKindOf,
  type World,
  WorldSchema,
} from '../world/index.js';
import { STANCES_PARAMETER } from './core-interests.js';
import { CORE_INTERESTS_NAME, coreInterestProblem, coreInterestsOf } from './core-interests-load.js';
import { isNumericParameter, parameterTree, rawParameters } from './params.js';
import type { Scenario } from './scenario.js';
import {
  DEFAULT_INDICATORS,
  type Distribution,
  EventSchema,
  PolicySchema,
  type ScenarioFile,
  ScenarioSchema,
  type Uncertain,
} from './schema.js';
import { startingGdpUsd, startingMilexUsd } from './state.js';

/** Reads and prepares a scenario file. */
export function loadScenario(path: string): Scenario {
  return prepareScenario(readDocument(path));
}

/** Prepares a scenario from text (`file` names it in messages and anchors a relative world file). */
export function parseScenario(text: string, file: string, format?: 'yaml' | 'json'): Scenario {
  return prepareScenario(parseDocument(text, file, format));
}

/** Validates a parsed scenario document and prepares it for the engine. */
export function prepareScenario(doc: SourceDocument): Scenario {
  const file = validateScenarioFile(doc);
  const problems: Problem[] = [];
  const at = (path: FieldPath, message: string, key = false) =>
    problems.push({ file: doc.file, ...doc.locate(path, { key }), path, message });

  const world = resolveWorld(file, doc);
  const { actors, simulated } = checkActors(file, world, at);

  const raw = rawParameters(file);
  const coreInterests = coreInterestsOf(actors);
  const uncertain = resolveUncertain(file, parameterTree(raw, actors), at, coreInterests !== undefined);

  const overrides = worldOverrides(file);
  const prepared: Scenario = {
    name: file.name,
    description: file.description,
    actors,
    years: file.years,
    world: restrictWorld(world, simulated),
    overrides,
    events: file.events,
    uncertain,
    raw,
    ensemble: file.ensemble,
    ...(coreInterests ? { coreInterests } : {}),
    indicators: file.indicators ?? [...DEFAULT_INDICATORS],
  };
  for (const [i, id] of actors.entries()) {
    if (!(id in world.actors)) continue;
    const path: FieldPath = file.actors ? ['actors', i] : ['world'];
    if (startingMilexUsd(prepared, id) === undefined) {
      at(
        path,
        `actor "${id}" has no military expenditure in the world: give world.overrides.actors.${id}.milexUsd`,
      );
    }
    if (startingGdpUsd(prepared, id) === undefined) {
      at(path, `actor "${id}" has no GDP in the world: give world.overrides.actors.${id}.gdpUsd`);
    }
  }
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  return prepared;
}

type At = (path: FieldPath, message: string, key?: boolean) => void;

/**
 * The scenario file, checked against {@link ScenarioSchema}. When the schema
 * finds problems, the checks of actor ids against the world (which need a file
 * that matches the schema) are still run on the parts that do match it, so
 * that both kinds of problem are reported at once.
 *
 * @throws {ConcertError} bad input with every located problem.
 */
function validateScenarioFile(doc: SourceDocument): ScenarioFile {
  if (doc.value === null || doc.value === undefined) {
    throw new ConcertError('bad-input', [
      {
        file: doc.file,
        line: 1,
        column: 1,
        path: [],
        message: 'the scenario is empty: expected a mapping with name, description and years',
      },
    ]);
  }
  try {
    return validateDocument(ScenarioSchema, doc);
  } catch (e) {
    if (!isConcertError(e) || e.code !== 'bad-input') throw e;
    const seen = new Set(e.problems.map((p) => JSON.stringify(p.path ?? [])));
    const more = partialActorProblems(doc).filter((p) => !seen.has(JSON.stringify(p.path ?? [])));
    throw new ConcertError('bad-input', [...e.problems, ...more]);
  }
}

/** The fields of a scenario value that match the schema on their own (invalid events left as holes). */
function partialFile(value: unknown): ScenarioFile | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const raw = value as Record<string, unknown>;
  const shape = ScenarioSchema.shape;
  const world = shape.world.safeParse(raw.world);
  if (!world.success) return undefined;
  const actors = shape.actors.safeParse(raw.actors);
  const policies: ScenarioFile['policies'] = {};
  if (raw.policies !== null && typeof raw.policies === 'object' && !Array.isArray(raw.policies)) {
    for (const [id, p] of Object.entries(raw.policies)) {
      const r = PolicySchema.safeParse(p);
      if (r.success) policies[id] = r.data;
    }
  }
  const events: ScenarioFile['events'] = [];
  if (Array.isArray(raw.events)) {
    raw.events.forEach((e, k) => {
      const r = EventSchema.safeParse(e);
      if (r.success) events[k] = r.data; // a sparse array keeps each event at its index
    });
  }
  return {
    world: world.data,
    ...(actors.success && actors.data !== undefined ? { actors: actors.data } : {}),
    policies,
    events,
  } as ScenarioFile;
}

/** Unknown or repeated actors in the parts of a scenario that match the schema (see {@link validateScenarioFile}). */
function partialActorProblems(doc: SourceDocument): Problem[] {
  const part = partialFile(doc.value);
  if (!part) return [];
  const problems: Problem[] = [];
  let world: World;
  try {
    world = resolveWorld(part, doc);
  } catch (e) {
    return isConcertError(e) && e.code === 'bad-input' ? [...e.problems] : [];
  }
  checkActors(part, world, (path, message, key = false) =>
    problems.push({ file: doc.file, ...doc.locate(path, { key }), path, message }),
  );
  return problems;
}

/**
 * The checks of a scenario's actor ids against its world: the actors list,
 * policies, events and overrides; and that the scenario starts after its
 * starting world's year.
 */
function checkActors(file: ScenarioFile, world: World, at: At) {
  const worldIds = Object.keys(world.actors);
  const actors = file.actors ?? worldIds.filter((id) => world.actors[id]!.cowMajor);
  const simulated = new Set(actors);
  const expect = `expected one of the scenario's actors (${actors.filter((id) => id in world.actors).join(', ')})`;
  file.actors?.forEach((id, i) => {
    if (!(id in world.actors)) at(['actors', i], `unknown actor "${id}": not in the world`);
    else if (actors.indexOf(id) !== i) at(['actors', i], `actor "${id}" is listed twice`);
  });
  if (actors.length < 2) at(['actors'], 'a scenario needs at least two actors');
  if (file.years && file.years.from <= world.year) {
    at(
      ['years'],
      `the scenario starts in ${file.years.from}, not after its starting world (${world.year}): the first simulated year must be later than the world's year`,
    );
  }
  checkPolicies(file, simulated, expect, at);
  checkEvents(file, world, simulated, expect, at);
  for (const id of Object.keys(worldOverrides(file))) {
    if (!simulated.has(id))
      at(['world', 'overrides', 'actors', id], `unknown actor "${id}": ${expect}`, true);
  }
  return { actors, simulated, expect };
}

function checkPolicies(file: ScenarioFile, simulated: ReadonlySet<string>, expect: string, at: At): void {
  for (const [id, p] of Object.entries(file.policies)) {
    if (id !== 'default' && !simulated.has(id))
      at(['policies', id], `unknown actor "${id}": ${expect}`, true);
    if (p.strategy !== undefined && !findStrategy(p.strategy)) {
      at(['policies', id, 'strategy'], unknownStrategyMessage(p.strategy));
    }
    for (const other of Object.keys(p.alignment ?? {})) {
      if (!simulated.has(other))
        at(['policies', id, 'alignment', other], `unknown actor "${other}": ${expect}`, true);
    }
  }
}

/** The deterrence parameters an `uncertain` block can sample, by name. */
const DETERRENCE_PARAMETERS = new Map(DETERRENCE_UNCERTAINTIES.map((u) => [u.parameter, u]));

/** Deterrence parameters that must stay above 0 (the others are probabilities, clamped to [0, 1] per draw). */
const POSITIVE_DETERRENCE = new Set(['deterrence.cepFactor', 'deterrence.siloHardnessPsi']);

/** Whether every draw of `d` is > 0. */
function positiveSupport(d: Distribution): boolean {
  switch (d.type) {
    case 'uniform':
    case 'triangular':
      return d.min > 0;
    case 'normal':
      return d.min !== undefined && d.min > 0;
    case 'lognormal':
      return true;
  }
}

/**
 * The scenario's uncertain parameters with their distributions: a path must
 * name a number of the parameter tree or one of models/deterrence's
 * DETERRENCE_UNCERTAINTIES (whose documented default range, uniform, is used
 * when no distribution is given).
 */
function resolveUncertain(
  file: ScenarioFile,
  tree: Record<string, unknown>,
  at: At,
  bargains: boolean,
): Uncertain[] {
  const out: Uncertain[] = [];
  file.uncertain.forEach((u, i) => {
    if (u.parameter === STANCES_PARAMETER) {
      if (u.distribution !== undefined) {
        at(
          ['uncertain', i, 'distribution'],
          `${STANCES_PARAMETER} takes no distribution: each position and salience is drawn uniformly within its range in ${CORE_INTERESTS_NAME}`,
        );
      } else if (!bargains) {
        at(
          ['uncertain', i, 'parameter'],
          `${STANCES_PARAMETER}: fewer than two of the scenario's actors are in ${CORE_INTERESTS_NAME}, so there are no stances to sample`,
        );
      } else out.push({ parameter: u.parameter, distribution: { type: 'uniform', min: 0, max: 1 } });
      return;
    }
    const det = DETERRENCE_PARAMETERS.get(u.parameter);
    if (u.parameter.startsWith('deterrence.') && !det) {
      at(
        ['uncertain', i, 'parameter'],
        `unknown deterrence parameter "${u.parameter}": expected one of ${[...DETERRENCE_PARAMETERS.keys()].join(', ')}`,
      );
      return;
    }
    if (!det && !isNumericParameter(tree, u.parameter)) {
      at(
        ['uncertain', i, 'parameter'],
        `"${u.parameter}" is not a numeric parameter: expected a path such as policies.default.noise, policies.USA.arms.reaction, couplings.structuralBalance.rate, game.reward, deterrence.pk or ${STANCES_PARAMETER}`,
      );
      return;
    }
    let distribution = u.distribution;
    if (!distribution) {
      if (!det) {
        at(
          ['uncertain', i],
          `"${u.parameter}" needs a distribution (only deterrence.* parameters have a default range)`,
        );
        return;
      }
      distribution = { type: 'uniform', min: det.min, max: det.max };
    }
    if (det && POSITIVE_DETERRENCE.has(det.parameter) && !positiveSupport(distribution)) {
      at(
        ['uncertain', i, 'distribution'],
        `${det.parameter} must stay above 0 (${det.unit}): expected a distribution whose draws are all > 0 (uniform or triangular with min > 0, normal with min > 0, or lognormal)`,
      );
      return;
    }
    out.push({ parameter: u.parameter, distribution });
  });
  return out;
}

/** The geometry fields a new defense takes from its event (the first five are required with sites). */
const NEW_SYSTEM_GEOMETRY = [
  'phase',
  'interceptorSpeedKmS',
  'interceptorRangeKm',
  'minAltitudeKm',
  'maxAltitudeKm',
  'interceptorBurnTimeS',
  'reactionTimeS',
  'radarRangeKm',
] as const;

function checkEvents(
  file: ScenarioFile,
  world: World,
  simulated: ReadonlySet<string>,
  expect: string,
  at: At,
): void {
  const deployed = new Map<string, Set<string>>();
  /** The product of the change-forces factors so far, by `actor system`. */
  const scales = new Map<string, number>();
  file.events.forEach((e, k) => {
    const base: FieldPath = ['events', k];
    const actorField = (field: 'actor' | 'target', id: string) => {
      if (!simulated.has(id)) at([...base, field], `unknown actor "${id}": ${expect}`);
    };
    const actorList = (ids: readonly string[]) =>
      ids.forEach((id, i) => {
        if (!simulated.has(id)) at([...base, 'actors', i], `unknown actor "${id}": ${expect}`);
      });
    switch (e.type) {
      case 'deploy-missile-defense': {
        actorField('actor', e.actor);
        (e.against ?? []).forEach((id, i) => {
          if (!(id in world.actors)) at([...base, 'against', i], `unknown actor "${id}": not in the world`);
        });
        const own = deployed.get(e.actor) ?? new Set(Object.keys(world.actors[e.actor]?.defenses ?? {}));
        deployed.set(e.actor, own);
        const defenses = world.actors[e.actor]?.defenses ?? {};
        if (e.like !== undefined && !(e.like in defenses)) {
          at(
            [...base, 'like'],
            `unknown defense "${e.like}" of ${e.actor}: expected one of ${Object.keys(defenses).join(', ') || '(none: the actor has no defenses in the world)'}`,
          );
        }
        const geometry = ['sites', 'like', ...NEW_SYSTEM_GEOMETRY] as const;
        if (own.has(e.system)) {
          for (const field of geometry) {
            if (e[field] !== undefined)
              at(
                [...base, field],
                `"${e.system}" is an existing defense of ${e.actor}: ${field} is only for a new system (give another system id)`,
              );
          }
        } else {
          const template = e.like !== undefined ? defenses[e.like] : undefined;
          if (e.pk === undefined && e.like === undefined) {
            at(
              base,
              `"${e.system}" is a new defense system of ${e.actor}: give its single-shot kill probability pk (or like: an existing defense to copy)`,
            );
          }
          if (e.sites !== undefined) {
            for (const field of NEW_SYSTEM_GEOMETRY.slice(0, 5)) {
              if (e[field] === undefined && template?.[field] === undefined)
                at(
                  [...base, field],
                  `a new defense with sites needs ${field} (its engagement geometry), here or from like:`,
                );
            }
          }
          own.add(e.system);
        }
        break;
      }
      case 'switch-sensor': {
        actorField('actor', e.actor);
        const sensors = world.actors[e.actor]?.sensors ?? {};
        if (simulated.has(e.actor) && !(e.sensor in sensors)) {
          at(
            [...base, 'sensor'],
            `unknown sensor "${e.sensor}" of ${e.actor}: expected one of ${Object.keys(sensors).join(', ') || '(none: the actor has no sensors in the world)'}`,
          );
        }
        break;
      }
      case 'change-forces': {
        actorField('actor', e.actor);
        const forces = world.actors[e.actor]?.forces;
        if (simulated.has(e.actor) && !forces)
          at([...base, 'actor'], `actor "${e.actor}" has no nuclear forces to change`);
        if (forces && e.system !== undefined && !(e.system in forces.systems)) {
          at(
            [...base, 'system'],
            `unknown system "${e.system}" of ${e.actor}: expected one of ${Object.keys(forces.systems).join(', ')}`,
          );
        }
        // The launchers the events make, as if every one of them stayed in force: within the world's
        // bound (factors of 100 compounded by five events gave 4e12 launchers to allocate).
        for (const id of forces ? (e.system !== undefined ? [e.system] : Object.keys(forces.systems)) : []) {
          const launchers = forces?.systems[id]?.launchers;
          if (launchers === undefined) continue;
          const scale = (scales.get(`${e.actor} ${id}`) ?? 1) * e.factor;
          scales.set(`${e.actor} ${id}`, scale);
          if (launchers * scale > MAX_FORCE_COUNT) {
            at(
              [...base, 'factor'],
              `${e.actor}'s ${id} would have ${Math.round(launchers * scale)} launchers after this event (${launchers} in the world × ${scale}); expected at most ${MAX_FORCE_COUNT}`,
            );
            break;
          }
        }
        break;
      }
      case 'sanction':
      case 'trade-war':
        actorField('actor', e.actor);
        actorField('target', e.target);
        if (e.actor === e.target)
          at(
            [...base, 'target'],
            `an actor cannot ${e.type === 'sanction' ? 'sanction' : 'wage a trade war on'} itself`,
          );
        break;
      case 'concede':
        actorField('actor', e.actor);
        if (simulated.has(e.actor)) checkConcession(e, base, at);
        break;
      default:
        actorList(e.actors);
        if (new Set(e.actors).size < 2) at([...base, 'actors'], 'expected at least two different actors');
    }
  });
}

/**
 * A concession names an actor and a dimension of the core-interest data,
 * changes something, and lowers a salience only to a value at most the top of
 * the actor's range (a concession never raises one).
 */
function checkConcession(
  e: Extract<ScenarioFile['events'][number], { type: 'concede' }>,
  base: FieldPath,
  at: At,
): void {
  const problem = coreInterestProblem();
  const actor = problem.actors.find((a) => a.id === e.actor);
  if (!actor) {
    at(
      [...base, 'actor'],
      `actor "${e.actor}" has no core interests in ${CORE_INTERESTS_NAME}: expected one of ${problem.actors.map((a) => a.id).join(', ')}`,
    );
  }
  const d = problem.dimensions.findIndex((x) => x.id === e.dimension);
  if (d < 0) {
    at(
      [...base, 'dimension'],
      `unknown dimension "${e.dimension}" of ${CORE_INTERESTS_NAME}: expected one of ${problem.dimensions.map((x) => x.id).join(', ')}`,
    );
  }
  if (e.position === undefined && e.salience === undefined) {
    at(base, 'a concession needs a position to move toward or a salience to lower to (or both)');
  }
  if (actor && d >= 0 && e.salience !== undefined) {
    const top = actor.salienceRange?.[d]?.[1] ?? actor.salience[d]!;
    if (e.salience > top) {
      at(
        [...base, 'salience'],
        `expected at most ${top}, the top of ${e.actor}'s salience range on ${e.dimension} in ${CORE_INTERESTS_NAME} (got ${e.salience}): a concession lowers a salience`,
      );
    }
  }
}

function worldOverrides(file: ScenarioFile): Scenario['overrides'] {
  if (file.world === 'default') return {};
  return file.world.overrides?.actors ?? {};
}

/** The starting world: the embedded default (with the shipped forces of `forces`, by default 2017's) or a world file, with relation overrides. */
function resolveWorld(file: ScenarioFile, doc: SourceDocument): World {
  const spec = file.world;
  let world: World;
  if (spec === 'default' || spec.file === undefined) {
    const year = spec === 'default' ? DEFAULT_YEAR : (spec.default ?? DEFAULT_YEAR);
    const forces = spec === 'default' ? undefined : spec.forces;
    world =
      forces === undefined
        ? withDefaultForces(loadDefaultWorld({ year }))
        : withForcesOfYear(loadDefaultWorld({ year }), forces, { replace: true });
  } else {
    world = loadWorldFile(resolve(dirname(doc.file), spec.file));
  }
  const rel = spec === 'default' ? undefined : spec.overrides?.relations;
  if (!rel || rel.length === 0) return world;
  const problems: Problem[] = [];
  const key = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const given = new Map<string, (typeof rel)[number]>();
  rel.forEach((r, i) => {
    for (const side of ['a', 'b'] as const) {
      if (!(r[side] in world.actors)) {
        const path: FieldPath = ['world', 'overrides', 'relations', i, side];
        problems.push({
          file: doc.file,
          ...doc.locate(path),
          path,
          message: `unknown actor "${r[side]}": not in the world`,
        });
      }
    }
    given.set(key(r.a, r.b), r);
  });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  const kept = world.relations.filter((r) => !given.has(key(r.a, r.b)));
  const added = [...given.values()].map((r) => ({
    a: r.a,
    b: r.b,
    score: r.score,
    kind: r.kind ?? relationKindOf(r.score),
    source: r.source ?? 'scenario override',
  }));
  return WorldSchema.parse({ ...world, relations: [...kept, ...added] });
}

/** The world restricted to the simulated actors and the relations and trade among them (what runs need). */
function restrictWorld(world: World, simulated: ReadonlySet<string>): World {
  const actors = Object.fromEntries(Object.entries(world.actors).filter(([id]) => simulated.has(id)));
  const among = (r: { a: string; b: string }) => simulated.has(r.a) && simulated.has(r.b);
  const out: World = { ...world, actors, relations: world.relations.filter(among) };
  if (world.trade) out.trade = world.trade.filter(among);
  return out;
}
