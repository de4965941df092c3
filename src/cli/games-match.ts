/**
 * `concert games match | strategies`: one repeated match between two
 * strategies, and the list of strategies (models/games/repeated,
 * reports/games).
 */
import type { Command } from '@commander-js/extra-typings';
import { STRATEGIES } from '../models/games/repeated/index.js';
import {
  type MatchDocument,
  matchAnalysis,
  playerProblems,
  type StrategiesDocument,
  strategiesDocument,
} from '../reports/index.js';
import { readSettings, type SettingFlags } from './games-settings.js';
import { Flags, seedHelp, underFlag } from './options.js';
import { action, group, printJson } from './run.js';
import { fixed, percent, renderTable } from './table.js';

/** Scores, cooperation and the first 60 turns of a match. */
export function matchText(r: MatchDocument): string {
  const rows = [0, 1].map((i) => [
    r.players[i] as string,
    fixed(r.scores[i] as number, 0),
    fixed((r.scores[i] as number) / r.turns, 3),
    percent((r.cooperation[i] as number) / r.turns, 1),
  ]);
  const lines = [
    renderTable(
      [
        { header: 'player' },
        { header: 'score', align: 'right' },
        { header: 'per turn', align: 'right' },
        { header: 'cooperation', align: 'right' },
      ],
      rows,
    ),
    '',
    `${r.turns} turns: ${r.actions.slice(0, 60).join(' ')}${r.turns > 60 ? ' …' : ''}`,
  ];
  if (r.errors.implementation + r.errors.misperception > 0)
    lines.push(
      `errors: ${r.errors.implementation} implementation, ${r.errors.misperception} misperception; ${r.errors.corrected} cleared up by consultation`,
    );
  return lines.join('\n');
}

/**
 * How strategies are named, with parameters (`concert games strategies
 * --help`; the rules are `lookupStrategy`'s in models/games/repeated).
 */
export const STRATEGY_NAMES_HELP = `
Strategy names are the Axelrod library's ("Tit For Tat"); its class names
(TitForTat) and common aliases (TFT, Pavlov, ALLD) work too, in any case.

Strategies that take parameters (the second table; "parameters" in --json)
take them after the name, as the Axelrod library names a configured player:
  "Random: 0.3"                        values in the library's order
  "First by Feld: 1, 0.25, 200"        several values, comma-separated
  "First by Feld: end_coop_prob=0.25"  by keyword; the others keep their defaults
  "Random 0.3"                         the colon may be left out
  "Cycler DCDDC"                       the general cycler: any pattern of C and D
                                       ("Cycler: DCDDC" as the library writes it)
Numbers may be fractions (1/9); a memory is a whole number of turns or inf.
Results name a player canonically ("Random: 0.3"; "Random: 0.5", all
defaults, is "Random"), and that name finds the same player again. Unknown
parameters and values out of range are refused, saying what is expected.
In a YAML tournament spec quote such a name ("- 'Random: 0.3'") or write
it as a mapping: {Random: 0.3}, {First by Feld: [1, 0.25, 200]},
{First by Feld: {end_coop_prob: 0.25}}.`;

/** A parameter's default as a list shows it (four significant digits: 1/9 as 0.1111). */
const defaultText = (v: number | string | null) =>
  v === null ? 'from the game' : typeof v === 'number' ? String(Number(v.toPrecision(4))) : v;

/**
 * The strategies with memory depth, stochasticity, what they use and their
 * origin; then the strategies that take parameters, one row per parameter.
 */
export function strategiesText(doc: StrategiesDocument): string {
  const configurable = doc.strategies.filter((s) => s.parameters.length > 0);
  const parameterRows = configurable.flatMap((s) =>
    s.parameters.map((p, i) => [
      i === 0 ? (s.usage ?? s.name) : '',
      p.name,
      defaultText(p.default),
      p.range,
      p.description,
    ]),
  );
  const parameterTable = renderTable(
    [
      { header: 'written as' },
      { header: 'parameter' },
      { header: 'default' },
      { header: 'values' },
      { header: 'meaning' },
    ],
    parameterRows,
  );
  const strategies = renderTable(
    [
      { header: 'name' },
      { header: 'memory', align: 'right' },
      { header: 'stochastic' },
      { header: 'uses' },
      { header: 'origin' },
    ],
    doc.strategies.map((s) => [
      s.name,
      s.memoryDepth === null ? '∞' : String(s.memoryDepth),
      s.stochastic ? 'yes' : 'no',
      s.makesUseOf.join(', '),
      s.origin,
    ]),
  );
  return `${strategies}\n\n${doc.strategies.length} strategies\n\nStrategies with parameters (concert games strategies --help for how to write them)\n${parameterTable}\n\n${configurable.length} strategies take parameters`;
}

/** Registers `games match` and `games strategies`. */
export function register(program: Command): void {
  const games = group(program, 'games', 'Game theory: equilibria, repeated games, tournaments, evolution');
  games
    .command('match')
    .description('Play one repeated match between two strategies')
    .argument(
      '<player1>',
      'strategy name, e.g. "Tit For Tat", with parameters if it takes any: "Random: 0.3"',
    )
    .argument('<player2>', 'strategy name, e.g. "Grudger" or "Cycler DCDDC"')
    .option('--turns <n>', 'turns per match (announced to the players)', '200')
    .option('--continuation <delta>', 'continuation probability δ in [0,1): geometric, unannounced length')
    .option('--noise <p>', 'implementation noise: each intended action flipped with probability p')
    .option('--misperception <m>', "each player misperceives the opponent's action with probability m")
    .option('--consultation <q>', 'each error is cleared up before the next move with probability q')
    .option('--game <R,S,T,P>', 'stage-game payoffs', '3,0,5,1')
    .option('--seed <n>', seedHelp())
    .option('--json', 'print JSON')
    .action(
      action((p1: string, p2: string, o: SettingFlags & { json?: boolean }) => {
        const flags = new Flags();
        const { seed, ...settings } = readSettings(flags, o);
        // The players' problems come first, as the arguments do.
        flags.problems.unshift(
          ...playerProblems([p1, p2], settings.game).map((p) => ({
            ...p,
            path: [p.path?.[0] === 0 ? 'player1' : 'player2'],
          })),
        );
        flags.done();
        const doc = underFlag(
          (path) => [path[0] === 0 ? 'player1' : 'player2'],
          () => matchAnalysis([p1, p2], settings, seed),
        );
        if (o.json) printJson(doc);
        else process.stdout.write(`${matchText(doc)}\n`);
      }),
    )
    .addHelpText('after', STRATEGY_NAMES_HELP);
  games
    .command('strategies')
    .description(
      'List the repeated-game strategies with their classifiers and origins, and the parameters those that take any accept',
    )
    .option('--json', 'print JSON')
    .addHelpText('after', STRATEGY_NAMES_HELP)
    .action(
      action((o: { json?: boolean }) => {
        const doc = strategiesDocument(STRATEGIES);
        if (o.json) printJson(doc);
        else process.stdout.write(`${strategiesText(doc)}\n`);
      }),
    );
}
