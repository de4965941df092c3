/**
 * models/coalitions: exact Shapley–Shubik and Banzhaf indices of a 51-player
 * weighted game shaped like the US Electoral College (generating functions),
 * the same by Monte Carlo, all six indices of the UN Security Council by
 * enumeration, the exact Shapley value of a 16-player TU game, and the
 * nucleolus of a 12-player game (sequential LPs on HiGHS).
 *
 * The 51-player game is SYNTHETIC: no sourced table of 2010-census electoral
 * votes is in the project's data, so the weights are
 * w_i = round(3 + 52·((50 − i)/50)^6.25), i = 0…50, with w_1 raised by one so
 * that the total is 538 (largest 55, smallest 3), and the quota is 270 — the
 * Electoral College's dimensions, not its apportionment.
 */
import type { Bench } from 'tinybench';
import { Rng } from '../src/core/rng.js';
import {
  enumeratePowerIndices,
  nucleolus,
  powerIndex,
  shapleyValue,
  tuGameFromTable,
  weightedVotingGame,
} from '../src/models/coalitions/index.js';

/** The synthetic 51-member weights described above (total 538, largest 55, smallest 3). */
export function syntheticElectoralCollege(): number[] {
  const w = Array.from({ length: 51 }, (_, i) => Math.floor(3 + 52 * ((50 - i) / 50) ** 6.25 + 0.5));
  w[1] = w[1]! + 1;
  return w;
}

function randomTuGame(n: number, seed: number) {
  const rng = Rng.fromSeed(seed);
  const table = new Float64Array(2 ** n);
  for (let mask = 1; mask < table.length; mask++) {
    let size = 0;
    for (let m = mask; m; m &= m - 1) size++;
    table[mask] = size * size + rng.int(0, 9);
  }
  return tuGameFromTable(
    Array.from({ length: n }, (_, i) => `P${i + 1}`),
    table,
  );
}

/** Adds the coalitions tasks to the runner's Bench (bench/run.ts). */
export default function coalitionsBench(bench: Bench): void {
  // Some tasks take a large fraction of a second: tinybench's default minimum of
  // 64 iterations would make this file run for minutes. The 1 s time budget
  // still gives the fast tasks many samples. (Properties of this file's Bench only.)
  Object.assign(bench, { iterations: 5, warmupIterations: 5 });
  const weights = syntheticElectoralCollege();
  const total = weights.reduce((a, b) => a + b, 0);
  if (total !== 538 || Math.max(...weights) !== 55)
    throw new Error('synthetic Electoral College is mis-built');
  const ec = weightedVotingGame(weights, 270);
  const unsc = weightedVotingGame([7, 7, 7, 7, 7, ...Array<number>(10).fill(1)], 39);
  const game16 = randomTuGame(16, 16);
  const game12 = randomTuGame(12, 12);

  bench
    .add('Shapley–Shubik exact, 51 players, weights ≤ 55 (generating function)', () => {
      powerIndex(ec, 'shapley-shubik');
    })
    .add('Banzhaf exact, 51 players, weights ≤ 55 (generating function)', () => {
      powerIndex(ec, 'banzhaf');
    })
    .add('Shapley–Shubik Monte Carlo, 51 players, 100 000 orders', () => {
      powerIndex(ec, 'shapley-shubik', { method: 'monte-carlo', samples: 100_000, rng: Rng.fromSeed(1) });
    })
    .add('UNSC, all six indices exactly (enumeration of 2^15 coalitions)', () => {
      enumeratePowerIndices(unsc);
    })
    .add('Shapley value exact, 16-player TU game', () => {
      shapleyValue(game16);
    })
    .add('nucleolus, 12-player TU game (sequential LPs, HiGHS)', async () => {
      await nucleolus(game12);
    });
}
