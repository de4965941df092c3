/**
 * Core, least core, nucleolus and prenucleolus of a TU game by linear
 * programming on HiGHS.
 *
 * Excess of coalition S at allocation x: e(S, x) = v(S) − x(S).
 * - Least core (Maschler, Peleg & Shapley 1979): ε₁ = min over x with
 *   x(N) = v(N) of max_{∅≠S≠N} e(S, x); the least core is the set of x that
 *   attain it. The core is non-empty iff ε₁ ≤ 0, and then the LP's x is a
 *   core point.
 * - Nucleolus (Schmeidler 1969) / prenucleolus: the allocation that
 *   lexicographically minimises the non-increasing vector of excesses, over
 *   imputations (x_i ≥ v({i})) or over all pre-imputations. Computed by the
 *   sequence of LPs of Kopelowitz (1967) and Maschler, Peleg & Shapley (1979):
 *     LP_k: min ε  s.t.  x(S) + ε ≥ v(S) for free S,
 *                        x(S) = v(S) − ε_j for S fixed at an earlier level j,
 *                        x(N) = v(N)  [, x_i ≥ v({i})].
 *   After each LP, every free coalition whose row dual is positive is tight
 *   in every optimum (complementary slackness), so it is fixed at ε_k. Free
 *   coalitions whose indicator vectors lie in the span of the fixed ones have
 *   a constant excess from then on and are dropped. Each LP fixes at least one
 *   coalition that raises the rank (the duals of the ε rows sum to 1), so at
 *   most n LPs are solved; only a basis of fixed coalitions is kept as
 *   equality rows.
 */
import { badInput, isConcertError } from '../../core/errors.js';
import { getHighs, type Highs } from '../../core/highs.js';
import {
  exactNumber,
  Fraction,
  formatRational,
  rationalFromNumber,
  rationalToNumber,
  solveExact,
} from '../../core/rational.js';
import type { AllocationValue } from './shapley.js';
import { coalitionLabel, type TuGame } from './tu-game.js';

/** Largest n for the LP solutions (2^n − 2 coalition rows). */
export const MAX_LP_PLAYERS = 16;

export interface LeastCoreResult {
  /** ε₁, in the game's unit: the least uniform tax on coalitions that makes the core non-empty. */
  readonly epsilon: number;
  /** ε₁ as a fraction, when the exact vertex of the LP's basis was recovered. */
  readonly epsilonExact?: string;
  readonly coreNonEmpty: boolean;
  readonly allocation: readonly AllocationValue[];
}

export interface NucleolusLevel {
  readonly epsilon: number;
  /** ε_k as a fraction, when the exact vertex of the LP's basis was recovered. */
  readonly exact?: string;
  readonly coalitions: readonly string[];
}

export interface NucleolusResult {
  readonly allocation: readonly AllocationValue[];
  /** ε_k of each LP level, with the coalitions fixed there. */
  readonly levels: readonly NucleolusLevel[];
  readonly linearPrograms: number;
}

function requireTable(game: TuGame): Float64Array {
  const n = game.players.length;
  if (!game.table || n > MAX_LP_PLAYERS) {
    throw badInput({
      path: ['game'],
      message: `this solution enumerates all 2^n coalitions and is limited to ${MAX_LP_PLAYERS} players (the game has ${n})`,
    });
  }
  if (n < 1) throw badInput({ path: ['game'], message: 'the game has no players' });
  return game.table;
}

interface LpRow {
  readonly mask: number;
  readonly withEpsilon: boolean;
  readonly lower: number;
  readonly upper: number;
}

interface LpOutcome {
  readonly epsilon: number;
  readonly x: Float64Array;
  readonly rowDual: Float64Array;
  readonly rowValue: Float64Array;
  /** HiGHS basis status of each column (x_1…x_n, ε) and row: 1 basic, else nonbasic at a bound. */
  readonly colStatus: Int32Array;
  readonly rowStatus: Int32Array;
}

function solveLp(
  highs: Highs,
  n: number,
  rows: readonly LpRow[],
  lowerBounds: Float64Array | undefined,
): LpOutcome {
  const inf = highs.infinity;
  const starts = new Int32Array(rows.length + 1);
  const indices: number[] = [];
  rows.forEach((r, k) => {
    for (let i = 0; i < n; i++) if (r.mask & (1 << i)) indices.push(i);
    if (r.withEpsilon) indices.push(n);
    starts[k + 1] = indices.length;
  });
  const colLower = new Float64Array(n + 1).fill(-inf);
  if (lowerBounds) colLower.set(lowerBounds);
  const colCost = new Float64Array(n + 1);
  colCost[n] = 1;
  try {
    return runLp(highs, n, rows, starts, indices, colLower, colCost);
  } catch (e) {
    if (isConcertError(e)) throw e;
    throw badInput({
      path: ['game'],
      message: `the linear program of this solution could not be solved (HiGHS: ${e instanceof Error ? e.message : String(e)}); worths far apart in scale (e.g. 1e-9 beside 1e12) are the usual cause: rescale the game`,
    });
  }
}

