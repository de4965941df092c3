/**
 * Votes, coalitions, victory probabilities and the probabilistic Condorcet
 * election (PCE) of KTAB's `Model` (KAPSARC, KTAB `kmodel.cpp`;
 * docs/models/bargaining.md §2–3). Matrices are row-major `Float64Array`s.
 */
import { ConcertError } from '../../core/errors.js';
import type { PceModel, VictoryProbabilityModel, VotingRule } from './options.js';

/** A tiny coalition every option starts with, so that no probability is 0/0 (KTAB `minC`). */
const MIN_COALITION = 1e-8;
/** The scale of the binary vote's ramp (KTAB `sTol`). */
const BINARY_RAMP = 1e-8;
/** The most iterations of a Markov PCE before it is declared not to converge (KTAB `iMax`). */
export const MAX_PCE_ITERATIONS = 1000;

/**
 * The influence an actor of weight `w` puts behind option a over option b
 * when their utilities to it are `ua` and `ub` (KTAB `Model::vote`), with
 * Δ = ua − ub: Binary w·clip(Δ/1e-8, −1, 1); PropBin w(0.8Δ + 0.2·binary);
 * Prop wΔ; PropCbc w(Δ + Δ³)/2; Cubic wΔ³; ASymProsp wΔ for Δ < 0, (2/3)wΔ
 * for Δ > 0 (prospect theory). Positive favours a.
 *
 * @example
 * vote('Prop', 2, 0.9, 0.6); // => 0.6 (to rounding)
 */
export function vote(rule: VotingRule, w: number, ua: number, ub: number): number {
  const du = ua - ub;
  switch (rule) {
    case 'Binary':
      return w * binary(du);
    case 'PropBin':
      return w * (0.8 * du + 0.2 * binary(du));
    case 'Prop':
      return w * du;
    case 'PropCbc':
      return w * (0.5 * du + 0.5 * du * du * du);
    case 'Cubic':
      return w * du * du * du;
    case 'ASymProsp':
      return du < 0 ? w * du : du > 0 ? (2 * w * du) / 3 : 0;
  }
}

function binary(du: number): number {
  const r = du / BINARY_RAMP;
  return Math.min(1, Math.max(-1, r));
}

/**
 * The probability that a coalition of strength s1 defeats one of strength s2
 * (KTAB `Model::vProb`): Linear s1/(s1+s2); Square, Quartic, Octic the same
 * with the strengths raised to 2, 4, 8; Binary certain (1 : 1e-6) when one
 * side is at least 1.1 times the other, linear in s1/(s1+s2) in between.
 *
 * @example
 * victoryProbability('Square', 2, 1); // => 0.8
 */
export function victoryProbability(model: VictoryProbabilityModel, s1: number, s2: number): number {
  let x1: number;
  let x2: number;
  switch (model) {
    case 'Linear':
      x1 = s1;
      x2 = s2;
      break;
    case 'Square':
      x1 = s1 * s1;
      x2 = s2 * s2;
      break;
    case 'Quartic':
      x1 = s1 ** 4;
      x2 = s2 ** 4;
      break;
    case 'Octic':
      x1 = (s1 ** 4) ** 2;
      x2 = (s2 ** 4) ** 2;
      break;
    case 'Binary': {
      const thresh = 1.1;
      if (s1 >= thresh * s2) {
        x1 = 1;
        x2 = 1e-6;
      } else if (s2 >= thresh * s1) {
        x1 = 1e-6;
        x2 = 1;
      } else {
        const r = s1 / (s1 + s2);
        x1 = (r * (thresh + 1) - 1) / (thresh - 1);
        x2 = 1 - x1;
      }
      break;
    }
  }
  return x1 / (x1 + x2);
}

/**
 * Coalition strengths over `options` options from `actors` voters:
 * C(a,b) = 1e-8 + Σₖ max(0, vₖ(a,b)), where `voteOf(k, a, b)` is actor k's
 * vote for a over b; C(a,a) = 1e-8 (KTAB `Model::coalitions`).
 */
export function coalitions(
  voteOf: (k: number, a: number, b: number) => number,
  actors: number,
  options: number,
): Float64Array {
  const c = new Float64Array(options * options);
  for (let a = 0; a < options; a++) {
    for (let b = 0; b < a; b++) {
      let cab = MIN_COALITION;
      let cba = MIN_COALITION;
      for (let k = 0; k < actors; k++) {
        const v = voteOf(k, a, b);
        if (v > 0) cab += v;
        else if (v < 0) cba -= v;
      }
      c[a * options + b] = cab;
      c[b * options + a] = cba;
    }
    c[a * options + a] = MIN_COALITION;
  }
  return c;
}

/** V(a,b) for every pair of options from their coalition strengths; V(a,a) = 1/2. */
export function victoryMatrix(
  model: VictoryProbabilityModel,
  c: Float64Array,
  options: number,
): Float64Array {
  const v = new Float64Array(options * options);
  for (let a = 0; a < options; a++) {
    for (let b = 0; b < a; b++) {
      const p = victoryProbability(model, c[a * options + b]!, c[b * options + a]!);
      v[a * options + b] = p;
      v[b * options + a] = 1 - p;
    }
    v[a * options + a] = 0.5;
  }
  return v;
}

