/**
 * A prepared scenario: a validated scenario file with its world resolved and
 * its actors chosen. Plain data (structured-clone safe), so that it can be
 * sent to worker threads and hashed to identify an ensemble.
 */
import type { World } from '../world/schema.js';
import type { CoreInterests } from './core-interests.js';
import type { DesignSpec } from './design.js';
import type { RawParameters } from './params.js';
import type { IndicatorName, ScenarioEvent, Uncertain, Years } from './schema.js';

export interface Scenario {
  readonly name: string;
  readonly description: string;
  /** The simulated actors, in order (state arrays follow this order). */
  readonly actors: readonly string[];
  readonly years: Years;
  /** The starting world (relation overrides applied). */
  readonly world: World;
  /** Per-actor starting figures that replace the world's. */
  readonly overrides: Readonly<Record<string, { readonly gdpUsd?: number; readonly milexUsd?: number }>>;
  readonly events: readonly ScenarioEvent[];
  readonly uncertain: readonly Uncertain[];
  /** Parameter blocks as written (defaults are filled per run, after the uncertain draws). */
  readonly raw: RawParameters;
  readonly ensemble: { readonly runs: number; readonly seed: number };
  /**
   * The core-interest issues its actors bargain over (those of its actors the
   * data has; undefined when fewer than two): docs/models/scenario.md, step `bargaining`.
   */
  readonly coreInterests?: CoreInterests;
  /**
   * A sensitivity design (docs/models/sensitivity.md): when set, run r is
   * row r of the design — its factors set to the row's quantiles, its random
   * numbers those of the row's block — instead of a Monte Carlo draw.
   */
  readonly design?: DesignSpec;
  /** Indicators recorded, in output order. */
  readonly indicators: readonly IndicatorName[];
}
