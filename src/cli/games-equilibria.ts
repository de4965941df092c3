/**
 * `concert games equilibria | classify`: the normal-form half of
 * `concert games`. Reads a Gambit .nfg file or a JSON/YAML game, builds the
 * report (reports/games), prints it or renders its tables.
 */
import { extname } from 'node:path';
import { type Command, Option } from '@commander-js/extra-typings';
import { parseDocument, readTextFile } from '../core/document.js';
import { ConcertError, isConcertError } from '../core/errors.js';
import {
  EQUILIBRIUM_METHODS,
  type EquilibriumMethod,
  gameFromDocument,
  type NormalFormGame,
  parseNfg,
} from '../models/games/normal/index.js';
import {
  type ClassificationDocument,
  classificationAnalysis,
  type EquilibriaDocument,
  equilibriaAnalysis,
} from '../reports/index.js';
import { action, group, printJson } from './run.js';
import { fixed, renderTable } from './table.js';

/** Reads a game file: `.nfg` (Gambit), `.json`, `.yaml`/`.yml`; other names are sniffed. */
export function readGame(path: string): NormalFormGame {
  const text = readTextFile(path);
  const ext = extname(path).toLowerCase();
  if (ext === '.nfg' || (ext !== '.json' && ext !== '.yaml' && ext !== '.yml' && /^\s*NFG\b/.test(text))) {
    return parseNfg(text, path);
  }
  return gameFromDocument(parseDocument(text, path, ext === '.yaml' || ext === '.yml' ? 'yaml' : 'json'));
}

/**
 * Locates a solver's problem with the game: a problem that names no file is
 * about the game file (path `['game']`) or about the `--method` flag (path
 * `['method']`), and says so.
 */
export function locateGameProblems(e: unknown, file: string): unknown {
  if (!isConcertError(e) || e.code !== 'bad-input') return e;
  return new ConcertError(
    'bad-input',
    e.problems.map((p) => {
      if (p.file !== undefined) return p;
      const [head, ...rest] = p.path ?? [];
      if (head === 'method') return { file, path: ['--method', ...rest], message: p.message };
      if (head === 'game') return { file, ...(rest.length > 0 ? { path: rest } : {}), message: p.message };
      return { ...p, file };
    }),
  );
}

/** Runs `fn` on the game read from `file`, locating its problems (see {@link locateGameProblems}). */
async function withGame<T>(file: string, fn: (game: NormalFormGame) => T | Promise<T>): Promise<T> {
  const game = readGame(file);
  try {
    return await fn(game);
  } catch (e) {
    throw locateGameProblems(e, file);
  }
}

type EquilibriumDocument = EquilibriaDocument['equilibria'][number];

/** `name 1/2, name 1/2` for the strategies played with positive probability. */
function mixedText(doc: EquilibriaDocument, eq: EquilibriumDocument, i: number): string {
  return doc.game.strategies[i]!.flatMap((name, s) => {
    const p = eq.strategies[i]![s]!;
    if (p === 0) return [];
    const prob = eq.exact ? eq.exact[i]![s]! : fixed(p, 6);
    return [prob === '1' ? name : `${name} ${prob}`];
  }).join(', ');
}

function payoffText(eq: EquilibriumDocument, i: number): string {
  const exact = eq.exactPayoffs?.[i];
  const decimal = fixed(eq.payoffs[i]!, 4);
  return exact !== undefined && exact !== decimal && !/^-?\d+$/.test(exact)
    ? `${exact} (${decimal})`
    : decimal;
}

/** The equilibria table, components, continua, Lemke–Howson paths and notes. */
export function equilibriaText(r: EquilibriaDocument): string {
  const out: string[] = [];
  const count = r.equilibria.length;
  const noun = count === 1 ? 'equilibrium' : 'equilibria';
  const what = r.complete ? noun : `${noun} found`;
  out.push(
    `${r.game.title === '' ? '' : `${r.game.title}\n`}${count} ${what} (method: ${r.method}${r.degenerate ? ', degenerate equilibria present' : ''})\n`,
  );
  const players = r.game.players;
  if (count > 0) {
    const columns = [
      { header: '#', align: 'right' as const },
      ...players.map((p) => ({ header: p })),
      ...players.map((p) => ({ header: `payoff ${p}`, align: 'right' as const })),
    ];
    const rows = r.equilibria.map((eq, k) => [
      String(k + 1),
      ...players.map((_, i) => mixedText(r, eq, i)),
      ...players.map((_, i) => payoffText(eq, i)),
    ]);
    out.push(renderTable(columns, rows));
  }
  const sets = (r.components ?? []).filter((c) => c.equilibria.length > 1);
  if (sets.length > 0) {
    out.push(
      '\nComponents (sets of equilibria; every profile in the convex hull of a subset is an equilibrium):',
    );
    for (const c of sets) {
      const subsets = c.nashSubsets.map((s) => `{${s.map((e) => e + 1).join(', ')}}`).join(' ∪ ');
      out.push(`  equilibria ${c.equilibria.map((e) => e + 1).join(', ')}: ${subsets}`);
    }
  }
  for (const c of r.continua ?? []) out.push(`\nContinuum: ${c}`);
  if (r.lemkeHowson)
    out.push(
      `\nLemke–Howson by dropped label: ${r.lemkeHowson.map((x) => `${x.label}→#${x.equilibrium + 1}`).join(' ')}`,
    );
  for (const note of r.notes) out.push(`\nNote: ${note}`);
  return out.join('\n');
}

