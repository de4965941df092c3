/**
 * `concert balance`, `concert balance whatif`, `concert balance dynamics`:
 * structural balance of a signed network (models/relations;
 * docs/models/relations.md). Parse → call the library → format.
 */
import type { Command } from '@commander-js/extra-typings';
import { badInput, type Problem } from '../core/errors.js';
import {
  type BalanceReport,
  balanceDynamicsEnsemble,
  balanceReport,
  type ClusteringResult,
  clusterPartition,
  type DynamicsEnsemble,
  type FrustrationResult,
  networkFromWorld,
  pairPlacement,
  type SignedNetwork,
  signedNetwork,
  type WhatIfReport,
  whatIf,
} from '../models/relations/index.js';
import { loadSignedEdgeListWindows } from '../world/edges.js';
import { DEFAULT_YEAR, loadDefaultWorld, loadWorldFile, type World } from '../world/index.js';
import { action, printJson } from './run.js';
import { fixed, renderTable } from './table.js';

/** Where a network came from, for the output. */
export interface LoadedNetwork {
  readonly net: SignedNetwork;
  readonly source: string;
  readonly world?: World;
}

/** The options every balance command shares. */
export interface NetworkOptions {
  readonly world?: string;
  readonly edges?: string;
  readonly year?: string;
  readonly actors?: string;
}

function parseYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}$/.test(text.trim()))
    throw badInput({ path: ['--year'], message: `expected a year such as 1962; got "${text}"` });
  return Number(text);
}

/**
 * The network the options name: `--edges FILE.csv` (actors checked against
 * `--world` when both are given; `--year` picks the window of a windowed
 * file), else the relations of `--world FILE`, else of the default world of
 * `--year` (default {@link DEFAULT_YEAR}). `--actors A,B,…` keeps only those.
 */
export function loadNetwork(o: NetworkOptions): LoadedNetwork {
  const year = parseYear(o.year);
  if (o.world !== undefined && o.edges === undefined && year !== undefined) {
    throw badInput({
      path: ['--year'],
      message:
        'a world file carries its own year: give --year only with the default world or a windowed edge list',
    });
  }
  const world =
    o.world !== undefined
      ? loadWorldFile(o.world)
      : o.edges === undefined
        ? loadDefaultWorld({ year: year ?? DEFAULT_YEAR })
        : undefined;
  let loaded: LoadedNetwork;
  if (o.edges !== undefined) {
    const windows = loadSignedEdgeListWindows(o.edges, world ? { actors: Object.keys(world.actors) } : {});
    const chosen = chooseWindow(windows, year, o.edges);
    const nodes = world ? Object.keys(world.actors) : chosen.nodes;
    loaded = {
      net: signedNetwork(nodes, chosen.edges),
      source: chosen.window === '' ? o.edges : `${o.edges} (window ${chosen.window})`,
      ...(world ? { world } : {}),
    };
  } else {
    const w = world!;
    loaded = { net: networkFromWorld(w), source: o.world ?? `default world ${w.year}`, world: w };
  }
  return o.actors === undefined ? loaded : { ...loaded, net: restrict(loaded.net, o.actors, '--actors') };
}

function chooseWindow<W extends { window: string; startYear?: number; endYear?: number }>(
  windows: readonly W[],
  year: number | undefined,
  file: string,
): W {
  if (windows.length === 1) {
    if (year !== undefined && windows[0]!.window === '') {
      throw badInput({
        file,
        path: ['--year'],
        message:
          'this edge list has no "window" column: --year applies to windowed edge lists and to the default world',
      });
    }
    return windows[0]!;
  }
  if (year === undefined) {
    throw badInput({
      file,
      path: ['--year'],
      message: `the file holds ${windows.length} windows: choose one with --year`,
    });
  }
  const exact = windows.find((w) => w.startYear === year);
  const containing = windows.filter(
    (w) => w.startYear !== undefined && w.endYear !== undefined && w.startYear <= year && year <= w.endYear,
  );
  const pick = exact ?? containing[containing.length - 1];
  if (pick === undefined) {
    const first = windows[0]?.startYear;
    const last = windows[windows.length - 1]?.endYear;
    throw badInput({
      file,
      path: ['--year'],
      message: `no window contains ${year} (the file covers ${first}–${last})`,
    });
  }
  return pick;
}