function runLp(
  highs: Highs,
  n: number,
  rows: readonly LpRow[],
  starts: Int32Array,
  indices: number[],
  colLower: Float64Array,
  colCost: Float64Array,
): LpOutcome {
  const inf = highs.infinity;
  return highs.withModel(
    {
      numCols: n + 1,
      numRows: rows.length,
      colCost,
      colLower,
      colUpper: new Float64Array(n + 1).fill(inf),
      rowLower: Float64Array.from(rows, (r) => r.lower),
      rowUpper: Float64Array.from(rows, (r) => r.upper),
      matrix: {
        format: 'csr',
        numRows: rows.length,
        numCols: n + 1,
        starts,
        indices: Int32Array.from(indices),
        values: new Float64Array(indices.length).fill(1),
      },
    },
    (model) => {
      model.options.set({ output_flag: false, solver: 'simplex' });
      model.run();
      const status = model.getModelStatus();
      if (status === highs.constants.modelStatus.infeasible) {
        throw badInput({
          path: ['game'],
          message:
            'the linear program is infeasible: no allocation satisfies the constraints (is the imputation set empty?)',
        });
      }
      if (status !== highs.constants.modelStatus.optimal) {
        throw badInput({
          path: ['game'],
          message: `the linear program of this solution did not reach an optimum (HiGHS model status ${status}); worths far apart in scale are the usual cause: rescale the game`,
        });
      }
      const sol = model.getSolution();
      const basis = model.getBasis();
      return {
        epsilon: sol.colValue[n]!,
        x: sol.colValue.slice(0, n),
        rowDual: sol.rowDual,
        rowValue: sol.rowValue,
        colStatus: basis.colStatus,
        rowStatus: basis.rowStatus,
      };
    },
  );
}

/** A row with exact bounds, parallel to an {@link LpRow}. */
interface ExactRow {
  readonly mask: number;
  readonly withEpsilon: boolean;
  readonly lower: Fraction;
  readonly upper?: Fraction;
}

const ZERO = new Fraction(0);
const ONE = new Fraction(1);

/**
 * The exact vertex of an optimal simplex basis: every nonbasic row holds at
 * its bound and every nonbasic column at its bound, which gives n + 1 linear
 * equations in (x, ε), solved by Gaussian elimination over the rationals.
 * Undefined if the basis does not give a square non-singular system.
 */
function exactVertex(
  n: number,
  rows: readonly ExactRow[],
  colLower: readonly (Fraction | undefined)[],
  out: LpOutcome,
): Fraction[] | undefined {
  const matrix: Fraction[][] = [];
  const rhs: Fraction[] = [];
  rows.forEach((r, k) => {
    const st = out.rowStatus[k]!;
    if (st === 1) return;
    const eq = Array.from({ length: n + 1 }, () => ZERO);
    for (let i = 0; i < n; i++) if (r.mask & (1 << i)) eq[i] = ONE;
    if (r.withEpsilon) eq[n] = ONE;
    matrix.push(eq);
    rhs.push(st === 2 && r.upper ? r.upper : st === 3 ? ZERO : r.lower);
  });
  for (let j = 0; j <= n; j++) {
    const st = out.colStatus[j]!;
    if (st === 1) continue;
    const bound = st === 3 ? ZERO : colLower[j];
    if (!bound) return undefined;
    const eq = Array.from({ length: n + 1 }, () => ZERO);
    eq[j] = ONE;
    matrix.push(eq);
    rhs.push(bound);
  }
  return rhs.length === n + 1 ? solveExact(matrix, rhs) : undefined;
}

function allocation(game: TuGame, x: ArrayLike<number>, exact?: readonly Fraction[]): AllocationValue[] {
  return game.players.map((player, i) =>
    exact ? { player, ...exactNumber(exact[i]!) } : { player, value: Math.abs(x[i]!) < 1e-12 ? 0 : x[i]! },
  );
}

/** Whether the exact vertex agrees with HiGHS's floating-point solution (to 1e-6 of the game's scale). */
function agrees(exact: readonly Fraction[], x: ArrayLike<number>, epsilon: number, scale: number): boolean {
  const tol = 1e-6 * scale;
  for (let i = 0; i < x.length; i++) if (Math.abs(rationalToNumber(exact[i]!) - x[i]!) > tol) return false;
  return Math.abs(rationalToNumber(exact[x.length]!) - epsilon) <= tol;
}

