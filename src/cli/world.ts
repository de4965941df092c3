/**
 * `concert world`: a summary of a world (the embedded default of a year, or a
 * world file): actors, major powers, and the strongest alliances and
 * rivalries. Parse → call the library → format.
 */
import type { Command } from '@commander-js/extra-typings';
import { powerRanking } from '../models/powers/index.js';
import {
  type Relation,
  resolveWorld,
  summarizeWorld,
  type World,
  type WorldSummary,
} from '../world/index.js';
import { parsePositiveInt, shortName } from './powers.js';
import { action, printJson } from './run.js';
import { fixed, renderTable } from './table.js';

/** CINC share by actor (0 where unknown), to order relations of equal score by the weight of the pair. */
export function cincWeights(world: World): (id: string) => number {
  const shares = new Map<string, number>();
  // A world in which no actor has capabilities has no CINC: relations are then ordered by score and ids only.
  const hasCapabilities = Object.values(world.actors).some((a) => a.capabilities);
  if (hasCapabilities) for (const a of powerRanking(world).actors) shares.set(a.id, a.share);
  return (id) => shares.get(id) ?? 0;
}

/** A table of relations: the pair, score, kind and the rule's explanation. */
/** The `concert world --json` document (shared with the HTTP API): the summary plus every actor. */
export function worldJson(world: World, summary: ReturnType<typeof summarizeWorld>) {
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

export function relationsTable(world: World, relations: readonly Relation[]): string {
  const name = (id: string) => shortName(world.actors[id]?.name ?? id, 24);
  return renderTable(
    [{ header: 'Pair' }, { header: 'Names' }, { header: 'Score', align: 'right' }, { header: 'Kind' }],
    relations.map((r) => [`${r.a}–${r.b}`, `${name(r.a)} / ${name(r.b)}`, fixed(r.score, 2), r.kind]),
  );
}

/** The human-readable summary of a world. */
export function summaryText(world: World, s: WorldSummary): string {
  const kinds = Object.entries(s.relationsByKind)
    .map(([k, n]) => `${n} ${k}`)
    .join(', ');
  return [
    `World ${s.year}: ${s.actorCount} actors, ${s.relationCount} relations (${kinds}; pairs not listed are neutral).`,
    s.description ? `${s.description}` : '',
    '',
    `COW major powers: ${s.cowMajors.join(', ') || 'none'}.`,
    `UN Security Council permanent members: ${s.unscPermanent.join(', ') || 'none'}.`,
    '',
    "Strongest alliances (score, then the pair's combined CINC share):",
    s.strongestAlliances.length > 0 ? relationsTable(world, s.strongestAlliances) : '  none',
    '',
    'Strongest rivalries:',
    s.strongestRivalries.length > 0 ? relationsTable(world, s.strongestRivalries) : '  none',
  ]
    .filter((line, i, all) => !(line === '' && all[i - 1] === ''))
    .join('\n');
}

/** Registers `concert world`. */
export function register(program: Command): void {
  program
    .command('world')
    .description('summarise a world: actors, major powers, strongest alliances and rivalries')
    .option('--year <year>', 'year of the embedded default world, 1816–2016 (default 2016)')
    .option('--world <file>', 'a world file (YAML or JSON) instead of the default world')
    .option('--top <n>', 'how many alliances and rivalries to list (default 10)', '10')
    .option('--json', 'print JSON')
    .action(
      action((opts) => {
        const world = resolveWorld({ year: opts.year, file: opts.world });
        const limit = parsePositiveInt(opts.top, '--top');
        const summary = summarizeWorld(world, { limit, weightOf: cincWeights(world) });
        if (opts.json) {
          printJson(worldJson(world, summary));
          return;
        }
        process.stdout.write(`${summaryText(world, summary)}\n`);
      }),
    );
}