/** The sub-network induced by a comma-separated list of node ids (unknown ids are bad input). */
export function restrict(net: SignedNetwork, list: string, option: string): SignedNetwork {
  const ids = list
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const unknown = ids.filter((id) => !net.nodes.includes(id));
  if (unknown.length > 0) {
    const problems: Problem[] = unknown.map((id) => ({
      path: [option],
      message: `unknown actor "${id}": expected one of ${preview(net.nodes)}`,
    }));
    throw badInput(problems[0]!, ...problems.slice(1));
  }
  const keep = new Set(ids);
  return signedNetwork(
    ids,
    net.edges
      .filter((e) => keep.has(net.nodes[e.a]!) && keep.has(net.nodes[e.b]!))
      .map((e) => ({
        from: net.nodes[e.a]!,
        to: net.nodes[e.b]!,
        weight: e.weight,
        ...(e.kind ? { kind: e.kind } : {}),
      })),
  );
}

/** A short list of valid ids for error messages. */
export function preview(ids: readonly string[]): string {
  return ids.length <= 12 ? ids.join(', ') : `${ids.slice(0, 12).join(', ')}, … (${ids.length} actors)`;
}

function parseTimeLimit(text: string | undefined): number {
  if (text === undefined) return 60;
  const x = Number(text);
  if (!Number.isFinite(x) || x <= 0)
    throw badInput({
      path: ['--time-limit'],
      message: `expected a positive number of seconds; got "${text}"`,
    });
  return x;
}

function parsePositiveInt(text: string, option: string): number {
  if (!/^\d+$/.test(text.trim()) || Number(text) < 1)
    throw badInput({ path: [option], message: `expected a positive whole number; got "${text}"` });
  return Number(text);
}

function parseSeed(text: string | undefined): number {
  if (text === undefined) return 1;
  if (!/^-?\d+$/.test(text.trim()))
    throw badInput({ path: ['--seed'], message: `expected an integer seed; got "${text}"` });
  return Number(text) | 0;
}

function frustrationJson(f: FrustrationResult) {
  return {
    index: f.index,
    normalized: f.normalized,
    exact: f.exact,
    lowerBound: f.lowerBound,
    gap: f.gap,
    partition: f.partition,
    frustratedEdges: f.frustratedEdges,
    methods: f.methods,
  };
}

/** The `concert balance --json` shape (DESIGN.md) plus the census and edge counts. */
export function balanceJson(r: BalanceReport, source: string) {
  return {
    source,
    nodes: r.nodes,
    edges: r.edges,
    positiveEdges: r.positiveEdges,
    negativeEdges: r.negativeEdges,
    census: r.census,
    triangleRatio: r.triangleRatio,
    weightedTriangleRatio: r.weightedTriangleRatio,
    walkBalance: r.walkBalance,
    frustration: frustrationJson(r.frustration),
  };
}

const ratio = (x: number | null) => (x === null ? 'n/a' : fixed(x, 4));

function listText(items: readonly string[], max = 40): string {
  return items.length <= max
    ? items.join(', ')
    : `${items.slice(0, max).join(', ')}, … (${items.length} in all)`;
}

function balanceText(r: BalanceReport, source: string): string {
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
  return [
    `Structural balance of ${source}`,
    renderTable([{ header: 'Measure' }, { header: 'Value', align: 'right' }], rows),
    '',
    `Group 1: ${listText(f.partition[0])}`,
    `Group 2: ${listText(f.partition[1])}`,
    `Frustrated edges: ${f.frustratedEdges.length === 0 ? 'none' : listText(f.frustratedEdges.map(([a, b]) => `${a}–${b}`))}`,
  ].join('\n');
}

function clusteringText(c: ClusteringResult): string {
  return [
    '',
    `Best partition into at most ${c.k} groups (α = ${c.alpha}): ${c.violations} violating edges (${c.negativeWithin} negative inside, ${c.positiveBetween} positive between)${c.exact ? ', proven' : ', best found'}`,
    ...c.groups.map((g, i) => `  Group ${i + 1}: ${listText(g)}`),
  ].join('\n');
}

function parsePair(text: string, net: SignedNetwork): [string, string] {
  const ids = text.split(',').map((x) => x.trim());
  if (ids.length !== 2 || ids[0] === '' || ids[1] === '') {
    throw badInput({
      path: ['--pair'],
      message: `expected two actor ids A,B such as USA,RUS; got "${text}"`,
    });
  }
  const problems: Problem[] = ids
    .filter((id) => !net.nodes.includes(id))
    .map((id) => ({
      path: ['--pair'],
      message: `unknown actor "${id}": expected one of ${preview(net.nodes)}`,
    }));
  if (ids[0] === ids[1])
    problems.push({ path: ['--pair'], message: `expected two different actors; got "${text}"` });
  if (problems.length > 0) throw badInput(problems[0]!, ...problems.slice(1));
  return [ids[0]!, ids[1]!];
}

