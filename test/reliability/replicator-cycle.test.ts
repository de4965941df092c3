/**
 * Issue 21: two-population replicator dynamics in a heteroclinic cycle (both
 * populations playing rock–paper–scissors whose losses outweigh the wins) come
 * ever closer to the edge of the simplex until the step-size control gives
 * up. The refusal says so and asks for an earlier end time (`--t`), the one
 * change that helps; it used to suggest smaller payoffs, which only slow the
 * same path down.
 */
import { describe, expect, it } from 'vitest';
import { expectLocated, runBounded, writeTemp } from './run.js';

const cycle = {
  A: [
    [0, -2, 1],
    [1, 0, -2],
    [-2, 1, 0],
  ],
  B: [
    [0, 2, -1],
    [-1, 0, 2],
    [2, -1, 0],
  ],
  x0: [0.5, 0.3, 0.2],
  y0: [0.2, 0.3, 0.5],
};

describe('games replicator: a heteroclinic cycle of two populations', () => {
  it('is refused at A with the time it was followed to and a request for an earlier end time (--t)', () => {
    const f = writeTemp({ 'cycle.json': JSON.stringify(cycle) })['cycle.json']!;
    const r = runBounded(['games', 'replicator', f, '--t', '1000', '--json']);
    expectLocated(r, `${f}:1:`, 'A: replicator dynamics: the integration stopped early');
    const m =
      /stopped early \(the step size fell below the precision of t\) at t=(\d+) of 1000: the shares come too close to the edge of the simplex \(as in a heteroclinic cycle\) for the step-size control to follow them; choose an earlier end time, before t=(\d+) \(end time --t\)/.exec(
        r.stderr,
      );
    expect(m, r.stderr).not.toBeNull();
    expect(m![2]).toBe(m![1]);
    expect(r.stderr).not.toContain('payoffs');
  });

  it('an end time before that point is followed to the end (exit 0)', () => {
    const f = writeTemp({ 'cycle.json': JSON.stringify(cycle) })['cycle.json']!;
    const refused = runBounded(['games', 'replicator', f, '--t', '1000', '--json']);
    const stoppedAt = Number(/at t=(\d+) of 1000/.exec(refused.stderr)![1]);
    const r = runBounded(['games', 'replicator', f, '--t', String(Math.floor(stoppedAt / 2)), '--json']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
  });
});
