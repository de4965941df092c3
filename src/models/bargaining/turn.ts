/**
 * One turn of KTAB's Spatial Model of Politics (KAPSARC, KTAB `smpbcn.cpp`
 * `SMPState::doBCN`, `probEduChlg`, `bestChallenge`, `updateBestBrgnPositions`;
 * `smp.cpp` `setAllAUtil`, `interpolateBrgn`, `newIdeals`;
 * docs/models/bargaining.md §4–6). All actors act from the same state at once:
 * each picks the challenge it expects to gain most from, proposes a bargain
 * interpolated between the two positions, every actor's queue of bargains is
 * resolved by a probabilistic Condorcet election among all actors, and each
 * actor adopts its side of the winning bargain.
 */
import type { Rng } from '../../core/rng.js';
import { scalarPce } from './election.js';
import { type BargainingModel, type BargainingState, totalSalience } from './model.js';
import { vote } from './election.js';
import { estimatedRisk, riskFromProbabilities, spatialUtility, weightedDistance } from './spatial.js';
import { POSITION_TOLERANCE } from './options.js';

/** The least expected gain that makes a challenge worth making (KTAB `minSigEDU`). */
export const MIN_SIGNIFICANT_GAIN = 1e-5;
/** A tiny coalition each side of a challenge starts with (KTAB `minCltn`). */
const MIN_CHALLENGE_COALITION = 1e-10;

/** What every actor thinks of every position in a state. */
export interface StateAnalysis {
  /** Risk-neutral values vᵢⱼ = 1 − dᵢⱼ of j's position to i (n × n). */
  readonly values: Float64Array;
  /** Probabilities of the n positions (duplicates kept) that give the risk attitudes. */
  readonly riskProbabilities: Float64Array;
  /** Risk attitudes Rᵢ. */
  readonly riskAttitudes: Float64Array;
  /** Objective utilities u(dᵢⱼ, Rᵢ) (n × n). */
  readonly utilities: Float64Array;
  /** h's estimates U^h_ij = u(dᵢⱼ, r_hi), at h·n² + i·n + j (n × n × n). */
  readonly estimates: Float64Array;
  /** Total saliences Sᵢ = Σₖ sᵢₖ. */
  readonly totalSaliences: Float64Array;
}

/**
 * Distances, risk attitudes and utilities of a state (KTAB `setAllAUtil`):
 * the PCE over all n positions with risk-neutral values and capability
 * weights gives each position's probability, the probabilities give risk
 * attitudes (option `bigRRange`), and each actor h estimates the others'
 * attitudes (option `bigRAdjust`).
 */
export function analyseState(model: BargainingModel, state: BargainingState): StateAnalysis {
  const n = model.actors.length;
  const k = model.dimensions.length;
  const { salience, options } = model;
  const distance = new Float64Array(n * n);
  const values = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const d = weightedDistance(state.ideals, i * k, salience, i * k, state.positions, j * k, k);
      distance[i * n + j] = d;
      values[i * n + j] = spatialUtility(d, 0);
    }
  }
  const election = scalarPce(model.capability, values, n, {
    votingRule: options.votingRule,
    victoryProbModel: options.victoryProbModel,
    pceModel: options.pceModel,
  });
  const risk = riskFromProbabilities(election.probabilities, options.bigRRange);
  const utilities = new Float64Array(n * n);
  const estimates = new Float64Array(n * n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) utilities[i * n + j] = spatialUtility(distance[i * n + j]!, risk[i]!);
  }
  for (let h = 0; h < n; h++) {
    for (let i = 0; i < n; i++) {
      const lambda = model.information?.[h * n + i];
      const r =
        lambda === undefined
          ? estimatedRisk(risk[h]!, risk[i]!, options.bigRAdjust)
          : (1 - lambda) * risk[h]! + lambda * risk[i]!;
      const base = h * n * n + i * n;
      for (let j = 0; j < n; j++) estimates[base + j] = spatialUtility(distance[i * n + j]!, r);
    }
  }
  const totalSaliences = new Float64Array(n);
  for (let i = 0; i < n; i++) totalSaliences[i] = totalSalience(model, i);
  return {
    values,
    riskProbabilities: election.probabilities,
    riskAttitudes: risk,
    utilities,
    estimates,
    totalSaliences,
  };
}

/** h's estimate of the probability that i beats j, and of k's expected gain from i challenging j. */
export interface ChallengeEstimate {
  readonly probability: number;
  readonly gain: number;
}

