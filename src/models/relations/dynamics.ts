/**
 * Balance dynamics: how a signed network may evolve towards balance.
 *
 * - Constrained triad dynamics (Antal, Krapivsky & Redner 2005, "Dynamics of
 *   social balance on networks", Phys. Rev. E 72:036121): repeatedly pick an
 *   unbalanced triangle and one of its links and reverse the link, subject to
 *   the constraint that the number of unbalanced triangles must not grow.
 * - Continuous model dX/dt = X² (Marvel, Kleinberg, Kleinberg & Strogatz 2011,
 *   PNAS 108(5):1771–1776), solved in closed form.
 *
 * Both are seeded (an injected {@link Rng}) and run as ensembles.
 */
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { ConcertError, type Problem } from '../../core/errors.js';
import { Rng } from '../../core/rng.js';
import { median } from '../../core/statistics.js';
import { frustrationIndexSync } from './frustration.js';
import type { SignedNetwork } from './network.js';
import { triangles } from './triads.js';

/** One run's outcome. */
export interface DynamicsRun {
  readonly run: number;
  /** Whether a balanced state was reached (every triangle balanced / the solution blew up into factions). */
  readonly balanced: boolean;
  /** Time to balance: triad model in sweeps (one sweep = m update attempts); continuous model in its time unit. */
  readonly time: number | null;
  /** The final two factions (the second may be empty: "paradise", all friendly). */
  readonly factions: readonly [readonly string[], readonly string[]] | null;
}

/** An ensemble of runs with its summary. */
export interface DynamicsEnsemble {
  readonly model: 'triad' | 'continuous';
  readonly runs: number;
  readonly seed: number;
  /** Share of runs that reached balance. */
  readonly balancedShare: number;
  /** Share of runs ending in a single all-friendly faction. */
  readonly paradiseShare: number;
  /** Median and mean time to balance over runs that reached it (`null` if none did). */
  readonly medianTime: number | null;
  readonly meanTime: number | null;
  /** Distinct final faction splits, most frequent first. */
  readonly outcomes: readonly {
    readonly factions: readonly [readonly string[], readonly string[]];
    readonly share: number;
  }[];
  readonly results: readonly DynamicsRun[];
}

/** Tuning of the triad model. */
export interface TriadDynamicsOptions {
  /** Give up after this many sweeps (m update attempts each). Default 1000. */
  readonly maxSweeps?: number;
}

/**
 * One run of constrained triad dynamics on the triangles of `net` (AKR 2005
 * define it on the complete graph; on a sparse network only its triangles
 * interact, an assumption). Each attempt picks a uniformly random unbalanced
 * triangle and a uniformly random link of it; let ΔU be the change in the
 * number of unbalanced triangles if that link's sign is reversed: the link
 * is reversed when ΔU < 0, with probability 1/2 when ΔU = 0, never when
 * ΔU > 0 (the equal-case probability is Concert's assumption; the notes read
 * only "may not increase"). Time is counted in sweeps of m attempts. Stops at
 * zero unbalanced triangles or after `maxSweeps` (a jammed state).
 */
export function triadDynamicsRun(
  net: SignedNetwork,
  rng: Rng,
  options: TriadDynamicsOptions = {},
): { balanced: boolean; sweeps: number; signs: Int8Array } {
  const m = net.edges.length;
  const signs = new Int8Array(m);
  net.edges.forEach((e, k) => {
    signs[k] = e.weight > 0 ? 1 : -1;
  });
  const tris = triangles(net);
  const byEdge: number[][] = Array.from({ length: m }, () => []);
  tris.forEach((t, i) => {
    for (const e of t.edges) byEdge[e]!.push(i);
  });
  const unbalanced: number[] = [];
  const position = new Int32Array(tris.length).fill(-1);
  const isUnbalanced = (i: number) => {
    const [a, b, c] = tris[i]!.edges;
    return signs[a]! * signs[b]! * signs[c]! < 0;
  };
  const add = (i: number) => {
    position[i] = unbalanced.length;
    unbalanced.push(i);
  };
  const remove = (i: number) => {
    const p = position[i]!;
    const last = unbalanced.pop()!;
    if (last !== i) {
      unbalanced[p] = last;
      position[last] = p;
    }
    position[i] = -1;
  };
  for (let i = 0; i < tris.length; i++) if (isUnbalanced(i)) add(i);
  const maxAttempts = (options.maxSweeps ?? 1000) * Math.max(1, m);
  let attempts = 0;
  while (unbalanced.length > 0 && attempts < maxAttempts) {
    attempts++;
    const t = unbalanced[rng.int(0, unbalanced.length - 1)]!;
    const e = tris[t]!.edges[rng.int(0, 2)]!;
    let delta = 0;
    for (const i of byEdge[e]!) delta += isUnbalanced(i) ? -1 : 1;
    if (delta > 0 || (delta === 0 && !rng.bernoulli(0.5))) continue;
    signs[e] = -signs[e]! as 1 | -1;
    for (const i of byEdge[e]!) {
      if (isUnbalanced(i)) add(i);
      else remove(i);
    }
  }
  return { balanced: unbalanced.length === 0, sweeps: attempts / Math.max(1, m), signs };
}

