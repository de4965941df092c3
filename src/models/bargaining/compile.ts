/**
 * From a validated problem (0–100 scale) to the model and its initial state
 * (KTAB's internal 0–1 scale: positions and saliences divided by 100, as
 * KTAB's readers do).
 */
import type { BargainingModel, BargainingState } from './model.js';
import { initialState } from './model.js';
import type { BargainingProblem } from './schema.js';

/**
 * The model and the state a run starts from. With no accommodation pairs the
 * accommodation matrix is the identity (ideals are positions); pairs set
 * entries of the identity, as KTAB's XML reader does.
 *
 * @example
 * const { model, state } = compileBargaining(problem);
 */
export function compileBargaining(problem: BargainingProblem): {
  model: BargainingModel;
  state: BargainingState;
} {
  const n = problem.actors.length;
  const k = problem.dimensions.length;
  const capability = new Float64Array(n);
  const salience = new Float64Array(n * k);
  const positions = new Float64Array(n * k);
  problem.actors.forEach((a, i) => {
    capability[i] = a.capability;
    for (let d = 0; d < k; d++) {
      salience[i * k + d] = a.salience[d]! / 100;
      positions[i * k + d] = a.position[d]! / 100;
    }
  });
  let accommodation: Float64Array | null = null;
  if (problem.accommodation.length > 0) {
    const index = new Map(problem.actors.map((a, i) => [a.id, i]));
    accommodation = new Float64Array(n * n);
    for (let i = 0; i < n; i++) accommodation[i * n + i] = 1;
    for (const p of problem.accommodation)
      accommodation[index.get(p.actor)! * n + index.get(p.toward)!] = p.rate;
    let identity = true;
    for (let i = 0; i < n && identity; i++)
      for (let j = 0; j < n; j++) if (accommodation[i * n + j] !== (i === j ? 1 : 0)) identity = false;
    if (identity) accommodation = null;
  }
  return {
    model: {
      actors: problem.actors.map((a) => a.id),
      dimensions: problem.dimensions.map((d) => d.id),
      capability,
      salience,
      accommodation,
      options: problem.options,
    },
    state: initialState(positions),
  };
}