function scaleOf(v: Float64Array): number {
  let s = 1;
  for (const x of v) s = Math.max(s, Math.abs(x));
  return s;
}

/**
 * The least core: ε₁ and one allocation attaining it (the LP's vertex), and
 * whether the core is non-empty (ε₁ ≤ 0 within 1e-9 of the game's scale).
 * ε₁ and the allocation are in the unit of the worths.
 *
 * @throws {ConcertError} bad input (path `['game']`) for a game without a
 *   table or with more than 16 players.
 * @example
 * (await leastCore(majority3)).epsilonExact; // => '1/3': the three-player majority game has an empty core
 */
export async function leastCore(game: TuGame): Promise<LeastCoreResult> {
  const v = requireTable(game);
  const n = game.players.length;
  const full = v.length - 1;
  if (n === 1) {
    // No coalition but the grand one: nothing constrains ε (the LP is unbounded), and the least core
    // is the core, the single allocation v(N); ε₁ = 0 by convention.
    return { epsilon: 0, epsilonExact: '0', coreNonEmpty: true, allocation: allocation(game, [v[full]!]) };
  }
  const highs = await getHighs();
  const rows: LpRow[] = [];
  for (let mask = 1; mask < full; mask++)
    rows.push({ mask, withEpsilon: true, lower: v[mask]!, upper: highs.infinity });
  rows.push({ mask: full, withEpsilon: false, lower: v[full]!, upper: v[full]! });
  const out = solveLp(highs, n, rows, undefined);
  const scale = scaleOf(v);
  const exactRows: ExactRow[] = rows.map((r) => {
    const lower = rationalFromNumber(r.lower);
    return r.withEpsilon
      ? { mask: r.mask, withEpsilon: true, lower }
      : { mask: r.mask, withEpsilon: false, lower, upper: lower };
  });
  const vertex = exactVertex(n, exactRows, [], out);
  if (vertex && agrees(vertex, out.x, out.epsilon, scale)) {
    const eps = vertex[n]!;
    const e = exactNumber(eps);
    return {
      epsilon: e.value,
      epsilonExact: e.exact,
      coreNonEmpty: eps.compare(ZERO) <= 0,
      allocation: allocation(game, out.x, vertex.slice(0, n)),
    };
  }
  const tol = 1e-9 * scale;
  const epsilon = Math.abs(out.epsilon) < tol ? 0 : out.epsilon;
  return { epsilon, coreNonEmpty: epsilon <= tol, allocation: allocation(game, out.x) };
}

/** Incremental row-echelon basis of 0/1 coalition vectors, for span tests. */
class Span {
  private readonly rows: Float64Array[] = [];
  private readonly pivots: number[] = [];
  constructor(private readonly n: number) {}

  get rank(): number {
    return this.rows.length;
  }

  private reduce(mask: number): Float64Array {
    const r = new Float64Array(this.n);
    for (let i = 0; i < this.n; i++) r[i] = (mask >>> i) & 1;
    this.rows.forEach((row, k) => {
      const p = this.pivots[k]!;
      const f = r[p]!;
      if (f !== 0) for (let i = 0; i < this.n; i++) r[i] = r[i]! - f * row[i]!;
    });
    return r;
  }

  contains(mask: number): boolean {
    return this.reduce(mask).every((x) => Math.abs(x) < 1e-9);
  }

  /** Adds the vector; true if it raised the rank. */
  add(mask: number): boolean {
    const r = this.reduce(mask);
    let p = -1;
    for (let i = 0; i < this.n; i++)
      if (Math.abs(r[i]!) > 1e-9 && (p < 0 || Math.abs(r[i]!) > Math.abs(r[p]!))) p = i;
    if (p < 0) return false;
    const f = r[p]!;
    for (let i = 0; i < this.n; i++) r[i] = r[i]! / f;
    this.rows.forEach((row) => {
      const g = row[p]!;
      if (g !== 0) for (let i = 0; i < this.n; i++) row[i] = row[i]! - g * r[i]!;
    });
    this.rows.push(r);
    this.pivots.push(p);
    return true;
  }
}