function factionsOf(net: SignedNetwork, signs: ArrayLike<number>): [string[], string[]] {
  const signed: SignedNetwork = {
    nodes: net.nodes,
    edges: net.edges.map((e, k) => ({ a: e.a, b: e.b, weight: signs[k]! })),
  };
  const r = frustrationIndexSync(signed);
  return canonical(r.partition[0], r.partition[1]);
}

function canonical(a: readonly string[], b: readonly string[]): [string[], string[]] {
  const x = [...a].sort();
  const y = [...b].sort();
  if (x.length === 0) return [y, x];
  if (y.length === 0) return [x, y];
  return x.length > y.length || (x.length === y.length && x[0]! < y[0]!) ? [x, y] : [y, x];
}

/**
 * The closed-form solution of dX/dt = X² for symmetric X(0) = X0 = VΛVᵀ:
 * X(t) = X0 (I − t X0)⁻¹ = V diag(λ_k / (1 − tλ_k)) Vᵀ (derived; the matrix
 * Riccati equation). If λ_max > 0, X blows up at t* = 1/λ_max and near t*
 * X(t) ≈ λ_max/(1 − tλ_max)·v vᵀ, so the signs become sign(v_i v_j): two
 * factions given by the signs of the leading eigenvector v (derived from the
 * solution; MKKS 2011 state that generic initial conditions end in harmony or
 * two hostile factions). Returns the blow-up time, the factions, and the
 * time from which the sign pattern of X(t) equals that final pattern (found
 * on a grid of 512 times accumulating at t*).
 */
export function continuousBalance(
  nodes: readonly string[],
  x0: Matrix,
): { blowUpTime: number | null; factions: [string[], string[]] | null; timeToBalance: number | null } {
  const n = nodes.length;
  const eig = new EigenvalueDecomposition(x0, { assumeSymmetric: true });
  const lambda = eig.realEigenvalues;
  const V = eig.eigenvectorMatrix;
  let top = 0;
  for (let k = 1; k < n; k++) if (lambda[k]! > lambda[top]!) top = k;
  const lmax = lambda[top] ?? 0;
  if (n === 0 || lmax <= 0) return { blowUpTime: null, factions: null, timeToBalance: null };
  const tStar = 1 / lmax;
  const v = V.getColumn(top);
  const sideOf = v.map((x) => (x >= 0 ? 0 : 1));
  const a: string[] = [];
  const b: string[] = [];
  nodes.forEach((id, i) => {
    (sideOf[i] === 0 ? a : b).push(id);
  });
  const finalSign = (i: number, j: number) => (sideOf[i] === sideOf[j] ? 1 : -1);
  const matches = (t: number): boolean => {
    const d = lambda.map((l) => l / (1 - t * l));
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let x = 0;
        for (let k = 0; k < n; k++) x += V.get(i, k) * d[k]! * V.get(j, k);
        if (Math.sign(x) !== finalSign(i, j)) return false;
      }
    }
    return true;
  };
  const grid = 512;
  let from: number | null = null;
  for (let g = grid - 1; g >= 0; g--) {
    const t = tStar * (1 - (1 - g / grid) ** 2);
    if (matches(t)) from = t;
    else break;
  }
  return { blowUpTime: tStar, factions: canonical(a, b), timeToBalance: from };
}

/** Options of {@link balanceDynamicsEnsemble}. */
export interface DynamicsOptions extends TriadDynamicsOptions {
  readonly model: 'triad' | 'continuous';
  readonly runs: number;
  readonly seed: number;
  /**
   * Continuous model: standard deviation of the Gaussian noise added to every
   * off-diagonal pair of X(0) in each run (an assumption, default 0.1); the
   * noise is what makes runs differ and breaks ties of neutral pairs.
   */
  readonly noiseSd?: number;
}

/**
 * An ensemble of balance-dynamics runs from the network's current relations,
 * run k using stream k of `seed` (so each run is reproducible on its own).
 * Triad model: signs of the relations, constrained triad dynamics. Continuous
 * model: X(0) = relation scores (0 for neutral pairs, 0 on the diagonal) plus
 * symmetric Gaussian noise.
 *
 * @throws {ConcertError} bad input for an unknown model (path `['model']`),
 *   `runs` that is not a whole number ≥ 1 (`['runs']`), a seed that is not an
 *   integer (`['seed']`), a negative noise (`['noiseSd']`) or `maxSweeps`
 *   that is not a whole number ≥ 1 (`['maxSweeps']`).
 * @example
 * balanceDynamicsEnsemble(net, { model: 'triad', runs: 20, seed: 1 }).balancedShare; // in [0, 1]
 */