/** The verdict, the outcome table, security levels, dominance and the zero-sum value. */
export function classificationText(c: ClassificationDocument): string {
  const { players, strategies } = c.game;
  const out: string[] = [];
  if (c.game.title !== '') out.push(c.game.title);
  if (c.twoByTwo?.name) {
    const coop = c.twoByTwo.cooperate ? ` (cooperate = ${c.twoByTwo.cooperate})` : '';
    out.push(`Type: ${c.twoByTwo.name}${coop}`);
  }
  out.push(`Verdict: ${c.verdict} — ${c.explanation}`, '');
  const columns = [
    ...players.map((p) => ({ header: p })),
    ...players.map((p) => ({ header: `payoff ${p}`, align: 'right' as const })),
    { header: 'Nash' },
    { header: 'Pareto' },
    { header: 'win-win' },
    { header: 'lose-lose' },
  ];
  const mark = (b: boolean) => (b ? 'yes' : '');
  const rows = c.outcomes.map((o) => [
    ...o.strategies,
    ...o.payoffs.map((x) => fixed(x, 4)),
    mark(o.nash),
    mark(o.paretoEfficient),
    mark(o.winWin),
    mark(o.loseLose),
  ]);
  out.push(renderTable(columns, rows), '');
  out.push(
    `Security levels (pure maximin): ${players.map((p, i) => `${p} ${fixed(c.securityLevels[i]!, 4)}`).join(', ')}`,
  );
  const dom = c.dominated.map(
    (d) =>
      `${players[d.player]}: ${strategies[d.player]![d.dominated]} ${d.kind}ly dominated by ${strategies[d.player]![d.by]}`,
  );
  out.push(`Dominated strategies: ${dom.length === 0 ? 'none' : dom.join('; ')}`);
  out.push(
    `After iterated elimination of strictly dominated strategies: ${c.survivingStrict
      .map((set, i) => `${players[i]} {${set.map((s) => strategies[i]![s]).join(', ')}}`)
      .join(', ')}`,
  );
  const value = c.value;
  if (value) {
    const v = value.exact ? `${value.exact.value} (${fixed(value.value, 6)})` : fixed(value.value, 6);
    out.push(`Constant-sum game (total ${value.total}): value to ${players[0]} = ${v}`);
  }
  return out.join('\n');
}

/** Registers `games equilibria` and `games classify`. */
export function register(program: Command): void {
  const games = group(program, 'games', 'Game theory: equilibria, repeated games, tournaments, evolution');
  games
    .command('equilibria')
    .description(
      'Nash equilibria of a normal-form game (Gambit .nfg, or JSON/YAML {players, strategies, payoffs}); exact fractions where the method allows',
    )
    .argument('<game>', 'game file: .nfg, .json, .yaml')
    .addOption(
      new Option(
        '--method <method>',
        'vertex (2 players, all, default), support (2 players; or ≤3 two-strategy players), lemke-howson (2 players, every label), pure (any), qre (any: one equilibrium by logit QRE tracing)',
      ).choices(EQUILIBRIUM_METHODS),
    )
    .option('--json', 'print one JSON document')
    .action(
      action(async (file: string, opts: { method?: string; json?: boolean }) => {
        const doc = await withGame(file, (game) =>
          equilibriaAnalysis(game, opts.method as EquilibriumMethod | undefined),
        );
        if (opts.json) printJson(doc);
        else process.stdout.write(`${equilibriaText(doc)}\n`);
      }),
    );
  games
    .command('classify')
    .description(
      'Classify a game: win-win / lose-lose outcomes and verdict, pure equilibria, Pareto efficiency, dominance, 2×2 names, zero-sum value',
    )
    .argument('<game>', 'game file: .nfg, .json, .yaml')
    .option('--json', 'print one JSON document')
    .action(
      action(async (file: string, opts: { json?: boolean }) => {
        const doc = await withGame(file, classificationAnalysis);
        if (opts.json) printJson(doc);
        else process.stdout.write(`${classificationText(doc)}\n`);
      }),
    );
}
