/**
 * The relation rule of the embedded default world (`concert-relations-v2`):
 * how alliance obligations, militarized disputes, strategic rivalries and UN
 * General Assembly voting in the reference data become one signed score and
 * a kind per pair of states in a year, with every component and its sources
 * kept on the relation.
 *
 * The score is Concert's relation model (models/relations/relation-score.ts):
 * score = tanh(η/2), η = intercept + Σ component contributions, a logistic
 * model of the relation's sign whose weights were chosen by agreement with the
 * Doreian–Mrvar signed networks 1946–1999 (src/world/fit-relations.ts;
 * docs/models/relations.md gives the fit, the held-out agreement and a
 * face-validity table).
 */
import {
  type RelationFeatures,
  type RelationWeights,
  relationKindOf,
  relationPredictor,
  relationScore,
  relationTerms,
} from '../models/relations/relation-score.js';
import type { WorldInputs } from './inputs.js';
import {
  type EvidenceParameters,
  type PairEvidence,
  relationFeatures,
  tiedPairs,
  ungaVotesOf,
  withUnga,
} from './relation-evidence.js';
import type { Relation, RelationComponent, RelationKind } from './schema.js';
import type { UngaInputs } from './unga-inputs.js';

export { relationKindOf } from '../models/relations/relation-score.js';

/** Identifier written into every derived relation's `source`. */
export const RELATION_RULE_ID = 'concert-relations-v2';

/** The whole rule: how evidence is weighed and the model's weights. */
export interface RelationRule {
  readonly id: string;
  readonly evidence: EvidenceParameters;
  readonly weights: RelationWeights;
}

/**
 * The rule's parameters. `evidence` and `weights` were chosen by
 * `npx tsx src/world/fit-relations.ts` (run of 2026-12-04: logistic fit on the
 * odd Doreian–Mrvar windows 1947–50 … 1995–98; of the 108 evidence settings,
 * the one with the highest training agreement, 96.4 %, among those passing
 * the 2016 face-validity list; docs/models/relations.md); the kind thresholds
 * are modelling assumptions (RELATION_KIND_THRESHOLDS).
 */
export const RELATION_RULE: RelationRule = {
  id: RELATION_RULE_ID,
  evidence: {
    midHalfLifeYears: 2,
    midHorizonYears: 10,
    unreciprocatedFactor: 0.5,
    joinerFactor: 1,
    multilateralSize: 32,
  },
  weights: {
    intercept: 1.268,
    defense: 1.912,
    neutrality: 1.892,
    consultation: 0.32,
    disputesThreat: -11.875,
    disputesForce: -12.432,
    disputesWar: -5.329,
    disputesFatal: -3.178,
    rivalry: -1.43,
    idealPointDistance: -0.378,
    idealPointReference: 0.633,
    tradeDependence: 0,
  },
};

/** A scored pair: its evidence, features, the model's terms, score and kind. */
export interface ScoredPair {
  readonly evidence: PairEvidence;
  readonly features: RelationFeatures;
  /** Linear predictor η = intercept + Σ contributions. */
  readonly eta: number;
  /** tanh(η/2), unrounded. */
  readonly score: number;
  readonly kind: RelationKind;
  /** Whether the pair has a tie (obligation, dispute within the horizon, rivalry); untied pairs are neutral. */
  readonly tied: boolean;
}

/**
 * Scores one pair from its evidence. An untied pair (no obligation, no
 * dispute within the horizon, no rivalry) is neutral with score 0: UNGA
 * voting sets the sign and strength of a tie but does not create one
 * (docs/models/relations.md, "Which pairs have a relation").
 */
export function scorePair(
  evidence: PairEvidence,
  rule: RelationRule = RELATION_RULE,
  tradeDependence: number | null = null,
): ScoredPair {
  const features = relationFeatures(evidence, tradeDependence);
  const tied =
    evidence.obligations.length > 0 || evidence.disputes.length > 0 || evidence.rivalries.length > 0;
  if (!tied) return { evidence, features, eta: 0, score: 0, kind: 'neutral', tied };
  const eta = relationPredictor(features, rule.weights);
  const score = relationScore(eta);
  return { evidence, features, eta, score, kind: relationKindOf(round2(score), features.defense > 0), tied };
}

/**
 * Every tied pair among `members` (COW codes) in `year`, scored, keyed by
 * `min·10000 + max` of the two codes.
 */
export function scoreYear(
  inputs: WorldInputs,
  unga: UngaInputs,
  year: number,
  members: ReadonlySet<number>,
  rule: RelationRule = RELATION_RULE,
): Map<number, ScoredPair> {
  const votes = ungaVotesOf(unga, year);
  const out = new Map<number, ScoredPair>();
  for (const [key, e] of tiedPairs(inputs, year, members, rule.evidence))
    out.set(key, scorePair(withUnga(e, unga, year, votes), rule));
  return out;
}

const round2 = (x: number) => {
  const r = Math.round(x * 100) / 100;
  return r === 0 ? 0 : r;
};
const round4 = (x: number) => {
  const r = Math.round(x * 10000) / 10000;
  return r === 0 ? 0 : r;
};
const fmt = (x: number, digits = 2) => x.toFixed(digits);

const HOSTILITY = ['', 'no militarized action', 'threat', 'display of force', 'use of force', 'war'];

