/**
 * The cold `allDyads` path gives exactly the numbers it gave before it was
 * made faster (issue 15's performance criterion): the fixture holds the
 * result of the commit named in it, in full for the 2017 default world and as
 * SHA-256 digests (of the key-sorted JSON) for the 2017, 2000 and 2010 worlds
 * under several option sets. Equality is exact: JSON round-trips doubles.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allDyads } from '../../src/models/deterrence/index.js';
import type { DeterrenceOptions } from '../../src/models/deterrence/options.js';
import { loadDefaultWorld } from '../../src/world/default.js';
import { loadWorldFile } from '../../src/world/load.js';
import type { World } from '../../src/world/schema.js';

const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/all-dyads-reference.json', import.meta.url), 'utf8'),
) as { world2017: unknown; digests: Record<string, string> };

const worlds: Record<string, () => World> = {
  '2017': loadDefaultWorld,
  '2000': () => loadWorldFile(new URL('../validation/fixtures/world-2000.yaml', import.meta.url).pathname),
  '2010': () => loadWorldFile(new URL('../validation/fixtures/world-2010.yaml', import.meta.url).pathname),
};

const optionSets: Record<string, Partial<DeterrenceOptions>> = {
  default: {},
  all: { dyads: 'all' },
  daytoday: { posture: 'day-to-day', dyads: 'all' },
  exponential: { damageModel: 'exponential', dyads: 'all' },
  share: { counterforceShare: 0.5 },
  nodef: { disableDefenses: ['USA', 'RUS'] },
  sensors: { enableSensors: ['USA.TPY-2-Korea'], disableSensors: ['USA.TPY-2-Japan'] },
};

/** The value with every object's keys sorted (a digest that does not depend on property order). */
function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, canonical((v as Record<string, unknown>)[k])]),
    );
  return v;
}

const digest = (v: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(canonical(v)))
    .digest('hex');

describe('allDyads against the numbers of the unoptimised path', () => {
  it('the 2017 default world: every field of every dyad, both orders, exactly', () => {
    const now = JSON.parse(JSON.stringify(allDyads(loadDefaultWorld())));
    expect(now).toEqual(fixture.world2017);
  });

  it('the 2017, 2000 and 2010 worlds under seven option sets: identical digests', () => {
    for (const [wn, load] of Object.entries(worlds)) {
      const world = load();
      for (const [on, options] of Object.entries(optionSets)) {
        const key = `${wn}/${on}`;
        expect(digest(JSON.parse(JSON.stringify(allDyads(world, options)))), key).toBe(fixture.digests[key]);
      }
    }
  }, 60_000);
});
