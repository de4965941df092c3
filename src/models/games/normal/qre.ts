/**
 * Logit quantal response equilibrium (QRE) and its principal branch, traced
 * by predictor–corrector path following (McKelvey & Palfrey 1995; Turocy
 * 2005, "A dynamic homotopy interpretation of the logistic quantal response
 * equilibrium correspondence"; Gambit's `gambit-logit`).
 *
 * A logit QRE at precision λ ≥ 0 is a profile σ with
 *   σᵢ(s) = exp(λ·uᵢ(s, σ₋ᵢ)) / Σₜ exp(λ·uᵢ(t, σ₋ᵢ)).
 * In log-probabilities wᵢₛ = ln σᵢ(s) this is H(w, λ) = 0 with, per player,
 *   Σₛ exp(wᵢₛ) − 1 = 0,   wᵢₛ − wᵢ₀ − λ(uᵢ(s, σ₋ᵢ) − uᵢ(0, σ₋ᵢ)) = 0 (s ≥ 1).
 * At λ = 0 the unique solution is the centroid. For generic games the
 * solutions through the centroid form a smooth curve (the principal
 * branch) whose limit as λ → ∞ is a Nash equilibrium (the "logit
 * solution"). The curve is followed in arclength: Euler predictor along the
 * unit tangent (the null vector of the Jacobian, oriented by the previous
 * tangent) and Newton corrector on [H = 0; tangentᵀ·Δ = 0], with step halving
 * on failure and growth on quick convergence. λ may decrease on the way
 * (turning points), which arclength parametrisation handles.
 *
 * Payoffs are used as given (λ has units of 1/payoff, as in Gambit), so
 * results at a given λ match Gambit's. The end of the trace is refined to a
 * Nash equilibrium by Newton's method on the indifference system of the
 * support the trace settles on.
 */
import { ConcertError, type Problem } from '../../../core/errors.js';
import { Matrix, solve } from 'ml-matrix';
import { type NormalFormGame, profileAt, profileCount, regret } from './game.js';

interface Layout {
  readonly offsets: number[];
  readonly d: number;
}

function layout(game: NormalFormGame): Layout {
  const offsets: number[] = [];
  let d = 0;
  for (const s of game.strategies) {
    offsets.push(d);
    d += s.length;
  }
  return { offsets, d };
}

/**
 * Payoffs needed by the homotopy at σ: `U[i][s]` = uᵢ(s, σ₋ᵢ) and
 * `T[i][s][j][t]` = uᵢ(s, t, σ₋ᵢⱼ) for j ≠ i (the derivative of U[i][s] in σⱼ(t)).
 */
function payoffTensors(
  game: NormalFormGame,
  sigma: readonly (readonly number[])[],
  payoffs: readonly number[][],
) {
  const N = game.players.length;
  const U = game.strategies.map((s) => new Array<number>(s.length).fill(0));
  const T = game.strategies.map((s) =>
    s.map(() => game.strategies.map((t) => new Array<number>(t.length).fill(0))),
  );
  const count = profileCount(game);
  for (let k = 0; k < count; k++) {
    const prof = profileAt(game, k);
    const u = payoffs[k]!;
    for (let i = 0; i < N; i++) {
      let w = 1;
      for (let l = 0; l < N; l++) if (l !== i) w *= sigma[l]![prof[l]!]!;
      U[i]![prof[i]!]! += w * u[i]!;
      for (let j = 0; j < N; j++) {
        if (j === i) continue;
        let w2 = 1;
        for (let l = 0; l < N; l++) if (l !== i && l !== j) w2 *= sigma[l]![prof[l]!]!;
        T[i]![prof[i]!]![j]![prof[j]!]! += w2 * u[i]!;
      }
    }
  }
  return { U, T };
}

function toSigma(game: NormalFormGame, L: Layout, w: readonly number[]): number[][] {
  return game.strategies.map((s, i) => s.map((_, t) => Math.exp(w[L.offsets[i]! + t]!)));
}

/** H(w, λ) and its Jacobian (d × (d+1), last column ∂/∂λ). */
function homotopy(game: NormalFormGame, L: Layout, payoffs: number[][], z: readonly number[]) {
  const { d, offsets } = L;
  const lambda = z[d]!;
  const sigma = toSigma(game, L, z);
  const { U, T } = payoffTensors(game, sigma, payoffs);
  const H = new Array<number>(d).fill(0);
  const J = Array.from({ length: d }, () => new Array<number>(d + 1).fill(0));
  game.strategies.forEach((strats, i) => {
    const o = offsets[i]!;
    let sum = 0;
    for (let t = 0; t < strats.length; t++) {
      sum += sigma[i]![t]!;
      J[o]![o + t] = sigma[i]![t]!;
    }
    H[o] = sum - 1;
    for (let s = 1; s < strats.length; s++) {
      const row = o + s;
      H[row] = z[o + s]! - z[o]! - lambda * (U[i]![s]! - U[i]![0]!);
      J[row]![o + s] = 1;
      J[row]![o] = -1;
      J[row]![d] = -(U[i]![s]! - U[i]![0]!);
      game.strategies.forEach((other, j) => {
        if (j === i) return;
        for (let t = 0; t < other.length; t++) {
          J[row]![offsets[j]! + t] = -lambda * (T[i]![s]![j]![t]! - T[i]![0]![j]![t]!) * sigma[j]![t]!;
        }
      });
    }
  });
  return { H, J };
}

