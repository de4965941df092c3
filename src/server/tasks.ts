/**
 * Work the server runs on worker threads (through the runtime's pool) because
 * it can take seconds: structural balance reports solve a MIP with HiGHS, and
 * equilibrium enumeration grows fast with the size of a game.
 * Each task is a pure function of its (structured-clone) input; the worker
 * loads the default world of the year itself (the library caches it per
 * thread) and calls the same library functions as `concert balance`.
 */
import type { z } from 'zod';
import { balanceJson, restrict, whatIfJson } from '../cli/balance.js';
import { parseDocument } from '../core/document.js';
import { ConcertError, isConcertError, type Problem } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import {
  gdpWeightedGame,
  nullPlayers,
  type PowerIndexName,
  powerIndex,
  readSimpleGame,
  type SimpleGameDocument,
  type SimpleGameFileSchema,
  vetoPlayers,
} from '../models/coalitions/index.js';
import {
  classifyGame,
  constantSum,
  type EquilibriumMethod,
  type GameJson,
  type NormalFormGame,
  parseGameJson,
  solveEquilibria,
  zeroSumSolution,
} from '../models/games/normal/index.js';
import { balanceReport, networkFromWorld, type SignedNetwork, whatIf } from '../models/relations/index.js';
import { loadDefaultWorld } from '../world/index.js';

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
export function unwrapTask<T>(o: TaskOutcome<T>, root: (string | number)[]): T {
  if (o.ok) return o.value;
  throw new ConcertError(
    'bad-input',
    o.problems.map((p) => ({ path: [...root, ...(p.path ?? [])], message: p.message })),
  );
}

/** Input of {@link balanceTask}: the default world of `year`, optionally restricted to `actors`. */
export interface BalanceTaskInput {
  readonly year: number;
  readonly actors?: readonly string[];
  readonly method: 'exact' | 'heuristic';
  readonly weighted: boolean;
  readonly timeLimitS: number;
  readonly seed: number;
}

/** Input of {@link whatIfTask}: a balance input plus the relation to change. */
export interface WhatIfTaskInput extends BalanceTaskInput {
  readonly change: { readonly a: string; readonly b: string; readonly score: number };
}

function network(input: BalanceTaskInput): { net: SignedNetwork; source: string } {
  const world = loadDefaultWorld({ year: input.year });
  const net = networkFromWorld(world);
  const source = `default world ${world.year}`;
  return input.actors ? { net: restrict(net, input.actors.join(','), 'actors'), source } : { net, source };
}

/** `concert balance --json` for the default world of a year (balanceReport, models/relations). */
async function balance(input: BalanceTaskInput) {
  const { net, source } = network(input);
  const report = await balanceReport(net, {
    method: input.method,
    timeLimitS: input.timeLimitS,
    weighted: input.weighted,
    seed: input.seed,
  });
  return balanceJson(report, source);
}

/** `concert balance whatif --json` for the default world of a year (whatIf, models/relations). */
async function whatIfReport(input: WhatIfTaskInput) {
  const { net, source } = network(input);
  const r = await whatIf(net, input.change, {
    method: input.method,
    timeLimitS: input.timeLimitS,
    weighted: input.weighted,
    seed: input.seed,
  });
  return whatIfJson(r, source);
}

/** Input of the game tasks: a game in its JSON form (already validated) and the method. */
export interface GameTaskInput {
  readonly game: GameJson;
  readonly method?: EquilibriumMethod;
}

function gameOf(json: GameJson) {
  return parseGameJson(JSON.stringify(json), 'game', 'json');
}

function gameHeader(game: NormalFormGame) {
  return { title: game.title, players: [...game.players], strategies: game.strategies.map((s) => [...s]) };
}

/** `concert games equilibria --json` (solveEquilibria, models/games). */
function equilibria(input: GameTaskInput) {
  const game = gameOf(input.game);
  return { game: gameHeader(game), ...solveEquilibria(game, input.method) };
}

/** `concert games classify --json` (classifyGame and, for constant-sum 2-player games, zeroSumSolution). */
async function classify(input: GameTaskInput) {
  const game = gameOf(input.game);
  const c = classifyGame(game);
  const value =
    game.players.length === 2 && constantSum(game) !== undefined ? await zeroSumSolution(game) : undefined;
  return { game: gameHeader(game), ...c, ...(value ? { value } : {}) };
}

/** A simple-game document: weighted `{players?, weights, quota}`, layered `{players, layers}` or `{players, minimalWinning}`. */
export type SimpleGameFile = z.infer<typeof SimpleGameFileSchema>;

/** Input of {@link coalitionPowerTask}: a simple-game document (validated) or a GDP-weighted game of a world. */
export type CoalitionPowerInput = {
  readonly index: PowerIndexName;
  readonly method: 'auto' | 'exact' | 'monte-carlo';
  readonly samples: number;
  readonly seed: number;
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

/** The simple game of a {@link CoalitionPowerInput}, as `concert coalitions power` builds it. */
export function simpleGameOf(input: CoalitionPowerInput): SimpleGameDocument {
  if ('game' in input) return readSimpleGame(parseDocument(JSON.stringify(input.game), 'game', 'json'));
  const world = loadDefaultWorld({ year: input.gdp.year });
  const gdp = new Map<string, number>();
  for (const id of input.gdp.actors) {
    const v = world.actors[id]?.gdpUsd;
    if (typeof v === 'number') gdp.set(id, v);
  }
  return {
    game: gdpWeightedGame(gdp, input.gdp.actors, input.gdp.quotaShare),
    name: `GDP-weighted game of ${input.gdp.actors.join(', ')} in ${world.year} (weights in billion current US$, wins with more than ${input.gdp.quotaShare} of the total)`,
    source: 'World Bank WDI GDP (current US$) via the default world',
  };
}

/** `concert coalitions power --json` (powerIndex, vetoPlayers, nullPlayers; models/coalitions). */
function coalitionPower(input: CoalitionPowerInput) {
  const doc = simpleGameOf(input);
  const r = powerIndex(doc.game, input.index, {
    method: input.method,
    samples: input.samples,
    rng: Rng.fromSeed(input.seed),
  });
  const nulls = r.method === 'monte-carlo' ? undefined : nullPlayers(doc.game);
  return {
    name: doc.name ?? null,
    index: r.index,
    method: r.method,
    ...(r.samples !== undefined ? { samples: r.samples, seed: input.seed } : {}),
    values: r.values,
    vetoPlayers: vetoPlayers(doc.game),
    ...(nulls ? { nullPlayers: nulls } : {}),
  };
}

/** `concert balance --json` for the default world of a year (balanceReport, models/relations). */
export const balanceTask = (input: BalanceTaskInput) => outcome(() => balance(input));
/** `concert balance whatif --json` for the default world of a year (whatIf, models/relations). */
export const whatIfTask = (input: WhatIfTaskInput) => outcome(() => whatIfReport(input));
/** `concert games equilibria --json` (solveEquilibria, models/games). */
export const equilibriaTask = (input: GameTaskInput) => outcome(() => equilibria(input));
/** `concert games classify --json` (classifyGame, zeroSumSolution; models/games). */
export const classifyTask = (input: GameTaskInput) => outcome(() => classify(input));
/** `concert coalitions power --json` (powerIndex, vetoPlayers, nullPlayers; models/coalitions). */
export const coalitionPowerTask = (input: CoalitionPowerInput) => outcome(() => coalitionPower(input));
