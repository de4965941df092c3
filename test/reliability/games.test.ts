/**
 * Issue 21, games: each input the fuzzing probe found hanging, crashing or
 * unlocated ends in exit 2 with one located message, within a time bound.
 */
import { describe, expect, it } from 'vitest';
import { expectLocated, runBounded, writeTemp } from './run.js';

describe('games: bounded before allocation', () => {
  it('an .nfg header declaring { 6 2e9 } strategies is refused at the count (equilibria and classify)', () => {
    const f = writeTemp({ 'huge.nfg': 'NFG 1 R "x" { "A" "B" } { 6 2e9 }\n' })['huge.nfg']!;
    for (const cmd of ['equilibria', 'classify']) {
      const r = runBounded(['games', cmd, f], { timeoutMs: 20_000 });
      expectLocated(r, `${f}:1:29`, 'expected at most 100000 strategies per player, found 2e9');
    }
  });

  it('a 41-byte .nfg with { 1000000000 2 } is refused at once', () => {
    const f = writeTemp({ 'g.nfg': 'NFG 1 R "x" { "A" "B" } { 1000000000 2 }' })['g.nfg']!;
    const started = Date.now();
    const r = runBounded(['games', 'equilibria', f], { timeoutMs: 20_000 });
    expectLocated(r, `${f}:1:27`, 'expected at most 100000 strategies per player');
    expect(Date.now() - started).toBeLessThan(15_000);
  });

  it('a count beyond 2^32 ("Invalid array length") and a product beyond the profile bound are located', () => {
    const files = writeTemp({
      'a.nfg': 'NFG 1 R "x" { "A" "B" } { 4294967296 1 }\n',
      'b.nfg': 'NFG 1 R "x" { "A" "B" } { 100000 100000 }\n',
    });
    expectLocated(runBounded(['games', 'equilibria', files['a.nfg']!]), `${files['a.nfg']}:1:27`);
    expectLocated(
      runBounded(['games', 'equilibria', files['b.nfg']!]),
      `${files['b.nfg']}:1:25`,
      'game too large: 10000000000 pure profiles (at most 5000000',
    );
  });

  it('more players than the bound is refused at the first extra name', () => {
    const names = Array.from({ length: 70 }, (_, i) => `"P${i}"`).join(' ');
    const f = writeTemp({ 'p.nfg': `NFG 1 R "x" { ${names} } { ${'1 '.repeat(70)}}\n` })['p.nfg']!;
    expectLocated(runBounded(['games', 'classify', f]), f, 'too many players: expected at most 64, found 70');
  });

  it('a method that does not fit the game names the file and --method', () => {
    const f = writeTemp({
      'g3.json': JSON.stringify({
        players: ['A', 'B', 'C'],
        strategies: [
          ['x', 'y'],
          ['u', 'v'],
          ['p', 'q'],
        ],
        payoffs: [
          [
            [
              [1, 3, 1],
              [0, 5, 1],
            ],
            [
              [5, 0, 1],
              [1, -1, 1],
            ],
          ],
          [
            [
              [1, 3, 1],
              [0, 5, 1],
            ],
            [
              [5, 0, 1],
              [1, -1, 1],
            ],
          ],
        ],
      }),
    })['g3.json']!;
    const r = runBounded(['games', 'equilibria', f, '--method', 'vertex']);
    expectLocated(
      r,
      `error: ${f}: --method: method 'vertex' needs a two-player game; this game has 3 players`,
    );
  });
});
