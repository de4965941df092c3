/**
 * One repeated match between two strategies.
 *
 * ## Turn model
 * Each turn t both players choose an *intended* action from their own record
 * (History). Then, in this order, with independent draws from the match's
 * random stream:
 *
 * 1. **Implementation noise** (`noise`, p): each intended action is flipped
 *    with probability p before it is executed — the Axelrod library's
 *    `noise` (Bendor, Kramer & Stout 1991; Wu & Axelrod 1995). Payoffs are
 *    those of the executed actions, and both players record the executed
 *    actions.
 * 2. **Misperception** (`misperception`, m): each player's observation of the
 *    opponent's executed action is flipped with probability m, independently
 *    for the two players. Payoffs are unaffected; only the records differ.
 * 3. **Consultation** (`consultation`, q): before the next move, every error
 *    of this turn is cleared up with probability q, independently per error:
 *    a misperceived observation is replaced by the action actually executed,
 *    and an implementation error is explained as unintended, so that both
 *    players record the *intended* action for that turn (the payoffs already
 *    received stand). With q = 0 nothing is corrected; with q = 1 records are
 *    always the intended actions and perception is exact.
 *
 * Random draws happen only for positive rates, so a match with no noise and
 * deterministic strategies consumes no random numbers.
 *
 * ## Length
 * A fixed number of turns, announced to the players (as the Axelrod library
 * does through `match_attributes`), or, with a continuation probability δ,
 * a geometric length L with P(L = k) = δ^(k−1)(1−δ), drawn first from the
 * match's stream and not announced (players see length = ∞).
 */
import { ConcertError, type FieldPath, type Problem } from '../../../core/errors.js';
import type { Rng } from '../../../core/rng.js';
import { C, PRISONERS_DILEMMA, payoffTable, type StageGame } from './game.js';
import { History, type Player, type Strategy } from './strategy.js';

/** The longest match Concert plays (turns); a guard for continuation probabilities near 1. */
export const MAX_TURNS = 10_000_000;

/** How a match is played. */
export interface MatchSettings {
  /** Number of turns (announced to the players). Default 200. Ignored when `continuationProbability` is set. */
  readonly turns?: number;
  /** δ in [0, 1): probability that another turn follows each turn; the length is then geometric and unannounced. */
  readonly continuationProbability?: number;
  /** Stage-game payoffs. Default R, S, T, P = 3, 0, 5, 1. */
  readonly game?: StageGame;
  /** Probability that an intended action is flipped when executed (Axelrod library's `noise`). */
  readonly noise?: number;
  /** Probability that a player misperceives the opponent's executed action. */
  readonly misperception?: number;
  /** Probability that each error is corrected by consultation before the next move. */
  readonly consultation?: number;
  /**
   * The length the players are told (the Axelrod library's `match_attributes["length"]`):
   * by default the number of turns for fixed-length matches and ∞ with a continuation probability.
   */
  readonly announcedLength?: number;
}

/** The outcome of a match: executed actions, total scores (points) and cooperation counts. */
export interface MatchResult {
  readonly players: readonly [string, string];
  readonly turns: number;
  /** Executed actions of each player, one entry per turn (C = 0, D = 1). */
  readonly actions: readonly [Uint8Array, Uint8Array];
  readonly scores: readonly [number, number];
  /** Number of turns in which each player's executed action was C. */
  readonly cooperation: readonly [number, number];
  /** Errors that happened and how many consultation cleared up. */
  readonly errors: {
    readonly implementation: number;
    readonly misperception: number;
    readonly corrected: number;
  };
}

/** A match's totals without the action record (what tournaments keep). */
export interface MatchSummary {
  turns: number;
  score1: number;
  score2: number;
  cooperation1: number;
  cooperation2: number;
}

/**
 * Samples a match length: fixed `turns`, or 1 + ⌊ln U / ln δ⌋ with U uniform
 * on (0, 1] for a continuation probability δ (geometric on {1, 2, …}), capped
 * at {@link MAX_TURNS}.
 */
export function sampleLength(settings: MatchSettings, rng: Rng): number {
  const delta = settings.continuationProbability;
  if (delta === undefined) return settings.turns ?? 200;
  if (delta <= 0) return 1;
  const u = 1 - rng.next();
  return Math.min(MAX_TURNS, 1 + Math.floor(Math.log(u) / Math.log(delta)));
}

