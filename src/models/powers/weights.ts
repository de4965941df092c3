/**
 * The text form of composite-index weights, `military=2,economic=1`, as the
 * CLI's `--weights` and the API's `weights` take it.
 */
import { ConcertError, type Problem } from '../../core/errors.js';
import { DIMENSIONS, type Dimension, type Weights } from './composite.js';

/**
 * Parses `DIMENSION=WEIGHT,…` into composite weights; dimensions not named
 * get 0.
 *
 * @throws {ConcertError} bad input (path `[]`, for the caller to root at its
 *   flag or field) for an unknown dimension, a weight that is not a
 *   non-negative number, or weights that are all 0.
 * @example
 * parseWeights('military=2,economic=1'); // => {military: 2, economic: 1, demographic: 0, nuclear: 0, diplomatic: 0}
 */
export function parseWeights(text: string): Weights {
  const weights: Record<Dimension, number> = {
    military: 0,
    economic: 0,
    demographic: 0,
    nuclear: 0,
    diplomatic: 0,
  };
  const problems: Problem[] = [];
  for (const part of text.split(',')) {
    const m = /^\s*([a-z]+)\s*=\s*([^\s]+)\s*$/.exec(part);
    const name = m?.[1] as Dimension | undefined;
    const value = Number(m?.[2]);
    if (!m || !name || !DIMENSIONS.includes(name)) {
      problems.push({
        path: [],
        message: `"${part.trim()}": expected DIMENSION=WEIGHT with DIMENSION one of ${DIMENSIONS.join(', ')}`,
      });
    } else if (!Number.isFinite(value) || value < 0) {
      problems.push({ path: [], message: `${name}: expected a non-negative number, got "${m[2]}"` });
    } else weights[name] = value;
  }
  if (problems.length === 0 && DIMENSIONS.every((d) => weights[d] === 0))
    problems.push({ path: [], message: 'at least one weight must be positive' });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  return weights;
}
