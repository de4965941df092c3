/**
 * `concert balance` (the default `report` subcommand): structural balance of
 * a signed network — triangles, walks, the frustration index and its
 * partition (models/relations, reports/relations; docs/models/relations.md).
 * Parse → build the report → print or render it.
 */
import type { Command } from '@commander-js/extra-typings';
import { reroot } from '../core/errors.js';
import { pairProblems, TRIANGLE_FILTERS } from '../models/relations/index.js';
import {
  type BalanceDocument,
  balanceAnalysis,
  DEFAULT_TRIANGLE_LIMIT,
  type TriangleListingDocument,
} from '../reports/index.js';
import { loadNetwork } from './network.js';
import { Flags, seedHelp } from './options.js';
import { action, group, printJson } from './run.js';
import { fixed, listText, renderTable } from './table.js';

/** The exact solver's time limit when `--time-limit` is not given, seconds. */
export const DEFAULT_TIME_LIMIT_S = 60;

/** `--time-limit` in seconds (default {@link DEFAULT_TIME_LIMIT_S}). */
export function timeLimit(flags: Flags, raw: string | undefined): number {
  if (raw === undefined) return DEFAULT_TIME_LIMIT_S;
  return (
    flags.number(raw, '--time-limit', (x) => (x > 0 ? undefined : 'expected a positive number of seconds')) ??
    DEFAULT_TIME_LIMIT_S
  );
}

/** A ratio with 4 decimals, or n/a. */
export const ratio = (x: number | null) => (x === null ? 'n/a' : fixed(x, 4));

/** A sign as the listing shows it. */
const signText = (s: number) => (s > 0 ? '+' : '−');

/**
 * The triangle listing: one row per triangle (its actors, the signs of its
 * three ties, its positive ties as signnet's P, balanced or not), then how
 * many were listed of how many, and how to see others.
 */
export function triangleListingText(t: TriangleListingDocument): string {
  const which = t.filter === 'all' ? '' : ` ${t.filter}`;
  const through = t.with.length === 0 ? '' : ` through ${listText(t.with)}`;
  const head = `Triangles${which}${through}: ${t.matching} of the ${t.total} triangles${t.truncated ? `, the first ${t.list.length} listed (in node order)` : ''}`;
  if (t.list.length === 0) return `${head}\n(none)`;
  const table = renderTable(
    [
      { header: 'A' },
      { header: 'B' },
      { header: 'C' },
      { header: 'A–B' },
      { header: 'A–C' },
      { header: 'B–C' },
      { header: 'P', align: 'right' },
      { header: 'balanced' },
    ],
    t.list.map((r) => [
      ...r.actors,
      ...r.signs.map(signText),
      String(r.positives),
      r.balanced ? 'yes' : 'no',
    ]),
  );
  const narrow = [
    ...(t.filter === 'all' ? ['--triangles unbalanced'] : []),
    ...(t.with.length === 0 ? ['--triangles-with A,B'] : []),
  ];
  const more = t.truncated
    ? `\n${t.matching - t.list.length} more: --triangle-limit N (0 for all)${narrow.length > 0 ? `; to narrow, ${narrow.join(' or ')}` : ''}`
    : '';
  return `${head}\n${table}${more}`;
}

/** The measures table, the two groups and the frustrated edges of a balance document. */
export function balanceText(r: BalanceDocument): string {
  const f = r.frustration;
  const rows = [
    ['Nodes / edges (+ / −)', `${r.nodes} / ${r.edges} (${r.positiveEdges} / ${r.negativeEdges})`],
    [
      'Triangles +++ / ++− / +−− / −−−',
      `${r.census['+++']} / ${r.census['++-']} / ${r.census['+--']} / ${r.census['---']}`,
    ],
    ['Triangle balance ratio', ratio(r.triangleRatio)],
    ['Weighted triangle ratio', ratio(r.weightedTriangleRatio)],
    ['Walk balance (Estrada–Benzi)', ratio(r.walkBalance)],
    [
      'Frustration index L',
      `${fixed(f.index, Number.isInteger(f.index) ? 0 : 4)}${f.exact ? ' (exact)' : ` (best found; lower bound ${fixed(f.lowerBound, 2)}, gap ${fixed(100 * f.gap, 1)}%)`}`,
    ],
    ['Normalised 1 − 2L/m', fixed(f.normalized, 4)],
  ];
  const lines = [
    `Structural balance of ${r.source}`,
    renderTable([{ header: 'Measure' }, { header: 'Value', align: 'right' }], rows),
    '',
    `Group 1: ${listText(f.partition[0]!)}`,
    `Group 2: ${listText(f.partition[1]!)}`,
    `Frustrated edges: ${f.frustratedEdges.length === 0 ? 'none' : listText(f.frustratedEdges.map(([a, b]) => `${a}–${b}`))}`,
  ];
  const c = r.clustering;
  if (c) {
    lines.push(
      '',
      `Best partition into at most ${c.k} groups (α = ${c.alpha}): ${c.violations} violating edges (${c.negativeWithin} negative inside, ${c.positiveBetween} positive between)${c.exact ? ', proven' : ', best found'}`,
      `  criterion α·N + (1 − α)·P = ${fixed(c.criterion, Number.isInteger(c.criterion) ? 0 : 4)}, each edge counted once (signnet's signed_blockmodel counts both directions: ${fixed(c.signnetCriterion, Number.isInteger(c.signnetCriterion) ? 0 : 4)})`,
      ...c.groups.map((g, i) => `  Group ${i + 1}: ${listText(g)}`),
    );
  }
  const pair = r.pair;
  if (pair) {
    const where =
      pair.verdict === 'either'
        ? 'either placement is optimal'
        : `${pair.verdict} in every optimal bipartition`;
    lines.push(
      '',
      `${pair.a} and ${pair.b}: ${where} (L = ${pair.together} if together, ${pair.apart} if apart${pair.exact ? '' : '; not proven'})`,
    );
  }
  if (r.triangles) lines.push('', triangleListingText(r.triangles));
  return lines.join('\n');
}