/**
 * Actor h's estimate of the probability that i defeats j in a challenge and
 * of the expected change in k's utility (KTAB `probEduChlg`). Weights are
 * capability × total salience. The principals vote between their positions;
 * each third party n weighs its vote on the little contest (i:j) with n on
 * either side (option `thirdPartyCommit`); P = A/(A + B). The gain is
 * (1 − Sⱼ)·2U_ki + Sⱼ[P·2U_ki + (1 − P)·2U_kj] − (U_ki + U_kj), all from h's
 * estimates U^h.
 */
export function challengeEstimate(
  model: BargainingModel,
  analysis: StateAnalysis,
  h: number,
  k: number,
  i: number,
  j: number,
): ChallengeEstimate {
  const n = model.actors.length;
  const { votingRule: vr, thirdPartyCommit: commit } = model.options;
  const u = analysis.estimates;
  const base = h * n * n;
  const U = (a: number, b: number) => u[base + a * n + b]!;
  const S = analysis.totalSaliences;
  const si = S[i]!;
  const sj = S[j]!;
  const contribI = vote(vr, si * model.capability[i]!, U(i, i), U(i, j));
  const contribJ = vote(vr, sj * model.capability[j]!, U(j, i), U(j, j));
  let a = MIN_CHALLENGE_COALITION;
  let b = MIN_CHALLENGE_COALITION;
  if (contribI > 0) a += contribI;
  else if (contribI < 0) b -= contribI;
  if (contribJ > 0) a += contribJ;
  else if (contribJ < 0) b -= contribJ;
  const a0 = a;
  const b0 = b;
  for (let m = 0; m < n; m++) {
    if (m === i || m === j) continue;
    const wm = S[m]! * model.capability[m]!;
    const umi = U(m, i);
    const umj = U(m, j);
    const umm = U(m, m);
    const little = vote(vr, wm, umi, umj);
    const ci = little > 0 ? a0 + little : a0;
    const cj = little < 0 ? b0 - little : b0;
    const pim = ci / (ci + cj);
    const pjm = 1 - pim;
    let ikDefJ: number;
    let jDefIk: number;
    let iDefJk: number;
    let jkDefI: number;
    if (commit === 'FullCommit') {
      ikDefJ = 3 * umi;
      jDefIk = 3 * umj;
      iDefJk = 3 * umi;
      jkDefI = 3 * umj;
    } else if (commit === 'SemiCommit') {
      ikDefJ = 2 * umi + umm;
      jDefIk = 3 * umj;
      iDefJk = 3 * umi;
      jkDefI = 2 * umj + umm;
    } else {
      ikDefJ = 2 * umi + umm;
      jDefIk = 2 * umj + umm;
      iDefJk = 2 * umi + umm;
      jkDefI = 2 * umj + umm;
    }
    const withI = pim * ikDefJ + pjm * jDefIk;
    const withJ = pim * iDefJk + pjm * jkDefI;
    const v = vote(vr, wm, withI, withJ);
    if (v > 0) a += v;
    else if (v < 0) b -= v;
  }
  const p = a / (a + b);
  const uki = U(k, i);
  const ukj = U(k, j);
  const statusQuo = uki + ukj;
  const victory = 2 * uki;
  const contest = p * 2 * uki + (1 - p) * 2 * ukj;
  return { probability: p, gain: (1 - sj) * victory + sj * contest - statusQuo };
}

/** Both positions of a bargain between an initiator and a receiver (0–1 scale). */
export interface Bargain {
  readonly initiator: number;
  readonly receiver: number;
  readonly initiatorPosition: Float64Array;
  readonly receiverPosition: Float64Array;
}

/**
 * The bargain interpolated between i's and j's positions when i's
 * probability of winning is `pi` and j's `pj` (KTAB `interpolateBrgn`). Per
 * dimension, S1P1 and S2P2 weight each side by sⁿ·pᵐ (n = m = 1 or 2):
 * bᵢ = r4(((wᵢ + 1e-6)xᵢ + wⱼxⱼ)/(wᵢ + 1e-6 + wⱼ)), bⱼ = r4((wᵢxᵢ + (wⱼ +
 * 1e-6)xⱼ)/(…)), r4 rounding to 4 decimals; S2PMax moves each side toward
 * the other by dᵢ = Δ·sⱼ²/(Δ·sⱼ² + 1e-6 + (1 − Δ)sᵢ²) with Δ = max(0, pⱼ − pᵢ).
 */