function norm(v: readonly number[]): number {
  return Math.sqrt(v.reduce((s, x) => s + x * x, 0));
}

function solveSquare(rows: number[][], rhs: number[]): number[] | undefined {
  try {
    const x = solve(new Matrix(rows), Matrix.columnVector(rhs));
    const out = x.to1DArray();
    return out.every(Number.isFinite) ? out : undefined;
  } catch {
    return undefined;
  }
}

/** One point of the logit QRE correspondence. */
export interface QrePoint {
  readonly lambda: number;
  /** `profile[i][s]`: probability that player i plays s. */
  readonly profile: number[][];
}

/**
 * Follows the principal branch from the centroid (λ = 0) and yields the
 * profile at each of the given precisions (ascending; each point is
 * corrected onto its λ exactly). Throws when the path cannot be followed (a
 * singular point or step-size collapse), which does not happen for generic
 * games, or after `maxSteps` predictor–corrector steps (internal errors).
 *
 * @throws {ConcertError} bad input (path `['lambdas', k]`) for a precision
 *   that is negative, not finite or below the one before it (on the first
 *   `next()`, as generators run lazily).
 * @example
 * [...logitQrePath(game, [0, 1, 10])].map((p) => p.lambda); // => [0, 1, 10]
 */
export function* logitQrePath(
  game: NormalFormGame,
  lambdas: readonly number[],
  maxSteps = 100_000,
): Generator<QrePoint, void, undefined> {
  const problems: Problem[] = [];
  lambdas.forEach((l, k) => {
    if (!(Number.isFinite(l) && l >= 0 && (k === 0 || l >= lambdas[k - 1]!)))
      problems.push({
        path: ['lambdas', k],
        message: `expected finite precisions ≥ 0 in ascending order; got ${l}`,
      });
  });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  const L = layout(game);
  const { d } = L;
  const payoffs = game.payoffs.map((p) => p.map((x) => x.valueOf()));
  let z = [...game.strategies.flatMap((s) => s.map(() => -Math.log(s.length))), 0];
  let tangent = [...new Array<number>(d).fill(0), 1];
  let h = 0.03;
  const tangentAt = (J: number[][], prev: number[]): number[] | undefined => {
    const t = solveSquare([...J.map((r) => r.slice()), prev.slice()], [...new Array<number>(d).fill(0), 1]);
    if (!t) return undefined;
    const n = norm(t);
    return t.map((x) => x / n);
  };
  tangent = tangentAt(homotopy(game, L, payoffs, z).J, tangent) ?? tangent;
  let next = 0;
  while (next < lambdas.length && lambdas[next]! <= 0) {
    yield { lambda: 0, profile: toSigma(game, L, z) };
    next++;
  }
  for (let step = 0; step < maxSteps && next < lambdas.length; step++) {
    let accepted: number[] | undefined;
    let iterations = 0;
    while (!accepted) {
      if (h < 1e-12) throw new Error('logit QRE tracing failed: step size collapsed');
      let y = z.map((x, k) => x + h * tangent[k]!);
      let ok = false;
      for (iterations = 1; iterations <= 10; iterations++) {
        const { H, J } = homotopy(game, L, payoffs, y);
        const delta = solveSquare([...J, tangent.slice()], [...H.map((x) => -x), 0]);
        if (!delta) break;
        const size = norm(delta);
        if (iterations === 1 && size > 0.5 * Math.max(h, 1e-3)) break;
        y = y.map((x, k) => x + delta[k]!);
        if (size < 1e-11 * Math.max(1, norm(y))) {
          ok = true;
          break;
        }
      }
      if (ok) accepted = y;
      else h *= 0.5;
    }
    while (next < lambdas.length && accepted[d]! >= lambdas[next]!) {
      // Land exactly on the requested λ: Newton in w at fixed λ from the linear interpolation.
      const target = lambdas[next]!;
      const frac = (target - z[d]!) / (accepted[d]! - z[d]!);
      let w = z.slice(0, d).map((x, k) => x + frac * (accepted[k]! - x));
      for (let it = 0; it < 50; it++) {
        const { H, J } = homotopy(game, L, payoffs, [...w, target]);
        const delta = solveSquare(
          J.map((r) => r.slice(0, d)),
          H.map((x) => -x),
        );
        if (!delta) break;
        w = w.map((x, k) => x + delta[k]!);
        if (norm(delta) < 1e-13 * Math.max(1, norm(w))) break;
      }
      yield { lambda: target, profile: toSigma(game, L, w) };
      next++;
    }
    const t = tangentAt(homotopy(game, L, payoffs, accepted).J, tangent);
    if (!t) throw new Error('logit QRE tracing failed: singular Jacobian');
    z = accepted;
    tangent = t;
    if (iterations <= 3) h = Math.min(h * 1.6, 1e3);
  }
  if (next < lambdas.length)
    throw new Error(`logit QRE tracing did not reach λ = ${lambdas[next]} in ${maxSteps} steps`);
}

