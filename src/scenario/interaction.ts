/**
 * Interaction, step 3 of the year (docs/models/scenario.md, rules I1–I4):
 * every dyad plays one match of the year's stage game (a Prisoner's Dilemma
 * scaled by the dyad's stake) with each side's repeated-game strategy, with
 * implementation noise, misperception raised by hostility, and consultation
 * that clears errors up. The match itself is models/games' MatchEngine (the
 * turn model of Bendor, Kramer & Stout 1991 and Wu & Axelrod 1995 as
 * implemented there). Gains are booked per actor, keeping mutual-cooperation
 * gains and mutual-defection losses apart (the "win-win / lose-lose" account).
 */
import type { Rng } from '../core/rng.js';
import type { StageGame } from '../models/games/repeated/game.js';
import { MatchEngine, type MatchSummary, type OutcomeCounts } from '../models/games/repeated/match.js';
import type { Strategy } from '../models/games/repeated/strategy.js';
import type { Parameters } from './params.js';
import type { SimState } from './state.js';
import { dyadLosses } from './trade-stakes.js';

/**
 * Years of play, under the starting state and parameters, whose mean signal
 * is each dyad's reference signal (rule R1): the relation score moves only
 * as far as the year's play departs from it.
 */
export const REFERENCE_YEARS = 8;

/** Largest misperception probability hostility can push a dyad to (a coin flip). */
export const MAX_MISPERCEPTION = 0.5;

/** What the interaction step needs besides the state: strategies resolved per actor and a stream per dyad-year. */
export interface InteractionContext {
  readonly strategies: readonly Strategy[];
  readonly params: Parameters;
  /** The random stream of dyad (i, j), i < j, in the current year. */
  readonly dyadStream: (i: number, j: number) => Rng;
}

/**
 * Misperception of dyad (i, j): m_ij = ½(m_i + m_j) + μ·max(0, −r_ij),
 * capped at {@link MAX_MISPERCEPTION} (rule I4; μ = 0 when switched off).
 */
export function dyadMisperception(state: SimState, params: Parameters, i: number, j: number): number {
  const base = 0.5 * (params.policies[i]!.misperception + params.policies[j]!.misperception);
  const hm = params.couplings.hostileMisperception;
  const hostility = Math.max(0, -state.relation[i * state.n + j]!);
  return Math.min(MAX_MISPERCEPTION, base + (hm.enabled ? hm.rate * hostility : 0));
}

/**
 * Consultation of dyad (i, j): the higher of the two actors' consultation
 * probabilities, raised to a `consult` event's probability while it lasts
 * (rule I2; 0 when switched off).
 */
export function dyadConsultation(state: SimState, params: Parameters, i: number, j: number): number {
  if (!params.couplings.consultation.enabled) return 0;
  const own = Math.max(params.policies[i]!.consultation, params.policies[j]!.consultation);
  return Math.max(own, state.consultOverride[i * state.n + j]!);
}

/**
 * The stakes of the dyads (rule I3), per round. With the world's trade, i's
 * stake in dyad (i, j) is the gains from trade i would lose if the dyad's
 * trade stopped (trade-stakes.ts; US$ billion per year) over the rounds of a
 * year, so that a year of mutual cooperation books R times those gains and a
 * year of mutual defection P times them. Without trade in the world, the
 * GDP-weighted stake of earlier engines: s_ij = √(y_i·y_j) / mean over dyads
 * of √(y_k·y_l) (mean 1, payoff units). With the coupling off every stake is
 * 1 (payoff units; sanctions still cut it).
 */
export function initialStakes(state: SimState, params: Parameters): void {
  const n = state.n;
  const coupling = params.couplings.economicStake;
  if (!coupling.enabled) {
    state.stake.fill(1);
    return;
  }
  if (state.trade) {
    const rounds = params.couplings.interaction.roundsPerYear;
    state.stake.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const [li, lj] = dyadLosses(state.trade, i, j, coupling.tradeElasticity, 1);
        state.stake[i * n + j] = li / rounds;
        state.stake[j * n + i] = lj / rounds;
      }
    }
    return;
  }
  let sum = 0;
  let count = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      sum += Math.sqrt(state.gdpUsd[i]! * state.gdpUsd[j]!);
      count++;
    }
  }
  const mean = count > 0 && sum > 0 ? sum / count : 1;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      state.stake[i * n + j] =
        i === j ? 0 : sum > 0 ? Math.sqrt(state.gdpUsd[i]! * state.gdpUsd[j]!) / mean : 1;
    }
  }
}

/**
 * The share of dyad (i, j)'s trade cut this year by sanctions (their
 * severities compounded) and by a trade war's tariff τ, with trade elasticity
 * θ: 1 − (1 − cut)·(1 + τ)^{−θ}.
 */
