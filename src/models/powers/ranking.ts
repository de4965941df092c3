/**
 * The power ranking of a world: an index (CINC or composite), each state's
 * share and rank, major-power flags with reasons, and the concentration of
 * the distribution. This is what `concert powers` prints.
 */
import { badInput, ConcertError, type Problem } from '../../core/errors.js';
import type { ActorId, World } from '../../world/index.js';
import { cincScores } from './cinc.js';
import { compositeScores, DEFAULT_WEIGHTS, DIMENSIONS, type Weights } from './composite.js';
import { type Concentration, concentration } from './concentration.js';
import { classifyMajors, type MajorClassifierOptions } from './majors.js';

export type PowerIndex = 'cinc' | 'composite';

export interface RankedActor {
  readonly id: ActorId;
  readonly name: string;
  /** The index value (CINC, or the composite's weighted mean of dimension shares). */
  readonly value: number;
  /** value / Σ value over all ranked states. */
  readonly share: number;
  /** 1 = strongest; equal values share a rank (1, 2, 2, 4). */
  readonly rank: number;
  /** Major power by the data-driven classifier. */
  readonly major: boolean;
  /** Major power on COW's official list for the year. */
  readonly cowMajor: boolean;
  /** Why the classifier put the state in or out, then notes on missing data. */
  readonly reasons: string[];
}

export interface PowerRanking {
  readonly year: number;
  readonly index: PowerIndex;
  readonly actors: RankedActor[];
  readonly concentration: { readonly con: number; readonly hhi: number; readonly effectivePoles: number };
}

export interface PowerRankingOptions {
  readonly index?: PowerIndex;
  /** Composite weights (ignored for CINC). */
  readonly weights?: Weights;
  readonly majors?: MajorClassifierOptions;
}

/**
 * Ranks every actor that has a value of the chosen index, classifies major
 * powers ({@link classifyMajors}) and measures concentration
 * ({@link concentration}) over all ranked actors. Actors with no data for the
 * index (no NMC capabilities for CINC; for the composite, no data on any
 * weighted dimension) are left out. Values are the index's (CINC: share of
 * the system's capabilities; composite: weighted mean of dimension shares).
 *
 * @throws {ConcertError} bad input for an unknown index (path `['index']`), a
 *   weight that is negative or not finite (`['weights', dimension]`), or a
 *   world in which no actor has a positive value (`['world', 'actors']`, or
 *   `['weights']` when the weights leave every actor at 0).
 * @example
 * powerRanking(loadDefaultWorld()).actors[0].id; // the top-ranked actor by CINC
 */
export function powerRanking(world: World, options: PowerRankingOptions = {}): PowerRanking {
  const index = options.index ?? 'cinc';
  const weights = options.weights ?? DEFAULT_WEIGHTS;
  const problems: Problem[] = [];
  if (index !== 'cinc' && index !== 'composite')
    problems.push({ path: ['index'], message: `unknown index "${index}": expected cinc or composite` });
  for (const d of DIMENSIONS)
    if (!(Number.isFinite(weights[d]) && weights[d] >= 0))
      problems.push({ path: ['weights', d], message: `expected a weight ≥ 0; got ${weights[d]}` });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  const scores: { id: ActorId; value: number; notes: string[] }[] =
    index === 'cinc'
      ? cincScores(world).flatMap((s) =>
          s.cinc === null
            ? []
            : [
                {
                  id: s.id,
                  value: s.cinc,
                  notes:
                    s.componentsUsed < 6
                      ? [`CINC is the mean of the ${s.componentsUsed} NMC components reported`]
                      : [],
                },
              ],
        )
      : compositeScores(world, weights).flatMap((s) =>
          s.value === null
            ? []
            : [
                {
                  id: s.id,
                  value: s.value,
                  notes: DIMENSIONS.filter((d) => weights[d] > 0 && s.dimensions[d] === null).map(
                    (d) => `no ${d} data: that dimension is left out of this state's weighted mean`,
                  ),
                },
              ],
        );
  const total = scores.reduce((sum, s) => sum + s.value, 0);
  if (scores.length === 0) {
    throw badInput({
      path: ['world', 'actors'],
      message: `no actor has data for the ${index} index (${index === 'cinc' ? 'NMC capabilities' : 'capabilities or GDP'}); nothing to rank`,
    });
  }
  if (!(total > 0)) {
    throw badInput({
      path: index === 'composite' ? ['weights'] : ['world', 'actors'],
      message: `every actor's ${index} value is 0${index === 'composite' ? ' with these weights (no actor has data on a weighted dimension)' : ''}; nothing to rank`,
    });
  }
  scores.sort((x, y) => y.value - x.value || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const withShares = scores.map((s) => ({ ...s, share: s.value / total }));
  const classification = classifyMajors(withShares, options.majors);
  const conc: Concentration = concentration(scores.map((s) => s.value));
  let rank = 0;
  const actors = withShares.map((s, i) => {
    if (i === 0 || s.value !== withShares[i - 1]?.value) rank = i + 1;
    const actor = world.actors[s.id];
    const verdict = classification.verdicts[i];
    return {
      id: s.id,
      name: actor?.name ?? s.id,
      value: s.value,
      share: s.share,
      rank,
      major: verdict?.major ?? false,
      cowMajor: actor?.cowMajor ?? false,
      reasons: [...(verdict?.reasons ?? []), ...s.notes],
    };
  });
  return {
    year: world.year,
    index,
    actors,
    concentration: { con: conc.con, hhi: conc.hhi, effectivePoles: conc.effectivePoles },
  };
}