export function interpolateBargain(
  model: BargainingModel,
  state: BargainingState,
  i: number,
  j: number,
  pi: number,
  pj: number,
): Bargain {
  const k = model.dimensions.length;
  const rule = model.options.interVecBrgn;
  const bi = new Float64Array(k);
  const bj = new Float64Array(k);
  for (let d = 0; d < k; d++) {
    const ti = state.positions[i * k + d]!;
    const tj = state.positions[j * k + d]!;
    const si = model.salience[i * k + d]!;
    const sj = model.salience[j * k + d]!;
    if (rule === 'S2PMax') {
      const di = pj > pi ? pj - pi : 0;
      const dj = pi > pj ? pi - pj : 0;
      const dik = (di * sj * sj) / (di * sj * sj + 1e-6 + (1 - di) * si * si);
      const djk = (dj * si * si) / (dj * si * si + 1e-6 + (1 - dj) * sj * sj);
      bi[d] = ti + dik * (tj - ti);
      bj[d] = tj + djk * (ti - tj);
    } else {
      const wi = rule === 'S1P1' ? si * pi : si * si * pi * pi;
      const wj = rule === 'S1P1' ? sj * pj : sj * sj * pj * pj;
      const den = wi + 1e-6 + wj;
      bi[d] = round4(((wi + 1e-6) * ti + wj * tj) / den);
      bj[d] = round4((wi * ti + (1e-6 + wj) * tj) / den);
    }
  }
  return { initiator: i, receiver: j, initiatorPosition: bi, receiverPosition: bj };
}

/** KTAB's `round4`: to 4 decimals by truncating x·10⁴ + 0.5 (positions are ≥ 0). */
function round4(x: number): number {
  return Math.trunc(0.5 + x * 10_000) / 10_000;
}

/** An actor's best challenge in a turn, and the bargains it leads to. */
export interface Challenge {
  readonly initiator: number;
  readonly target: number;
  /** The initiator's expected gain ΔEU (its own estimate). */
  readonly gain: number;
  /** The initiator's estimate of the probability that it beats the target. */
  readonly probability: number;
  /** The target's estimate of the same probability. */
  readonly targetProbability: number;
  /** The bargains proposed (one, or two under InitRcvrInterp). */
  readonly bargains: readonly Bargain[];
}

/**
 * Actor i's best target (KTAB `bestChallenge`): the j ≠ i with the largest
 * expected gain above {@link MIN_SIGNIFICANT_GAIN} from i's own view (ties to
 * the lowest j), or undefined when no challenge is worth making.
 */
export function bestChallenge(
  model: BargainingModel,
  state: BargainingState,
  analysis: StateAnalysis,
  i: number,
): Challenge | undefined {
  const n = model.actors.length;
  let best = -1;
  let bestGain = -1;
  let bestP = 0;
  for (let j = 0; j < n; j++) {
    if (j === i) continue;
    const e = challengeEstimate(model, analysis, i, i, i, j);
    if (e.gain > MIN_SIGNIFICANT_GAIN && e.gain > bestGain) {
      best = j;
      bestGain = e.gain;
      bestP = e.probability;
    }
  }
  if (best < 0) return undefined;
  const j = best;
  const targetView = challengeEstimate(model, analysis, j, i, i, j);
  const targetP = targetView.probability;
  // KTAB interpolates the target's bargain with the target's estimate of the
  // initiator's *gain* in place of a probability (smpbcn.cpp: pjiJ =
  // get<1>(Vjij)); reproduced as KTAB computes it (docs/models/bargaining.md).
  const targetWeight = targetView.gain;
  const own = interpolateBargain(model, state, i, j, bestP, 1 - bestP);
  const bargains: Bargain[] = [];
  switch (model.options.bargnModel) {
    case 'InitOnlyInterp':
      bargains.push(own);
      break;
    case 'InitRcvrInterp':
      bargains.push(own, interpolateBargain(model, state, i, j, targetWeight, 1 - targetWeight));
      break;
    case 'PWCompInterp': {
      const theirs = interpolateBargain(model, state, i, j, targetWeight, 1 - targetWeight);
      // KTAB weights both interpolations by capability × total salience, and
      // takes the initiator's capability for both (smpbcn.cpp: scj =
      // brgnJIJ->actInit->sCap); reproduced as KTAB computes it.
      const wi = model.capability[i]! * totalSalience(model, i);
      const wj = model.capability[i]! * totalSalience(model, j);
      const mix = (x: Float64Array, y: Float64Array) => x.map((xd, d) => (wi * xd + wj * y[d]!) / (wi + wj));
      bargains.push({
        initiator: i,
        receiver: j,
        initiatorPosition: mix(own.initiatorPosition, theirs.initiatorPosition),
        receiverPosition: mix(own.receiverPosition, theirs.receiverPosition),
      });
      break;
    }
  }
  return {
    initiator: i,
    target: j,
    gain: bestGain,
    probability: bestP,
    targetProbability: targetP,
    bargains,
  };
}

