/**
 * The shipped 2017 nuclear forces and missile defenses (data/forces-2017.json),
 * validated against the forces schema and attached to worlds on request. The
 * file is read once, on first use, and cached; nothing else is read.
 */
import { z } from 'zod';
import { loadShippedJson } from '../core/document.js';
import { ActorForcesSchema, type ActorForces, type City } from './forces.js';
import type { World } from './schema.js';

/** Location of the shipped file, resolved from this module (works from src/ and from dist/). */
export const DEFAULT_FORCES_FILE = new URL('../../data/forces-2017.json', import.meta.url);

/** The year the shipped forces describe. */
export const DEFAULT_FORCES_YEAR = 2017;

const ForcesFileSchema = z.object({
  meta: z.object({ title: z.string(), missing: z.array(z.string()) }).loose(),
  sources: z.record(z.string(), z.string()),
  actors: z.record(z.string(), ActorForcesSchema),
});
export type ForcesFile = z.infer<typeof ForcesFileSchema>;

let cached: ForcesFile | undefined;

/** The whole shipped file (meta, source table, actors), validated; read once. */
export function defaultForcesFile(): ForcesFile {
  if (!cached) {
    cached = loadShippedJson(ForcesFileSchema, DEFAULT_FORCES_FILE);
  }
  return cached;
}

/**
 * Per-actor forces and defenses as of 2017 (USA, RUS, CHN, GBR, FRA per
 * delivery system; IND, PAK, PRK, ISR at totals level as one notional system),
 * each figure with its source id or `assumption:` note. Returns a fresh deep
 * copy, so callers may modify it.
 */
export function defaultForcesAndDefenses(): Record<string, ActorForces> {
  return structuredClone(defaultForcesFile().actors);
}

/** Location of the shipped cities file (value targets), resolved from this module. */
export const CITIES_FILE = new URL('../../data/cities-50k.json', import.meta.url);

const CitiesFileSchema = z.object({
  meta: z.object({ source: z.string() }).loose(),
  countries: z.record(z.string(), z.array(z.tuple([z.string(), z.number(), z.number(), z.number()]))),
});

let citiesCache: Record<string, City[]> | undefined;

/**
 * Cities of at least 50,000 inhabitants by actor id (ISO 3166-1 alpha-3), from
 * data/cities-50k.json (GeoNames); read once. Returns the shared, frozen lists.
 */
export function shippedCities(): Readonly<Record<string, readonly City[]>> {
  if (!citiesCache) {
    const file = loadShippedJson(CitiesFileSchema, CITIES_FILE);
    citiesCache = {};
    for (const [id, rows] of Object.entries(file.countries))
      citiesCache[id] = Object.freeze(
        rows.map(([name, lat, lon, population]) => Object.freeze({ name, lat, lon, population })),
      ) as City[];
  }
  return citiesCache;
}

/**
 * A copy of `world` whose actors carry shipped forces, defenses and sensors
 * (`actors`, e.g. {@link defaultForcesFile}'s) where the world has no forces of
 * their own, and whose armed actors carry their cities (value targets) where
 * they have none. Actors absent from the world are not added.
 */
export function withForces(world: World, shipped: Readonly<Record<string, ActorForces>>): World {
  const cities = shippedCities();
  const actors = { ...world.actors };
  for (const [id, actor] of Object.entries(actors)) {
    const f = shipped[id];
    let next = actor;
    if (f && !actor.forces) {
      next = {
        ...next,
        forces: structuredClone(f.forces),
        defenses: structuredClone(f.defenses),
        ...(f.sensors ? { sensors: structuredClone(f.sensors) } : {}),
      };
    }
    const c = cities[id];
    if (c && !next.cities) next = { ...next, cities: c as City[] };
    if (next !== actor) actors[id] = next;
  }
  return { ...world, actors };
}

/**
 * A copy of `world` whose actors carry the shipped 2017 forces, defenses and
 * sensors where the world has no forces of its own, and every actor its
 * cities (value targets). Actors absent from the world are not added.
 */
export function withDefaultForces(world: World): World {
  const w = withForces(world, defaultForcesFile().actors);
  return w.forces === undefined ? { ...w, forces: DEFAULT_FORCES_YEAR } : w;
}
