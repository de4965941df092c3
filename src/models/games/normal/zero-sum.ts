/**
 * The value and optimal (minimax) strategies of a two-player constant-sum
 * game by linear programming on HiGHS (von Neumann 1928; Dantzig 1951):
 *
 *   player 1:  maximise v  s.t.  Σᵢ xᵢ Aᵢⱼ ≥ v for every column j,  Σ xᵢ = 1,  x ≥ 0;
 *   player 2:  minimise w  s.t.  Σⱼ Aᵢⱼ yⱼ ≤ w for every row i,     Σ yⱼ = 1,  y ≥ 0.
 *
 * By the minimax theorem v = w, the value of the game to player 1 (player 2
 * gets c − v when payoffs sum to c). The floating-point LP solutions are
 * then rationalised (simplest fractions within 1e−9) and checked exactly:
 * when min_j (xᵀA)ⱼ = max_i (Ay)ᵢ holds exactly, the exact value and
 * strategies are reported as well.
 */
import { getHighs } from '../../../core/highs.js';
import { badInput } from '../../../core/errors.js';
import { bimatrix, constantSum, type NormalFormGame } from './game.js';
import { Fraction, formatRational } from '../../../core/rational.js';

export interface ZeroSumSolution {
  /** Value of the game to player 1 (payoff units). */
  readonly value: number;
  /** The constant sum of the two players' payoffs (0 for zero-sum). */
  readonly total: number;
  /** Optimal (maximin) strategy of player 1 and (minimax) strategy of player 2. */
  readonly strategies: [number[], number[]];
  /** Exact value and strategies when the rationalised LP solution checks exactly. */
  readonly exact?: { value: string; strategies: [string[], string[]] };
}

function lpForPlayer(M: number[][], maximise: boolean): string {
  const rows = M.length;
  const cols = M[0]!.length;
  const term = (c: number, name: string) => `${c < 0 ? '-' : '+'} ${Math.abs(c)} ${name}`;
  const lines = [maximise ? 'Maximize' : 'Minimize', ' obj: + 1 v', 'Subject To'];
  // maximise: columns are constraints over the row variables x (M is A^T); minimise: rows of A over y.
  for (let r = 0; r < rows; r++) {
    const lhs = M[r]!.map((c, k) => term(c, `z${k}`)).join(' ');
    lines.push(` c${r}: ${lhs} - 1 v ${maximise ? '>=' : '<='} 0`);
  }
  lines.push(` s: ${Array.from({ length: cols }, (_, k) => `+ 1 z${k}`).join(' ')} = 1`);
  lines.push('Bounds', ' v free', 'End');
  return lines.join('\n');
}

function rationalise(p: readonly number[]): Fraction[] {
  const r = p.map((x) => new Fraction(Math.max(0, x)).simplify(1e-9));
  const sum = r.reduce((a, b) => a.add(b), new Fraction(0));
  return sum.n === 0n ? r : r.map((x) => x.div(sum));
}

/**
 * Value and optimal strategies of a two-player constant-sum game (e.g.
 * zero-sum), by linear programming on HiGHS; the value is in payoff units.
 *
 * @throws {ConcertError} bad input (path `['game']`) when the game does not
 *   have two players or its payoffs do not add up to the same total in every
 *   cell.
 * @example
 * (await zeroSumSolution(bimatrixGame([[1, -1], [-1, 1]]))).value; // => 0: matching pennies
 */
export async function zeroSumSolution(game: NormalFormGame): Promise<ZeroSumSolution> {
  if (game.players.length !== 2)
    throw badInput({
      path: ['game'],
      message: `the zero-sum value needs a two-player game (this one has ${game.players.length})`,
    });
  const total = constantSum(game);
  if (total === undefined) {
    throw badInput({
      path: ['game'],
      message:
        'the game is not constant-sum: the players\u2019 payoffs do not add up to the same total in every cell',
    });
  }
  const { A } = bimatrix(game);
  const Af = A.map((r) => r.map((x) => x.valueOf()));
  const m = Af.length;
  const n = Af[0]!.length;
  const At = Array.from({ length: n }, (_, j) => Array.from({ length: m }, (_, i) => Af[i]![j]!));
  const highs = await getHighs();
  const solveFor = (M: number[][], maximise: boolean, size: number) => {
    const sol = highs.solve(lpForPlayer(M, maximise));
    if (sol.Status !== 'Optimal') throw new Error(`HiGHS: zero-sum LP ended with status ${sol.Status}`);
    const z = Array.from({ length: size }, (_, k) => {
      const col = sol.Columns[`z${k}`] as { Primal?: number } | undefined;
      return Math.max(0, col?.Primal ?? 0);
    });
    const s = z.reduce((a, b) => a + b, 0);
    return { value: sol.ObjectiveValue, strategy: z.map((x) => x / s) };
  };
  const row = solveFor(At, true, m);
  const col = solveFor(Af, false, n);
  const x = rationalise(row.strategy);
  const y = rationalise(col.strategy);
  let guaranteed: Fraction | undefined;
  for (let j = 0; j < n; j++) {
    const v = x.reduce((acc, xi, i) => acc.add(xi.mul(A[i]![j]!)), new Fraction(0));
    if (guaranteed === undefined || v.lt(guaranteed)) guaranteed = v;
  }
  let conceded: Fraction | undefined;
  for (let i = 0; i < m; i++) {
    const v = y.reduce((acc, yj, j) => acc.add(yj.mul(A[i]![j]!)), new Fraction(0));
    if (conceded === undefined || v.gt(conceded)) conceded = v;
  }
  const exact =
    guaranteed && conceded && guaranteed.equals(conceded)
      ? {
          value: formatRational(guaranteed),
          strategies: [x.map(formatRational), y.map(formatRational)] as [string[], string[]],
        }
      : undefined;
  const base: ZeroSumSolution = {
    value: exact ? guaranteed!.valueOf() : row.value,
    total: total.valueOf(),
    strategies: exact ? [x.map((v) => v.valueOf()), y.map((v) => v.valueOf())] : [row.strategy, col.strategy],
  };
  return exact ? { ...base, exact } : base;
}
