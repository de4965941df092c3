/**
 * `concert coalitions power | unsc | solve | bankruptcy`: voting power,
 * TU-game solutions and bankruptcy rules (models/coalitions;
 * docs/models/coalitions.md). Parse → call the library → format.
 */
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Command, Option } from '@commander-js/extra-typings';
import { readDocument } from '../core/document.js';
import { badInput, type Problem } from '../core/errors.js';
import { Rng } from '../core/rng.js';
import {
  type AllocationValue,
  BANKRUPTCY_RULES,
  type BankruptcyRule,
  bankruptcyAwards,
  bankruptcyGame,
  coalitionDocumentKind,
  councilPower,
  gdpWeightedGame,
  leastCore,
  MAX_LP_PLAYERS,
  minimalBlockingCoalitions,
  minimalWinningCoalitions,
  MAX_TABLE_PLAYERS,
  nucleolus,
  nullPlayers,
  POWER_INDICES,
  powerIndex,
  readBankruptcy,
  readSimpleGame,
  readTuGame,
  type SimpleGameDocument,
  shapleySample,
  shapleyValue,
  superadditivityViolations,
  type TuGame,
  tradeSurplusGame,
  tuGameFromSimpleGame,
  vetoPlayers,
  winningTable,
} from '../models/coalitions/index.js';
import { loadDefaultWorld, loadWorldFile } from '../world/index.js';
import { action, group, printJson } from './run.js';
import { fixed, renderTable } from './table.js';

const SOLUTIONS = ['shapley', 'nucleolus', 'prenucleolus', 'core', 'least-core'] as const;
type Solution = (typeof SOLUTIONS)[number];

/** The shipped Security Council files (data/unsc), two levels above this file in src/ and dist/. */
const UNSC_DIR = fileURLToPath(new URL('../../data/unsc/', import.meta.url));

function parseCount(text: string, option: string, min: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) {
    throw badInput({ path: [option], message: `expected a whole number ≥ ${min}; got "${text}"` });
  }
  return n;
}

function parseNumber(text: string, option: string): number {
  const x = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(x)) {
    throw badInput({ path: [option], message: `expected a number; got "${text}"` });
  }
  return x;
}

function parseList(text: string, option: string): string[] {
  const items = text.split(',').map((s) => s.trim());
  const problems: Problem[] = [];
  items.forEach((s, i) => {
    if (s === '') problems.push({ path: [option, i], message: 'empty item in the comma-separated list' });
  });
  if (problems.length > 0) throw badInput(problems[0]!, ...problems.slice(1));
  return items;
}

function allocationJson(values: readonly AllocationValue[]) {
  return values.map((v) => ({
    player: v.player,
    value: v.value,
    ...(v.exact !== undefined ? { exact: v.exact } : {}),
    ...(v.halfWidth95 !== undefined ? { halfWidth95: v.halfWidth95 } : {}),
  }));
}

