/**
 * The coalitions reports: voting power of simple games (and GDP-weighted
 * games of a world), the Security Council listing, TU-game solutions and
 * bankruptcy rules (models/coalitions; docs/models/coalitions.md).
 */
import { ConcertError, type Problem } from '../core/errors.js';
import { exactNumber } from '../core/rational.js';
import { Rng } from '../core/rng.js';
import {
  BANKRUPTCY_RULES,
  type BankruptcyRule,
  bankruptcyAwards,
  councilPower,
  gdpWeightedGame,
  minimalBlockingCoalitions,
  minimalWinningCoalitions,
  nullPlayers,
  type PowerIndexName,
  powerIndex,
  type SimpleGameDocument,
  type TuGame,
  type TuSolutionResult,
  tradeSurplusGame,
  vetoPlayers,
  winningTable,
} from '../models/coalitions/index.js';
import type { CouncilFile, World } from '../world/index.js';
import type { Document } from './document.js';
import type {
  BankruptcySchema,
  CoalitionPowerSchema,
  CouncilSchema,
  CouncilsSchema,
  TuSolutionSchema,
} from './schemas/coalitions.js';

export type CoalitionPowerDocument = Document<typeof CoalitionPowerSchema>;
export type CouncilDocument = Document<typeof CouncilSchema>;
export type CouncilsDocument = Document<typeof CouncilsSchema>;
export type TuSolutionDocument = Document<typeof TuSolutionSchema>;
export type BankruptcyDocument = Document<typeof BankruptcySchema>;

/**
 * The GDP-weighted simple game of `actors` of a world: weights are GDP in
 * billion current US$ (World Bank WDI), and a coalition wins with more than
 * `quotaShare` of the total. Problems are located at `[i]` (the index into
 * `actors`): unknown actors, repeats, and actors without GDP (missing or
 * below 0.5 billion US$, which rounds to a weight of 0).
 */
export function gdpGameOf(world: World, actors: readonly string[], quotaShare: number): SimpleGameDocument {
  const problems: Problem[] = [];
  const gdp = new Map<string, number>();
  actors.forEach((id, i) => {
    const actor = world.actors[id];
    if (!actor) problems.push({ path: [i], message: `unknown actor "${id}" in the world of ${world.year}` });
    else if (actors.indexOf(id) !== i) problems.push({ path: [i], message: `actor "${id}" is listed twice` });
    else if (typeof actor.gdpUsd !== 'number' || Math.round(actor.gdpUsd / 1e9) === 0)
      problems.push({
        path: [i],
        message: `no GDP for "${id}" in the world of ${world.year} (gdpUsd is missing or below 0.5 billion US$)`,
      });
    else gdp.set(id, actor.gdpUsd);
  });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  return {
    game: gdpWeightedGame(gdp, actors, quotaShare),
    name: `GDP-weighted game of ${actors.join(', ')} in ${world.year} (weights in billion current US$, wins with more than ${quotaShare} of the total)`,
    source: 'World Bank WDI GDP (current US$) via the world',
  };
}

/**
 * The trade-surplus TU game of `actors` of a world (`tradeSurplusGame`: the
 * worth of a coalition is its members' trade with each other, million US$),
 * named. Problems are located at `[i]` for unknown or repeated actors, and at
 * `[]` when fewer than two actors are given or the world has no trade among
 * them.
 */
export function tradeSurplusGameOf(world: World, actors: readonly string[]): { game: TuGame; name: string } {
  const problems: Problem[] = [];
  actors.forEach((id, i) => {
    if (!Object.hasOwn(world.actors, id))
      problems.push({ path: [i], message: `unknown actor "${id}" in the world of ${world.year}` });
    else if (actors.indexOf(id) !== i) problems.push({ path: [i], message: `actor "${id}" is listed twice` });
  });
  if (actors.length < 2) problems.push({ path: [], message: 'a trade surplus needs at least two actors' });
  const set = new Set(actors);
  if (problems.length === 0 && !(world.trade ?? []).some((f) => set.has(f.a) && set.has(f.b)))
    problems.push({
      path: [],
      message: `the world of ${world.year} has no trade flows among ${actors.join(', ')}: the trade surplus game needs "trade" entries (imports in million US$)`,
    });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  return {
    game: tradeSurplusGame(world, actors),
    name: `trade surplus among ${actors.join(', ')} (million US$)`,
  };
}

