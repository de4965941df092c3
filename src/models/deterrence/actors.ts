/**
 * The nuclear actors of a world, who can reach whom, and the check of the
 * two actor ids that the exchange and the dyad are given.
 */
import { ConcertError, type FieldPath, type Problem, previewIds } from '../../core/errors.js';
import type { Actor, World } from '../../world/schema.js';

/**
 * Actors with at least one deployed warhead (launchers × warheads per
 * launcher > 0 for some system), sorted by id.
 *
 * @example
 * nuclearActors(loadDefaultWorld()); // => ['CHN', 'FRA', 'GBR', 'IND', 'ISR', 'PAK', 'PRK', 'RUS', 'USA']
 */
export function nuclearActors(world: World): string[] {
  return Object.entries(world.actors)
    .filter(([, a]) =>
      Object.values(a.forces?.systems ?? {}).some((s) => s.launchers * s.warheadsPerLauncher > 0),
    )
    .map(([id]) => id)
    .sort();
}

/**
 * Whether some armed system of `from` can reach `to` (a system without a
 * `reaches` list reaches everyone). False for an id that is not in the world.
 */
export function canReach(world: World, from: string, to: string): boolean {
  return Object.values(world.actors[from]?.forces?.systems ?? {}).some(
    (s) => s.launchers * s.warheadsPerLauncher > 0 && (s.reaches === undefined || s.reaches.includes(to)),
  );
}

/**
 * The two actors of an exchange or a dyad, checked: each id must be an actor
 * of the world (an own key of `world.actors`) and the two must differ.
 * `paths` locate the two ids among the caller's parameters.
 *
 * @throws {ConcertError} bad input naming each unknown id (`unknown actor
 *   "XXX": expected one of the nuclear actors CHN, FRA, …`) or the second id
 *   when both are the same actor.
 */
export function checkActors(
  world: World,
  a: string,
  b: string,
  paths: readonly [FieldPath, FieldPath],
): [Actor, Actor] {
  const actorA = Object.hasOwn(world.actors, a) ? world.actors[a] : undefined;
  const actorB = Object.hasOwn(world.actors, b) ? world.actors[b] : undefined;
  if (actorA && actorB && a !== b) return [actorA, actorB];
  const problems: Problem[] = [];
  const armed = nuclearActors(world);
  const expected =
    armed.length > 0
      ? `expected one of the nuclear actors ${previewIds(armed)}`
      : 'this world has no nuclear actors';
  if (!actorA) problems.push({ path: paths[0], message: `unknown actor "${a}": ${expected}` });
  if (!actorB) problems.push({ path: paths[1], message: `unknown actor "${b}": ${expected}` });
  if (problems.length === 0)
    problems.push({
      path: paths[1],
      message: `expected an actor other than "${a}": a dyad needs two actors`,
    });
  throw new ConcertError('bad-input', problems);
}
