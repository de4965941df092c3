/**
 * `concert coalitions solve | bankruptcy`: solutions of TU games (Shapley
 * value, nucleolus, prenucleolus, core, least core) and bankruptcy rules
 * (models/coalitions, reports/coalitions; docs/models/coalitions.md).
 */
import { type Command, Option } from '@commander-js/extra-typings';
import { readDocument } from '../core/document.js';
import { badInput, ConcertError, isConcertError, type Problem } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import {
  BANKRUPTCY_RULES,
  bankruptcyGame,
  coalitionDocumentKind,
  readBankruptcy,
  readSimpleGame,
  readTuGame,
  solveTuGame,
  TU_SOLUTIONS,
  type TuGame,
  tuGameFromSimpleGame,
} from '../models/coalitions/index.js';
import { DEFAULT_TRADE_ELASTICITY } from '../models/economy/index.js';
import {
  type BankruptcyDocument,
  bankruptcyReport,
  economyStates,
  type TuSolutionDocument,
  tradeGainsGameOf,
  tradeSurplusGameOf,
  tuSolutionDocument,
} from '../reports/index.js';
import { allocationTable, coalitionsGroup, gameSource, worldOption } from './coalitions.js';
import { Flags, seedHelp, underFlag } from './options.js';
import { action, printJson } from './run.js';
import { fixed, renderTable } from './table.js';

interface LoadedTuGame {
  readonly game: TuGame;
  readonly name: string;
  /** Set when the game is a bankruptcy game, whose nucleolus is the Talmud rule. */
  readonly bankruptcy?: { readonly estate: number; readonly claims: readonly number[] };
}

interface WorldGameOptions {
  world?: string;
  actors?: string;
  worth?: 'gains' | 'volume';
  theta?: string;
}

/**
 * The trade game of a world (`--world`): by default the gains-from-trade
 * game of models/economy (a coalition is worth its members' ACR gains from
 * trading among themselves, million US$ a year), or with `--worth volume` the
 * trade-volume game; among `--actors`, or COW's major powers of the world's
 * year when no actors are given.
 */
function worldTuGame(opts: WorldGameOptions): LoadedTuGame {
  const flags = new Flags();
  const actors = opts.actors === undefined ? undefined : flags.list(opts.actors, '--actors');
  const theta =
    opts.theta === undefined ? DEFAULT_TRADE_ELASTICITY : (flags.number(opts.theta, '--theta') ?? Number.NaN);
  if (opts.theta !== undefined && opts.worth === 'volume')
    flags.fail('--theta', '--theta applies to the gains game (--worth gains), not to trade volume');
  flags.done();
  const world = worldOption(opts.world!);
  const players = actors ?? underFlag('--world', () => economyStates(world));
  return underFlag(
    (path) =>
      path.length === 0
        ? ['--world']
        : path[0] === 'theta'
          ? ['--theta']
          : [actors ? '--actors' : '--world', ...path],
    () =>
      opts.worth === 'volume' ? tradeSurplusGameOf(world, players) : tradeGainsGameOf(world, players, theta),
  );
}

/** Largest `--samples` (sampled orders for the Shapley value): about a minute of work for 1000 players. */
const MAX_SAMPLES = 10_000_000;

/**
 * A solver's problem with the game (path `['game']`, no file) located: in the
 * game file, or for a world's trade game at `--world`; `solution` names the
 * concept whose computation failed.
 */
function locateSolveProblems(e: unknown, file: string | undefined, solution: string | undefined): unknown {
  if (!isConcertError(e) || e.code !== 'bad-input') return e;
  return new ConcertError(
    'bad-input',
    e.problems.map((p): Problem => {
      if (p.file !== undefined) return p;
      const [head, ...rest] = p.path ?? [];
      const path = head === 'game' ? rest : (p.path ?? []);
      const message = `${solution ?? 'shapley'}: ${p.message}`;
      if (file !== undefined) return { file, ...(path.length > 0 ? { path } : {}), message };
      return { path: ['--world', ...path], message };
    }),
  );
}