/**
 * Plays matches reusing its buffers, so that a tournament allocates nothing
 * per turn: histories live in typed arrays, actions are 0/1 integers.
 */
export class MatchEngine {
  private readonly h1 = new History(256);
  private readonly h2 = new History(256);
  private executed1 = new Uint8Array(256);
  private executed2 = new Uint8Array(256);
  /** The payoff table of the last game played (games are usually the same object match after match). */
  private tableGame: StageGame | undefined;
  private table: Float64Array = new Float64Array(4);
  /** Errors of the last match played. */
  implementationErrors = 0;
  misperceptions = 0;
  corrected = 0;

  /**
   * Plays `s1` against `s2` and writes the totals into `out`. The executed
   * actions stay in {@link MatchEngine.lastActions} until the next call.
   */
  play(s1: Strategy, s2: Strategy, settings: MatchSettings, rng: Rng, out: MatchSummary): MatchSummary {
    const game = settings.game ?? PRISONERS_DILEMMA;
    const length = sampleLength(settings, rng);
    const announced =
      settings.announcedLength ?? (settings.continuationProbability === undefined ? length : Infinity);
    const noise = settings.noise ?? 0;
    const mis = settings.misperception ?? 0;
    const consult = settings.consultation ?? 0;
    if (game !== this.tableGame) {
      this.table = payoffTable(game);
      this.tableGame = game;
    }
    const table = this.table;
    const p1: Player = s1.create(game);
    const p2: Player = s2.create(game);
    const h1 = this.h1;
    const h2 = this.h2;
    h1.reset(length, announced);
    h2.reset(length, announced);
    if (length > this.executed1.length) {
      this.executed1 = new Uint8Array(length);
      this.executed2 = new Uint8Array(length);
    }
    const ex1 = this.executed1;
    const ex2 = this.executed2;
    let score1 = 0;
    let score2 = 0;
    let coop1 = 0;
    let coop2 = 0;
    let implementationErrors = 0;
    let misperceptions = 0;
    let corrected = 0;
    const noisy = noise > 0 || mis > 0;
    for (let t = 0; t < length; t++) {
      const a1 = p1.play(h1, rng);
      const a2 = p2.play(h2, rng);
      if (!noisy) {
        ex1[t] = a1;
        ex2[t] = a2;
        score1 += table[2 * a1 + a2] as number;
        score2 += table[2 * a2 + a1] as number;
        if (a1 === C) coop1++;
        if (a2 === C) coop2++;
        h1.push(a1, a2);
        h2.push(a2, a1);
        continue;
      }
      let e1: number = a1;
      let e2: number = a2;
      if (noise > 0) {
        if (rng.next() < noise) e1 ^= 1;
        if (rng.next() < noise) e2 ^= 1;
      }
      // What player 1 sees of player 2 (seen2) and player 2 of player 1 (seen1).
      let seen2 = e2;
      let seen1 = e1;
      if (mis > 0) {
        if (rng.next() < mis) seen2 ^= 1;
        if (rng.next() < mis) seen1 ^= 1;
      }
      ex1[t] = e1;
      ex2[t] = e2;
      score1 += table[2 * e1 + e2] as number;
      score2 += table[2 * e2 + e1] as number;
      if (e1 === C) coop1++;
      if (e2 === C) coop2++;
      // Records: own executed action, and the opponent as perceived.
      let own1 = e1;
      let own2 = e2;
      if (e1 !== a1) implementationErrors++;
      if (e2 !== a2) implementationErrors++;
      if (seen2 !== e2) misperceptions++;
      if (seen1 !== e1) misperceptions++;
      if (consult > 0) {
        if (e1 !== a1 && rng.next() < consult) {
          own1 = a1;
          seen1 = a1;
          corrected++;
        }
        if (e2 !== a2 && rng.next() < consult) {
          own2 = a2;
          seen2 = a2;
          corrected++;
        }
        if (seen2 !== own2 && rng.next() < consult) {
          seen2 = own2;
          corrected++;
        }
        if (seen1 !== own1 && rng.next() < consult) {
          seen1 = own1;
          corrected++;
        }
      }
      h1.push(own1, seen2);
      h2.push(own2, seen1);
    }
    this.implementationErrors = implementationErrors;
    this.misperceptions = misperceptions;
    this.corrected = corrected;
    out.turns = length;
    out.score1 = score1;
    out.score2 = score2;
    out.cooperation1 = coop1;
    out.cooperation2 = coop2;
    return out;
  }

