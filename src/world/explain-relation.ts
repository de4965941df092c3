/**
 * Why two states of the default world relate as they do: the evidence, the
 * components and the score of the relation rule for one pair in one year,
 * including pairs without a tie (neutral, with their UNGA voting shown).
 */
import { ConcertError, type Problem, previewIds } from '../core/errors.js';
import { loadDefaultWorld } from './default.js';
import {
  RELATION_RULE,
  type RelationRule,
  relationComponents,
  type ScoredPair,
  scorePair,
} from './default-relations.js';
import { loadWorldInputs } from './inputs.js';
import { tiedPairs, ungaVotesOf, withUnga } from './relation-evidence.js';
import type { RelationComponent } from './schema.js';
import { loadUngaInputs, ungaYearRange } from './unga-inputs.js';

export interface RelationExplanation {
  readonly year: number;
  readonly rule: string;
  readonly actors: readonly [
    { readonly id: string; readonly name: string },
    { readonly id: string; readonly name: string },
  ];
  /** Whether the pair has a tie (obligation, dispute within the horizon or rivalry); untied pairs are neutral. */
  readonly tied: boolean;
  readonly eta: number;
  readonly score: number;
  readonly kind: ScoredPair['kind'];
  readonly components: readonly RelationComponent[];
  /** Years the UNGA component can draw on. */
  readonly ungaYears: { readonly first: number; readonly last: number };
}

/**
 * The relation of actors `a` and `b` in the default world of `year`
 * (1816–2016), component by component.
 *
 * @throws {ConcertError} bad input at `year` for a year without a default
 *   world, at `a` or `b` for an id that is not a state of that world (or the
 *   same id twice).
 * @example
 * explainRelation({ year: 2016, a: 'CHN', b: 'RUS' }).kind; // => 'partnership'
 */
export function explainRelation(
  query: { readonly year: number; readonly a: string; readonly b: string },
  rule: RelationRule = RELATION_RULE,
): RelationExplanation {
  const world = loadDefaultWorld({ year: query.year });
  const problems: Problem[] = [];
  for (const side of ['a', 'b'] as const) {
    const id = query[side];
    if (!world.actors[id]?.cowCode)
      problems.push({
        path: [side],
        message: `unknown actor "${id}" in the default world of ${query.year}: expected one of ${previewIds(Object.keys(world.actors))}`,
      });
  }
  if (problems.length === 0 && query.a === query.b)
    problems.push({ path: ['b'], message: `"${query.b}" is given twice: expected two different actors` });
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  const [ca, cb] = [world.actors[query.a]!.cowCode!, world.actors[query.b]!.cowCode!];
  const inputs = loadWorldInputs();
  const unga = loadUngaInputs();
  const lo = Math.min(ca, cb);
  const hi = Math.max(ca, cb);
  // All the year's states: an ATOP obligation's instrument size is read from the partners the two share.
  const members = new Set(Object.values(world.actors).flatMap((x) => (x.cowCode ? [x.cowCode] : [])));
  const evidence = tiedPairs(inputs, query.year, members, rule.evidence).get(lo * 10000 + hi) ?? {
    ccodes: [lo, hi] as const,
    obligations: [],
    disputes: [],
    rivalries: [],
  };
  const scored = scorePair(withUnga(evidence, unga, query.year, ungaVotesOf(unga, query.year)), rule);
  const round = (x: number, k: number) => Math.round(x * 10 ** k) / 10 ** k || 0;
  return {
    year: query.year,
    rule: rule.id,
    actors: [
      { id: query.a, name: world.actors[query.a]!.name },
      { id: query.b, name: world.actors[query.b]!.name },
    ],
    tied: scored.tied,
    eta: round(scored.eta, 4),
    score: round(scored.score, 2),
    kind: scored.kind,
    components: relationComponents(scored, query.year, rule),
    ungaYears: ungaYearRange(unga),
  };
}