export function tradeCut(state: SimState, params: Parameters, i: number, j: number): number {
  const k = i * state.n + j;
  const tariff = state.tariff[k]!;
  const kept = tariff > 0 ? (1 + tariff) ** -params.couplings.economicStake.tradeElasticity : 1;
  return 1 - (1 - state.stakeCut[k]!) * kept;
}

/** Plays the year's matches; writes each dyad's signal and books gains. */
export class InteractionStep {
  private readonly engine = new MatchEngine();
  private readonly summary: MatchSummary = {
    turns: 0,
    score1: 0,
    score2: 0,
    cooperation1: 0,
    cooperation2: 0,
  };
  private readonly outcomes: OutcomeCounts = { mutualCooperation: 0, mutualDefection: 0, mixed: 0 };
  private readonly game: StageGame;

  constructor(params: Parameters) {
    const g = params.game;
    this.game = { R: g.reward, S: g.sucker, T: g.temptation, P: g.punishment };
  }

  /**
   * Plays one match of dyad (i, j) on `rng` and returns its signal,
   * (mutual cooperation − mutual defection − ½·mixed turns) / turns, leaving
   * the match's scores in `summary` and its outcome counts in `outcomes`.
   */
  private play(state: SimState, ctx: InteractionContext, i: number, j: number, rng: Rng): number {
    const settings = {
      turns: ctx.params.couplings.interaction.roundsPerYear,
      game: this.game,
      noise: 0.5 * (ctx.params.policies[i]!.noise + ctx.params.policies[j]!.noise),
      misperception: dyadMisperception(state, ctx.params, i, j),
      consultation: dyadConsultation(state, ctx.params, i, j),
    };
    this.engine.play(ctx.strategies[i]!, ctx.strategies[j]!, settings, rng, this.summary);
    const turnsPlayed = this.summary.turns;
    const {
      mutualCooperation: cc,
      mutualDefection: dd,
      mixed,
    } = this.engine.countOutcomes(turnsPlayed, this.outcomes);
    return (cc - dd - 0.5 * mixed) / Math.max(1, turnsPlayed);
  }

  /**
   * Each dyad's reference signal (rule R1): the mean signal of
   * {@link REFERENCE_YEARS} matches played under the starting state and
   * parameters on their own streams (`stream(k, i, j)` for reference year k),
   * booking nothing. 0 with the interaction switched off.
   */
  reference(
    state: SimState,
    ctx: InteractionContext,
    stream: (k: number, i: number, j: number) => Rng,
  ): void {
    const n = state.n;
    state.referenceSignal.fill(0);
    if (!ctx.params.couplings.interaction.enabled) return;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let sum = 0;
        for (let k = 0; k < REFERENCE_YEARS; k++) sum += this.play(state, ctx, i, j, stream(k, i, j));
        state.referenceSignal[i * n + j] = sum / REFERENCE_YEARS;
        state.referenceSignal[j * n + i] = sum / REFERENCE_YEARS;
      }
    }
  }

  /** Plays every dyad i < j in index order. */
  run(state: SimState, ctx: InteractionContext): void {
    const n = state.n;
    const coupling = ctx.params.couplings.interaction;
    state.signal.fill(0);
    if (!coupling.enabled) return;
    const turns = coupling.roundsPerYear;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const signal = this.play(state, ctx, i, j, ctx.dyadStream(i, j));
        const { mutualCooperation: cc, mutualDefection: dd } = this.outcomes;
        let stakeI = state.stake[i * n + j]!;
        let stakeJ = state.stake[j * n + i]!;
        const cut = tradeCut(state, ctx.params, i, j);
        if (cut > 0) {
          if (state.trade && ctx.params.couplings.economicStake.enabled) {
            // The trade cut costs each side its share of the gains from that trade, every year it
            // lasts (booked as a lose-lose loss); the stake of the year's game is the trade left.
            const theta = ctx.params.couplings.economicStake.tradeElasticity;
            const [ci, cj] = dyadLosses(state.trade, i, j, theta, cut);
            stakeI = Math.max(0, stakeI - ci / turns);
            stakeJ = Math.max(0, stakeJ - cj / turns);
            state.loseLose[i] = state.loseLose[i]! + ci;
            state.loseLose[j] = state.loseLose[j]! + cj;
            state.net[i] = state.net[i]! - ci;
            state.net[j] = state.net[j]! - cj;
          } else {
            stakeI *= 1 - cut;
            stakeJ *= 1 - cut;
          }
        }
        state.signal[i * n + j] = signal;
        state.signal[j * n + i] = signal;
        state.winWin[i] = state.winWin[i]! + cc * this.game.R * stakeI;
        state.winWin[j] = state.winWin[j]! + cc * this.game.R * stakeJ;
        state.loseLose[i] = state.loseLose[i]! - dd * this.game.P * stakeI;
        state.loseLose[j] = state.loseLose[j]! - dd * this.game.P * stakeJ;
        state.net[i] = state.net[i]! + this.summary.score1 * stakeI;
        state.net[j] = state.net[j]! + this.summary.score2 * stakeJ;
      }
    }
  }
}
