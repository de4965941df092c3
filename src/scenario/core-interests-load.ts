/**
 * The core-interest data a scenario bargains over (issue 17): the shipped
 * data/core-interests-2017.yaml (models/bargaining's format, every value a
 * sourced assumption with a plausible range), restricted to the scenario's
 * actors that it has. Read once per process, at load time.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseBargaining } from '../models/bargaining/read.js';
import type { BargainingProblem } from '../models/bargaining/schema.js';
import type { CoreInterests } from './core-interests.js';

/** The shipped core-interest file. */
export const CORE_INTERESTS_FILE = new URL('../../data/core-interests-2017.yaml', import.meta.url);
/** How messages and the prepared scenario name it. */
export const CORE_INTERESTS_NAME = 'data/core-interests-2017.yaml';

let cached: BargainingProblem | undefined;

/** The shipped core-interest problem (parsed and validated once). */
export function coreInterestProblem(): BargainingProblem {
  cached ??= parseBargaining(readFileSync(fileURLToPath(CORE_INTERESTS_FILE), 'utf8'), CORE_INTERESTS_NAME);
  return cached;
}

/**
 * The core-interest issues among `actors` (the scenario's, in order): the
 * actors the data has take part, the others do not; undefined when fewer than
 * two take part. Values on the 0–1 scale.
 */
export function coreInterestsOf(
  actors: readonly string[],
  problem: BargainingProblem = coreInterestProblem(),
): CoreInterests | undefined {
  const byId = new Map(problem.actors.map((a) => [a.id, a]));
  const members: number[] = [];
  actors.forEach((id, i) => {
    if (byId.has(id)) members.push(i);
  });
  if (members.length < 2) return undefined;
  const chosen = members.map((i) => byId.get(actors[i]!)!);
  const k = problem.dimensions.length;
  const position: number[] = [];
  const salience: number[] = [];
  const positionRange: number[] = [];
  const salienceRange: number[] = [];
  for (const a of chosen) {
    for (let d = 0; d < k; d++) {
      const x = a.position[d]! / 100;
      const s = a.salience[d]! / 100;
      position.push(x);
      salience.push(s);
      const pr = a.positionRange?.[d];
      const sr = a.salienceRange?.[d];
      positionRange.push(pr ? pr[0] / 100 : x, pr ? pr[1] / 100 : x);
      salienceRange.push(sr ? sr[0] / 100 : s, sr ? sr[1] / 100 : s);
    }
  }
  const m = chosen.length;
  let accommodation: number[] | null = null;
  const index = new Map(chosen.map((a, p) => [a.id, p]));
  const pairs = problem.accommodation.filter((p) => index.has(p.actor) && index.has(p.toward));
  if (pairs.length > 0) {
    accommodation = Array.from({ length: m * m }, (_, x) => (Math.floor(x / m) === x % m ? 1 : 0));
    for (const p of pairs) accommodation[index.get(p.actor)! * m + index.get(p.toward)!] = p.rate;
  }
  return {
    file: CORE_INTERESTS_NAME,
    members,
    actors: chosen.map((a) => a.id),
    dimensions: problem.dimensions.map((d) => d.id),
    capability: chosen.map((a) => a.capability),
    position,
    salience,
    positionRange,
    salienceRange,
    accommodation,
    options: problem.options,
  };
}
