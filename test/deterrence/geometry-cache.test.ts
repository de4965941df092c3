/**
 * The shared geometry cache (coverage.ts's `geometryCache`, used by the
 * scenario engine across the runs of an ensemble) changes nothing: a dyad
 * evaluated with a cache that earlier calls filled — under other sampled
 * parameters, other arsenals, other sensors — equals the dyad evaluated
 * without one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { geometryCache } from '../../src/models/deterrence/coverage.js';
import { dyad } from '../../src/models/deterrence/dyad.js';
import { applyDeterrenceDraws } from '../../src/models/deterrence/uncertainty.js';
import { loadDefaultWorld } from '../../src/world/default.js';
import type { World } from '../../src/world/schema.js';

const base = loadDefaultWorld();

/** A variant of the default world: sampled deterrence parameters and a scaled arsenal for one actor. */
const variant = fc.record({
  pk: fc.double({ min: 0.2, max: 0.9, noNaN: true }),
  reliability: fc.double({ min: 0.6, max: 0.95, noNaN: true }),
  slbmGenerated: fc.double({ min: 0, max: 1, noNaN: true }),
  roadGenerated: fc.double({ min: 0, max: 1, noNaN: true }),
  scale: fc.double({ min: 0.3, max: 2, noNaN: true }),
  scaled: fc.constantFrom('USA', 'RUS', 'CHN'),
  pair: fc.constantFrom<[string, string]>(['USA', 'RUS'], ['USA', 'CHN'], ['RUS', 'CHN'], ['USA', 'PRK']),
  sensorsOff: fc.boolean(),
});

type Variant = typeof variant extends fc.Arbitrary<infer T> ? T : never;

function worldOf(v: Variant): World {
  const drawn = applyDeterrenceDraws(base, {
    'deterrence.pk': v.pk,
    'deterrence.reliability': v.reliability,
    'deterrence.alert.slbm.generated': v.slbmGenerated,
    'deterrence.alert.road-mobile.generated': v.roadGenerated,
  });
  const actor = drawn.actors[v.scaled];
  if (!actor?.forces) return drawn;
  const systems = Object.fromEntries(
    Object.entries(actor.forces.systems).map(([id, s]) => [
      id,
      { ...s, launchers: Math.max(1, Math.round(s.launchers * v.scale)) },
    ]),
  );
  return {
    ...drawn,
    actors: { ...drawn.actors, [v.scaled]: { ...actor, forces: { ...actor.forces, systems } } },
  };
}

describe('the shared geometry cache', () => {
  it('gives the dyad a fresh computation gives, whatever the cache holds from earlier calls', () => {
    const cache = geometryCache();
    fc.assert(
      fc.property(variant, (v) => {
        const world = worldOf(v);
        const [a, b] = v.pair;
        const options = v.sensorsOff
          ? { enableSensors: ['USA.TPY-2-Korea'], disableSensors: ['USA.TPY-2-Japan', 'USA.UEWR-Clear'] }
          : {};
        const cached = dyad(world, a, b, options, cache);
        const fresh = dyad(world, a, b, options);
        expect(cached).toEqual(fresh);
      }),
      { numRuns: 25 },
    );
    expect(cache.trajectories.size).toBeGreaterThan(0);
  }, 120_000);
});