function allocationTable(values: readonly AllocationValue[]): string {
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

interface LoadedTuGame {
  readonly game: TuGame;
  readonly label: string;
  /** Set when the game is a bankruptcy game, whose nucleolus is the Talmud rule. */
  readonly bankruptcy?: { readonly estate: number; readonly claims: readonly number[] };
}

function loadTuGame(file: string | undefined, opts: { world?: string; actors?: string }): LoadedTuGame {
  if (opts.world !== undefined || opts.actors !== undefined) {
    if (file !== undefined)
      throw badInput({
        path: ['--world'],
        message: 'give either a game file or --world with --actors, not both',
      });
    if (opts.world === undefined)
      throw badInput({ path: ['--actors'], message: '--actors needs --world FILE (or --world default)' });
    if (opts.actors === undefined)
      throw badInput({ path: ['--world'], message: '--world needs --actors, e.g. --actors USA,CHN,JPN' });
    const world = opts.world === 'default' ? loadDefaultWorld() : loadWorldFile(opts.world);
    const actors = parseList(opts.actors, '--actors');
    const problems: Problem[] = [];
    actors.forEach((a, i) => {
      if (!(a in world.actors))
        problems.push({ path: ['--actors', i], message: `unknown actor "${a}" in the world ${opts.world}` });
      if (actors.indexOf(a) !== i)
        problems.push({ path: ['--actors', i], message: `actor "${a}" listed twice` });
    });
    if (actors.length < 2)
      problems.push({ path: ['--actors'], message: 'a trade surplus needs at least two actors' });
    const set = new Set(actors);
    const flows = (world.trade ?? []).filter((f) => set.has(f.a) && set.has(f.b));
    if (problems.length === 0 && flows.length === 0) {
      problems.push({
        path: ['--world'],
        message: `the world ${opts.world} has no trade flows among ${actors.join(', ')}: the trade surplus game needs "trade" entries (imports in million US$)`,
      });
    }
    if (problems.length > 0) throw badInput(problems[0]!, ...problems.slice(1));
    return {
      game: tradeSurplusGame(world, actors),
      label: `trade surplus among ${actors.join(', ')} (million US$)`,
    };
  }
  if (file === undefined)
    throw badInput(
      'expected a game file (TU game, weighted game or bankruptcy problem) or --world with --actors',
    );
  const doc = readDocument(file);
  const kind = coalitionDocumentKind(doc);
  if (kind === 'tu') {
    const r = readTuGame(doc);
    return { game: r.game, label: r.name ?? file };
  }
  if (kind === 'bankruptcy') {
    const b = readBankruptcy(doc);
    return {
      game: bankruptcyGame(b.estate, b.claims, b.players),
      label: b.name ?? `bankruptcy game (${file})`,
      bankruptcy: { estate: b.estate, claims: b.claims },
    };
  }
  const s = readSimpleGame(doc);
  return { game: tuGameFromSimpleGame(s.game), label: s.name ?? `simple game (${file})` };
}

function loadSimpleGame(
  file: string | undefined,
  opts: { world?: string; actors?: string; quotaShare: string },
): SimpleGameDocument {
  if (opts.world === undefined && opts.actors === undefined) {
    if (file === undefined)
      throw badInput('expected a game file, or --world with --actors for a GDP-weighted game');
    return readSimpleGame(readDocument(file));
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
  const share = parseNumber(opts.quotaShare, '--quota-share');
  const world = opts.world === 'default' ? loadDefaultWorld() : loadWorldFile(opts.world);
  const actors = parseList(opts.actors, '--actors');
  const problems: Problem[] = [];
  if (!(share > 0 && share < 1))
    problems.push({
      path: ['--quota-share'],
      message: `expected a share strictly between 0 and 1; got ${share}`,
    });
  const gdp = new Map<string, number>();
  actors.forEach((a, i) => {
    const actor = world.actors[a];
    if (!actor)
      problems.push({ path: ['--actors', i], message: `unknown actor "${a}" in the world ${opts.world}` });
    else if (actors.indexOf(a) !== i)
      problems.push({ path: ['--actors', i], message: `actor "${a}" listed twice` });
    else if (actor.gdpUsd === undefined || actor.gdpUsd === null || Math.round(actor.gdpUsd / 1e9) === 0) {
      problems.push({
        path: ['--actors', i],
        message: `no GDP for "${a}" in the world ${opts.world} (gdpUsd is missing or below 0.5 billion US$)`,
      });
    } else gdp.set(a, actor.gdpUsd);
  });
  if (problems.length > 0) throw badInput(problems[0]!, ...problems.slice(1));
  return {
    game: gdpWeightedGame(gdp, actors, share),
    name: `GDP-weighted game of ${actors.join(', ')} in ${world.year} (weights in billion current US$, wins with more than ${share} of the total)`,
    source: 'World Bank WDI GDP (current US$) via the world file',
  };
}

function councilFiles(reform: string | undefined): string[] {
  const base = [`${UNSC_DIR}current.json`];
  if (reform !== undefined) return [...base, reform];
  const extra = readdirSync(UNSC_DIR)
    .filter((f) => f.endsWith('.json') && f !== 'current.json')
    .sort((a, b) => (a === 'pre-1965.json' ? -1 : b === 'pre-1965.json' ? 1 : a.localeCompare(b)));
  return [...base, ...extra.map((f) => `${UNSC_DIR}${f}`)];
}

function councilId(path: string): string {
  return (path.split('/').pop() ?? path).replace(/\.(json|ya?ml)$/, '');
}

/** Registers `concert coalitions power | unsc | solve | bankruptcy` under the shared `coalitions` group. */
export function register(program: Command): void {
  const coalitions = group(
    program,
    'coalitions',
    'voting power, TU-game solutions (Shapley, core, nucleolus) and bankruptcy rules',
  );

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
    .option('--seed <n>', 'Monte Carlo seed', '1')
    .option(
      '--coalitions',
      'also list the minimal winning and minimal blocking coalitions (at most 22 players)',
    )
    .option('--json', 'print one JSON document')
    .action(
      action((file, opts) => {
        const samples = parseCount(opts.samples, '--samples', 1);
        const seed = parseCount(opts.seed, '--seed', 0);
        const doc = loadSimpleGame(file, opts);
        const r = powerIndex(doc.game, opts.index, { method: opts.method, samples, rng: Rng.fromSeed(seed) });
        const veto = vetoPlayers(doc.game);
        const nulls = r.method === 'monte-carlo' ? undefined : nullPlayers(doc.game);
        let lists: { minimalWinning: string[][]; minimalBlocking: string[][] } | undefined;
        if (opts.coalitions) {
          const win = winningTable(doc.game);
          const names = (cs: number[][]) => cs.map((c) => c.map((i) => doc.game.players[i]!));
          lists = {
            minimalWinning: names(minimalWinningCoalitions(doc.game, win)),
            minimalBlocking: names(minimalBlockingCoalitions(doc.game, win)),
          };
        }
        if (opts.json) {
          printJson({
            index: r.index,
            method: r.method,
            ...(r.samples !== undefined ? { samples: r.samples, seed } : {}),
            values: r.values,
            vetoPlayers: veto,
            ...(nulls ? { nullPlayers: nulls } : {}),
            ...(lists ?? {}),
          });
          return;
        }
        const lines = [
          `${doc.name ?? file}: ${r.index} index (${r.method}${r.samples !== undefined ? `, ${r.samples} samples, seed ${seed}` : ''})`,
          allocationTable(r.values),
          `Veto players: ${veto.length > 0 ? veto.join(', ') : 'none'}`,
        ];
        if (nulls) lines.push(`Null players: ${nulls.length > 0 ? nulls.join(', ') : 'none'}`);
        if (lists) {
          const show = (label: string, cs: string[][]) => {
            const shown = cs.slice(0, 20).map((c) => `{${c.join(',')}}`);
            lines.push(`${label} (${cs.length}): ${shown.join(' ')}${cs.length > shown.length ? ' …' : ''}`);
          };
          show('Minimal winning coalitions', lists.minimalWinning);
          show('Minimal blocking coalitions', lists.minimalBlocking);
        }
        process.stdout.write(`${lines.join('\n')}\n`);
      }),
    );

  coalitions
    .command('unsc')
    .description('voting power in the UN Security Council: today, before 1965, and reform proposals')
    .option('--reform <file>', 'compare today\'s Council with this council file (layered game with "groups")')
    .option('--json', 'print one JSON document')
    .action(
      action((opts) => {
        const councils = councilFiles(opts.reform).map((path) => {
          const doc = readSimpleGame(readDocument(path));
          const power = councilPower(doc.game, doc.groups ?? {});
          const layers = doc.game.kind === 'weighted' ? doc.game.layers : [];
          return {
            id: councilId(path),
            file: path.startsWith(UNSC_DIR) ? `data/unsc/${path.slice(UNSC_DIR.length)}` : path,
            name: doc.name ?? councilId(path),
            source: doc.source ?? null,
            notes: doc.notes ?? [],
            rule: layers.map((l) => ({ name: l.name ?? null, quota: l.quota })),
            ...power,
          };
        });
        if (opts.json) {
          printJson({ councils });
          return;
        }
        const rows: string[][] = [];
        for (const c of councils) {
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
        const lines = [
          'UN Security Council voting power (substantive decisions; yes/no votes)',
          table,
          'SS = Shapley–Shubik; Bz = normalised Banzhaf; Penrose = absolute Banzhaf (probability of being decisive);',
          'power to act = share of the 2^n yes/no profiles that pass (Coleman 1971).',
          ...councils.map((c) => `${c.id}: ${c.name}. Source: ${c.source ?? 'not given'}`),
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
      }),
    );

  coalitions
    .command('solve')
    .description('solve a TU game: Shapley value, nucleolus, prenucleolus, core or least core')
    .argument('[game]', 'TU game {players, v}, weighted game, or bankruptcy problem {estate, claims}')
    .addOption(
      new Option('--solution <name>', 'solution concept').choices(SOLUTIONS).default('shapley' as Solution),
    )
    .option(
      '--world <file>',
      'build the trade surplus game from this world file ("default" for the embedded world)',
    )
    .option('--actors <ids>', 'actors of the trade surplus game, e.g. USA,CHN,JPN')
    .option('--samples <n>', 'sampled orders for the Shapley value beyond 20 players', '20000')
    .option('--seed <n>', 'sampling seed', '1')
    .option('--json', 'print one JSON document')
    .action(
      action(async (file, opts) => {
        const samples = parseCount(opts.samples, '--samples', 1);
        const seed = parseCount(opts.seed, '--seed', 0);
        const { game, label, bankruptcy } = loadTuGame(file, opts);
        const n = game.players.length;
        const superadditive =
          game.table && n <= 12 ? superadditivityViolations(game, 1).length === 0 : undefined;
        let out: Record<string, unknown>;
        let text: string[];
        switch (opts.solution) {
          case 'shapley': {
            const exact = game.table !== undefined && n <= MAX_TABLE_PLAYERS;
            const allocation = exact ? shapleyValue(game) : shapleySample(game, samples, Rng.fromSeed(seed));
            out = {
              solution: 'shapley',
              method: exact ? 'exact' : 'sampling',
              ...(exact ? {} : { samples, seed }),
              allocation: allocationJson(allocation),
            };
            text = [
              `Shapley value of ${label}${exact ? '' : ` (sampled: ${samples} orders, seed ${seed})`}`,
              allocationTable(allocation),
            ];
            if (superadditive === false)
              text.push(
                'Note: the game is not superadditive; the Shapley value is still defined but need not be individually rational.',
              );
            break;
          }
          case 'nucleolus':
          case 'prenucleolus': {
            if (bankruptcy && opts.solution === 'nucleolus' && n > MAX_LP_PLAYERS) {
              // Aumann & Maschler (1985): the nucleolus of a bankruptcy game is the Talmud rule.
              const awards = bankruptcyAwards('talmud', bankruptcy.estate, bankruptcy.claims);
              const allocation = awards.map((x, i) => ({
                player: game.players[i]!,
                value: x.toNumber(),
                exact: x.toString(),
              }));
              out = { solution: 'nucleolus', method: 'talmud-rule', allocation: allocationJson(allocation) };
              text = [
                `Nucleolus of ${label} by the Talmud rule (Aumann & Maschler 1985: equal to the nucleolus of a bankruptcy game)`,
                allocationTable(allocation),
              ];
              break;
            }
            const r = await nucleolus(game, opts.solution === 'prenucleolus');
            out = {
              solution: opts.solution,
              allocation: allocationJson(r.allocation),
              levels: r.levels,
              linearPrograms: r.linearPrograms,
            };
            text = [
              `${opts.solution === 'nucleolus' ? 'Nucleolus' : 'Prenucleolus'} of ${label} (${r.linearPrograms} LPs)`,
              allocationTable(r.allocation),
              `Excess levels ε: ${r.levels.map((l) => fixed(l.epsilon, 6)).join(', ')}`,
            ];
            break;
          }
          case 'core':
          case 'least-core': {
            const r = await leastCore(game);
            const allocation = opts.solution === 'core' && !r.coreNonEmpty ? [] : r.allocation;
            out = {
              solution: opts.solution,
              allocation: allocationJson(allocation),
              epsilon: r.epsilon,
              ...(r.epsilonExact !== undefined ? { epsilonExact: r.epsilonExact } : {}),
              coreNonEmpty: r.coreNonEmpty,
            };
            text = [
              opts.solution === 'core'
                ? r.coreNonEmpty
                  ? `The core of ${label} is non-empty; a core point:`
                  : `The core of ${label} is empty: the least core needs ε = ${fixed(r.epsilon, 6)} > 0.`
                : `Least core of ${label}: ε = ${fixed(r.epsilon, 6)} (core ${r.coreNonEmpty ? 'non-empty' : 'empty'}); a least-core point:`,
              ...(allocation.length > 0 ? [allocationTable(allocation)] : []),
            ];
            break;
          }
        }
        if (superadditive !== undefined) out.superadditive = superadditive;
        if (opts.json) printJson(out);
        else process.stdout.write(`${text.join('\n')}\n`);
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
          if (opts.estate !== undefined || opts.claims !== undefined) {
            throw badInput({
              path: ['--estate'],
              message: 'give either a file or --estate/--claims, not both',
            });
          }
          const b = readBankruptcy(readDocument(file));
          estate = b.estate;
          claims = b.claims;
          players = b.players;
        } else {
          const problems: Problem[] = [];
          if (opts.estate === undefined)
            problems.push({ path: ['--estate'], message: 'required: the estate to divide' });
          if (opts.claims === undefined)
            problems.push({ path: ['--claims'], message: 'required: comma-separated claims' });
          if (problems.length > 0) throw badInput(problems[0]!, ...problems.slice(1));
          estate = parseNumber(opts.estate!, '--estate');
          claims = parseList(opts.claims!, '--claims').map((c, i) => {
            const x = Number(c);
            if (!Number.isFinite(x))
              problems.push({ path: ['--claims', i], message: `expected a number; got "${c}"` });
            else if (x < 0)
              problems.push({ path: ['--claims', i], message: `claim ${c} is negative: expected ≥ 0` });
            return x;
          });
          players =
            opts.players !== undefined
              ? parseList(opts.players, '--players')
              : claims.map((_, i) => `P${i + 1}`);
          if (estate < 0)
            problems.push({ path: ['--estate'], message: `estate ${estate} is negative: expected ≥ 0` });
          if (players.length !== claims.length) {
            problems.push({
              path: ['--players'],
              message: `expected ${claims.length} names, one per claim; got ${players.length}`,
            });
          }
          const total = claims.reduce((a, b) => a + b, 0);
          if (problems.length === 0 && estate > total) {
            problems.push({
              path: ['--estate'],
              message: `estate ${estate} exceeds the total claims ${total}: nothing is in dispute, so this is not a bankruptcy problem`,
            });
          }
          if (problems.length > 0) throw badInput(problems[0]!, ...problems.slice(1));
        }
        const rules: BankruptcyRule[] = opts.rule === 'all' ? [...BANKRUPTCY_RULES] : [opts.rule];
        const results = rules.map((rule) => ({
          rule,
          allocation: bankruptcyAwards(rule, estate, claims).map((x, i) => ({
            player: players[i]!,
            claim: claims[i]!,
            value: x.toNumber(),
            exact: x.toString(),
          })),
        }));
        if (opts.json) {
          printJson(opts.rule === 'all' ? { estate, rules: results } : { estate, ...results[0]! });
          return;
        }
        const header = [
          { header: 'Player' },
          { header: 'Claim', align: 'right' as const },
          ...rules.map((r) => ({ header: r, align: 'right' as const })),
        ];
        const rows = players.map((p, i) => [
          p,
          String(claims[i]),
          ...results.map(
            (r) =>
              `${fixed(r.allocation[i]!.value, 4)}${r.allocation[i]!.exact.includes('/') ? ` (${r.allocation[i]!.exact})` : ''}`,
          ),
        ]);
        process.stdout.write(
          `Estate ${estate}, total claims ${claims.reduce((a, b) => a + b, 0)}\n${renderTable(header, rows)}\n`,
        );
      }),
    );
}
