/**
 * `concert balance whatif`: change one relation and report the change in
 * every balance measure (models/relations whatIf, reports/relations).
 */
import type { Command } from '@commander-js/extra-typings';
import { relationProblems } from '../models/relations/index.js';
import { type WhatIfDocument, whatIfAnalysis } from '../reports/index.js';
import { DEFAULT_TIME_LIMIT_S, ratio, timeLimit } from './balance.js';
import { loadNetwork } from './network.js';
import { Flags, seedHelp } from './options.js';
import { action, group, printJson } from './run.js';
import { fixed, listText, renderTable } from './table.js';

const signed = (x: number | null, digits = 4) =>
  x === null ? 'n/a' : `${x > 0 ? '+' : ''}${fixed(x, digits)}`;

/** The before/after table and the triangles and actors the change affects. */
export function whatIfText(r: WhatIfDocument): string {
  const b = r.before;
  const a = r.after;
  const rows = [
    ['Triangle balance ratio', ratio(b.triangleRatio), ratio(a.triangleRatio), signed(r.delta.triangleRatio)],
    [
      'Weighted triangle ratio',
      ratio(b.weightedTriangleRatio),
      ratio(a.weightedTriangleRatio),
      signed(r.delta.weightedTriangleRatio),
    ],
    ['Walk balance', ratio(b.walkBalance), ratio(a.walkBalance), signed(r.delta.walkBalance)],
    [
      'Frustration index L',
      String(b.frustration.index),
      String(a.frustration.index),
      signed(r.delta.frustrationIndex, 0),
    ],
    [
      'Normalised frustration',
      fixed(b.frustration.normalized, 4),
      fixed(a.frustration.normalized, 4),
      signed(r.delta.frustrationNormalized),
    ],
  ];
  const tri = (list: WhatIfDocument['newlyUnbalanced']) =>
    list.length === 0
      ? 'none'
      : listText(
          list.map((t) => t.actors.join('–')),
          20,
        );
  return [
    `What if ${r.change.a}–${r.change.b} goes from ${fixed(r.change.before, 2)} to ${fixed(r.change.after, 2)}? (${r.source})`,
    renderTable(
      [
        { header: 'Measure' },
        { header: 'Before', align: 'right' },
        { header: 'After', align: 'right' },
        { header: 'Change', align: 'right' },
      ],
      rows,
    ),
    '',
    `Triangles that become unbalanced: ${tri(r.newlyUnbalanced)}`,
    `Triangles that become balanced: ${tri(r.newlyBalanced)}`,
    `Actors left without a friendly relation: ${r.newlyIsolated.length === 0 ? 'none' : r.newlyIsolated.join(', ')}`,
    `Actors newly isolated in a triangle: ${
      r.isolatedInTriangles.length === 0
        ? 'none'
        : listText(
            r.isolatedInTriangles.map((x) => `${x.id} (${x.actors.join('–')})`),
            20,
          )
    }`,
  ].join('\n');
}

/** `A,B=SCORE` → the change, with every problem located at `--set`. */
function parseSet(flags: Flags, text: string): { a: string; b: string; score: number } | undefined {
  const m = /^\s*([^,=\s]+)\s*,\s*([^,=\s]+)\s*=\s*([+-]?(\d+(\.\d*)?|\.\d+))\s*$/.exec(text);
  if (!m) {
    flags.fail('--set', `expected A,B=SCORE such as USA,RUS=+0.6; got "${text}"`);
    return undefined;
  }
  return { a: m[1]!, b: m[2]!, score: Number(m[3]) };
}

/** Registers `balance whatif`. */
export function register(program: Command): void {
  group(
    program,
    'balance',
    'structural balance of a signed network: triangles, walks, frustration index and partition',
  )
    .command('whatif')
    .description('change one relation and report the change in every balance measure')
    .requiredOption('--set <A,B=score>', 'the relation to change, e.g. USA,RUS=+0.6 (score in [-1, 1])')
    .option('--world <file>', 'world file (YAML/JSON) whose relations form the network')
    .option('--edges <file>', 'signed edge list CSV: from,to,sign or from,to,weight')
    .option('--year <year>', 'year of the default world, or window of a windowed edge list')
    .option('--actors <ids>', 'comma-separated actor ids to keep (the induced sub-network)')
    .option('--heuristic', 'local search only (fast, for large networks; reports a lower bound and gap)')
    .option('--time-limit <seconds>', `time limit of the exact solver (default ${DEFAULT_TIME_LIMIT_S})`)
    .option('--weighted', 'minimise the total |weight| of frustrated edges instead of their number')
    .option('--seed <n>', seedHelp('seed of the local search'))
    .option('--json', 'print JSON')
    .action(
      action(async (o) => {
        const flags = new Flags();
        const timeLimitS = timeLimit(flags, o.timeLimit);
        const seed = flags.seed(o.seed);
        const change = parseSet(flags, o.set);
        flags.done();
        const loaded = loadNetwork(o);
        const c = change!;
        // The ids as the library checks them; the score with the message users of --set know.
        flags.problems.push(
          ...relationProblems(loaded.net, c.a, c.b, 0, { a: ['--set'], b: ['--set'], weight: [] }),
        );
        if (c.score < -1 || c.score > 1) flags.fail('--set', `score ${c.score} is outside [-1, 1]`);
        flags.done();
        const doc = await whatIfAnalysis(loaded.net, c, loaded.source, {
          method: o.heuristic ? 'heuristic' : 'exact',
          timeLimitS,
          weighted: o.weighted === true,
          seed,
        });
        if (o.json) printJson(doc);
        else process.stdout.write(`${whatIfText(doc)}\n`);
      }),
    );
}
