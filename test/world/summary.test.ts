import { describe, expect, it } from 'vitest';
import { loadDefaultWorld, summarizeWorld, WorldSchema } from '../../src/world/index.js';

describe('summarizeWorld', () => {
  it('counts actors and relations by kind and lists the strongest ties of 2016', () => {
    const world = loadDefaultWorld();
    const s = summarizeWorld(world, { limit: 5 });
    expect(s.actorCount).toBe(195);
    expect(Object.values(s.relationsByKind).reduce((a, b) => a + b, 0)).toBe(world.relations.length);
    expect(s.cowMajors).toEqual(['USA', 'GBR', 'FRA', 'DEU', 'RUS', 'CHN', 'JPN']);
    expect(s.strongestAlliances).toHaveLength(5);
    expect(s.strongestAlliances.every((r) => r.kind === 'alliance' && r.score >= 0.99)).toBe(true);
    expect(s.strongestRivalries[0]?.score).toBe(-1);
    for (let i = 1; i < s.strongestRivalries.length; i++) {
      expect(s.strongestRivalries[i]!.score).toBeGreaterThanOrEqual(s.strongestRivalries[i - 1]!.score);
    }
  });

  it('orders ties of equal score by the weight of the pair', () => {
    const world = WorldSchema.parse({
      year: 2016,
      actors: { AAA: { name: 'a' }, BBB: { name: 'b' }, CCC: { name: 'c' } },
      relations: [
        { a: 'AAA', b: 'BBB', score: 1, kind: 'alliance' },
        { a: 'AAA', b: 'CCC', score: 1, kind: 'alliance' },
        { a: 'BBB', b: 'CCC', score: -0.5, kind: 'rivalry' },
      ],
    });
    const weights: Record<string, number> = { AAA: 0.1, BBB: 0.2, CCC: 0.7 };
    const s = summarizeWorld(world, { weightOf: (id) => weights[id] ?? 0 });
    expect(s.strongestAlliances.map((r) => r.b)).toEqual(['CCC', 'BBB']);
    expect(s.strongestRivalries.map((r) => `${r.a}-${r.b}`)).toEqual(['BBB-CCC']);
    expect(s.unscPermanent).toEqual([]);
  });
});
