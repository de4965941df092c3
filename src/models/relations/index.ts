/**
 * Relations: signed networks, structural balance, the frustration index,
 * strategic triangles and balance dynamics (docs/models/relations.md).
 */
export {
  type BalanceReport,
  balanceReport,
  balanceReportSync,
  type RelationChange,
  type TriangleShift,
  type WhatIfReport,
  whatIf,
  whatIfSync,
} from './balance.js';
export { biconnectedBlocks } from './blocks.js';
export { type ClusteringOptions, type ClusteringResult, clusterPartition } from './clustering.js';
export {
  balanceDynamicsEnsemble,
  continuousBalance,
  type DynamicsEnsemble,
  type DynamicsOptions,
  type DynamicsRun,
  type TriadDynamicsOptions,
  triadDynamicsRun,
} from './dynamics.js';
export {
  DEFAULT_ENUMERATION_NODES,
  type FrustrationOptions,
  type FrustrationResult,
  frustrationIndex,
  frustrationIndexSync,
  type PairPlacement,
  pairPlacement,
  SYNC_ENUMERATION_NODES,
  triangleLowerBound,
} from './frustration.js';
export { type LocalSearchOptions, localSearchPartition } from './heuristic.js';
export {
  RELATION_KIND_THRESHOLDS,
  type RelationFeatures,
  type RelationTerm,
  type RelationWeights,
  relationKindOf,
  relationPredictor,
  relationScore,
  relationTerms,
} from './relation-score.js';
export { type Sign, type SignConfusion, signConfusion } from './sign-agreement.js';
export { type VotingAffinity, votingAffinity } from './voting-affinity.js';
export { type MipOutcome, solveFrustrationMip } from './mip.js';
export {
  inducedSubnetwork,
  type NamedSignedEdge,
  networkFromWorld,
  pairProblems,
  relationProblems,
  type SignedEdge,
  type SignedNetwork,
  signedNetwork,
  withRelation,
} from './network.js';
export {
  edgeCosts,
  enumerateBestPartition,
  frustratedEdgeIds,
  isBalanced,
  partitionCost,
} from './partition.js';
export {
  classifyTriangle,
  type StrategicTriangle,
  strategicTriangle,
  type TriangleConfiguration,
  type TriangleRole,
} from './strategic-triangle.js';
export {
  isBalancedPattern,
  type SignedTriangle,
  signedTriangles,
  type TriadCensus,
  type Triangle,
  type TriangleFilter,
  type TriangleListingOptions,
  type TrianglePattern,
  triadCensus,
  triangleBalanceRatio,
  triangles,
  weightedTriangleBalanceRatio,
} from './triads.js';
export { TRIANGLE_FILTERS, TRIANGLE_PATTERNS } from './triangle-names.js';
export { WALK_BALANCE_MAX_NODES, walkBalance } from './walk.js';