/** Registers `balance` and its default `report` subcommand. */
export function register(program: Command): void {
  const balance = group(
    program,
    'balance',
    'structural balance of a signed network: triangles, walks, frustration index and partition',
  );
  // The measures are the default subcommand, so `concert balance --json` works and the
  // subcommands' options (--seed, --json, …) are never taken by the parent.
  balance
    .command('report', { isDefault: true })
    .description('balance measures, frustration index and partition (the default)')
    .option('--world <file>', 'world file (YAML/JSON) whose relations form the network')
    .option('--edges <file>', 'signed edge list CSV: from,to,sign or from,to,weight')
    .option('--year <year>', 'year of the default world, or window of a windowed edge list')
    .option('--actors <ids>', 'comma-separated actor ids to keep (the induced sub-network)')
    .option('--exact', 'prove the frustration index (default)')
    .option('--heuristic', 'local search only (fast, for large networks; reports a lower bound and gap)')
    .option('--time-limit <seconds>', `time limit of the exact solver (default ${DEFAULT_TIME_LIMIT_S})`)
    .option('--weighted', 'minimise the total |weight| of frustrated edges instead of their number')
    .option('--seed <n>', seedHelp('seed of the local search and of the k-group partition'))
    .option('--groups <k>', 'also the best partition into at most k groups (generalised balance, Davis 1967)')
    .option('--pair <A,B>', 'also the least frustration with A and B forced together and forced apart')
    .option(
      '--triangles [which]',
      'also list the triangles with their signs and whether each is balanced (signnet signed_triangles): all (default), balanced or unbalanced',
    )
    .option('--triangles-with <ids>', 'list only triangles through all of these actors (one to three, A,B)')
    .option(
      '--triangle-limit <n>',
      `list at most n triangles, in node order (default ${DEFAULT_TRIANGLE_LIMIT}; 0 for all); the JSON states how many match and whether the list is cut`,
    )
    .option('--json', 'print JSON')
    .action(
      action(async (o) => {
        const flags = new Flags();
        if (o.exact && o.heuristic) flags.fail('--exact', 'choose one of --exact and --heuristic');
        const timeLimitS = timeLimit(flags, o.timeLimit);
        const seed = flags.seed(o.seed);
        const groups = o.groups === undefined ? undefined : flags.integer(o.groups, '--groups', 1);
        const pairIds = o.pair === undefined ? undefined : flags.list(o.pair, '--pair');
        if (pairIds && pairIds.length !== 2)
          flags.fail('--pair', `expected two actor ids A,B such as USA,RUS; got "${o.pair}"`);
        const triangles =
          o.triangles === undefined
            ? undefined
            : o.triangles === true
              ? 'all'
              : flags.choice(o.triangles, '--triangles', TRIANGLE_FILTERS);
        const trianglesWith =
          o.trianglesWith === undefined ? undefined : flags.list(o.trianglesWith, '--triangles-with');
        const triangleLimit =
          o.triangleLimit === undefined ? undefined : flags.integer(o.triangleLimit, '--triangle-limit', 0);
        if (
          triangles === undefined &&
          o.triangles === undefined &&
          (trianglesWith || triangleLimit !== undefined)
        )
          flags.fail(
            o.trianglesWith === undefined ? '--triangle-limit' : '--triangles-with',
            'lists triangles: give --triangles too',
          );
        flags.done();
        const loaded = loadNetwork(o);
        let pair: [string, string] | undefined;
        if (pairIds) {
          const [a, b] = pairIds as [string, string];
          flags.problems.push(...pairProblems(loaded.net, a, b, { a: ['--pair', 0], b: ['--pair', 1] }));
          flags.done();
          pair = [a, b];
        }
        // The listing's problems are at its option names (trianglesWith, triangleLimit); here, at its flags.
        const flagOf: Readonly<Record<string, string>> = {
          k: '--groups',
          trianglesWith: '--triangles-with',
          triangleLimit: '--triangle-limit',
        };
        const doc = await balanceAnalysis(loaded.net, loaded.source, {
          method: o.heuristic ? 'heuristic' : 'exact',
          timeLimitS,
          weighted: o.weighted === true,
          seed,
          ...(groups === undefined ? {} : { groups }),
          ...(pair ? { pair } : {}),
          ...(triangles === undefined ? {} : { triangles }),
          ...(trianglesWith === undefined ? {} : { trianglesWith }),
          ...(triangleLimit === undefined ? {} : { triangleLimit }),
        }).catch((e: unknown) => {
          throw reroot(e, ([head, ...rest]) => [flagOf[String(head)] ?? (head as string), ...rest]);
        });
        if (o.json) printJson(doc);
        else process.stdout.write(`${balanceText(doc)}\n`);
      }),
    );
}
