import { describe, expect, it } from 'vitest';
import { ConcertError } from '../../core/errors.js';
import { formatRational } from '../../core/rational.js';
import { Rng } from '../../core/rng.js';
import { bankruptcyAwards } from './bankruptcy.js';
import { TU_SOLUTIONS } from './names.js';
import { leastCore, nucleolus } from './nucleolus.js';
import { shapleySample, shapleyValue } from './shapley.js';
import { weightedVotingGame } from './simple-game.js';
import { solveTuGame, type TuSolution } from './solve.js';
import { bankruptcyGame, tuGameFromSimpleGame, tuGameFromTable } from './tu-game.js';

/** v(A) = 1, v(A,B) = 3, v(A,C) = 2, v(B,C) = 1, v(N) = 6 (superadditive). */
const game3 = tuGameFromTable(['A', 'B', 'C'], Float64Array.from([0, 1, 0, 3, 0, 2, 1, 6]));
/** The three-player majority game: the core is empty (ε₁ = 1/3). */
const majority = tuGameFromTable(['A', 'B', 'C'], Float64Array.from([0, 0, 0, 1, 0, 1, 1, 1]));

async function problemsOf(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(ConcertError);
    expect((e as ConcertError).code).toBe('bad-input');
    return (e as ConcertError).problems;
  }
  throw new Error('expected a bad-input error');
}

describe('solveTuGame', () => {
  it('the exact Shapley value of a tabulated game, with superadditivity checked', async () => {
    const r = await solveTuGame(game3, 'shapley');
    expect(r).toEqual({
      solution: 'shapley',
      method: 'exact',
      allocation: shapleyValue(game3),
      superadditive: true,
    });
    expect(r.allocation.map((a) => a.exact)).toEqual(['17/6', '11/6', '4/3']);
  });

  it('samples the Shapley value of a game too large to tabulate, with the given generator', async () => {
    const g = tuGameFromSimpleGame(weightedVotingGame([...Array<number>(21).fill(1), 5], 14));
    expect(g.table).toBeUndefined();
    const r = await solveTuGame(g, 'shapley', { samples: 300, rng: Rng.fromSeed(7) });
    expect(r.method).toBe('sampling');
    expect(r.samples).toBe(300);
    expect(r.superadditive).toBeUndefined();
    expect(r.allocation).toEqual(shapleySample(g, 300, Rng.fromSeed(7)));
    expect((await solveTuGame(g, 'shapley', { rng: Rng.fromSeed(7) })).samples).toBe(20_000);
  });

  it('the nucleolus and prenucleolus by linear programs', async () => {
    for (const solution of ['nucleolus', 'prenucleolus'] as const) {
      const r = await solveTuGame(game3, solution);
      const direct = await nucleolus(game3, solution === 'prenucleolus');
      expect(r).toMatchObject({ solution, method: 'linear-programs', linearPrograms: direct.linearPrograms });
      expect(r.allocation).toEqual(direct.allocation);
      expect(r.levels).toEqual(direct.levels);
    }
  });

  it('the nucleolus of a bankruptcy game beyond the LP limit is the Talmud rule', async () => {
    const claims = Array.from({ length: 17 }, (_, i) => 10 * (i + 1));
    const g = bankruptcyGame(600, claims);
    const r = await solveTuGame(g, 'nucleolus', { bankruptcy: { estate: 600, claims } });
    expect(r.method).toBe('talmud-rule');
    expect(r.allocation.map((a) => a.exact)).toEqual(
      bankruptcyAwards('talmud', 600, claims).map(formatRational),
    );
    expect(r.levels).toBeUndefined();
  });

  it('a small bankruptcy game still gets the LPs (and agrees with the Talmud rule)', async () => {
    const r = await solveTuGame(bankruptcyGame(200, [100, 200, 300]), 'nucleolus', {
      bankruptcy: { estate: 200, claims: [100, 200, 300] },
    });
    expect(r.method).toBe('linear-programs');
    expect(r.allocation.map((a) => a.exact)).toEqual(['50', '75', '75']);
  });

  it('the core is empty for the majority game; the least core still gives a point', async () => {
    const core = await solveTuGame(majority, 'core');
    expect(core).toMatchObject({
      method: 'linear-programs',
      allocation: [],
      coreNonEmpty: false,
      epsilonExact: '1/3',
    });
    const least = await solveTuGame(majority, 'least-core');
    expect(least.allocation).toEqual((await leastCore(majority)).allocation);
    expect(least.allocation.map((a) => a.exact)).toEqual(['1/3', '1/3', '1/3']);
  });

  it('refuses an unknown solution, a bad sample count and claims that do not match, at their paths', async () => {
    const p1 = await problemsOf(solveTuGame(game3, 'kernel' as TuSolution));
    expect(p1).toEqual([
      {
        path: ['solution'],
        message: `unknown solution "kernel": expected one of ${TU_SOLUTIONS.join(', ')}`,
      },
    ]);
    const p2 = await problemsOf(
      solveTuGame(game3, 'shapley', { samples: 0.5, bankruptcy: { estate: 1, claims: [1] } }),
    );
    expect(p2.map((p) => p.path)).toEqual([['samples'], ['bankruptcy', 'claims']]);
  });

  it('a sampled Shapley value without a generator is bad input naming rng', async () => {
    const g = tuGameFromSimpleGame(weightedVotingGame(Array<number>(21).fill(1), 11));
    expect((await problemsOf(solveTuGame(g, 'shapley'))).map((p) => p.path)).toEqual([['rng']]);
  });
});
