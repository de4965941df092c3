/**
 * A sensitivity design attached to a scenario (docs/models/sensitivity.md,
 * "Scenarios"): its specification and its rows. The engine reads it to set
 * a design run's uncertain parameters (engine.ts); the analysis that runs
 * and reads the design is sensitivity.ts. Kept apart so that worker threads
 * load only this.
 */
import { Rng } from '../core/rng.js';
import { type MorrisDesign, morrisDesign } from '../models/sensitivity/morris.js';
import { type SaltelliDesign, saltelliDesign } from '../models/sensitivity/saltelli.js';

export type SensitivityMethod = 'sobol' | 'morris';

/** What a scenario's ensemble needs to run a design: attached to the scenario as `design`. */
export interface DesignSpec {
  readonly method: SensitivityMethod;
  /** Base points (Sobol') or trajectories (Morris). */
  readonly n: number;
  /** Grid levels of a Morris design. */
  readonly levels: number;
  /** Seeds the Morris trajectories (the ensemble seed). */
  readonly seed: number;
  /** The uncertain parameters varied, in the design's column order. */
  readonly factors: readonly string[];
}

/** A design's rows and blocks. */
export interface DesignTable {
  readonly k: number;
  readonly rows: number;
  /** Rows per block: k + 2 (Saltelli) or k + 1 (Morris trajectory). */
  readonly blockRows: number;
  /** Row-major points in [0, 1]^k. */
  readonly points: Float64Array;
  readonly saltelli?: SaltelliDesign;
  readonly morris?: MorrisDesign;
}

/**
 * The rows of a design (deterministic: the Sobol' sequence, or Morris
 * trajectories from the design's seed).
 */
export function designTable(spec: DesignSpec): DesignTable {
  const k = spec.factors.length;
  if (spec.method === 'sobol') {
    const d = saltelliDesign(k, spec.n);
    return { k, rows: d.rows, blockRows: d.blockRows, points: d.points, saltelli: d };
  }
  const d = morrisDesign(k, spec.n, Rng.fromSeed(spec.seed), { levels: spec.levels });
  // Grid levels 0 … 1 are read as the centres of p equal-probability bins, (j + ½)/p,
  // so that the extreme levels of an unbounded distribution are finite quantiles.
  const p = spec.levels;
  const points = d.points.map((x) => (Math.round(x * (p - 1)) + 0.5) / p);
  return { k, rows: d.rows, blockRows: k + 1, points, morris: d };
}

/** Most design tables a thread keeps (engine caches). */
export const DESIGNS_PER_THREAD = 4;

/** The design's table from `memo` (by the spec's JSON), computed once per thread. */
export function cachedDesignTable(memo: Map<string, DesignTable>, spec: DesignSpec): DesignTable {
  const key = JSON.stringify(spec);
  let t = memo.get(key);
  if (!t) {
    if (memo.size >= DESIGNS_PER_THREAD) memo.clear();
    t = designTable(spec);
    memo.set(key, t);
  }
  return t;
}

/** The random-stream index of design row `row`: its block (rows of a block share their random numbers). */
export function designStream(table: DesignTable, row: number): number {
  return Math.floor(row / table.blockRows);
}

/**
 * The quantile u ∈ (0, 1) of each factor in design row `row`, by parameter path.
 *
 * @throws {RangeError} for a row outside the design (an ensemble's run count is the design's row count)
 */
export function designQuantiles(spec: DesignSpec, table: DesignTable, row: number): Map<string, number> {
  if (!(row >= 0 && row < table.rows)) throw new RangeError(`design row ${row} outside 0…${table.rows - 1}`);
  const out = new Map<string, number>();
  for (const [j, parameter] of spec.factors.entries()) out.set(parameter, table.points[row * table.k + j]!);
  return out;
}
