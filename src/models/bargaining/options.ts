/**
 * The options of the Spatial Model of Politics, with KTAB's names and
 * defaults (KAPSARC, KTAB `kmodel.h` and `smp.h`; docs/models/bargaining.md).
 * This module imports nothing, so that the report schemas can list the names
 * without loading the model.
 */

/** How an actor turns a difference in utility into influence (KTAB `VotingRule`). */
export const VOTING_RULES = ['Binary', 'PropBin', 'Prop', 'PropCbc', 'Cubic', 'ASymProsp'] as const;
export type VotingRule = (typeof VOTING_RULES)[number];

/** How coalition strengths become a probability of victory (KTAB `VPModel`). */
export const VICTORY_PROBABILITY_MODELS = ['Linear', 'Square', 'Quartic', 'Octic', 'Binary'] as const;
export type VictoryProbabilityModel = (typeof VICTORY_PROBABILITY_MODELS)[number];

/** The probabilistic Condorcet election over options (KTAB `PCEModel`). */
export const PCE_MODELS = ['Conditional', 'MarkovIncentive', 'MarkovUniform'] as const;
export type PceModel = (typeof PCE_MODELS)[number];

/** Deterministic (most probable bargain) or stochastic (drawn) transitions (KTAB `StateTransMode`). */
export const STATE_TRANSITIONS = ['Deterministic', 'Stochastic'] as const;
export type StateTransition = (typeof STATE_TRANSITIONS)[number];

/** The range risk attitudes are mapped onto from position probabilities (KTAB `BigRRange`). */
export const RISK_RANGES = ['Min', 'Mid', 'Max'] as const;
export type RiskRange = (typeof RISK_RANGES)[number];

/** How far an actor's estimate of another's risk attitude moves from its own (KTAB `BigRAdjust`). */
export const RISK_ADJUSTMENTS = ['None', 'OneThird', 'Half', 'TwoThirds', 'Full'] as const;
export type RiskAdjustment = (typeof RISK_ADJUSTMENTS)[number];

/** What a third party expects to happen to its own position when it joins a contest (KTAB `ThirdPartyCommit`). */
export const THIRD_PARTY_COMMITS = ['NoCommit', 'SemiCommit', 'FullCommit'] as const;
export type ThirdPartyCommit = (typeof THIRD_PARTY_COMMITS)[number];

/** The weights of the interpolated bargain: salience^n × probability^m (KTAB `InterVecBrgn`). */
export const BARGAIN_INTERPOLATIONS = ['S1P1', 'S2P2', 'S2PMax'] as const;
export type BargainInterpolation = (typeof BARGAIN_INTERPOLATIONS)[number];

/** Whose interpolation becomes the proposed bargain (KTAB `SMPBargnModel`). */
export const BARGAIN_MODELS = ['InitOnlyInterp', 'InitRcvrInterp', 'PWCompInterp'] as const;
export type BargainModel = (typeof BARGAIN_MODELS)[number];

/**
 * Who decides whether an actor adopts a bargain (Concert's extension; not in
 * KTAB): Coalition — KTAB's rule, the PCE among all actors over the actor's
 * queue, so a coalition can move an actor against its will; Voluntary — the
 * same election, but the actor only adopts a bargain it values at least as
 * much as the status quo (individual rationality: nobody enforces a bargain
 * between sovereign states).
 */
export const ACCEPTANCE_RULES = ['Coalition', 'Voluntary'] as const;
export type AcceptanceRule = (typeof ACCEPTANCE_RULES)[number];

/** Every option of a run, by KTAB's XML element name (and Concert's `acceptance`). */
export interface BargainingOptions {
  readonly victoryProbModel: VictoryProbabilityModel;
  readonly pceModel: PceModel;
  readonly stateTransitions: StateTransition;
  readonly votingRule: VotingRule;
  readonly bigRAdjust: RiskAdjustment;
  readonly bigRRange: RiskRange;
  readonly thirdPartyCommit: ThirdPartyCommit;
  readonly interVecBrgn: BargainInterpolation;
  readonly bargnModel: BargainModel;
  readonly acceptance: AcceptanceRule;
}

/** KTAB's defaults (`SMPModel` and `Model` member initialisers; the SOE-Pol-Comp reference run uses them). */
export const DEFAULT_BARGAINING_OPTIONS: BargainingOptions = {
  victoryProbModel: 'Linear',
  pceModel: 'Conditional',
  stateTransitions: 'Deterministic',
  votingRule: 'Prop',
  bigRAdjust: 'OneThird',
  bigRRange: 'Mid',
  thirdPartyCommit: 'SemiCommit',
  interVecBrgn: 'S2P2',
  bargnModel: 'InitOnlyInterp',
  acceptance: 'Coalition',
};

/** The names each option takes, by option. */
export const BARGAINING_OPTION_VALUES = {
  victoryProbModel: VICTORY_PROBABILITY_MODELS,
  pceModel: PCE_MODELS,
  stateTransitions: STATE_TRANSITIONS,
  votingRule: VOTING_RULES,
  bigRAdjust: RISK_ADJUSTMENTS,
  bigRRange: RISK_RANGES,
  thirdPartyCommit: THIRD_PARTY_COMMITS,
  interVecBrgn: BARGAIN_INTERPOLATIONS,
  bargnModel: BARGAIN_MODELS,
  acceptance: ACCEPTANCE_RULES,
} as const;

/** KTAB's XML element of each of KTAB's options (`<ModelParameters>`), for the XML reader. */
export const BARGAINING_OPTION_XML_NAMES: Readonly<
  Record<Exclude<keyof BargainingOptions, 'acceptance'>, string>
> = {
  victoryProbModel: 'VictoryProbModel',
  pceModel: 'PCEModel',
  stateTransitions: 'StateTransitions',
  votingRule: 'VotingRule',
  bigRAdjust: 'BigRAdjust',
  bigRRange: 'BigRRange',
  thirdPartyCommit: 'ThirdPartyCommit',
  interVecBrgn: 'InterVecBrgn',
  bargnModel: 'BargnModel',
};

/** KTAB's stopping rule: at most 100 turns; after at least 2, stop when a turn moves less than 2 % of the first. */
export const DEFAULT_MAX_TURNS = 100;
/** The fewest turns before the stopping rule may stop a run. */
export const MIN_TURNS = 2;
/** Stop when Dₜ / (D₁ + 1e-4) falls below this ratio. */
export const MIN_DELTA_RATIO = 0.02;
/** Added to the first turn's movement D₁ to avoid 0/0. */
export const MIN_SIGNIFICANT_DELTA = 1e-4;
/** KTAB's position tolerance (`posTol`, 0–1 scale): positions closer than this are one option. */
export const POSITION_TOLERANCE = 1e-3;
/** KTAB's actor limits (`Model::minNumActor`, `maxNumActor`). */
export const MIN_ACTORS = 3;
export const MAX_ACTORS = 250;
