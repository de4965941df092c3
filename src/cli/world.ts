/**
 * `concert world`: a summary of a world (the embedded default of a year, or a
 * world file): actors, major powers, and the strongest alliances and
 * rivalries (reports/world). Parse → build the report → print or render it.
 */
import type { Command } from '@commander-js/extra-typings';
import { type WorldSummaryDocument, worldReport } from '../reports/index.js';
import type { Relation } from '../world/index.js';
import { Flags } from './options.js';
import { action, printJson } from './run.js';
import { fixed, renderTable, shortName } from './table.js';
import { resolveWorld } from './world-options.js';

/** A table of relations: the pair, the names, the score and the kind. */
export function relationsTable(
  nameOf: (id: string) => string,
  relations: readonly Pick<Relation, 'a' | 'b' | 'score' | 'kind'>[],
): string {
  const name = (id: string) => shortName(nameOf(id), 24);
  return renderTable(
    [{ header: 'Pair' }, { header: 'Names' }, { header: 'Score', align: 'right' }, { header: 'Kind' }],
    relations.map((r) => [`${r.a}–${r.b}`, `${name(r.a)} / ${name(r.b)}`, fixed(r.score, 2), r.kind]),
  );
}

/** The human-readable summary of a world document. */
export function summaryText(s: WorldSummaryDocument): string {
  const names = new Map(s.actors.map((a) => [a.id, a.name]));
  const nameOf = (id: string) => names.get(id) ?? id;
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
    s.strongestAlliances.length > 0 ? relationsTable(nameOf, s.strongestAlliances) : '  none',
    '',
    'Strongest rivalries:',
    s.strongestRivalries.length > 0 ? relationsTable(nameOf, s.strongestRivalries) : '  none',
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
        const flags = new Flags();
        const top = flags.integer(opts.top, '--top', 1);
        flags.done();
        const doc = worldReport(resolveWorld({ year: opts.year, file: opts.world }), { top: top! });
        if (opts.json) printJson(doc);
        else process.stdout.write(`${summaryText(doc)}\n`);
      }),
    );
}
