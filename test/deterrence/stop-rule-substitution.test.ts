/**
 * Issue 15: under the stop rule more interceptors can raise the delivered
 * retaliation (USA first against China, GMD 220 → 240). This pins why: it is
 * the attacker's re-choice of its strike (a substitution), not the coarse
 * search — a 401-point search shows the same — and what more interceptors
 * never do is raise the attacker's own optimal cost, nor the delivered
 * retaliation of a fixed strike (docs/models/deterrence.md §6, "Monotonicity").
 */
import { describe, expect, it } from 'vitest';
import { exchange } from '../../src/models/deterrence/index.js';
import { loadDefaultWorld } from '../../src/world/default.js';
import type { World } from '../../src/world/schema.js';

const base = loadDefaultWorld();
function withGmd(n: number): World {
  const usa = base.actors.USA as NonNullable<World['actors'][string]>;
  const gmd = usa.defenses?.GMD;
  if (!gmd) throw new Error('GMD missing');
  return {
    ...base,
    actors: {
      ...base.actors,
      USA: { ...usa, defenses: { ...usa.defenses, GMD: { ...gmd, interceptors: n } } },
    },
  };
}

describe('the stop rule’s substitution (USA first against China, GMD 220 → 240)', () => {
  const fine = { searchPoints: 401 };
  const at220 = exchange(withGmd(220), 'USA', 'CHN', fine);
  const at240 = exchange(withGmd(240), 'USA', 'CHN', fine);

  it('with a 401-point search the US strikes with fewer counterforce warheads and slightly more Chinese warheads arrive', () => {
    expect(at220.counterforceWarheads).toBeCloseTo(52.27, 1);
    expect(at240.counterforceWarheads).toBeCloseTo(38.19, 1);
    expect(at220.retaliatoryWarheadsDelivered).toBeCloseTo(0.8895, 3);
    expect(at240.retaliatoryWarheadsDelivered).toBeCloseTo(0.9328, 3);
  });

  it('the attacker’s optimal cost falls, and for each fixed strike the delivered retaliation falls', () => {
    expect(at240.attackerCost).toBeLessThan(at220.attackerCost);
    for (const share of [0.25, 0.5, 0.75, 1]) {
      const a = exchange(withGmd(220), 'USA', 'CHN', { counterforceShare: share });
      const b = exchange(withGmd(240), 'USA', 'CHN', { counterforceShare: share });
      expect(b.retaliatoryWarheadsDelivered).toBeLessThanOrEqual(a.retaliatoryWarheadsDelivered + 1e-12);
    }
  });
});
