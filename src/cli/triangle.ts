/**
 * `concert triangle A B C`: the strategic triangle of three actors
 * (models/relations; docs/models/relations.md). Parse → call the library → format.
 */
import type { Command } from '@commander-js/extra-typings';
import { badInput, type Problem } from '../core/errors.js';
import { type StrategicTriangle, strategicTriangle } from '../models/relations/index.js';
import { loadNetwork, preview } from './balance.js';
import { action, printJson } from './run.js';
import { fixed, renderTable } from './table.js';

const NAMES: Record<StrategicTriangle['configuration'], string> = {
  'menage-a-trois': 'ménage à trois (all three friendly; balanced)',
  'romantic-triangle': 'romantic triangle (a pivot courted by two hostile suitors; unbalanced)',
  'stable-marriage': 'stable marriage (a friendly pair excluding a hostile third; balanced)',
  'all-hostile': 'all hostile (unbalanced)',
  open: 'open (at least one pair neutral or without a relation; balance undefined)',
};

function triangleText(t: StrategicTriangle, source: string): string {
  const [a, b, c] = t.actors;
  const pairs: [string, number, number][] = [
    [`${a}–${b}`, t.scores[0], t.signs[0]],
    [`${a}–${c}`, t.scores[1], t.signs[1]],
    [`${b}–${c}`, t.scores[2], t.signs[2]],
  ];
  const sign = (s: number) => (s > 0 ? '+' : s < 0 ? '−' : '0');
  return [
    `Strategic triangle ${a}–${b}–${c} (${source})`,
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
        const ids = [a, b, c];
        const problems: Problem[] = [];
        ids.forEach((id, i) => {
          if (!loaded.net.nodes.includes(id)) {
            problems.push({
              path: [`actor ${i + 1}`],
              message: `unknown actor "${id}": expected one of ${preview(loaded.net.nodes)}`,
            });
          } else if (ids.indexOf(id) !== i) {
            problems.push({
              path: [`actor ${i + 1}`],
              message: `"${id}" is given twice: expected three different actors`,
            });
          }
        });
        if (problems.length > 0) throw badInput(problems[0]!, ...problems.slice(1));
        const t = strategicTriangle(loaded.net, a, b, c);
        if (o.json) printJson({ ...t, source: loaded.source });
        else process.stdout.write(`${triangleText(t, loaded.source)}\n`);
      }),
    );
}