/** Options of {@link coalitionPowerAnalysis}. */
export interface CoalitionPowerOptions {
  readonly index: PowerIndexName;
  readonly method?: 'auto' | 'exact' | 'monte-carlo';
  readonly samples?: number;
  readonly seed: number;
  /** Also list the minimal winning and minimal blocking coalitions (at most 22 players). */
  readonly coalitions?: boolean;
}

/**
 * A power index of a simple game (`powerIndex`), its veto players, its null
 * players (exact methods) and, when asked, its minimal winning and blocking
 * coalitions.
 */
export function coalitionPowerAnalysis(
  doc: SimpleGameDocument,
  o: CoalitionPowerOptions,
): CoalitionPowerDocument {
  const r = powerIndex(doc.game, o.index, {
    ...(o.method === undefined ? {} : { method: o.method }),
    ...(o.samples === undefined ? {} : { samples: o.samples }),
    rng: Rng.fromSeed(o.seed),
  });
  const nulls = r.method === 'monte-carlo' ? undefined : nullPlayers(doc.game);
  let lists: { minimalWinning: string[][]; minimalBlocking: string[][] } | undefined;
  if (o.coalitions) {
    const win = winningTable(doc.game);
    const names = (cs: number[][]) => cs.map((c) => c.map((i) => doc.game.players[i]!));
    lists = {
      minimalWinning: names(minimalWinningCoalitions(doc.game, win)),
      minimalBlocking: names(minimalBlockingCoalitions(doc.game, win)),
    };
  }
  return {
    name: doc.name ?? null,
    index: r.index,
    method: r.method,
    ...(r.samples !== undefined ? { samples: r.samples, seed: o.seed } : {}),
    values: r.values,
    vetoPlayers: vetoPlayers(doc.game),
    ...(nulls ? { nullPlayers: nulls } : {}),
    ...(lists ?? {}),
  };
}

/** One council: its voting rule and the power of each group of seats (`councilPower`). */
export function councilDocument(c: CouncilFile): CouncilDocument {
  const layers = c.doc.game.kind === 'weighted' ? c.doc.game.layers : [];
  return {
    id: c.id,
    file: c.file,
    name: c.doc.name ?? c.id,
    source: c.doc.source ?? null,
    notes: c.doc.notes ?? [],
    rule: layers.map((l) => ({ name: l.name ?? null, quota: l.quota })),
    ...councilPower(c.doc.game, c.doc.groups ?? {}),
  };
}

/** The Security Council listing of the given councils. */
export function councilsDocument(councils: readonly CouncilFile[]): CouncilsDocument {
  return { councils: councils.map(councilDocument) };
}

/** The document of a TU-game solution (`solveTuGame`) of the game named `name`. */
export function tuSolutionDocument(name: string, r: TuSolutionResult, seed?: number): TuSolutionDocument {
  return { name, ...r, ...(r.method === 'sampling' && seed !== undefined ? { seed } : {}) };
}

/**
 * The awards of a bankruptcy problem by one rule, or by every rule
 * (`bankruptcyAwards`), with exact fractions.
 */
export function bankruptcyReport(
  estate: number,
  claims: readonly number[],
  players: readonly string[],
  rule: BankruptcyRule | 'all',
): BankruptcyDocument {
  const rules: BankruptcyRule[] = rule === 'all' ? [...BANKRUPTCY_RULES] : [rule];
  const results = rules.map((r) => ({
    rule: r,
    allocation: bankruptcyAwards(r, estate, claims).map((x, i) => ({
      player: players[i]!,
      claim: claims[i]!,
      ...exactNumber(x),
    })),
  }));
  return rule === 'all' ? { estate, rules: results } : { estate, ...results[0]! };
}
