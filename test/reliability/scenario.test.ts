/**
 * Issue 21, scenario files: a distribution whose draws overflow the models is
 * refused where it is written.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectLocated, runBounded, writeTemp } from './run.js';

const base = readFileSync(new URL('../../scenarios/confrontation-spiral.yaml', import.meta.url), 'utf8');

describe('scenario: uncertain distributions are bounded', () => {
  it('a triangular distribution with max 1e308 is refused at its line (it drew Infinity into the arms model)', () => {
    // The distribution of the Richardson reaction (the line after its `parameter:`), whatever its fit.
    const at = /- parameter: policies\.default\.arms\.reaction\n(\s+)distribution: .*\n/;
    expect(base).toMatch(at);
    const text = base.replace(
      at,
      '- parameter: policies.default.arms.reaction\n$1distribution: { type: triangular, min: 0, mode: 5e307, max: 1e308 }\n',
    );
    const row = text.split('\n').findIndex((l) => l.includes('max: 1e308')) + 1;
    const f = writeTemp({ 'tri.yaml': text })['tri.yaml']!;
    const r = runBounded(['validate', f]);
    expectLocated(r, `${f}:${row}:`, '.distribution.max: expected max within', 'got 1e+308');
  });
});
