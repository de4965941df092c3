/**
 * The shipped 2017 nuclear forces and missile defenses (data/forces-2017.json),
 * validated against the forces schema and attached to worlds on request. The
 * file is read once, on first use, and cached; nothing else is read.
 */
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { parseDocument, validateDocument } from '../core/document.js';
import { ActorForcesSchema, type ActorForces } from './forces.js';
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
    const path = DEFAULT_FORCES_FILE.pathname;
    const doc = parseDocument(readFileSync(DEFAULT_FORCES_FILE, 'utf8'), path, 'json');
    cached = validateDocument(ForcesFileSchema, doc);
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

/**
 * A copy of `world` whose actors carry the shipped 2017 forces and defenses
 * where the world has no forces of its own. Actors absent from the world are
 * not added.
 */
export function withDefaultForces(world: World): World {
  const shipped = defaultForcesFile().actors;
  const actors = { ...world.actors };
  for (const [id, actor] of Object.entries(actors)) {
    const f = shipped[id];
    if (!f || actor.forces) continue;
    actors[id] = { ...actor, forces: structuredClone(f.forces), defenses: structuredClone(f.defenses) };
  }
  return { ...world, actors };
}
