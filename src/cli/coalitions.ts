/**
 * `concert coalitions power | unsc`: voting power of simple games and of the
 * UN Security Council (models/coalitions, reports/coalitions;
 * docs/models/coalitions.md). Parse → build the report → print or render it.
 */
import { type Command, Option } from '@commander-js/extra-typings';
import { readDocument } from '../core/document.js';
import { badInput } from '../core/errors.js';
import { POWER_INDICES, readSimpleGame, type SimpleGameDocument } from '../models/coalitions/index.js';
import {
  type CoalitionPowerDocument,
  type CouncilsDocument,
  coalitionPowerAnalysis,
  councilsDocument,
  gdpGameOf,
} from '../reports/index.js';
import { loadCouncils, loadDefaultWorld, loadWorldFile, type World } from '../world/index.js';
import { Flags, seedHelp, underFlag } from './options.js';
import { action, group, printJson } from './run.js';
import { fixed, renderTable } from './table.js';

/** A table of players' values, with the exact and 95% columns when any value has them. */
export function allocationTable(
  values: readonly {
    player: string;
    value: number;
    exact?: string | undefined;
    halfWidth95?: number | undefined;
  }[],
): string {
  const exact = values.some((v) => v.exact !== undefined);
  const sampled = values.some((v) => v.halfWidth95 !== undefined);
  const columns = [
    { header: 'Player' },
    { header: 'Value', align: 'right' as const },
    ...(exact ? [{ header: 'Exact', align: 'right' as const }] : []),
    ...(sampled ? [{ header: '95% ±', align: 'right' as const }] : []),
  ];
  const rows = values.map((v) => [
    v.player,
    fixed(v.value, 6),
    ...(exact ? [v.exact ?? ''] : []),
    ...(sampled ? [fixed(v.halfWidth95 ?? 0, 6)] : []),
  ]);
  return renderTable(columns, rows);
}

/** `--world FILE|default`: the world a game is built from. */
export function worldOption(file: string): World {
  return file === 'default' ? loadDefaultWorld() : loadWorldFile(file);
}

/** Checks the `[game]` / `--world` / `--actors` combination: a game file, or a world with actors. */
export function gameSource(
  file: string | undefined,
  opts: { world?: string; actors?: string },
  what: string,
): void {
  if (opts.world === undefined && opts.actors === undefined) {
    if (file === undefined) throw badInput(`expected ${what}`);
    return;
  }
  if (file !== undefined)
    throw badInput({
      path: ['--world'],
      message: 'give either a game file or --world with --actors, not both',
    });
  if (opts.world === undefined)
    throw badInput({ path: ['--actors'], message: '--actors needs --world FILE (or --world default)' });
  if (opts.actors === undefined)
    throw badInput({ path: ['--world'], message: '--world needs --actors, e.g. --actors USA,CHN,JPN' });
}

function loadSimpleGame(
  file: string | undefined,
  opts: { world?: string; actors?: string },
  quotaShare: number,
): SimpleGameDocument {
  gameSource(file, opts, 'a game file, or --world with --actors for a GDP-weighted game');
  if (file !== undefined) return readSimpleGame(readDocument(file));
  const flags = new Flags();
  const actors = flags.list(opts.actors!, '--actors');
  flags.done();
  return underFlag('--actors', () => gdpGameOf(worldOption(opts.world!), actors, quotaShare));
}

/** The power table, veto and null players, and the minimal coalitions when listed. */
export function coalitionPowerText(doc: CoalitionPowerDocument, label: string): string {
  const lines = [
    `${doc.name ?? label}: ${doc.index} index (${doc.method}${doc.samples !== undefined ? `, ${doc.samples} samples, seed ${doc.seed}` : ''})`,
    allocationTable(doc.values),
    `Veto players: ${doc.vetoPlayers.length > 0 ? doc.vetoPlayers.join(', ') : 'none'}`,
  ];
  if (doc.nullPlayers)
    lines.push(`Null players: ${doc.nullPlayers.length > 0 ? doc.nullPlayers.join(', ') : 'none'}`);
  const show = (title: string, cs: readonly (readonly string[])[] | undefined) => {
    if (!cs) return;
    const shown = cs.slice(0, 20).map((c) => `{${c.join(',')}}`);
    lines.push(`${title} (${cs.length}): ${shown.join(' ')}${cs.length > shown.length ? ' …' : ''}`);
  };
  show('Minimal winning coalitions', doc.minimalWinning);
  show('Minimal blocking coalitions', doc.minimalBlocking);
  return lines.join('\n');
}

