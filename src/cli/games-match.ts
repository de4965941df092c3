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

/** The strategies with memory depth, stochasticity, what they use and their origin. */
export function strategiesText(doc: StrategiesDocument): string {
  return `${renderTable(
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
  )}\n\n${doc.strategies.length} strategies`;
}

/** Registers `games match` and `games strategies`. */
export function register(program: Command): void {
  const games = group(program, 'games', 'Game theory: equilibria, repeated games, tournaments, evolution');
  games
    .command('match')
    .description('Play one repeated match between two strategies')
    .argument('<player1>', 'strategy name, e.g. "Tit For Tat"')
    .argument('<player2>', 'strategy name, e.g. "Grudger"')
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
    );
  games
    .command('strategies')
    .description('List the repeated-game strategies with their classifiers and origins')
    .option('--json', 'print JSON')
    .action(
      action((o: { json?: boolean }) => {
        const doc = strategiesDocument(STRATEGIES);
        if (o.json) printJson(doc);
        else process.stdout.write(`${strategiesText(doc)}\n`);
      }),
    );
}
