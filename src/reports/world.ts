/**
 * The world reports: `concert world --json` (GET /api/worlds/:year) and
 * `concert overview --json` (docs/world.md).
 */
import { concentration, powerRanking } from '../models/powers/index.js';
import { summarizeWorld, type World } from '../world/index.js';
import type { Document } from './document.js';
import type { OverviewSchema, WorldSummarySchema } from './schemas/world.js';

export type WorldSummaryDocument = Document<typeof WorldSummarySchema>;
export type OverviewDocument = Document<typeof OverviewSchema>;

/**
 * CINC share by actor (0 where unknown), to order relations of equal score by
 * the weight of the pair. A world in which no actor has capabilities has no
 * CINC: relations are then ordered by score and ids only.
 */
export function cincWeights(world: World): (id: string) => number {
  const shares = new Map<string, number>();
  const hasCapabilities = Object.values(world.actors).some((a) => a.capabilities);
  if (hasCapabilities) for (const a of powerRanking(world).actors) shares.set(a.id, a.share);
  return (id) => shares.get(id) ?? 0;
}

/**
 * The summary of a world (`summarizeWorld`, the `top` strongest alliances and
 * rivalries, ties ordered by the pair's combined CINC share) and every actor.
 */
export function worldReport(world: World, options: { readonly top?: number } = {}): WorldSummaryDocument {
  const summary = summarizeWorld(world, { limit: options.top ?? 10, weightOf: cincWeights(world) });
  return {
    ...summary,
    actors: Object.entries(world.actors).map(([id, a]) => ({
      id,
      name: a.name,
      cowCode: a.cowCode ?? null,
      cowMajor: a.cowMajor,
      unscPermanent: a.unscPermanent,
    })),
  };
}

/**
 * The strategic overview of a world: the `top` strongest states by CINC with
 * their flags and GDP, concentration over all states and among COW's major
 * powers, and the alliances and rivalries among the leaders and in the
 * whole system.
 */
export function overviewReport(world: World, top = 10): OverviewDocument {
  const ranking = powerRanking(world);
  const leaders = ranking.actors.slice(0, top);
  const leaderIds = new Set(leaders.map((a) => a.id));
  const cowMajorShares = ranking.actors.filter((a) => a.cowMajor).map((a) => a.value);
  const amongMajors = cowMajorShares.length > 0 ? concentration(cowMajorShares) : null;
  const among = world.relations.filter((r) => leaderIds.has(r.a) && leaderIds.has(r.b));
  const weightOf = cincWeights(world);
  const summary = summarizeWorld(world, { limit: 8, weightOf });
  const byStrength = (x: { score: number; a: string; b: string }, y: typeof x) =>
    Math.abs(y.score) - Math.abs(x.score) || weightOf(y.a) + weightOf(y.b) - weightOf(x.a) - weightOf(x.b);
  return {
    year: world.year,
    leaders: leaders.map((a) => ({
      ...a,
      unscPermanent: world.actors[a.id]?.unscPermanent ?? false,
      gdpUsd: world.actors[a.id]?.gdpUsd ?? null,
    })),
    concentration: {
      all: { ...ranking.concentration, states: ranking.actors.length },
      cowMajors: amongMajors,
    },
    alliancesAmongLeaders: among.filter((r) => r.kind === 'alliance').sort(byStrength),
    partnershipsAmongLeaders: among.filter((r) => r.kind === 'partnership').length,
    rivalriesAmongLeaders: among
      .filter((r) => r.kind === 'rivalry' || r.kind === 'hostility')
      .sort(byStrength),
    strongestRivalries: summary.strongestRivalries,
    majors: ranking.actors.filter((a) => a.major).map((a) => a.id),
    cowMajors: summary.cowMajors,
  };
}