/** Power per seat and per group of every council, and their sources. */
export function councilsText(doc: CouncilsDocument): string {
  const rows: string[][] = [];
  for (const c of doc.councils) {
    c.groups.forEach((g, k) => {
      rows.push([
        k === 0 ? c.id : '',
        k === 0 ? String(c.members) : '',
        `${g.group} ×${g.seats}`,
        fixed(g.shapleyShubikPerSeat.value, 5),
        fixed(g.shapleyShubikTotal.value, 4),
        fixed(g.banzhafPerSeat.value, 5),
        fixed(g.banzhafAbsolutePerSeat.value, 5),
        k === 0 ? fixed(c.powerToAct.value, 4) : '',
      ]);
    });
  }
  const table = renderTable(
    [
      { header: 'Council' },
      { header: 'Seats', align: 'right' },
      { header: 'Group' },
      { header: 'SS/seat', align: 'right' },
      { header: 'SS group', align: 'right' },
      { header: 'Bz/seat', align: 'right' },
      { header: 'Penrose/seat', align: 'right' },
      { header: 'Power to act', align: 'right' },
    ],
    rows,
  );
  return [
    'UN Security Council voting power (substantive decisions; yes/no votes)',
    table,
    'SS = Shapley–Shubik; Bz = normalised Banzhaf; Penrose = absolute Banzhaf (probability of being decisive);',
    'power to act = share of the 2^n yes/no profiles that pass (Coleman 1971).',
    ...doc.councils.map((c) => `${c.id}: ${c.name}. Source: ${c.source ?? 'not given'}`),
  ].join('\n');
}

/** The group every coalitions subcommand is registered under. */
export function coalitionsGroup(program: Command) {
  return group(
    program,
    'coalitions',
    'voting power, TU-game solutions (Shapley, core, nucleolus) and bankruptcy rules',
  );
}

/** Registers `concert coalitions power | unsc`. */
export function register(program: Command): void {
  const coalitions = coalitionsGroup(program);

  coalitions
    .command('power')
    .description('power indices of a weighted, layered or listed simple game (JSON/YAML file)')
    .argument(
      '[game]',
      'game file: {players?, weights, quota} | {players, layers} | {players, minimalWinning}',
    )
    .option(
      '--world <file>',
      'instead of a file: GDP-weighted game of --actors in this world ("default" = embedded)',
    )
    .option('--actors <ids>', 'actors of the GDP-weighted game, e.g. USA,CHN,JPN,DEU')
    .option(
      '--quota-share <share>',
      'GDP-weighted game: a coalition wins with more than this share of GDP',
      '0.5',
    )
    .addOption(
      new Option('--index <name>', 'power index').choices(POWER_INDICES).default('shapley-shubik' as const),
    )
    .addOption(
      new Option('--method <method>', 'computation method')
        .choices(['auto', 'exact', 'monte-carlo'] as const)
        .default('auto' as const),
    )
    .option('--samples <n>', 'Monte Carlo samples', '100000')
    .option('--seed <n>', seedHelp('Monte Carlo seed'))
    .option(
      '--coalitions',
      'also list the minimal winning and minimal blocking coalitions (at most 22 players)',
    )
    .option('--json', 'print one JSON document')
    .action(
      action((file, opts) => {
        const flags = new Flags();
        const samples = flags.integer(opts.samples, '--samples', 1);
        const seed = flags.seed(opts.seed);
        const quotaShare = flags.number(opts.quotaShare, '--quota-share', (x) =>
          x > 0 && x < 1 ? undefined : 'expected a share strictly between 0 and 1',
        );
        flags.done();
        const game = loadSimpleGame(file, opts, quotaShare!);
        const doc = underFlag(
          (path) => (typeof path[0] === 'string' ? [`--${path[0]}`, ...path.slice(1)] : path),
          () =>
            coalitionPowerAnalysis(game, {
              index: opts.index,
              method: opts.method,
              samples: samples!,
              seed,
              coalitions: opts.coalitions === true,
            }),
        );
        if (opts.json) printJson(doc);
        else process.stdout.write(`${coalitionPowerText(doc, file ?? 'GDP-weighted game')}\n`);
      }),
    );

  coalitions
    .command('unsc')
    .description('voting power in the UN Security Council: today, before 1965, and reform proposals')
    .option('--reform <file>', 'compare today\'s Council with this council file (layered game with "groups")')
    .option('--json', 'print one JSON document')
    .action(
      action((opts) => {
        const doc = councilsDocument(loadCouncils(opts.reform));
        if (opts.json) printJson(doc);
        else process.stdout.write(`${councilsText(doc)}\n`);
      }),
    );
}
