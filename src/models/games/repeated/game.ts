/**
 * The stage game of a repeated 2×2 game: two actions, C (cooperate) and D
 * (defect), encoded as small integers so that histories fit in typed arrays.
 *
 * Payoffs follow Axelrod's notation (Axelrod 1984): R reward for mutual
 * cooperation, S sucker's payoff, T temptation, P punishment for mutual
 * defection. The default R, S, T, P = 3, 0, 5, 1 is the one of Axelrod's
 * tournaments and of the Axelrod library (`axl.Game()`, Knight et al. 2016).
 * Any four numbers are accepted: a Prisoner's Dilemma needs T > R > P > S.
 */

/** Cooperate. */
export const C = 0;
/** Defect. */
export const D = 1;
/** An action: {@link C} = 0 or {@link D} = 1. */
export type Action = 0 | 1;

/** Payoffs of a symmetric 2×2 stage game (points per turn). */
export interface StageGame {
  /** Reward: both cooperate. */
  readonly R: number;
  /** Sucker's payoff: I cooperate, the other defects. */
  readonly S: number;
  /** Temptation: I defect, the other cooperates. */
  readonly T: number;
  /** Punishment: both defect. */
  readonly P: number;
}

/** Axelrod's Prisoner's Dilemma: R, S, T, P = 3, 0, 5, 1. */
/**
 * Largest |payoff| of a stage game: a match of up to MAX_TURNS (1e7) turns
 * and a tournament's sums stay far from overflow (a payoff of 1e308 made a
 * score Infinity after two turns).
 */
export const MAX_STAGE_PAYOFF = 1e9;

export const PRISONERS_DILEMMA: StageGame = Object.freeze({ R: 3, S: 0, T: 5, P: 1 });

/**
 * The payoff table indexed by `2·mine + theirs`: [R, S, T, P]. The row player
 * of (a, b) gets `table[2a + b]`, the column player `table[2b + a]`.
 */
export function payoffTable(game: StageGame): Float64Array {
  return Float64Array.of(game.R, game.S, game.T, game.P);
}

/** The payoff to a player who plays `mine` against `theirs` (points). */
export function payoff(game: StageGame, mine: Action, theirs: Action): number {
  if (mine === C) return theirs === C ? game.R : game.S;
  return theirs === C ? game.T : game.P;
}

/** 'C' or 'D'. */
export function actionLetter(a: number): 'C' | 'D' {
  return a === C ? 'C' : 'D';
}