function loadTuGame(file: string | undefined, opts: WorldGameOptions): LoadedTuGame {
  if (file === undefined && opts.world !== undefined) return worldTuGame(opts);
  gameSource(
    file,
    opts,
    'a game file (TU game, weighted game or bankruptcy problem) or --world (with --actors, or COW major powers)',
  );
  if (file === undefined) return worldTuGame(opts);
  const doc = readDocument(file);
  const kind = coalitionDocumentKind(doc);
  if (kind === 'tu') {
    const r = readTuGame(doc);
    return { game: r.game, name: r.name ?? file };
  }
  if (kind === 'bankruptcy') {
    const b = readBankruptcy(doc);
    return {
      game: bankruptcyGame(b.estate, b.claims, b.players),
      name: b.name ?? `bankruptcy game (${file})`,
      bankruptcy: { estate: b.estate, claims: b.claims },
    };
  }
  const s = readSimpleGame(doc);
  return { game: tuGameFromSimpleGame(s.game), name: s.name ?? `simple game (${file})` };
}

/** The allocation of a TU solution, with its levels or ε and the superadditivity note. */
export function tuSolutionText(r: TuSolutionDocument): string {
  const label = r.name;
  const text: string[] = [];
  switch (r.solution) {
    case 'shapley':
      text.push(
        `Shapley value of ${label}${r.method === 'sampling' ? ` (sampled: ${r.samples} orders, seed ${r.seed})` : ''}`,
        allocationTable(r.allocation),
      );
      if (r.superadditive === false)
        text.push(
          'Note: the game is not superadditive; the Shapley value is still defined but need not be individually rational.',
        );
      break;
    case 'nucleolus':
    case 'prenucleolus':
      if (r.method === 'talmud-rule') {
        text.push(
          `Nucleolus of ${label} by the Talmud rule (Aumann & Maschler 1985: equal to the nucleolus of a bankruptcy game)`,
          allocationTable(r.allocation),
        );
        break;
      }
      text.push(
        `${r.solution === 'nucleolus' ? 'Nucleolus' : 'Prenucleolus'} of ${label} (${r.linearPrograms} LPs)`,
        allocationTable(r.allocation),
        `Excess levels ε: ${(r.levels ?? []).map((l) => fixed(l.epsilon, 6)).join(', ')}`,
      );
      break;
    case 'core':
    case 'least-core': {
      const eps = fixed(r.epsilon ?? 0, 6);
      text.push(
        r.solution === 'core'
          ? r.coreNonEmpty
            ? `The core of ${label} is non-empty; a core point:`
            : `The core of ${label} is empty: the least core needs ε = ${eps} > 0.`
          : `Least core of ${label}: ε = ${eps} (core ${r.coreNonEmpty ? 'non-empty' : 'empty'}); a least-core point:`,
        ...(r.allocation.length > 0 ? [allocationTable(r.allocation)] : []),
      );
      break;
    }
  }
  return text.join('\n');
}

/** Claims and each rule's awards (with exact fractions where not whole). */
export function bankruptcyText(doc: BankruptcyDocument): string {
  const results = 'rules' in doc ? doc.rules : [{ rule: doc.rule, allocation: doc.allocation }];
  const first = results[0]!.allocation;
  const header = [
    { header: 'Player' },
    { header: 'Claim', align: 'right' as const },
    ...results.map((r) => ({ header: r.rule, align: 'right' as const })),
  ];
  const rows = first.map((a, i) => [
    a.player,
    String(a.claim),
    ...results.map((r) => {
      const x = r.allocation[i]!;
      return `${fixed(x.value, 4)}${x.exact.includes('/') ? ` (${x.exact})` : ''}`;
    }),
  ]);
  return `Estate ${doc.estate}, total claims ${first.reduce((s, a) => s + a.claim, 0)}\n${renderTable(header, rows)}`;
}

