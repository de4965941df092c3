/**
 * Issue 21, `concert balance`: flag values bounded before any allocation.
 */
import { describe, it } from 'vitest';
import { expectLocated, runBounded } from './run.js';

describe('balance: bounded flags', () => {
  it('report --groups 4294967296 is refused ("Array buffer allocation failed" before)', () => {
    expectLocated(
      runBounded(['balance', 'report', '--groups', '4294967296']),
      'error: --groups: expected at most 195 groups (one per actor of the network); got 4294967296',
    );
  });

  it('dynamics --model continuous --noise-sd 1e308 is refused (an internal error before)', () => {
    expectLocated(
      runBounded(['balance', 'dynamics', '--model', 'continuous', '--noise-sd', '1e308']),
      'error: --noise-sd: expected a standard deviation from 0 to 100',
    );
  });

  it('dynamics --runs and --max-sweeps are bounded', () => {
    expectLocated(
      runBounded(['balance', 'dynamics', '--runs', '1e12', '--max-sweeps', '1e15']),
      '--runs: expected a whole number from 1 to 100000',
      '--max-sweeps: expected a whole number from 1 to 1000000',
    );
  });
});
