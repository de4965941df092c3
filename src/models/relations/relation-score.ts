/**
 * Concert's relation score: one signed score in [−1, 1] and a kind for a pair
 * of states, from documented components — alliance obligations, militarized
 * disputes, strategic rivalry, UN General Assembly voting and (optionally)
 * trade dependence. docs/models/relations.md ("The relation score") gives
 * every equation, parameter and source, and the fit that chose the weights.
 *
 * The score is the linear predictor η of a logistic model of the sign of the
 * relation, turned into P(friendly) − P(hostile):
 *
 *   η = b + Σ_c w_c·x_c,   score = 2σ(η) − 1 = tanh(η/2).
 *
 * Pure: the features are computed from the data by src/world/relation-evidence.ts.
 */
import type { RelationComponentId, RelationKind } from '../../world/schema.js';

/** The inputs of the score for one pair in one year (all unitless unless named). */
export interface RelationFeatures {
  /** Defense or offense obligation (ATOP) or COW defense pact, after the multilateral discount, in [0, 1]. */
  readonly defense: number;
  /** Neutrality or non-aggression obligation (ATOP or COW), after the discount, in [0, 1]. */
  readonly neutrality: number;
  /** Consultation obligation (ATOP) or COW entente, after the discount, in [0, 1]. */
  readonly consultation: number;
  /** Decayed, weighted count of disputes whose highest hostility level is 1–3 (threat, display). */
  readonly disputesThreat: number;
  /** The same for disputes with use of force (hostility level 4). */
  readonly disputesForce: number;
  /** The same for wars (hostility level 5). */
  readonly disputesWar: number;
  /** The same over disputes with fatalities (any hostility level; an extra term). */
  readonly disputesFatal: number;
  /** 1 in the years of a Thompson–Dreyer strategic rivalry, else 0. */
  readonly rivalry: number;
  /** |ideal point A − ideal point B| (Bailey, Strezhnev & Voeten 2017, all votes), or null. */
  readonly idealPointDistance: number | null;
  /** Trade dependence in [0, 1] (the economy issue's hook), or null when not available. */
  readonly tradeDependence: number | null;
}

/** The weights and parameters of the rule (chosen by src/world/fit-relations.ts; see RELATION_RULE). */
export interface RelationWeights {
  /** Intercept b of η for a pair with any tie (obligation, dispute or rivalry). */
  readonly intercept: number;
  readonly defense: number;
  readonly neutrality: number;
  readonly consultation: number;
  readonly disputesThreat: number;
  readonly disputesForce: number;
  readonly disputesWar: number;
  readonly disputesFatal: number;
  readonly rivalry: number;
  /** Weight per unit of ideal-point distance above {@link RelationWeights.idealPointReference} (negative: farther apart, less friendly). */
  readonly idealPointDistance: number;
  /** Ideal-point distance at which the UNGA term is 0 (the mean over the fitted pairs). */
  readonly idealPointReference: number;
  /** Weight of trade dependence; 0 (off) until the economy issue's data are fitted. */
  readonly tradeDependence: number;
}

/** One component's part of η. */
export interface RelationTerm {
  readonly component: RelationComponentId;
  /** The component's contribution to η (0 when its evidence is absent). */
  readonly contribution: number;
}

/** Kind thresholds (modelling assumptions; docs/models/relations.md). */
export const RELATION_KIND_THRESHOLDS = {
  /** |score| below this is neutral. */
  neutralBand: 0.15,
  /** A friendly score at least this with a defense obligation in force is an alliance. */
  allianceAtLeast: 0.5,
  /** A score at most this is hostility (else rivalry). */
  hostilityAtMost: -0.65,
  /** A score given without its evidence (a user's relation without a kind) is an alliance from this value. */
  allianceWithoutObligation: 0.75,
} as const;

/** η's terms by component (the intercept is reported separately). */
export function relationTerms(x: RelationFeatures, w: RelationWeights): RelationTerm[] {
  const unga =
    x.idealPointDistance === null ? 0 : w.idealPointDistance * (x.idealPointDistance - w.idealPointReference);
  return [
    {
      component: 'alliance',
      contribution: w.defense * x.defense + w.neutrality * x.neutrality + w.consultation * x.consultation,
    },
    {
      component: 'conflict',
      contribution:
        w.disputesThreat * x.disputesThreat +
        w.disputesForce * x.disputesForce +
        w.disputesWar * x.disputesWar +
        w.disputesFatal * x.disputesFatal,
    },
    { component: 'rivalry', contribution: w.rivalry * x.rivalry },
    { component: 'unga', contribution: unga },
    {
      component: 'trade',
      contribution: x.tradeDependence === null ? 0 : w.tradeDependence * x.tradeDependence,
    },
  ];
}

/**
 * The relation score of a tied pair: η = b + Σ terms, score = tanh(η/2) =
 * P(friendly) − P(hostile) under the fitted logistic model, in (−1, 1).
 *
 * @example
 * relationScore(0) // => 0
 */
export function relationScore(eta: number): number {
  return Math.tanh(eta / 2);
}

/** η of a tied pair: the intercept plus every component's contribution. */
export function relationPredictor(x: RelationFeatures, w: RelationWeights): number {
  return relationTerms(x, w).reduce((s, t) => s + t.contribution, w.intercept);
}

/**
 * The kind of a relation from its score and whether a defense obligation is
 * in force: neutral within ±0.15; friendly scores are a partnership, or an
 * alliance at ≥ 0.5 with a defense or offense obligation; hostile scores are a
 * rivalry, or hostility at ≤ −0.65. Without word of an obligation (a score a
 * user wrote without a kind), a score of at least 0.75 is read as an alliance.
 *
 * @example
 * relationKindOf(0.6, false); // => 'partnership'
 * relationKindOf(0.6, true); // => 'alliance'
 * relationKindOf(-0.3); // => 'rivalry'
 */
export function relationKindOf(
  score: number,
  defenseObligation: boolean = score >= RELATION_KIND_THRESHOLDS.allianceWithoutObligation,
): RelationKind {
  const t = RELATION_KIND_THRESHOLDS;
  if (score >= t.neutralBand)
    return defenseObligation && score >= t.allianceAtLeast ? 'alliance' : 'partnership';
  if (score > -t.neutralBand) return 'neutral';
  return score > t.hostilityAtMost ? 'rivalry' : 'hostility';
}
