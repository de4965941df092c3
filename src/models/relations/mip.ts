/**
 * The exact frustration index as a binary program on HiGHS (`highs`, WASM):
 * the XOR model of Aref, Mason & Wilson (2020, Networks 75(1):95–110) with the
 * unbalanced-triangle valid inequalities they recommend.
 */

import type { Model } from 'highs';
import type { Highs } from '../../core/highs.js';
import { separateCycleCuts } from './cycle-cuts.js';
import { adjacency, type SignedNetwork } from './network.js';
import { partitionCost } from './partition.js';
import { triangles } from './triads.js';

/** What a solve returned: the best partition found and the proven lower bound. */
export interface MipOutcome {
  /** Cost of the best partition (the incumbent). */
  readonly cost: number;
  readonly side: Uint8Array;
  /** Best proven lower bound on the minimum cost (HiGHS `mip_dual_bound`). */
  readonly lowerBound: number;
  /** Whether HiGHS proved optimality. */
  readonly optimal: boolean;
}

/** More unbalanced triangles than this are not added as cuts (the LP would grow too large). */
const MAX_TRIANGLE_CUTS = 200_000;

/** Rounds of LP solve + odd-cycle separation before branching. */
const MAX_CUT_ROUNDS = 50;

/**
 * Cutting-plane rounds on the LP relaxation: solve it, add the violated odd
 * closed-walk inequalities ({@link separateCycleCuts}), repeat until none is
 * violated, the bound stops moving, it proves `incumbent` optimal (integer
 * costs: ⌈bound⌉ ≥ incumbent), or `stopAtMs` (performance.now()) passes.
 * Returns the last LP bound (a valid lower bound on the minimum).
 */
function addCycleCuts(
  highs: Highs,
  model: Model,
  net: SignedNetwork,
  n: number,
  numCols: number,
  stopAtMs: number,
  incumbent: number,
): number {
  let previous = Number.NEGATIVE_INFINITY;
  for (let round = 0; round < MAX_CUT_ROUNDS; round++) {
    const r = model.run();
    if (r.modelStatus !== highs.constants.modelStatus.optimal) return previous;
    const bound = model.getObjectiveValue();
    if (round > 0 && bound < previous + 1e-6) return previous;
    previous = bound;
    if (Math.ceil(bound - 1e-6) >= incumbent || performance.now() > stopAtMs) return previous;
    const x = model.getSolution().colValue;
    const cuts = separateCycleCuts(net, x.subarray(n, n + net.edges.length));
    if (cuts.length === 0) return previous;
    const starts = new Int32Array(cuts.length + 1);
    const total = cuts.reduce((s, c) => s + c.edges.length, 0);
    const indices = new Int32Array(total);
    const values = new Float64Array(total);
    let nz = 0;
    cuts.forEach((c, i) => {
      c.edges.forEach((k, j) => {
        indices[nz] = n + k;
        values[nz] = c.coefficients[j]!;
        nz++;
      });
      starts[i + 1] = nz;
    });
    model.addRows({
      lower: Float64Array.from(cuts, (c) => c.lower),
      upper: new Float64Array(cuts.length).fill(highs.infinity),
      matrix: { format: 'csr', numRows: cuts.length, numCols, starts, indices, values },
    });
  }
  return previous;
}

/**
 * Solves min Σ c_e f_e over binary node variables x_i (group) and edge
 * variables f_e ∈ [0, 1] (frustrated), subject to, for a positive edge (i,j):
 * f ≥ x_i − x_j and f ≥ x_j − x_i; for a negative edge: f ≥ x_i + x_j − 1 and
 * f ≥ 1 − x_i − x_j (the XOR model: f = x_i ⊕ x_j ⊕ [σ = −1]). For each
 * unbalanced triangle, f_1 + f_2 + f_3 ≥ 1; then rounds of odd closed-walk
 * inequalities separated on the LP relaxation ({@link separateCycleCuts})
 * before the integer solve. The node of highest degree is
 * fixed to group 1 (the two groups are interchangeable). f need not be
 * declared integer: with x binary the constraints make the optimal f 0 or 1.
 * `start` (a partition) is passed to HiGHS as a MIP start. Uses the
 * persistent HiGHS API, whose `info` exposes `mip_dual_bound`, so a time-limited
 * solve still reports a proven bound.
 */