/**
 * The logit QRE on the principal branch at precision λ (units: 1/payoff).
 *
 * @throws {ConcertError} bad input (path `['lambda']`) for a λ that is
 *   negative or not finite.
 * @example
 * logitQre(game, 0).profile; // the centroid: every strategy equally likely
 */
export function logitQre(game: NormalFormGame, lambda: number): QrePoint {
  if (!(Number.isFinite(lambda) && lambda >= 0))
    throw new ConcertError('bad-input', [
      { path: ['lambda'], message: `expected a precision ≥ 0; got ${lambda}` },
    ]);
  for (const p of logitQrePath(game, [lambda])) return p;
  throw new Error('logit QRE tracing ended without a point');
}

/**
 * Refines an approximate equilibrium by Newton's method on the indifference
 * system of its support (strategies with probability above `threshold`):
 * per player, equal payoffs across the support and probabilities summing to
 * 1, off-support probabilities 0. Returns undefined when the refined profile
 * is not a Nash equilibrium (to 1e−9 of the payoff range).
 */
export function refineOnSupport(
  game: NormalFormGame,
  sigma: readonly (readonly number[])[],
  threshold = 1e-3,
): number[][] | undefined {
  const support = sigma.map((p) => p.flatMap((x, s) => (x > threshold ? [s] : [])));
  if (support.some((s) => s.length === 0)) return undefined;
  const payoffs = game.payoffs.map((p) => p.map((x) => x.valueOf()));
  let cur = sigma.map((p, i) => p.map((x, s) => (support[i]!.includes(s) ? x : 0)));
  cur = cur.map((p) => {
    const total = p.reduce((a, b) => a + b, 0);
    return p.map((x) => x / total);
  });
  const vars: [number, number][] = support.flatMap((S, i) => S.map((s) => [i, s] as [number, number]));
  for (let it = 0; it < 60; it++) {
    const { U, T } = payoffTensors(game, cur, payoffs);
    const F: number[] = [];
    const J: number[][] = [];
    support.forEach((S, i) => {
      const s0 = S[0]!;
      for (const s of S.slice(1)) {
        F.push(U[i]![s]! - U[i]![s0]!);
        J.push(vars.map(([j, t]) => (j === i ? 0 : T[i]![s]![j]![t]! - T[i]![s0]![j]![t]!)));
      }
      F.push(S.reduce((acc, s) => acc + cur[i]![s]!, 0) - 1);
      J.push(vars.map(([j]) => (j === i ? 1 : 0)));
    });
    const delta = solveSquare(
      J,
      F.map((x) => -x),
    );
    if (!delta) return undefined;
    vars.forEach(([i, s], k) => {
      cur[i]![s]! += delta[k]!;
    });
    if (norm(delta) < 1e-15) break;
  }
  if (cur.some((p) => p.some((x) => !(x >= -1e-12)))) return undefined;
  cur = cur.map((p) => p.map((x) => Math.max(0, x)));
  let range = 0;
  for (const p of payoffs) for (const x of p) range = Math.max(range, Math.abs(x));
  return regret(game, cur) <= 1e-9 * Math.max(1, range) ? cur : undefined;
}

/**
 * One Nash equilibrium of any finite game as the limit of the principal
 * logit QRE branch: trace to λ·(largest |payoff|) = 10², 10³, 10⁴ and at each
 * refine on the support the trace is settling on. Returns the profile, the
 * λ reached and whether it is certified as a Nash equilibrium (regret below
 * 1e−9 of the payoff range); if none is, the QRE profile at the last λ is
 * returned uncertified.
 */
export function logitSolution(game: NormalFormGame): {
  profile: number[][];
  lambda: number;
  certified: boolean;
} {
  let range = 0;
  for (const p of game.payoffs) for (const x of p) range = Math.max(range, Math.abs(x.valueOf()));
  const scale = range > 0 ? range : 1;
  let last: QrePoint = { lambda: 0, profile: game.strategies.map((s) => s.map(() => 1 / s.length)) };
  const path = logitQrePath(
    game,
    [1e2, 1e3, 1e4].map((x) => x / scale),
  );
  for (;;) {
    let step: IteratorResult<QrePoint, void>;
    try {
      step = path.next();
    } catch {
      // A non-generic game can end the branch (bifurcation): report the last point, uncertified.
      break;
    }
    if (step.done) break;
    const point = step.value;
    last = point;
    for (const threshold of [1e-2, 1e-3, 1e-4, 1e-6]) {
      const refined = refineOnSupport(game, point.profile, threshold);
      if (refined) return { profile: refined, lambda: point.lambda, certified: true };
    }
    if (regret(game, point.profile) <= 1e-9 * scale) return { ...point, certified: true };
  }
  return { profile: last.profile, lambda: last.lambda, certified: false };
}