/**
 * The nucleolus (`pre = false`, over imputations) or prenucleolus
 * (`pre = true`, over pre-imputations) by the sequential LPs described
 * above. The nucleolus needs a non-empty imputation set,
 * v(N) ≥ Σ_i v({i}).
 *
 * @throws {ConcertError} bad input (path `['game']`) for a game without a
 *   table, with more than 16 players, or (nucleolus) with an empty
 *   imputation set; when an LP is infeasible.
 * @example
 * (await nucleolus(bankruptcyGame(200, [100, 200, 300]))).allocation.map((a) => a.exact); // => ['50', '75', '75']
 */
export async function nucleolus(game: TuGame, pre = false): Promise<NucleolusResult> {
  const v = requireTable(game);
  const n = game.players.length;
  const full = v.length - 1;
  const singles = Float64Array.from({ length: n }, (_, i) => v[1 << i]!);
  const scale = scaleOf(v);
  const tol = 1e-9 * scale;
  if (!pre) {
    const sum = singles.reduce((a, b) => a + b, 0);
    if (v[full]! < sum - tol) {
      throw badInput({
        path: ['game'],
        message: `the nucleolus is defined on the imputation set, which is empty here: v(N) = ${v[full]} is less than the sum of the singleton worths ${sum} (the game is not superadditive on singletons); the prenucleolus is defined for every game`,
      });
    }
  }
  const highs = await getHighs();
  const exactWorth = new Map<number, Fraction>();
  const worthOf = (mask: number): Fraction => {
    let r = exactWorth.get(mask);
    if (!r) {
      r = rationalFromNumber(v[mask]!);
      exactWorth.set(mask, r);
    }
    return r;
  };
  const exactColLower: (Fraction | undefined)[] = [
    ...Array.from({ length: n }, (_, i) => (pre ? undefined : worthOf(1 << i))),
    undefined,
  ];
  const span = new Span(n);
  span.add(full);
  const fixedRows: LpRow[] = [{ mask: full, withEpsilon: false, lower: v[full]!, upper: v[full]! }];
  const exactFixed: ExactRow[] = [
    { mask: full, withEpsilon: false, lower: worthOf(full), upper: worthOf(full) },
  ];
  let exactOk = true;
  let xExact: Fraction[] | undefined = n === 1 ? [worthOf(full)] : undefined;
  let free: number[] = [];
  for (let mask = 1; mask < full; mask++) free.push(mask);
  const levels: NucleolusLevel[] = [];
  let x: Float64Array = new Float64Array(n);
  let lps = 0;
  if (n === 1) x[0] = v[full]!;
  while (span.rank < n && free.length > 0) {
    const rows: LpRow[] = [
      ...fixedRows,
      ...free.map((mask) => ({ mask, withEpsilon: true, lower: v[mask]!, upper: highs.infinity })),
    ];
    const out = solveLp(highs, n, rows, pre ? undefined : singles);
    lps++;
    x = out.x;
    const eps = out.epsilon;
    let epsExact: Fraction | undefined;
    if (exactOk) {
      const exactRows: ExactRow[] = [
        ...exactFixed,
        ...free.map((mask) => ({ mask, withEpsilon: true, lower: worthOf(mask) })),
      ];
      const vertex = exactVertex(n, exactRows, exactColLower, out);
      if (vertex && agrees(vertex, x, eps, scale)) {
        epsExact = vertex[n]!;
        xExact = vertex.slice(0, n);
      } else {
        exactOk = false;
        xExact = undefined;
      }
    }
    const fixedNow: number[] = [];
    const stillFree: number[] = [];
    free.forEach((mask, k) => {
      const row = fixedRows.length + k;
      const slack = out.rowValue[row]! - v[mask]!;
      if (out.rowDual[row]! > 1e-9 && Math.abs(slack) <= 1e-7 * scale) fixedNow.push(mask);
      else stillFree.push(mask);
    });
    if (fixedNow.length === 0) throw new Error('nucleolus: no coalition could be fixed (numerical trouble)');
    for (const mask of fixedNow) {
      if (!span.add(mask)) continue;
      fixedRows.push({ mask, withEpsilon: false, lower: v[mask]! - eps, upper: v[mask]! - eps });
      if (epsExact) {
        const rhs = worthOf(mask).sub(epsExact);
        exactFixed.push({ mask, withEpsilon: false, lower: rhs, upper: rhs });
      }
    }
    levels.push({
      ...(epsExact
        ? { epsilon: rationalToNumber(epsExact), exact: formatRational(epsExact) }
        : { epsilon: Math.abs(eps) < tol ? 0 : eps }),
      coalitions: fixedNow.map((m) => coalitionLabel(game.players, m)),
    });
    free = stillFree.filter((mask) => !span.contains(mask));
  }
  return { allocation: allocation(game, x, exactOk ? xExact : undefined), levels, linearPrograms: lps };
}