/** The components of a scored pair, each with its measure, contribution to η and sources. */
export function relationComponents(
  p: ScoredPair,
  year: number,
  rule: RelationRule = RELATION_RULE,
): RelationComponent[] {
  const e = p.evidence;
  const terms = new Map(relationTerms(p.features, rule.weights).map((t) => [t.component, t.contribution]));
  const out: RelationComponent[] = [];
  if (p.tied)
    out.push({
      component: 'baseline',
      value: null,
      contribution: round4(rule.weights.intercept),
      detail: 'intercept of the fitted model for a pair with a tie',
    });
  if (e.obligations.length > 0)
    out.push({
      component: 'alliance',
      value: round4(Math.max(p.features.defense, p.features.neutrality, p.features.consultation)),
      contribution: round4(terms.get('alliance') ?? 0),
      detail: e.obligations
        .map(
          (o) =>
            `${o.source} ${o.label} (${o.class} class; ${o.source === 'ATOP v5.1' ? 'at most ' : ''}${o.members} members → strength ${fmt(o.strength)})`,
        )
        .join('; '),
    });
  if (e.disputes.length > 0)
    out.push({
      component: 'conflict',
      value: round4(e.disputes.reduce((s, d) => s + d.weight, 0)),
      contribution: round4(terms.get('conflict') ?? 0),
      detail: `COW MID v5.0, ${e.disputes.length} dispute${e.disputes.length > 1 ? 's' : ''}: ${e.disputes
        .map(
          (d) =>
            `#${d.dispnum} ${d.firstYear === d.lastYear ? d.lastYear : `${d.firstYear}–${d.lastYear}`} ${HOSTILITY[d.hostility] ?? d.hostility}` +
            `${d.reciprocated ? '' : ', one-sided'}${d.fatality >= 1 ? ', fatal' : ''}${d.originators ? '' : ', joined'} (weight ${fmt(d.weight, 3)})`,
        )
        .join('; ')}`,
    });
  if (e.rivalries.length > 0)
    out.push({
      component: 'rivalry',
      value: 1,
      contribution: round4(terms.get('rivalry') ?? 0),
      detail: `Thompson–Dreyer strategic rivalry ${e.rivalries
        .map(
          (r) =>
            `"${r.name}" (${r.startYear}–${r.censored ? `, ongoing when the data end in ${r.endYear}` : r.endYear})`,
        )
        .join(', ')}`,
    });
  const [pa, pb] = e.idealPoints;
  if (e.unga || pa !== null || pb !== null) {
    const votes = e.unga
      ? `UNGA ${year}: ${e.unga.commonVotes} of ${e.unga.rollCalls} roll calls voted by both, agreement ${fmt(e.unga.agreement)}, S-score ${fmt(e.unga.sScore)} (Voeten, unvotes)`
      : `UNGA ${year}: no roll call voted by both`;
    const points =
      p.features.idealPointDistance === null
        ? 'no ideal point for both'
        : `ideal points ${fmt(pa!)} and ${fmt(pb!)}, distance ${fmt(p.features.idealPointDistance)} (Bailey, Strezhnev & Voeten 2017, July 2025 release)`;
    out.push({
      component: 'unga',
      value: p.features.idealPointDistance === null ? null : round4(p.features.idealPointDistance),
      contribution: p.tied ? round4(terms.get('unga') ?? 0) : 0,
      detail: `${votes}; ${points}${p.tied ? '' : '; no tie, so not counted'}`,
    });
  }
  if (p.features.tradeDependence !== null)
    out.push({
      component: 'trade',
      value: round4(p.features.tradeDependence),
      contribution: round4(terms.get('trade') ?? 0),
      detail: 'trade dependence',
    });
  return out;
}

/**
 * Signed relations among the given COW states in `year`: one relation per
 * tied pair, with its score (rounded to 0.01), kind, components and a
 * `source` naming the rule and the datasets.
 *
 * @param idOf COW code → actor id for the states of this year's world.
 */
export function deriveRelations(
  inputs: WorldInputs,
  unga: UngaInputs,
  year: number,
  idOf: ReadonlyMap<number, string>,
  rule: RelationRule = RELATION_RULE,
): Relation[] {
  const relations: Relation[] = [];
  for (const p of scoreYear(inputs, unga, year, new Set(idOf.keys()), rule).values()) {
    const [c1, c2] = p.evidence.ccodes;
    const ids = [idOf.get(c1)!, idOf.get(c2)!].sort() as [string, string];
    const components = relationComponents(p, year, rule);
    const score = round2(p.score);
    relations.push({
      a: ids[0],
      b: ids[1],
      score,
      kind: p.kind,
      source: `${rule.id} (docs/models/relations.md), ${year}: ${components
        .filter((c) => c.component !== 'baseline')
        .map((c) => `${c.component} ${c.contribution >= 0 ? '+' : ''}${fmt(c.contribution)}`)
        .join(', ')}; η ${fmt(p.eta)}, score ${score} → ${p.kind}`,
      components,
    });
  }
  relations.sort((x, y) => (x.a < y.a ? -1 : x.a > y.a ? 1 : x.b < y.b ? -1 : x.b > y.b ? 1 : 0));
  return relations;
}
