import { describe, expect, it } from 'vitest';
import { Rng } from './rng.js';

describe('Rng', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    const a = Rng.fromSeed(42);
    const b = Rng.fromSeed(42);
    const c = Rng.fromSeed(43);
    const xs = Array.from({ length: 5 }, () => a.next());
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs);
    expect(Array.from({ length: 5 }, () => c.next())).not.toEqual(xs);
  });

  it('gives well-spread first draws for consecutive small seeds', () => {
    const first = Array.from({ length: 2000 }, (_, seed) => Rng.fromSeed(seed).next());
    const mean = first.reduce((a, b) => a + b, 0) / first.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.03);
    expect(first.filter((u) => u > 0.99).length).toBeLessThan(60);
  });

  it('draws uniforms in [0, 1) and integers within bounds', () => {
    const r = Rng.fromSeed(7);
    for (let i = 0; i < 1000; i++) {
      const u = r.next();
      expect(u).toBeGreaterThanOrEqual(0);
      expect(u).toBeLessThan(1);
      const k = r.int(3, 5);
      expect(k === 3 || k === 4 || k === 5).toBe(true);
    }
  });

  it('builds stream k directly equal to the k-th of the streams list', () => {
    const all = Rng.streams(9, 4);
    const direct = Rng.stream(9, 3);
    expect(direct.next()).toBe(all[3]!.next());
    expect(all[0]!.next()).not.toBe(all[1]!.next());
  });

  it('resumes from a saved state', () => {
    const r = Rng.fromSeed(1);
    r.next();
    const resumed = Rng.fromState(r.state());
    expect(resumed.next()).toBe(r.next());
  });
});
