/**
 * Strategic triangles among three actors (Dittmer 1981, "The Strategic
 * Triangle: An Elementary Game-Theoretical Analysis", World Politics,
 * doi:10.2307/2010133), read through the sign of each bilateral relation.
 *
 * Only what the abstract supports is encoded: the three pattern types
 * ménage à trois (mutually positive relations among all three), stable
 * marriage (a bilateral relationship excluding the third) and romantic
 * triangle (one pivot player playing off two suitors). Their mapping to
 * sign patterns (+++, +−−, ++−) is derived with the triad rule of structural
 * balance. The all-hostile pattern (−−−) is named descriptively: Dittmer's own
 * "unit veto" definition was not read, so it is not claimed.
 */
import { ConcertError, type Problem, previewIds } from '../../core/errors.js';
import { edgeIndex, pairKey, type SignedNetwork } from './network.js';

/** Triangle configurations: Dittmer's three patterns, all-hostile, and open triads. */
export type TriangleConfiguration =
  | 'menage-a-trois'
  | 'romantic-triangle'
  | 'stable-marriage'
  | 'all-hostile'
  | 'open';

/**
 * Positions: `pivot` and `suitor` in a romantic triangle; `partner` (of the
 * marriage) and `isolated` (the excluded third) in a stable marriage;
 * `friend` in a ménage à trois; `isolated` for every actor in an all-hostile
 * triangle; in an open triad (a neutral pair) `pivot` when the actor is
 * friendly with both others, `isolated` when hostile to both, else `open`.
 */
export type TriangleRole = 'pivot' | 'suitor' | 'partner' | 'friend' | 'isolated' | 'open';

/** A strategic triangle: the three relations, their signs and each actor's position. */
export interface StrategicTriangle {
  readonly actors: readonly [string, string, string];
  /** Relation scores of (A,B), (A,C), (B,C); 0 where neutral or absent. */
  readonly scores: readonly [number, number, number];
  /** Signs of (A,B), (A,C), (B,C): 1, −1, or 0 for neutral/absent. */
  readonly signs: readonly [number, number, number];
  /** Whether the product of the signs is positive; `null` for an open triad. */
  readonly balanced: boolean | null;
  readonly configuration: TriangleConfiguration;
  readonly roles: readonly { readonly id: string; readonly role: TriangleRole }[];
  /**
   * The actor (if any) whose relations with both others are closer than their
   * relation with each other — the position Kissinger described ("closer
   * relations with each side than they did with each other", quoted in
   * Hallenberg & Karlsson). Uses scores, so it also reads weighted ties.
   */
  readonly pivot: string | null;
}

/**
 * Classifies the triangle of actors (a, b, c) in a network (Dittmer 1981):
 * configuration, balance, each actor's role and the pivot.
 *
 * @throws {ConcertError} bad input when an id is not a node of the network
 *   (path `['a']`, `['b']` or `['c']`) or repeats an earlier one.
 * @example
 * strategicTriangle(net, 'USA', 'CHN', 'RUS').configuration; // e.g. 'stable-marriage'
 */
export function strategicTriangle(net: SignedNetwork, a: string, b: string, c: string): StrategicTriangle {
  const problems: Problem[] = [];
  const ids = [a, b, c];
  ids.forEach((id, i) => {
    const path = [['a', 'b', 'c'][i]!];
    if (!net.nodes.includes(id))
      problems.push({ path, message: `unknown actor "${id}": expected one of ${previewIds(net.nodes)}` });
    else if (ids.indexOf(id) !== i)
      problems.push({ path, message: `"${id}" is given twice: expected three different actors` });
  });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  const index = edgeIndex(net);
  const idx = [a, b, c].map((id) => net.nodes.indexOf(id)) as [number, number, number];
  const score = (i: number, j: number): number => {
    const k = index.get(pairKey(i, j));
    return k === undefined ? 0 : net.edges[k]!.weight;
  };
  const scores = [score(idx[0], idx[1]), score(idx[0], idx[2]), score(idx[1], idx[2])] as const;
  return classifyTriangle([a, b, c], scores);
}

/** Classification of a triangle from its three relation scores (A,B), (A,C), (B,C). */
export function classifyTriangle(
  actors: readonly [string, string, string],
  scores: readonly [number, number, number],
): StrategicTriangle {
  const signs = scores.map((s) => Math.sign(s) + 0) as [number, number, number];
  // ties of actor 0: (AB, AC); actor 1: (AB, BC); actor 2: (AC, BC); opposite pair of each actor.
  const ties = [
    [signs[0], signs[1]],
    [signs[0], signs[2]],
    [signs[1], signs[2]],
  ] as const;
  const oppositeScore = [scores[2], scores[1], scores[0]] as const;
  const tieScores = [
    [scores[0], scores[1]],
    [scores[0], scores[2]],
    [scores[1], scores[2]],
  ] as const;
  const positives = signs.filter((s) => s > 0).length;
  const negatives = signs.filter((s) => s < 0).length;
  let configuration: TriangleConfiguration;
  if (positives + negatives < 3) configuration = 'open';
  else if (positives === 3) configuration = 'menage-a-trois';
  else if (positives === 2) configuration = 'romantic-triangle';
  else if (positives === 1) configuration = 'stable-marriage';
  else configuration = 'all-hostile';
  const roleOf = (i: 0 | 1 | 2): TriangleRole => {
    const [s, t] = ties[i];
    switch (configuration) {
      case 'menage-a-trois':
        return 'friend';
      case 'romantic-triangle':
        return s > 0 && t > 0 ? 'pivot' : 'suitor';
      case 'stable-marriage':
        return s < 0 && t < 0 ? 'isolated' : 'partner';
      case 'all-hostile':
        return 'isolated';
      default:
        return s > 0 && t > 0 ? 'pivot' : s < 0 && t < 0 ? 'isolated' : 'open';
    }
  };
  // At most one actor can satisfy the strict inequalities.
  const pivot = ([0, 1, 2] as const).find(
    (i) => tieScores[i][0] > oppositeScore[i] && tieScores[i][1] > oppositeScore[i],
  );
  return {
    actors: [...actors] as [string, string, string],
    scores: [...scores] as [number, number, number],
    signs,
    balanced: configuration === 'open' ? null : signs[0] * signs[1] * signs[2] > 0,
    configuration,
    roles: ([0, 1, 2] as const).map((i) => ({ id: actors[i], role: roleOf(i) })),
    pivot: pivot === undefined ? null : actors[pivot],
  };
}