function parseSet(text: string, net: SignedNetwork): { a: string; b: string; score: number } {
  const m = /^\s*([^,=\s]+)\s*,\s*([^,=\s]+)\s*=\s*([+-]?(\d+(\.\d*)?|\.\d+))\s*$/.exec(text);
  if (!m)
    throw badInput({ path: ['--set'], message: `expected A,B=SCORE such as USA,RUS=+0.6; got "${text}"` });
  const [a, b, score] = [m[1]!, m[2]!, Number(m[3])];
  const problems: Problem[] = [];
  for (const id of [a, b]) {
    if (!net.nodes.includes(id))
      problems.push({
        path: ['--set'],
        message: `unknown actor "${id}": expected one of ${preview(net.nodes)}`,
      });
  }
  if (a === b) problems.push({ path: ['--set'], message: `an actor cannot relate to itself ("${a}")` });
  if (score < -1 || score > 1)
    problems.push({ path: ['--set'], message: `score ${m[3]} is outside [-1, 1]` });
  if (problems.length > 0) throw badInput(problems[0]!, ...problems.slice(1));
  return { a, b, score };
}

/** The `concert balance whatif --json` document (shared with the HTTP API). */
export function whatIfJson(r: WhatIfReport, source: string) {
  return {
    source,
    change: r.change,
    before: balanceJson(r.before, source),
    after: balanceJson(r.after, source),
    delta: r.delta,
    newlyUnbalanced: r.newlyUnbalanced,
    newlyBalanced: r.newlyBalanced,
    newlyIsolated: r.newlyIsolated,
    isolatedInTriangles: r.isolatedInTriangles,
  };
}

const signed = (x: number | null, digits = 4) =>
  x === null ? 'n/a' : `${x > 0 ? '+' : ''}${fixed(x, digits)}`;

