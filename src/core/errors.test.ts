import { describe, expect, it } from 'vitest';
import { badInput, formatPath, formatProblem, previewIds } from './errors.js';

describe('error formatting', () => {
  it('formats paths with keys and indices', () => {
    expect(formatPath(['actors', 'USA', 'forces', 'systems', 'MM3', 'launchers'])).toBe(
      'actors.USA.forces.systems.MM3.launchers',
    );
    expect(formatPath(['payoffs', 2, 1])).toBe('payoffs[2][1]');
  });

  it('puts file, line and column first, then the field path', () => {
    expect(
      formatProblem({ file: 'w.yaml', line: 3, column: 7, path: ['year'], message: 'expected a number' }),
    ).toBe('w.yaml:3:7: year: expected a number');
    expect(formatProblem({ message: 'bad' })).toBe('bad');
  });

  it('collects several problems in one error', () => {
    const e = badInput({ message: 'one', line: 1 }, { message: 'two', line: 2 });
    expect(e.code).toBe('bad-input');
    expect(e.problems).toHaveLength(2);
    expect(e.message).toContain('line 2');
  });

  it('previews at most twelve ids, then the count', () => {
    expect(previewIds(['CHN', 'FRA', 'USA'])).toBe('CHN, FRA, USA');
    const ids = Array.from({ length: 40 }, (_, i) => `A${i + 1}`);
    expect(previewIds(ids)).toBe('A1, A2, A3, A4, A5, A6, A7, A8, A9, A10, A11, A12, … (40 actors)');
    expect(previewIds(ids, 2, 'players')).toBe('A1, A2, … (40 players)');
  });
});
