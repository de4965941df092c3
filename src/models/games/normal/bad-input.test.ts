import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ConcertError } from '../../../core/errors.js';
import {
  bimatrixGame,
  binaryGameEquilibria,
  Fraction,
  lemkeHowson,
  logitQre,
  logitQrePath,
  makeGame,
} from './index.js';

describe('bad input is located at the parameter', () => {
  const problemsOf = (f: () => unknown) => {
    try {
      f();
    } catch (e) {
      expect(e).toBeInstanceOf(ConcertError);
      expect((e as ConcertError).code).toBe('bad-input');
      return (e as ConcertError).problems;
    }
    throw new Error('expected a bad-input error');
  };
  const f = (x: number) => new Fraction(x);

  it('makeGame names the part of the shape that is wrong', () => {
    expect(problemsOf(() => makeGame(['A', 'B'], [['x'], []], []))).toEqual([
      { path: ['strategies', 1], message: 'every player needs a strategy' },
    ]);
    expect(problemsOf(() => makeGame(['A', 'B'], [['x'], ['y', 'z']], [[f(1), f(2)], [f(1)]]))).toEqual([
      { path: ['payoffs', 1], message: 'expected one payoff per player (2); got 1' },
    ]);
    expect(problemsOf(() => makeGame([], [], [])).map((p) => p.path)).toEqual([['players']]);
  });

  it('bimatrixGame refuses ragged matrices and entries that are not numbers', () => {
    expect(problemsOf(() => bimatrixGame([[1, 2], [3]]))).toEqual([
      { path: ['A'], message: 'expected a non-empty m×n matrix' },
    ]);
    expect(problemsOf(() => bimatrixGame([[1, Number.NaN]], [['1/2', 'x']])).map((p) => p.path)).toEqual([
      ['A', 0, 1],
      ['B', 0, 1],
    ]);
  });

  it('Lemke–Howson names a label out of range; the polynomial method a game it cannot solve', () => {
    const g = bimatrixGame([
      [1, 0],
      [0, 1],
    ]);
    expect(problemsOf(() => lemkeHowson(g, 4))).toEqual([
      { path: ['label'], message: 'expected a whole number in 0..3; got 4' },
    ]);
    const big = bimatrixGame([
      [1, 0, 2],
      [0, 1, 2],
    ]);
    expect(problemsOf(() => binaryGameEquilibria(big)).map((p) => p.path)).toEqual([['game']]);
  });

  it('property: any matrix of numbers gives a game or bad input, never another error', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.oneof(fc.integer(), fc.double()), { maxLength: 3 }), { maxLength: 3 }),
        (A) => {
          try {
            expect(bimatrixGame(A).players).toHaveLength(2);
          } catch (e) {
            expect(e).toBeInstanceOf(ConcertError);
            expect((e as ConcertError).problems.every((p) => p.path?.[0] === 'A')).toBe(true);
          }
        },
      ),
    );
  });
  it('QRE precisions must be finite, non-negative and ascending', () => {
    const g = bimatrixGame([
      [1, 0],
      [0, 1],
    ]);
    expect(problemsOf(() => logitQre(g, -1)).map((p) => p.path)).toEqual([['lambda']]);
    expect(problemsOf(() => [...logitQrePath(g, [1, 0.5])]).map((p) => p.path)).toEqual([['lambdas', 1]]);
  });
});