export function balanceDynamicsEnsemble(net: SignedNetwork, options: DynamicsOptions): DynamicsEnsemble {
  checkDynamicsOptions(options);
  const streams = Rng.streams(options.seed, options.runs);
  const results: DynamicsRun[] = streams.map((rng, run) => {
    if (options.model === 'triad') {
      const r = triadDynamicsRun(net, rng, options);
      return {
        run,
        balanced: r.balanced,
        time: r.balanced ? r.sweeps : null,
        factions: r.balanced ? factionsOf(net, r.signs) : null,
      };
    }
    const n = net.nodes.length;
    const x0 = new Matrix(n, n);
    for (const e of net.edges) {
      x0.set(e.a, e.b, e.weight);
      x0.set(e.b, e.a, e.weight);
    }
    const sd = options.noiseSd ?? 0.1;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const x = x0.get(i, j) + rng.normal(0, sd);
        x0.set(i, j, x);
        x0.set(j, i, x);
      }
    }
    const c = continuousBalance(net.nodes, x0);
    return { run, balanced: c.factions !== null, time: c.timeToBalance, factions: c.factions };
  });
  return summarise(options, results);
}

/**
 * Bounds of a dynamics ensemble. Relation scores lie in [−1, 1], so noise
 * beyond an sd of 100 only measures the noise (and near 1e308 it overflows the
 * eigendecomposition); runs and sweeps bound the work.
 */
export const MAX_NOISE_SD = 100;
export const MAX_DYNAMICS_RUNS = 100_000;
export const MAX_SWEEPS = 1_000_000;

function checkDynamicsOptions(o: DynamicsOptions): void {
  const problems: Problem[] = [];
  if (o.noiseSd !== undefined && o.noiseSd > MAX_NOISE_SD)
    problems.push({
      path: ['noiseSd'],
      message: `expected a standard deviation from 0 to ${MAX_NOISE_SD} (relation scores lie in [−1, 1]); got ${o.noiseSd}`,
    });
  if (Number.isSafeInteger(o.runs) && o.runs > MAX_DYNAMICS_RUNS)
    problems.push({ path: ['runs'], message: `expected at most ${MAX_DYNAMICS_RUNS} runs; got ${o.runs}` });
  if (o.maxSweeps !== undefined && Number.isSafeInteger(o.maxSweeps) && o.maxSweeps > MAX_SWEEPS)
    problems.push({
      path: ['maxSweeps'],
      message: `expected at most ${MAX_SWEEPS} sweeps; got ${o.maxSweeps}`,
    });
  if (o.model !== 'triad' && o.model !== 'continuous')
    problems.push({ path: ['model'], message: `unknown model "${o.model}": expected triad or continuous` });
  if (!(Number.isSafeInteger(o.runs) && o.runs >= 1))
    problems.push({ path: ['runs'], message: `expected a whole number of runs ≥ 1; got ${o.runs}` });
  if (!Number.isSafeInteger(o.seed))
    problems.push({ path: ['seed'], message: `expected an integer seed; got ${o.seed}` });
  if (o.noiseSd !== undefined && !(Number.isFinite(o.noiseSd) && o.noiseSd >= 0))
    problems.push({ path: ['noiseSd'], message: `expected a standard deviation ≥ 0; got ${o.noiseSd}` });
  if (o.maxSweeps !== undefined && !(Number.isSafeInteger(o.maxSweeps) && o.maxSweeps >= 1))
    problems.push({
      path: ['maxSweeps'],
      message: `expected a whole number of sweeps ≥ 1; got ${o.maxSweeps}`,
    });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
}

function summarise(options: DynamicsOptions, results: DynamicsRun[]): DynamicsEnsemble {
  const done = results.filter((r) => r.balanced);
  const times = done
    .map((r) => r.time)
    .filter((t): t is number => t !== null)
    .sort((x, y) => x - y);
  const counts = new Map<string, { factions: [string[], string[]]; count: number }>();
  for (const r of done) {
    if (r.factions === null) continue;
    const key = JSON.stringify(r.factions);
    const c = counts.get(key);
    if (c) c.count++;
    else counts.set(key, { factions: [[...r.factions[0]], [...r.factions[1]]], count: 1 });
  }
  const total = Math.max(1, results.length);
  return {
    model: options.model,
    runs: options.runs,
    seed: options.seed,
    balancedShare: done.length / total,
    paradiseShare: done.filter((r) => r.factions !== null && r.factions[1].length === 0).length / total,
    medianTime: times.length === 0 ? null : median(times),
    meanTime: times.length === 0 ? null : times.reduce((s, t) => s + t, 0) / times.length,
    outcomes: [...counts.values()]
      .sort(
        (x, y) => y.count - x.count || JSON.stringify(x.factions).localeCompare(JSON.stringify(y.factions)),
      )
      .map((c) => ({ factions: c.factions, share: c.count / total })),
    results,
  };
}
