/**
 * Property tests draw fresh random cases on every local run. CI sets FC_SEED
 * so that its runs are reproducible: a failure there names a seed that
 * `FC_SEED=… npm test` replays exactly.
 */
import fc from 'fast-check';

const seed = process.env.FC_SEED;
if (seed !== undefined && seed !== '') {
  const value = Number(seed);
  if (!Number.isInteger(value)) throw new Error(`FC_SEED must be an integer, got "${seed}"`);
  fc.configureGlobal({ seed: value });
}