/** How one actor's queue of bargains was resolved. */
export interface Resolution {
  readonly actor: number;
  /** The queue: null for the status quo, else the bargain. */
  readonly queue: readonly (Bargain | null)[];
  /** Each actor's utility (row) of the state after each bargain (column), n × queue length. */
  readonly utilities: Float64Array;
  /** The PCE probability of each bargain. */
  readonly probabilities: Float64Array;
  /** The index of the bargain adopted. */
  readonly chosen: number;
}

/** Everything one turn did. */
export interface TurnResult {
  readonly analysis: StateAnalysis;
  readonly challenges: readonly (Challenge | undefined)[];
  readonly resolutions: readonly Resolution[];
  readonly next: BargainingState;
}

/**
 * One turn from `state` (KTAB `SMPState::doBCN`): every actor's best
 * challenge and bargain; each actor's queue (its status quo, then the
 * bargains it is party to, by initiator) resolved by a PCE over the states
 * the bargains would produce, valued by each actor as the mean utility of all
 * positions after the bargain; deterministic transitions adopt the first most
 * probable bargain, stochastic ones draw it with `rng` (KTAB draws from its
 * own mt19937_64 stream in thread order, which a seeded run cannot match).
 * The ideals of the next state move toward its positions by the
 * accommodation matrix.
 *
 * @throws {Error} when stochastic transitions are asked for without an `rng`.
 */
export function bargainingTurn(
  model: BargainingModel,
  state: BargainingState,
  rng?: Rng,
  analysis: StateAnalysis = analyseState(model, state),
): TurnResult {
  const n = model.actors.length;
  const k = model.dimensions.length;
  const challenges: (Challenge | undefined)[] = [];
  const queues: (Bargain | null)[][] = Array.from({ length: n }, () => [null]);
  for (let i = 0; i < n; i++) {
    const c = bestChallenge(model, state, analysis, i);
    challenges.push(c);
    if (c) {
      for (const b of c.bargains) {
        queues[i]!.push(b);
        queues[c.target]!.push(b);
      }
    }
  }
  if (model.options.stateTransitions === 'Stochastic' && rng === undefined) {
    throw new Error('bargainingTurn: stochastic transitions need an rng');
  }
  const positions = Float64Array.from(state.positions);
  const resolutions: Resolution[] = [];
  const rules = {
    votingRule: model.options.votingRule,
    victoryProbModel: model.options.victoryProbModel,
    pceModel: model.options.pceModel,
  };
  // a's own estimate of its utility of position m (KTAB aUtil[a](a, m)).
  const own = (a: number, m: number) => analysis.estimates[a * n * n + a * n + m]!;
  const positionUtility = (a: number, p: Float64Array) =>
    spatialUtility(
      weightedDistance(state.ideals, a * k, model.salience, a * k, p, 0, k),
      analysis.riskAttitudes[a]!,
    );
  for (let actor = 0; actor < n; actor++) {
    const queue = queues[actor]!;
    const nb = queue.length;
    const u = new Float64Array(n * nb);
    for (let a = 0; a < n; a++) {
      for (let m = 0; m < nb; m++) {
        const b = queue[m]!;
        // Summed in KTAB's order, so that ties break as they do there.
        let total = 0;
        if (b === null) {
          for (let x = 0; x < n; x++) total += own(a, x);
        } else {
          total += positionUtility(a, b.initiatorPosition);
          total += positionUtility(a, b.receiverPosition);
          for (let x = 0; x < n; x++) if (x !== b.initiator && x !== b.receiver) total += own(a, x);
        }
        u[a * nb + m] = total / n;
      }
    }
    const { probabilities } = scalarPce(model.capability, u, nb, rules);
    if (model.options.acceptance === 'Voluntary') refuseWorse(probabilities, u, actor, nb);
    const chosen =
      model.options.stateTransitions === 'Deterministic'
        ? firstMaximum(probabilities)
        : draw(probabilities, rng!);
    const b = queue[chosen]!;
    if (b !== null) {
      const p = b.initiator === actor ? b.initiatorPosition : b.receiverPosition;
      positions.set(p, actor * k);
    }
    resolutions.push({ actor, queue, utilities: u, probabilities, chosen });
  }
  return {
    analysis,
    challenges,
    resolutions,
    next: { positions, ideals: nextIdeals(model, state.ideals, positions) },
  };
}

