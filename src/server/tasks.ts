/**
 * Work the server runs on worker threads (through the runtime's pool) because
 * it can take seconds: structural balance reports solve a MIP with HiGHS,
 * equilibrium enumeration grows fast with the size of a game, and power
 * indices of large games are enumerated or sampled. Each task is a pure
 * function of its (structured-clone) input that builds the same report as the
 * matching CLI command (reports/); the worker loads the default world of the
 * year itself (the library caches it per thread).
 */
import type { z } from 'zod';
import { parseDocument, type SourceDocument } from '../core/document.js';
import { ConcertError, type FieldPath, isConcertError, type Problem, reroot } from '../core/errors.js';
import {
  type PowerIndexName,
  readSimpleGame,
  type SimpleGameFileSchema,
} from '../models/coalitions/index.js';
import { parseBargaining } from '../models/bargaining/index.js';
import { type EquilibriumMethod, type GameJson, parseGameJson } from '../models/games/normal/index.js';
import {
  inducedSubnetwork,
  networkFromWorld,
  type SignedNetwork,
  type TriangleFilter,
} from '../models/relations/index.js';
import {
  balanceAnalysis,
  bargainingAnalysis,
  classificationAnalysis,
  coalitionPowerAnalysis,
  equilibriaAnalysis,
  gdpGameOf,
  gravityAnalysis,
  INPUT_KINDS,
  invalidInput,
  validateInput,
  whatIfAnalysis,
  worldGravityInput,
} from '../reports/index.js';
import { loadDefaultWorld } from '../world/index.js';
import { checkNoWorldFile, scenarioOf } from './routes/scenario-source.js';

/**
 * What a task returns: its value, or the problems of bad input. A
 * ConcertError does not survive the trip back from a worker thread (structured
 * cloning keeps only a plain Error's message), so bad input travels as data
 * and {@link unwrapTask} raises it again on the server's thread.
 */
export type TaskOutcome<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly problems: Problem[] };

async function outcome<T>(fn: () => T | Promise<T>): Promise<TaskOutcome<T>> {
  try {
    return { ok: true, value: await fn() };
  } catch (e) {
    if (isConcertError(e) && e.code === 'bad-input') return { ok: false, problems: [...e.problems] };
    throw e;
  }
}

/** The value of a task's outcome, or its bad input raised as a ConcertError with paths rooted at `root`. */
export function unwrapTask<T>(o: TaskOutcome<T>, root: FieldPath): T {
  if (o.ok) return o.value;
  throw new ConcertError(
    'bad-input',
    o.problems.map((p) => ({ path: [...root, ...(p.path ?? [])], message: p.message })),
  );
}

/** Runs `fn`, rooting its bad input's field paths at `root` (positions dropped). */
function under<T>(root: FieldPath, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw reroot(e, (path) => [...root, ...path], { dropPosition: true });
  }
}

/** Input of {@link balanceTask}: the default world of `year`, optionally restricted to `actors`. */
export interface BalanceTaskInput {
  readonly year: number;
  readonly actors?: readonly string[];
  readonly method: 'exact' | 'heuristic';
  readonly weighted: boolean;
  readonly timeLimitS: number;
  readonly seed: number;
  readonly groups?: number;
  readonly pair?: readonly [string, string];
  /** The triangle listing (`concert balance --triangles`): which, through whom, how many. */
  readonly triangles?: TriangleFilter;
  readonly trianglesWith?: readonly string[];
  readonly triangleLimit?: number;
}

/** Input of {@link whatIfTask}: a balance input plus the relation to change. */
export interface WhatIfTaskInput extends BalanceTaskInput {
  readonly change: { readonly a: string; readonly b: string; readonly score: number };
}

/** The network of the default world of the input's year (the sub-network of `actors`, problems at `actors`). */
function network(input: BalanceTaskInput): { net: SignedNetwork; source: string } {
  const world = loadDefaultWorld({ year: input.year });
  const net = networkFromWorld(world);
  const actors = input.actors;
  return {
    net: actors ? under(['actors'], () => inducedSubnetwork(net, actors)) : net,
    source: `default world ${world.year}`,
  };
}

function frustrationOptions(input: BalanceTaskInput) {
  return { method: input.method, timeLimitS: input.timeLimitS, weighted: input.weighted, seed: input.seed };
}

/** `concert balance --json` for the default world of a year. */
export const balanceTask = (input: BalanceTaskInput) =>
  outcome(() => {
    const { net, source } = network(input);
    return balanceAnalysis(net, source, {
      ...frustrationOptions(input),
      ...(input.groups === undefined ? {} : { groups: input.groups }),
      ...(input.pair === undefined ? {} : { pair: input.pair }),
      ...(input.triangles === undefined ? {} : { triangles: input.triangles }),
      ...(input.trianglesWith === undefined ? {} : { trianglesWith: input.trianglesWith }),
      ...(input.triangleLimit === undefined ? {} : { triangleLimit: input.triangleLimit }),
    });
  });

