/**
 * Issue 21, coalitional games: worths beyond what the LP solver can use are
 * refused where they are written, and a failed LP is explained, never an
 * "internal error".
 */
import { describe, expect, it } from 'vitest';
import { ConcertError } from '../../src/core/errors.js';
import { solveTuGame, type TuGame } from '../../src/models/coalitions/index.js';
import { expectLocated, runBounded, writeTemp } from './run.js';

const game = (v: Record<string, number>) => JSON.stringify({ players: ['A', 'B', 'C'], v });
const base = { '': 0, A: 0, B: 0, C: 0, 'A,C': 1, 'B,C': 1, 'A,B,C': 2 };

describe('coalitions: TU games are bounded and LP failures explained', () => {
  it('a worth of 1e30 under core, least-core and prenucleolus is refused at its line (was HiGHS status -1)', () => {
    const f = writeTemp({ 'tu.json': game({ ...base, 'A,B': 1e30 }) })['tu.json']!;
    for (const solution of ['core', 'least-core', 'prenucleolus', 'nucleolus', 'shapley']) {
      const r = runBounded(['coalitions', 'solve', f, '--solution', solution]);
      expectLocated(r, `${f}:1:`, 'v.A,B: expected a worth within ±1e+12');
    }
  });

  it('an empty imputation set names the file and the solution concept', () => {
    const f = writeTemp({ 'tu.json': game({ ...base, A: 5, 'A,B': 1 }) })['tu.json']!;
    const r = runBounded(['coalitions', 'solve', f, '--solution', 'nucleolus']);
    expectLocated(
      r,
      `error: ${f}: nucleolus: the nucleolus is defined on the imputation set, which is empty`,
    );
  });

  it('--samples is bounded', () => {
    const f = writeTemp({ 'tu.json': game({ ...base, 'A,B': 1 }) })['tu.json']!;
    expectLocated(
      runBounded(['coalitions', 'solve', f, '--samples', '1e15']),
      '--samples',
      'from 1 to 10000000',
    );
  });

  it('a game whose LP HiGHS refuses is a bad-input error that explains it (library)', async () => {
    const table = Float64Array.from([0, 0, 0, 1e30, 0, 1, 1, 2]);
    const tu: TuGame = { players: ['A', 'B', 'C'], table, worth: () => 0 };
    for (const solution of ['core', 'least-core', 'prenucleolus'] as const) {
      const e = await solveTuGame(tu, solution).then(
        () => undefined,
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(ConcertError);
      expect((e as ConcertError).code).toBe('bad-input');
      expect((e as ConcertError).message).toMatch(/linear program of this solution|HiGHS/);
    }
  });
});
