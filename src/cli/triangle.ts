/**
 * `concert triangle A B C`: the strategic triangle of three actors
 * (models/relations, reports/relations; docs/models/relations.md).
 */
import type { Command } from '@commander-js/extra-typings';
import { type TriangleDocument, triangleAnalysis } from '../reports/index.js';
import { loadNetwork } from './network.js';
import { underFlag } from './options.js';
import { action, printJson } from './run.js';
import { fixed, renderTable } from './table.js';

const NAMES: Record<TriangleDocument['configuration'], string> = {
  'menage-a-trois': 'ménage à trois (all three friendly; balanced)',
  'romantic-triangle': 'romantic triangle (a pivot courted by two hostile suitors; unbalanced)',
  'stable-marriage': 'stable marriage (a friendly pair excluding a hostile third; balanced)',
  'all-hostile': 'all hostile (unbalanced)',
  open: 'open (at least one pair neutral or without a relation; balance undefined)',
};

/** The relations table, the configuration, the roles and the pivot of a triangle. */
export function triangleText(t: TriangleDocument): string {
  const [a, b, c] = t.actors;
  const pairs: [string, number, number][] = [
    [`${a}–${b}`, t.scores[0], t.signs[0]],
    [`${a}–${c}`, t.scores[1], t.signs[1]],
    [`${b}–${c}`, t.scores[2], t.signs[2]],
  ];
  const sign = (s: number) => (s > 0 ? '+' : s < 0 ? '−' : '0');
  return [
    `Strategic triangle ${a}–${b}–${c} (${t.source})`,
    renderTable(
      [{ header: 'Relation' }, { header: 'Score', align: 'right' }, { header: 'Sign', align: 'right' }],
      pairs.map(([p, s, g]) => [p, fixed(s, 2), sign(g)]),
    ),
    '',
    `Configuration: ${NAMES[t.configuration]}`,
    `Roles: ${t.roles.map((r) => `${r.id} ${r.role}`).join(', ')}`,
    `Pivot (closer to both others than they are to each other): ${t.pivot ?? 'none'}`,
  ].join('\n');
}

/** Registers `triangle`. */
export function register(program: Command): void {
  program
    .command('triangle')
    .description('strategic triangle of three actors: configuration, balance and roles (Dittmer 1981)')
    .argument('<a>', 'first actor id')
    .argument('<b>', 'second actor id')
    .argument('<c>', 'third actor id')
    .option('--world <file>', 'world file (YAML/JSON); default: the embedded default world')
    .option('--edges <file>', 'signed edge list CSV: from,to,sign or from,to,weight')
    .option('--year <year>', 'year of the default world, or window of a windowed edge list')
    .option('--json', 'print JSON')
    .action(
      action((a, b, c, o) => {
        const loaded = loadNetwork(o);
        const doc = underFlag(
          (path) => [`actor ${Number(path[0]) + 1}`],
          () => triangleAnalysis(loaded.net, [a, b, c], loaded.source),
        );
        if (o.json) printJson(doc);
        else process.stdout.write(`${triangleText(doc)}\n`);
      }),
    );
}
