/**
 * Queries that summarise a world: who is in it, who the major powers are, and
 * its strongest alliances and rivalries.
 */
import type { ActorId, Relation, RelationKind, World } from './schema.js';

export interface WorldSummary {
  readonly year: number;
  readonly description: string | null;
  readonly actorCount: number;
  /** COW major powers of the year. */
  readonly cowMajors: ActorId[];
  readonly unscPermanent: ActorId[];
  readonly relationCount: number;
  readonly relationsByKind: Readonly<Record<RelationKind, number>>;
  /** Alliances and partnerships, strongest first. */
  readonly strongestAlliances: Relation[];
  /** Rivalries and hostilities, most negative first. */
  readonly strongestRivalries: Relation[];
}

export interface WorldSummaryOptions {
  /** How many relations of each list to keep. Default 10. */
  readonly limit?: number;
  /**
   * Weight of an actor (e.g. its CINC share) used to order relations of equal
   * score: pairs whose two weights sum higher come first. Default: none
   * (ties ordered by id).
   */
  readonly weightOf?: (id: ActorId) => number;
}

/**
 * Summarises a world. Relations are ordered by |score| (strongest first), then
 * by the summed weight of the pair, then by ids; the alliance list holds
 * positive scores (kinds alliance and partnership), the rivalry list negative
 * scores (kinds rivalry and hostility).
 */
export function summarizeWorld(world: World, options: WorldSummaryOptions = {}): WorldSummary {
  const limit = options.limit ?? 10;
  const weight = options.weightOf ?? (() => 0);
  const byKind: Record<RelationKind, number> = {
    alliance: 0,
    partnership: 0,
    neutral: 0,
    rivalry: 0,
    hostility: 0,
  };
  for (const r of world.relations) byKind[r.kind]++;
  const order = (x: Relation, y: Relation) =>
    Math.abs(y.score) - Math.abs(x.score) ||
    weight(y.a) + weight(y.b) - (weight(x.a) + weight(x.b)) ||
    `${x.a}|${x.b}`.localeCompare(`${y.a}|${y.b}`);
  const entries = Object.entries(world.actors);
  return {
    year: world.year,
    description: world.description ?? null,
    actorCount: entries.length,
    cowMajors: entries.filter(([, a]) => a.cowMajor).map(([id]) => id),
    unscPermanent: entries.filter(([, a]) => a.unscPermanent).map(([id]) => id),
    relationCount: world.relations.length,
    relationsByKind: byKind,
    strongestAlliances: world.relations
      .filter((r) => r.score > 0)
      .sort(order)
      .slice(0, limit),
    strongestRivalries: world.relations
      .filter((r) => r.score < 0)
      .sort(order)
      .slice(0, limit),
  };
}
