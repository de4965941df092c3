/**
 * Nuclear forces, missile defenses and sensors by year: the shipped
 * compilations data/forces-2000.json (Suh 2022 per system), forces-2010.json
 * (US per system; others' totals from Suh 2022 and FAS) and forces-2017.json
 * (the default), each validated and read once. A world picks its forces year
 * with `forces: 2000` (src/world/load.ts); the scenario engine can start from
 * them (docs/models/deterrence.md, "Forces by year").
 */
import { z } from 'zod';
import { loadShippedJson } from '../core/document.js';
import { defaultForcesFile, type ForcesFile, withForces } from './default-forces.js';
import { ActorForcesSchema, type ActorForces, type ForcesYear } from './forces.js';
import type { World } from './schema.js';

export { FORCES_YEARS, type ForcesYear, ForcesYearSchema } from './forces.js';

const FileSchema = z.object({
  meta: z.object({ title: z.string(), missing: z.array(z.string()) }).loose(),
  sources: z.record(z.string(), z.string()),
  actors: z.record(z.string(), ActorForcesSchema),
});

const cache = new Map<number, ForcesFile>();

/** The shipped compilation of `year` (meta, source table, actors), validated; read once. */
export function forcesFile(year: ForcesYear): ForcesFile {
  if (year === 2017) return defaultForcesFile();
  let f = cache.get(year);
  if (!f) {
    const url = new URL(`../../data/forces-${year}.json`, import.meta.url);
    f = loadShippedJson(FileSchema, url);
    cache.set(year, f);
  }
  return f;
}

/** A fresh deep copy of the forces, defenses and sensors of `year`, by actor id. */
export function forcesOfYear(year: ForcesYear): Record<string, ActorForces> {
  return structuredClone(forcesFile(year).actors);
}

/**
 * A copy of `world` with the forces, defenses and sensors of `year`: with
 * `replace`, every actor's own forces, defenses and sensors are first dropped
 * (the base world's, before a user's overlay is merged); without it, only
 * actors without forces get them. Actors carry their cities either way.
 *
 * @example
 * withForcesOfYear(loadDefaultWorld({ year: 2000 }), 2000, { replace: true }).actors.USA.forces?.systems['PK-W87'];
 */
export function withForcesOfYear(world: World, year: ForcesYear, o: { replace?: boolean } = {}): World {
  let w = world;
  if (o.replace) {
    const actors: World['actors'] = {};
    for (const [id, a] of Object.entries(world.actors)) {
      const { forces: _f, defenses: _d, sensors: _s, ...rest } = a;
      actors[id] = rest;
    }
    w = { ...world, actors };
  }
  const out = withForces(w, forcesFile(year).actors);
  return o.replace || out.forces === undefined ? { ...out, forces: year } : out;
}
