/**
 * Issue 21, `games replicator` and `games moran`: bounded work and located
 * messages.
 */
import { describe, expect, it } from 'vitest';
import { expectLocated, runBounded, writeTemp } from './run.js';

describe('games replicator: bounded and located', () => {
  it('a payoff of 999999999 (stiff dynamics) stops within the step bound with a located explanation', () => {
    const f = writeTemp({ 'r.json': '{"A": [[999999999, 0], [5, 1]]}' })['r.json']!;
    const started = Date.now();
    const r = runBounded(['games', 'replicator', f], { timeoutMs: 30_000 });
    expectLocated(r, `${f}:1:`, 'A: replicator dynamics: the integration needed more than 250000 steps');
    expect(r.stderr).toContain('payoff spread of 1.00e+9');
    expect(Date.now() - started).toBeLessThan(25_000);
  });

  it('a payoff of 1e308 is refused at its entry (the integration used to stop early, unlocated)', () => {
    const f = writeTemp({ 'r.json': '{"A": [[1e308, 0], [5, 1]]}' })['r.json']!;
    expectLocated(
      runBounded(['games', 'replicator', f]),
      `${f}:1:9: A[0][0]: expected a payoff within ±1e+9`,
    );
  });

  it('more than 100 strategies, or a discrete run of too many steps × strategies², is refused', () => {
    const n = 101;
    const A = Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
    const f = writeTemp({ 'r.json': JSON.stringify({ A }) })['r.json']!;
    expectLocated(runBounded(['games', 'replicator', f]), f, 'expected at most 100 strategies');
    const A2 = Array.from({ length: 100 }, (_, i) =>
      Array.from({ length: 100 }, (_, j) => (i === j ? 2 : 1)),
    );
    const g = writeTemp({ 'r.json': JSON.stringify({ A: A2 }) })['r.json']!;
    expectLocated(
      runBounded(['games', 'replicator', g, '--discrete', '--steps', '1000000']),
      '--steps: too much work',
    );
  });

  it('a discrete map with non-positive mean fitness names the file', () => {
    const f = writeTemp({ 'r.json': '{"A": [[-5, 0], [0, -1]]}' })['r.json']!;
    expectLocated(
      runBounded(['games', 'replicator', f, '--discrete']),
      `${f}:1:`,
      'A: discrete replicator needs positive mean fitness',
    );
  });
});

describe('games moran: bounded population', () => {
  it('"Tit For Tat*4294967296" is refused before any population is built', () => {
    const r = runBounded(['games', 'moran', 'Tit For Tat*4294967296', 'Defector'], { timeoutMs: 20_000 });
    expectLocated(r, 'population', 'expected at most 1000 individuals, got 4294967297');
  });
});

describe('repeated games: stage payoffs bounded', () => {
  it('--game with a payoff of 1e308 is refused (a score became Infinity after two turns)', () => {
    expectLocated(
      runBounded(['games', 'match', 'Tit For Tat', 'Defector', '--game', '3,0,1e308,1', '--turns', '5']),
      'error: --game: expected payoffs within ±1e+9',
    );
  });

  it('a tournament spec with a payoff of 1e308 is refused at its line', () => {
    const f = writeTemp({
      't.yaml': 'players: [Tit For Tat, Defector]\ngame: {R: 3, S: 0, T: 1e308, P: 1}\nturns: 10\n',
    })['t.yaml']!;
    expectLocated(
      runBounded(['games', 'tournament', f]),
      `${f}:2:23: game.T: expected a payoff within ±1e+9`,
    );
  });
});
