/**
 * `concert games tournament`: a round-robin tournament described in a YAML
 * or JSON spec (models/games/repeated, reports/games).
 */
import type { Command } from '@commander-js/extra-typings';
import { readDocument } from '../core/document.js';
import { checkTournamentSpec, runTournament, tournamentMatchCount } from '../models/games/repeated/index.js';
import { type TournamentDocument, tournamentDocument } from '../reports/index.js';
import { Flags, seedHelp } from './options.js';
import { progress } from './progress.js';
import { action, group, printJson } from './run.js';
import { fixed, percent, renderTable } from './table.js';

/** The standings table. */
export function tournamentText(r: TournamentDocument): string {
  return `${renderTable(
    [
      { header: 'rank', align: 'right' },
      { header: 'player' },
      { header: 'total score', align: 'right' },
      { header: 'per turn', align: 'right' },
      { header: 'median norm.', align: 'right' },
      { header: 'wins', align: 'right' },
      { header: 'cooperation', align: 'right' },
    ],
    r.players.map((p) => [
      String(p.rank),
      p.id,
      fixed(p.totalScore, 0),
      fixed(p.meanScorePerTurn, 3),
      fixed(r.medianNormalisedScores[p.id]!, 3),
      String(p.wins),
      percent(p.cooperationRate, 1),
    ]),
  )}\n\n${r.matches} matches, ${r.repetitions} repetitions, seed ${r.seed}`;
}

/** Registers `games tournament`. */
export function register(program: Command): void {
  group(program, 'games', 'Game theory: equilibria, repeated games, tournaments, evolution')
    .command('tournament')
    .description('Play a round-robin tournament described in a YAML or JSON spec')
    .argument(
      '<spec>',
      'tournament spec (players, turns, repetitions, noise, misperception, consultation, game, seed); players with parameters: concert games strategies --help',
    )
    .option('--workers <n>', 'worker threads (1 = this thread)', '1')
    .option('--seed <n>', `${seedHelp()}; overrides the spec's seed`)
    .option('--json', 'print JSON')
    .action(
      action(async (file: string, o: { workers: string; seed?: string; json?: boolean }) => {
        const flags = new Flags();
        const workers = flags.integer(o.workers, '--workers', 1, 256);
        const seed = o.seed === undefined ? undefined : flags.seed(o.seed);
        flags.done();
        const loaded = checkTournamentSpec(readDocument(file));
        const spec = seed === undefined ? loaded : { ...loaded, seed };
        const bar = progress('matches');
        const total = tournamentMatchCount(spec);
        try {
          const r = await runTournament(spec, {
            workers: workers!,
            onProgress: (d) => bar.update('tournament', d, total),
          });
          bar.stop();
          const doc = tournamentDocument(r);
          if (o.json) printJson(doc);
          else process.stdout.write(`${tournamentText(doc)}\n`);
        } finally {
          bar.stop();
        }
      }),
    );
}