function whatIfText(r: WhatIfReport, source: string): string {
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
  const tri = (list: WhatIfReport['newlyUnbalanced']) =>
    list.length === 0
      ? 'none'
      : listText(
          list.map((t) => t.actors.join('–')),
          20,
        );
  return [
    `What if ${r.change.a}–${r.change.b} goes from ${fixed(r.change.before, 2)} to ${fixed(r.change.after, 2)}? (${source})`,
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

function dynamicsText(e: DynamicsEnsemble, source: string, actors: readonly string[]): string {
  const time = (x: number | null) => (x === null ? 'n/a' : fixed(x, 3));
  const unit = e.model === 'triad' ? 'sweeps' : 'model time';
  const lines = [
    `Balance dynamics (${e.model === 'triad' ? 'constrained triad dynamics, Antal–Krapivsky–Redner' : 'dX/dt = X², Marvel–Kleinberg–Kleinberg–Strogatz'}) on ${source}`,
    `Actors: ${listText(actors)}`,
    `Runs ${e.runs}, seed ${e.seed}: balanced in ${fixed(100 * e.balancedShare, 1)}%, all friendly in ${fixed(100 * e.paradiseShare, 1)}%`,
    `Time to balance (${unit}): median ${time(e.medianTime)}, mean ${time(e.meanTime)}`,
    '',
  ];
  const rows = e.outcomes
    .slice(0, 10)
    .map((o) => [
      fixed(100 * o.share, 1),
      listText(o.factions[0], 12),
      o.factions[1].length === 0 ? '(none)' : listText(o.factions[1], 12),
    ]);
  lines.push(
    renderTable(
      [{ header: 'Share %', align: 'right' }, { header: 'Faction 1' }, { header: 'Faction 2' }],
      rows,
    ),
  );
  if (e.outcomes.length > 10) lines.push(`… ${e.outcomes.length - 10} more outcomes (see --json)`);
  return lines.join('\n');
}

/** Registers `balance` and its `whatif` and `dynamics` subcommands. */
export function register(program: Command): void {
  const balance = program
    .command('balance')
    .description('structural balance of a signed network: triangles, walks, frustration index and partition');
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
    .option('--time-limit <seconds>', 'time limit of the exact solver (default 60)')
    .option('--weighted', 'minimise the total |weight| of frustrated edges instead of their number')
    .option('--seed <n>', 'seed of the local search (default 1)')
    .option('--groups <k>', 'also the best partition into at most k groups (generalised balance, Davis 1967)')
    .option('--pair <A,B>', 'also the least frustration with A and B forced together and forced apart')
    .option('--json', 'print JSON')
    .action(
      action(async (o) => {
        if (o.exact && o.heuristic)
          throw badInput({ path: ['--exact'], message: 'choose one of --exact and --heuristic' });
        const loaded = loadNetwork(o);
        const report = await balanceReport(loaded.net, {
          method: o.heuristic ? 'heuristic' : 'exact',
          timeLimitS: parseTimeLimit(o.timeLimit),
          weighted: o.weighted === true,
          seed: parseSeed(o.seed),
        });
        const k = o.groups === undefined ? undefined : parsePositiveInt(o.groups, '--groups');
        const clustering =
          k === undefined ? undefined : clusterPartition(loaded.net, k, { seed: parseSeed(o.seed) });
        const pairIds = o.pair === undefined ? undefined : parsePair(o.pair, loaded.net);
        const pair = pairIds
          ? await pairPlacement(loaded.net, pairIds[0], pairIds[1], {
              timeLimitS: parseTimeLimit(o.timeLimit),
            })
          : undefined;
        if (o.json) {
          printJson({
            ...balanceJson(report, loaded.source),
            ...(clustering ? { clustering } : {}),
            ...(pair ? { pair } : {}),
          });
        } else {
          process.stdout.write(`${balanceText(report, loaded.source)}\n`);
          if (clustering) process.stdout.write(`${clusteringText(clustering)}\n`);
          if (pair) {
            const where =
              pair.verdict === 'either'
                ? 'either placement is optimal'
                : `${pair.verdict} in every optimal bipartition`;
            const proof = pair.exact ? '' : '; not proven';
            process.stdout.write(
              `\n${pair.a} and ${pair.b}: ${where} (L = ${pair.together} if together, ${pair.apart} if apart${proof})\n`,
            );
          }
        }
      }),
    );

  balance
    .command('whatif')
    .description('change one relation and report the change in every balance measure')
    .requiredOption('--set <A,B=score>', 'the relation to change, e.g. USA,RUS=+0.6 (score in [-1, 1])')
    .option('--world <file>', 'world file (YAML/JSON) whose relations form the network')
    .option('--edges <file>', 'signed edge list CSV: from,to,sign or from,to,weight')
    .option('--year <year>', 'year of the default world, or window of a windowed edge list')
    .option('--actors <ids>', 'comma-separated actor ids to keep (the induced sub-network)')
    .option('--time-limit <seconds>', 'time limit of the exact solver (default 60)')
    .option('--json', 'print JSON')
    .action(
      action(async (o) => {
        const loaded = loadNetwork(o);
        const change = parseSet(o.set, loaded.net);
        const report = await whatIf(loaded.net, change, { timeLimitS: parseTimeLimit(o.timeLimit) });
        if (o.json) printJson(whatIfJson(report, loaded.source));
        else process.stdout.write(`${whatIfText(report, loaded.source)}\n`);
      }),
    );

  balance
    .command('dynamics')
    .description(
      'balance dynamics ensemble: constrained triad dynamics or dX/dt = X² (default actors: the major powers of a world)',
    )
    .option('--world <file>', 'world file (YAML/JSON) whose relations form the network')
    .option('--edges <file>', 'signed edge list CSV: from,to,sign or from,to,weight')
    .option('--year <year>', 'year of the default world, or window of a windowed edge list')
    .option('--actors <ids>', 'comma-separated actor ids to keep (the induced sub-network)')
    .option('--model <model>', 'triad | continuous', 'triad')
    .option('--runs <n>', 'number of runs', '100')
    .option('--seed <n>', 'seed (run k uses stream k)', '1')
    .option('--max-sweeps <n>', 'triad model: give up after this many sweeps', '1000')
    .option('--noise-sd <x>', 'continuous model: sd of the noise added to X(0)', '0.1')
    .option('--json', 'print JSON')
    .action(
      action((o) => {
        if (o.model !== 'triad' && o.model !== 'continuous') {
          throw badInput({ path: ['--model'], message: `expected triad or continuous; got "${o.model}"` });
        }
        const noiseSd = Number(o.noiseSd);
        if (!Number.isFinite(noiseSd) || noiseSd < 0)
          throw badInput({
            path: ['--noise-sd'],
            message: `expected a non-negative number; got "${o.noiseSd}"`,
          });
        let loaded = loadNetwork(o);
        if (o.actors === undefined && loaded.world && o.edges === undefined) {
          const majors = Object.entries(loaded.world.actors)
            .filter(([, a]) => a.cowMajor)
            .map(([id]) => id);
          if (majors.length >= 3)
            loaded = { ...loaded, net: restrict(loaded.net, majors.join(','), '--actors') };
        }
        const ensemble = balanceDynamicsEnsemble(loaded.net, {
          model: o.model,
          runs: parsePositiveInt(o.runs, '--runs'),
          seed: parseSeed(o.seed),
          maxSweeps: parsePositiveInt(o.maxSweeps, '--max-sweeps'),
          noiseSd,
        });
        if (o.json) printJson({ source: loaded.source, actors: loaded.net.nodes, ...ensemble });
        else process.stdout.write(`${dynamicsText(ensemble, loaded.source, loaded.net.nodes)}\n`);
      }),
    );
}