  /** Copies of the executed actions of the last match. */
  lastActions(turns: number): [Uint8Array, Uint8Array] {
    return [this.executed1.slice(0, turns), this.executed2.slice(0, turns)];
  }

  /**
   * Counts the first `turns` turns of the last match by executed outcome:
   * both cooperated, both defected, or one of each (no copy of the actions).
   */
  countOutcomes(turns: number, out: OutcomeCounts): OutcomeCounts {
    const ex1 = this.executed1;
    const ex2 = this.executed2;
    let both = 0;
    let neither = 0;
    for (let t = 0; t < turns; t++) {
      const a = ex1[t]!;
      const b = ex2[t]!;
      if (a === b) {
        if (a === C) both++;
        else neither++;
      }
    }
    out.mutualCooperation = both;
    out.mutualDefection = neither;
    out.mixed = turns - both - neither;
    return out;
  }
}

/** Turns of a match by executed outcome (see {@link MatchEngine.countOutcomes}). */
export interface OutcomeCounts {
  mutualCooperation: number;
  mutualDefection: number;
  mixed: number;
}

/**
 * The problems with match settings, each located at `path` + the setting's
 * name: a whole number of turns in 1..{@link MAX_TURNS}, a continuation
 * probability in [0, 1), noise, misperception and consultation in [0, 1],
 * finite stage-game payoffs.
 */
export function matchSettingsProblems(settings: MatchSettings, path: FieldPath = []): Problem[] {
  const problems: Problem[] = [];
  const { turns, continuationProbability: delta, game } = settings;
  if (turns !== undefined && !(Number.isInteger(turns) && turns >= 1 && turns <= MAX_TURNS))
    problems.push({
      path: [...path, 'turns'],
      message: `expected a whole number of turns in 1..${MAX_TURNS}; got ${turns}`,
    });
  if (delta !== undefined && !(delta >= 0 && delta < 1))
    problems.push({
      path: [...path, 'continuationProbability'],
      message: `expected a probability in [0, 1); got ${delta}`,
    });
  for (const key of ['noise', 'misperception', 'consultation'] as const) {
    const p = settings[key];
    if (p !== undefined && !(p >= 0 && p <= 1))
      problems.push({ path: [...path, key], message: `expected a probability in [0, 1]; got ${p}` });
  }
  if (game)
    for (const key of ['R', 'S', 'T', 'P'] as const)
      if (!Number.isFinite(game[key]))
        problems.push({
          path: [...path, 'game', key],
          message: `expected a finite payoff; got ${game[key]}`,
        });
  return problems;
}

/**
 * Plays one match of `s1` against `s2` (see the module comment for the
 * model of noise, misperception and consultation). Deterministic given the
 * settings and the state of `rng`. Scores are in stage-game payoff units.
 *
 * @throws {ConcertError} bad input for settings out of range (see
 *   {@link matchSettingsProblems}; paths are the settings' names).
 * @example
 * playMatch(findStrategy('Tit For Tat')!, findStrategy('Defector')!, { turns: 10 }, Rng.fromSeed(1)).scores; // => [9, 14]
 */
export function playMatch(s1: Strategy, s2: Strategy, settings: MatchSettings, rng: Rng): MatchResult {
  const problems = matchSettingsProblems(settings);
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  const engine = new MatchEngine();
  const out: MatchSummary = { turns: 0, score1: 0, score2: 0, cooperation1: 0, cooperation2: 0 };
  engine.play(s1, s2, settings, rng, out);
  return {
    players: [s1.name, s2.name],
    turns: out.turns,
    actions: engine.lastActions(out.turns),
    scores: [out.score1, out.score2],
    cooperation: [out.cooperation1, out.cooperation2],
    errors: {
      implementation: engine.implementationErrors,
      misperception: engine.misperceptions,
      corrected: engine.corrected,
    },
  };
}

/** Per-turn action pairs as strings "CD" (player 1's action first). */
export function actionPairs(actions: readonly [Uint8Array, Uint8Array]): string[] {
  const [a, b] = actions;
  const out = new Array<string>(a.length);
  for (let t = 0; t < a.length; t++) out[t] = (a[t] === C ? 'C' : 'D') + (b[t] === C ? 'C' : 'D');
  return out;
}