/** `concert balance whatif --json` for the default world of a year. */
export const whatIfTask = (input: WhatIfTaskInput) =>
  outcome(() => {
    const { net, source } = network(input);
    return whatIfAnalysis(net, input.change, source, frustrationOptions(input));
  });

/** Input of the game tasks: a game in its JSON form (already validated) and the method. */
export interface GameTaskInput {
  readonly game: GameJson;
  readonly method?: EquilibriumMethod;
}

function gameOf(json: GameJson) {
  return parseGameJson(JSON.stringify(json), 'game', 'json');
}

/** `concert games equilibria --json`. */
export const equilibriaTask = (input: GameTaskInput) =>
  outcome(() => equilibriaAnalysis(gameOf(input.game), input.method));

/** `concert games classify --json`. */
export const classifyTask = (input: GameTaskInput) =>
  outcome(() => classificationAnalysis(gameOf(input.game)));

/** A simple-game document: weighted `{players?, weights, quota}`, layered `{players, layers}` or `{players, minimalWinning}`. */
export type SimpleGameFile = z.infer<typeof SimpleGameFileSchema>;

/** Input of {@link coalitionPowerTask}: a simple-game document (validated) or a GDP-weighted game of a world. */
export type CoalitionPowerInput = {
  readonly index: PowerIndexName;
  readonly method: 'auto' | 'exact' | 'monte-carlo';
  readonly samples: number;
  readonly seed: number;
  readonly coalitions: boolean;
} & (
  | { readonly game: SimpleGameFile }
  | {
      readonly gdp: {
        readonly year: number;
        readonly actors: readonly string[];
        readonly quotaShare: number;
      };
    }
);

/** `concert coalitions power --json`: problems at `game…`, `gdp.actors[i]` or the option (`method`, …). */
export const coalitionPowerTask = (input: CoalitionPowerInput) =>
  outcome(() => {
    const doc =
      'game' in input
        ? under(['game'], () => readSimpleGame(parseDocument(JSON.stringify(input.game), 'game', 'json')))
        : under(['gdp', 'actors'], () =>
            gdpGameOf(loadDefaultWorld({ year: input.gdp.year }), input.gdp.actors, input.gdp.quotaShare),
          );
    return coalitionPowerAnalysis(doc, {
      index: input.index,
      method: input.method,
      samples: input.samples,
      seed: input.seed,
      coalitions: input.coalitions,
    });
  });

/** Input of {@link bargainTask}: a bargaining file as JSON (checked on the server's thread) and the run's settings. */
export interface BargainTaskInput {
  readonly problem: unknown;
  readonly maxTurns: number;
  readonly seed: number;
}

/** `concert bargain --json` for a bargaining file sent as JSON: problems at `problem…`. */
export const bargainTask = (input: BargainTaskInput) =>
  outcome(() =>
    bargainingAnalysis(
      under(['problem'], () => parseBargaining(JSON.stringify(input.problem), 'problem', 'json')),
      { maxTurns: input.maxTurns, seed: input.seed },
    ),
  );

/** Input of {@link gravityTask}: the default world of `year`, a formula and the estimator. */
export interface GravityTaskInput {
  readonly year: number;
  readonly formula: string;
  readonly method: 'ols' | 'ppml';
}

/** `concert economy gravity --year Y --json`: problems at `formula`, or at `year` for a year without trade. */
export const gravityTask = (input: GravityTaskInput) =>
  outcome(() => {
    const world = loadDefaultWorld({ year: input.year });
    const data = under(['year'], () => worldGravityInput(world));
    return gravityAnalysis(data, input.formula, input.method);
  });

/** Input of the scenario tasks: scenario text sent to the server. */
export interface ScenarioTextInput {
  readonly text: string;
  readonly format: 'yaml' | 'json';
}

/**
 * The server validates scenarios only, and one may not name a world file
 * (the server does not read files on a client's behalf; see
 * {@link checkNoWorldFile}).
 */
const SCENARIO_KIND = INPUT_KINDS.filter((k) => k.kind === 'scenario').map((k) => ({
  ...k,
  detect: () => true,
  validate: (doc: SourceDocument) => {
    checkNoWorldFile(doc);
    return k.validate(doc);
  },
}));

/**
 * `concert validate --json` of scenario text (POST /api/scenarios/validate):
 * parsed and checked on a request thread, because a large document takes
 * seconds. Problems of the scenario are the document's findings, not an error.
 */
export const validateScenarioTask = (input: ScenarioTextInput) =>
  outcome(() => {
    try {
      return validateInput(parseDocument(input.text, 'scenario', input.format), SCENARIO_KIND);
    } catch (e) {
      if (!(isConcertError(e) && e.code === 'bad-input')) throw e;
      return invalidInput('scenario', 'scenario', e.problems);
    }
  });

/** A scenario sent as text, parsed, checked and prepared on a request thread (problems located in the text). */
export const loadScenarioTask = (input: ScenarioTextInput) =>
  outcome(() => scenarioOf(parseDocument(input.text, 'scenario', input.format)));