export function solveFrustrationMip(
  highs: Highs,
  net: SignedNetwork,
  costs: ArrayLike<number>,
  options: { timeLimitS: number; start?: Uint8Array },
): MipOutcome {
  const n = net.nodes.length;
  const m = net.edges.length;
  const adj = adjacency(net);
  let root = 0;
  for (let v = 1; v < n; v++) {
    if (adj.offsets[v + 1]! - adj.offsets[v]! > adj.offsets[root + 1]! - adj.offsets[root]!) root = v;
  }
  const cuts = triangles(net).filter((t) => {
    let neg = 0;
    for (const e of t.edges) if (net.edges[e]!.weight < 0) neg++;
    return neg % 2 === 1;
  });
  const triangleCuts = cuts.length <= MAX_TRIANGLE_CUTS ? cuts : [];
  const numRows = 2 * m + triangleCuts.length;
  const numCols = n + m;
  const starts = new Int32Array(numRows + 1);
  const indices = new Int32Array(6 * m + 3 * triangleCuts.length);
  const values = new Float64Array(indices.length);
  const rowLower = new Float64Array(numRows);
  const rowUpper = new Float64Array(numRows).fill(highs.infinity);
  let nz = 0;
  let row = 0;
  const put = (col: number, value: number) => {
    indices[nz] = col;
    values[nz] = value;
    nz++;
  };
  net.edges.forEach((e, k) => {
    const f = n + k;
    const positive = e.weight > 0;
    for (const dir of [1, -1]) {
      if (positive) {
        // f − dir·x_a + dir·x_b ≥ 0
        put(e.a, -dir);
        put(e.b, dir);
        put(f, 1);
        rowLower[row] = 0;
      } else {
        // dir=1: f − x_a − x_b ≥ −1; dir=−1: f + x_a + x_b ≥ 1
        put(e.a, -dir);
        put(e.b, -dir);
        put(f, 1);
        rowLower[row] = dir === 1 ? -1 : 1;
      }
      row++;
      starts[row] = nz;
    }
  });
  for (const t of triangleCuts) {
    for (const e of t.edges) put(n + e, 1);
    rowLower[row] = 1;
    row++;
    starts[row] = nz;
  }
  const colCost = new Float64Array(numCols);
  const colLower = new Float64Array(numCols);
  const colUpper = new Float64Array(numCols).fill(1);
  for (let k = 0; k < m; k++) colCost[n + k] = costs[k]!;
  colLower[root] = 1;
  const model = highs.createModel({
    numCols,
    numRows,
    sense: highs.constants.objectiveSense.minimize,
    colCost,
    colLower,
    colUpper,
    rowLower,
    rowUpper,
    matrix: { format: 'csr', numRows, numCols, starts, indices, values },
  });
  try {
    // time_limit is cumulative over this model's runs: the cut rounds and the MIP share it.
    model.options.set({
      time_limit: options.timeLimitS,
      output_flag: false,
      mip_rel_gap: 0,
      mip_abs_gap: 0.5,
    });
    const deadline = performance.now() + 1000 * options.timeLimitS;
    const startCost = options.start ? partitionCost(net, options.start, costs) : Number.POSITIVE_INFINITY;
    const rootBound = addCycleCuts(
      highs,
      model,
      net,
      n,
      numCols,
      deadline - 500 * options.timeLimitS,
      startCost,
    );
    if (options.start && Math.ceil(rootBound - 1e-6) >= startCost) {
      // The LP bound already proves the local-search partition optimal: no branching needed.
      return { cost: startCost, side: options.start.slice(), lowerBound: startCost, optimal: true };
    }
    // Separation runs outside HiGHS's clock: give the MIP only the wall time left.
    model.options.set(
      'time_limit',
      model.getRunTime() + Math.max(0.05, (deadline - performance.now()) / 1000),
    );
    model.changeColsIntegrality(
      { kind: 'range', from: 0, to: n - 1 },
      new Int32Array(n).fill(highs.constants.variableType.integer),
    );
    if (options.start) {
      const flip = options.start[root] === 1 ? 0 : 1;
      const x = new Float64Array(numCols);
      for (let v = 0; v < n; v++) x[v] = flip ? 1 - options.start[v]! : options.start[v]!;
      net.edges.forEach((e, k) => {
        const same = x[e.a] === x[e.b];
        x[n + k] = (e.weight > 0 ? !same : same) ? 1 : 0;
      });
      model.setSolution({ colValue: x });
    }
    const result = model.run();
    const status = result.modelStatus;
    const optimal = status === highs.constants.modelStatus.optimal;
    const solution = model.getSolution();
    const side = new Uint8Array(n);
    for (let v = 0; v < n; v++) side[v] = solution.colValue[v]! > 0.5 ? 1 : 0;
    const cost = partitionCost(net, side, costs);
    const dual = Number(model.info.get('mip_dual_bound'));
    const lowerBound = optimal ? cost : Number.isFinite(dual) ? Math.max(0, dual) : 0;
    return { cost, side, lowerBound: Math.min(lowerBound, cost), optimal };
  } finally {
    model.dispose();
  }
}
