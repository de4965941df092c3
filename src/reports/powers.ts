/**
 * The national-power report: `concert powers --json` and GET /api/powers
 * (models/powers; docs/models/powers.md).
 */
import { DEFAULT_MAJOR_OPTIONS, type PowerRankingOptions, powerRanking } from '../models/powers/index.js';
import type { World } from '../world/index.js';
import type { Document } from './document.js';
import type { PowerRankingSchema } from './schemas/powers.js';

export type PowerRankingDocument = Document<typeof PowerRankingSchema>;

/**
 * Ranks the world's states by national power and classifies major powers
 * (`powerRanking`), keeping the `top` strongest in `actors` (all when
 * omitted); concentration is always over every ranked state.
 */
export function powersReport(
  world: World,
  options: PowerRankingOptions = {},
  top?: number,
): PowerRankingDocument {
  const ranking = powerRanking(world, options);
  return {
    year: ranking.year,
    index: ranking.index,
    actors: top === undefined ? ranking.actors : ranking.actors.slice(0, top),
    concentration: ranking.concentration,
    rankedStates: ranking.actors.length,
    classifier: { ...DEFAULT_MAJOR_OPTIONS, ...options.majors },
    cowMajors: Object.entries(world.actors)
      .filter(([, a]) => a.cowMajor)
      .map(([id]) => id),
  };
}
