/** Evolutionary dynamics: replicator (continuous, discrete, with mutation, two-population) and the Moran process. */
export {
  asymmetricReplicatorDynamics,
  discreteReplicator,
  type Matrix,
  type ReplicatorOptions,
  replicatorDynamics,
  type Trajectory,
} from './replicator.js';
export {
  type MoranResult,
  type MoranSpec,
  moranFixation,
  moranFixationProbabilities,
  moranProcess,
} from './moran.js';