/**
 * The probability of each option in a probabilistic Condorcet election from
 * coalition strengths `c` (KTAB `Model::probCE2`):
 * - Conditional: P(a) ∝ Π_b V(a,b) (the product includes V(a,a) = 1/2);
 * - MarkovIncentive: incentives n(a,b) = C(a,b)V(a,b) (+1e-10 on the
 *   diagonal), challenge probabilities Q(a|b) = n(a,b)/Σ n(·,b); from the
 *   uniform distribution iterate q_a = Σ_b V(a,b)[P_a Q(b|a) + P_b Q(a|b)],
 *   P ← (P + q)/2 until max|q − P| ≤ 1e-8;
 * - MarkovUniform: q_a = (1/n)Σ_b V(a,b)(P_a + P_b), tolerance 1e-6.
 *
 * @throws {ConcertError} bad input at `options.pceModel`, when a Markov PCE
 *   has not converged after {@link MAX_PCE_ITERATIONS} iterations (KTAB
 *   throws too).
 */
export function pce(
  model: PceModel,
  victory: VictoryProbabilityModel,
  c: Float64Array,
  options: number,
): Float64Array {
  return pceOfVictory(model, victoryMatrix(victory, c, options), c, options);
}

/** {@link pce} from a victory matrix already computed from `c`. */
function pceOfVictory(model: PceModel, v: Float64Array, c: Float64Array, options: number): Float64Array {
  switch (model) {
    case 'Conditional':
      return conditionalPce(v, options);
    case 'MarkovIncentive':
      return markovIncentivePce(v, c, options);
    case 'MarkovUniform':
      return markovUniformPce(v, options);
  }
}

function conditionalPce(v: Float64Array, n: number): Float64Array {
  const p = new Float64Array(n);
  let total = 0;
  for (let a = 0; a < n; a++) {
    let pa = 1;
    for (let b = 0; b < n; b++) pa *= v[a * n + b]!;
    p[a] = pa;
    total += pa;
  }
  for (let a = 0; a < n; a++) p[a] = p[a]! / total;
  return p;
}

/**
 * A Markov PCE that does not settle is a property of the problem (its
 * options cycle), not a fault: bad input at the option that chose the PCE.
 */
function notConverged(name: string): ConcertError {
  return new ConcertError('bad-input', [
    {
      path: ['options', 'pceModel'],
      message: `the ${name} PCE did not converge in ${MAX_PCE_ITERATIONS} iterations (KTAB stops there too): the probabilities of this problem's options keep cycling; the Conditional PCE always has a solution (pceModel: Conditional)`,
    },
  ]);
}

function markovIncentivePce(v: Float64Array, c: Float64Array, n: number): Float64Array {
  const incentive = new Float64Array(n * n);
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      incentive[a * n + b] = c[a * n + b]! * v[a * n + b]! + (a === b ? 1e-10 : 0);
    }
  }
  // challenge[a*n+b] = Q(a|b): the probability that a challenges b when b is the favourite.
  const challenge = new Float64Array(n * n);
  for (let b = 0; b < n; b++) {
    let sum = 0;
    for (let k = 0; k < n; k++) sum += incentive[k * n + b]!;
    for (let a = 0; a < n; a++) challenge[a * n + b] = incentive[a * n + b]! / sum;
  }
  let p = new Float64Array(n).fill(1 / n);
  const q = new Float64Array(n);
  let change = 1;
  let iterations = 0;
  while (change > 1e-8) {
    if (iterations >= MAX_PCE_ITERATIONS) throw notConverged('MarkovIncentive');
    change = 0;
    for (let a = 0; a < n; a++) {
      let qa = 0;
      for (let b = 0; b < n; b++) {
        qa += v[a * n + b]! * (p[a]! * challenge[b * n + a]! + p[b]! * challenge[a * n + b]!);
      }
      q[a] = qa;
      const d = Math.abs(qa - p[a]!);
      if (d > change) change = d;
    }
    const next = new Float64Array(n);
    for (let a = 0; a < n; a++) next[a] = (p[a]! + q[a]!) / 2;
    p = next;
    iterations++;
  }
  return p;
}

function markovUniformPce(v: Float64Array, n: number): Float64Array {
  let p = new Float64Array(n).fill(1 / n);
  const q = new Float64Array(n);
  let change = 1;
  let iterations = 0;
  while (change > 1e-6) {
    if (iterations >= MAX_PCE_ITERATIONS) throw notConverged('MarkovUniform');
    change = 0;
    for (let a = 0; a < n; a++) {
      let qa = 0;
      for (let b = 0; b < n; b++) qa += v[a * n + b]! * (p[a]! + p[b]!);
      q[a] = qa / n;
      const d = Math.abs(q[a]! - p[a]!);
      if (d > change) change = d;
    }
    const next = new Float64Array(n);
    for (let a = 0; a < n; a++) next[a] = (p[a]! + q[a]!) / 2;
    p = next;
    iterations++;
  }
  return p;
}

/** Options of {@link scalarPce}. */
export interface ElectionRules {
  readonly votingRule: VotingRule;
  readonly victoryProbModel: VictoryProbabilityModel;
  readonly pceModel: PceModel;
}

/**
 * The PCE over `options` options voted on by actors of weights `w` whose
 * utilities are `u[k*options + a]` (KTAB `Model::scalarPCE`). Returns the
 * coalition strengths, the victory matrix and the probabilities.
 */
export function scalarPce(
  w: ArrayLike<number>,
  u: Float64Array,
  options: number,
  rules: ElectionRules,
): { coalitions: Float64Array; victory: Float64Array; probabilities: Float64Array } {
  const actors = w.length;
  const c = coalitions(
    (k, a, b) => vote(rules.votingRule, w[k]!, u[k * options + a]!, u[k * options + b]!),
    actors,
    options,
  );
  const victory = victoryMatrix(rules.victoryProbModel, c, options);
  return { coalitions: c, victory, probabilities: pceOfVictory(rules.pceModel, victory, c, options) };
}