/** Registers `concert coalitions solve | bankruptcy`. */
export function register(program: Command): void {
  const coalitions = coalitionsGroup(program);

  coalitions
    .command('solve')
    .description('solve a TU game: Shapley value, nucleolus, prenucleolus, core or least core')
    .argument('[game]', 'TU game {players, v}, weighted game, or bankruptcy problem {estate, claims}')
    .addOption(
      new Option('--solution <name>', 'solution concept').choices(TU_SOLUTIONS).default('shapley' as const),
    )
    .option(
      '--world <file>',
      'build the trade game of this world file ("default" for the embedded world, trade of 2014)',
    )
    .option('--actors <ids>', 'players of the trade game, e.g. USA,CHN,JPN (default: COW major powers)')
    .addOption(
      new Option('--worth <kind>', 'trade game: ACR gains from trade among the members, or trade volume')
        .choices(['gains', 'volume'] as const)
        .default('gains' as const),
    )
    .option('--theta <θ>', `trade elasticity of the gains game (default ${DEFAULT_TRADE_ELASTICITY})`)
    .option('--samples <n>', 'sampled orders for the Shapley value beyond 20 players', '20000')
    .option('--seed <n>', seedHelp('sampling seed'))
    .option('--json', 'print one JSON document')
    .action(
      action(async (file, opts) => {
        const flags = new Flags();
        const samples = flags.integer(opts.samples, '--samples', 1, MAX_SAMPLES);
        const seed = flags.seed(opts.seed);
        flags.done();
        const { game, name, bankruptcy } = loadTuGame(file, opts);
        const r = await solveTuGame(game, opts.solution, {
          samples: samples!,
          rng: Rng.fromSeed(seed),
          ...(bankruptcy ? { bankruptcy } : {}),
        }).catch((e: unknown) => {
          throw locateSolveProblems(e, file, opts.solution);
        });
        const doc = tuSolutionDocument(name, r, seed);
        if (opts.json) printJson(doc);
        else process.stdout.write(`${tuSolutionText(doc)}\n`);
      }),
    );

  coalitions
    .command('bankruptcy')
    .description('divide an estate among claimants: proportional, CEA, CEL or Talmud rule')
    .argument('[file]', 'bankruptcy problem {players?, estate, claims} (instead of --estate/--claims)')
    .option('--estate <amount>', 'the estate E ≥ 0')
    .option('--claims <list>', 'comma-separated claims d_i ≥ 0, e.g. 100,200,300')
    .option('--players <names>', 'comma-separated claimant names (default P1, P2, …)')
    .addOption(
      new Option('--rule <rule>', 'division rule')
        .choices([...BANKRUPTCY_RULES, 'all'] as const)
        .default('talmud' as const),
    )
    .option('--json', 'print one JSON document')
    .action(
      action((file, opts) => {
        let estate: number;
        let claims: number[];
        let players: string[];
        if (file !== undefined) {
          if (opts.estate !== undefined || opts.claims !== undefined)
            throw badInput({
              path: ['--estate'],
              message: 'give either a file or --estate/--claims, not both',
            });
          const b = readBankruptcy(readDocument(file));
          estate = b.estate;
          claims = b.claims;
          players = b.players;
        } else {
          const flags = new Flags();
          if (opts.estate === undefined) flags.fail('--estate', 'required: the estate to divide');
          if (opts.claims === undefined) flags.fail('--claims', 'required: comma-separated claims');
          flags.done();
          estate =
            flags.number(opts.estate!, '--estate', (x) =>
              x >= 0 ? undefined : `estate ${x} is negative: expected ≥ 0`,
            ) ?? Number.NaN;
          claims = flags
            .list(opts.claims!, '--claims')
            .map(
              (c, i) =>
                flags.number(c, `--claims[${i}]`, (x) =>
                  x >= 0 ? undefined : `claim ${c} is negative: expected ≥ 0`,
                ) ?? Number.NaN,
            );
          players =
            opts.players !== undefined
              ? flags.list(opts.players, '--players')
              : claims.map((_, i) => `P${i + 1}`);
          if (players.length !== claims.length)
            flags.fail('--players', `expected ${claims.length} names, one per claim; got ${players.length}`);
          const total = claims.reduce((a, b) => a + b, 0);
          if (flags.problems.length === 0 && estate > total)
            flags.fail(
              '--estate',
              `estate ${estate} exceeds the total claims ${total}: nothing is in dispute, so this is not a bankruptcy problem`,
            );
          flags.done();
        }
        const doc = bankruptcyReport(estate, claims, players, opts.rule);
        if (opts.json) printJson(doc);
        else process.stdout.write(`${bankruptcyText(doc)}\n`);
      }),
    );
}
