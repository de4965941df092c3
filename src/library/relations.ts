/**
 * `concert/relations`: signed networks, structural balance, the frustration index, strategic
 * triangles and balance dynamics (docs/models/relations.md).
 *
 * Every name here is public (docs/library.md lists them); anything else under src/ may change.
 */

// Signed networks: from a World, from lists, changed
export {
  inducedSubnetwork,
  type NamedSignedEdge,
  networkFromWorld,
  type SignedEdge,
  type SignedNetwork,
  signedNetwork,
  withRelation,
} from '../models/relations/network.js';

// Signed edge lists (CSV, one network or one per time window)
export {
  type EdgeList,
  type EdgeListOptions,
  type EdgeListWindow,
  loadSignedEdgeListWindows,
  parseSignedEdgeList,
  parseSignedEdgeListWindows,
} from '../world/edges.js';

// Balance measures
export {
  isBalancedPattern,
  type TriadCensus,
  type Triangle,
  type TrianglePattern,
  triadCensus,
  triangleBalanceRatio,
  triangles,
  weightedTriangleBalanceRatio,
} from '../models/relations/triads.js';
export { walkBalance } from '../models/relations/walk.js';
export { isBalanced } from '../models/relations/partition.js';

// The frustration index (exact, or heuristic) and k-group partitions
export {
  type FrustrationOptions,
  type FrustrationResult,
  frustrationIndex,
  frustrationIndexSync,
  type PairPlacement,
  pairPlacement,
} from '../models/relations/frustration.js';
export {
  type ClusteringOptions,
  type ClusteringResult,
  clusterPartition,
} from '../models/relations/clustering.js';

// Balance reports and what-ifs
export {
  type BalanceReport,
  balanceReport,
  balanceReportSync,
  type RelationChange,
  type TriangleShift,
  type WhatIfReport,
  whatIf,
  whatIfSync,
} from '../models/relations/balance.js';

// Strategic triangles (Dittmer 1981)
export {
  classifyTriangle,
  type StrategicTriangle,
  strategicTriangle,
  type TriangleConfiguration,
  type TriangleRole,
} from '../models/relations/strategic-triangle.js';

// Balance dynamics
export {
  balanceDynamicsEnsemble,
  type DynamicsEnsemble,
  type DynamicsOptions,
  type DynamicsRun,
  type TriadDynamicsOptions,
} from '../models/relations/dynamics.js';