/**
 * Voluntary acceptance: the bargains the actor values below the status quo
 * (queue entry 0) get probability 0, the rest are renormalised (the status
 * quo alone when nothing is left).
 */
function refuseWorse(p: Float64Array, u: Float64Array, actor: number, nb: number): void {
  const statusQuo = u[actor * nb]!;
  let total = 0;
  for (let m = 0; m < nb; m++) {
    if (m > 0 && u[actor * nb + m]! < statusQuo) p[m] = 0;
    total += p[m]!;
  }
  if (!(total > 0)) {
    // Every bargain refused and the status quo's own probability underflowed to 0 (an Octic or
    // Binary victory model): the actor keeps its position, instead of 0/0 = NaN for every entry.
    p.fill(0);
    p[0] = 1;
    return;
  }
  for (let m = 0; m < nb; m++) p[m] = p[m]! / total;
}

function firstMaximum(p: Float64Array): number {
  let best = 0;
  for (let m = 1; m < p.length; m++) if (p[m]! > p[best]!) best = m;
  return best;
}

/** KTAB's `probSel`: the first index whose cumulative probability reaches a uniform draw. */
function draw(p: Float64Array, rng: Rng): number {
  const x = rng.next();
  let sum = 0;
  for (let m = 0; m < p.length; m++) {
    sum += p[m]!;
    if (x <= sum) return m;
  }
  return p.length - 1;
}

/**
 * New ideals after positions move (KTAB `newIdeals`): ιᵢ ← Σⱼ Aᵢⱼxⱼ + (1 −
 * Σⱼ Aᵢⱼ)ιᵢ, the row sum clipped at 1; with the identity, ideals are the
 * positions.
 */
export function nextIdeals(
  model: BargainingModel,
  ideals: Float64Array,
  positions: Float64Array,
): Float64Array {
  const a = model.accommodation;
  if (a === null) return Float64Array.from(positions);
  const n = model.actors.length;
  const k = model.dimensions.length;
  const out = new Float64Array(n * k);
  for (let i = 0; i < n; i++) {
    let rowSum = 0;
    for (let j = 0; j < n; j++) {
      const aij = a[i * n + j]!;
      if (aij === 0) continue;
      rowSum += aij;
      for (let d = 0; d < k; d++) out[i * k + d] = out[i * k + d]! + aij * positions[j * k + d]!;
    }
    const lag = 1 - Math.min(1, rowSum);
    for (let d = 0; d < k; d++) out[i * k + d] = out[i * k + d]! + lag * ideals[i * k + d]!;
  }
  return out;
}

/**
 * The probability of each actor's position (KTAB `pDist(-1)` and `posProb`):
 * positions closer than {@link POSITION_TOLERANCE} are one option (its first
 * holder represents it); each actor values the options with its own
 * utilities; a PCE with capability weights. Actors sharing a position get
 * the same probability, so the values can sum to more than 1.
 */
export function positionProbabilities(
  model: BargainingModel,
  state: BargainingState,
  analysis: StateAnalysis,
): Float64Array {
  const n = model.actors.length;
  const k = model.dimensions.length;
  const same = (i: number, j: number) => {
    let s = 0;
    for (let d = 0; d < k; d++) {
      const x = state.positions[i * k + d]! - state.positions[j * k + d]!;
      s += x * x;
    }
    return Math.sqrt(s) < POSITION_TOLERANCE;
  };
  const unique: number[] = [];
  for (let i = 0; i < n; i++) if (!unique.some((j) => same(i, j))) unique.push(i);
  const nu = unique.length;
  const u = new Float64Array(n * nu);
  for (let i = 0; i < n; i++) {
    for (let m = 0; m < nu; m++) u[i * nu + m] = analysis.estimates[i * n * n + i * n + unique[m]!]!;
  }
  const { probabilities } = scalarPce(model.capability, u, nu, {
    votingRule: model.options.votingRule,
    victoryProbModel: model.options.victoryProbModel,
    pceModel: model.options.pceModel,
  });
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // KTAB keeps the last unique position equivalent to i's.
    let at = 0;
    for (let m = 0; m < nu; m++) if (same(i, unique[m]!)) at = m;
    out[i] = probabilities[at]!;
  }
  return out;
}
