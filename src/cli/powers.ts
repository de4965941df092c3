/**
 * `concert powers`: the national-power ranking of a world (models/powers;
 * docs/models/powers.md). Parse → call the library → format.
 */
import type { Command } from '@commander-js/extra-typings';
import { badInput, type Problem } from '../core/errors.js';
import {
  DEFAULT_MAJOR_OPTIONS,
  DIMENSIONS,
  type Dimension,
  type MajorClassifierOptions,
  type MajorRule,
  type PowerIndex,
  type PowerRanking,
  powerRanking,
  type Weights,
} from '../models/powers/index.js';
import { resolveWorld, type World } from '../world/index.js';
import { action, printJson } from './run.js';
import { fixed, percent, renderTable } from './table.js';

/** `military=2,economic=1` → weights; dimensions not named get 0. */
export function parseWeights(text: string): Weights {
  const weights: Record<Dimension, number> = {
    military: 0,
    economic: 0,
    demographic: 0,
    nuclear: 0,
    diplomatic: 0,
  };
  const problems: Problem[] = [];
  for (const part of text.split(',')) {
    const m = /^\s*([a-z]+)\s*=\s*([^\s]+)\s*$/.exec(part);
    const name = m?.[1] as Dimension | undefined;
    const value = Number(m?.[2]);
    if (!m || !name || !DIMENSIONS.includes(name)) {
      problems.push({
        path: ['--weights'],
        message: `"${part.trim()}": expected DIMENSION=WEIGHT with DIMENSION one of ${DIMENSIONS.join(', ')}`,
      });
    } else if (!Number.isFinite(value) || value < 0) {
      problems.push({
        path: ['--weights'],
        message: `${name}: expected a non-negative number, got "${m[2]}"`,
      });
    } else weights[name] = value;
  }
  if (problems.length === 0 && DIMENSIONS.every((d) => weights[d] === 0)) {
    problems.push({ path: ['--weights'], message: 'at least one weight must be positive' });
  }
  if (problems.length > 0) throw badInput(problems[0]!, ...problems.slice(1));
  return weights;
}

function parseIndex(text: string): PowerIndex {
  if (text === 'cinc' || text === 'composite') return text;
  throw badInput({ path: ['--index'], message: `expected "cinc" or "composite"; got "${text}"` });
}

/** A whole number ≥ 1 from option text, or bad input naming the option. */
export function parsePositiveInt(text: string, option: string): number {
  const n = /^\s*\d+\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(n) || n < 1)
    throw badInput({ path: [option], message: `expected a whole number ≥ 1; got "${text}"` });
  return n;
}

function parseMajorOptions(o: {
  threshold?: string;
  classes?: string;
  rule?: string;
}): MajorClassifierOptions {
  const out: { shareThreshold?: number; classes?: number; rule?: MajorRule } = {};
  if (o.threshold !== undefined) {
    const t = Number(o.threshold);
    if (!Number.isFinite(t) || t < 0 || t > 1)
      throw badInput({
        path: ['--threshold'],
        message: `expected a share between 0 and 1 (e.g. 0.05); got "${o.threshold}"`,
      });
    out.shareThreshold = t;
  }
  if (o.classes !== undefined) out.classes = parsePositiveInt(o.classes, '--classes');
  if (o.rule !== undefined) {
    if (!['threshold', 'breaks', 'either', 'both'].includes(o.rule))
      throw badInput({
        path: ['--rule'],
        message: `expected threshold, breaks, either or both; got "${o.rule}"`,
      });
    out.rule = o.rule as MajorRule;
  }
  return out;
}

/** Shortens a name for a table cell. */
export function shortName(name: string, width = 30): string {
  return name.length <= width ? name : `${name.slice(0, width - 1)}…`;
}

/** The human-readable ranking table with its concentration and major-power lines. */
export function rankingText(
  ranking: PowerRanking,
  world: World,
  shown: number,
  majors: MajorClassifierOptions,
): string {
  const o = { ...DEFAULT_MAJOR_OPTIONS, ...majors };
  const indexName =
    ranking.index === 'cinc'
      ? 'COW CINC, recomputed from the six NMC components'
      : 'composite index (weighted mean of dimension shares; docs/models/powers.md)';
  const rows = ranking.actors
    .slice(0, shown)
    .map((a) => [
      String(a.rank),
      a.id,
      shortName(a.name),
      fixed(a.value, 4),
      percent(a.share),
      a.major ? 'yes' : '',
      a.cowMajor ? 'yes' : '',
      a.reasons.join('; '),
    ]);
  const table = renderTable(
    [
      { header: 'Rank', align: 'right' },
      { header: 'Id' },
      { header: 'Name' },
      { header: ranking.index === 'cinc' ? 'CINC' : 'Value', align: 'right' },
      { header: 'Share', align: 'right' },
      { header: 'Major' },
      { header: 'COW major' },
      { header: 'Why (data-driven classifier)' },
    ],
    rows,
  );
  const c = ranking.concentration;
  const lines = [`National power, ${ranking.year}: ${indexName}`, '', table];
  if (shown < ranking.actors.length)
    lines.push(`(${shown} of ${ranking.actors.length} states shown; --top N for more)`);
  lines.push(
    '',
    `Concentration over all ${ranking.actors.length} ranked states: CON ${fixed(c.con, 3)}, HHI ${fixed(c.hhi, 4)}, effective number of poles ${fixed(c.effectivePoles, 2)}.`,
    `Major powers by the data-driven classifier (rule "${o.rule}": share ≥ ${percent(o.shareThreshold)} and/or top of ${o.classes} natural-breaks classes): ${ranking.actors
      .filter((a) => a.major)
      .map((a) => a.id)
      .join(', ')}.`,
    `COW major powers in ${ranking.year}: ${
      Object.entries(world.actors)
        .filter(([, a]) => a.cowMajor)
        .map(([id]) => id)
        .join(', ') || 'none'
    }.`,
  );
  return lines.join('\n');
}

/** Registers `concert powers`. */
export function register(program: Command): void {
  program
    .command('powers')
    .description(
      'rank states by national power (COW CINC or a composite index), flag major powers and measure concentration',
    )
    .option('--year <year>', 'year of the embedded default world, 1816–2016 (default 2016)')
    .option('--world <file>', 'a world file (YAML or JSON) instead of the default world')
    .option('--index <index>', 'cinc or composite', 'cinc')
    .option(
      '--weights <weights>',
      'composite weights, e.g. military=2,economic=1 (dimensions not named get 0)',
    )
    .option('--top <n>', 'show only the N strongest states (default: 20 in the table, all with --json)')
    .option(
      '--threshold <share>',
      `major-power share threshold (default ${DEFAULT_MAJOR_OPTIONS.shareThreshold})`,
    )
    .option('--classes <k>', `natural-breaks classes (default ${DEFAULT_MAJOR_OPTIONS.classes})`)
    .option('--rule <rule>', `threshold | breaks | either | both (default ${DEFAULT_MAJOR_OPTIONS.rule})`)
    .option('--json', 'print JSON')
    .action(
      action((opts) => {
        const index = parseIndex(opts.index);
        if (opts.weights !== undefined && index !== 'composite')
          throw badInput({ path: ['--weights'], message: '--weights applies to --index composite only' });
        const weights = opts.weights !== undefined ? parseWeights(opts.weights) : undefined;
        const majors = parseMajorOptions(opts);
        const top = opts.top !== undefined ? parsePositiveInt(opts.top, '--top') : undefined;
        const world = resolveWorld({ year: opts.year, file: opts.world });
        const ranking = powerRanking(world, { index, ...(weights ? { weights } : {}), majors });
        if (opts.json) {
          printJson(top === undefined ? ranking : { ...ranking, actors: ranking.actors.slice(0, top) });
          return;
        }
        process.stdout.write(
          `${rankingText(ranking, world, Math.min(top ?? 20, ranking.actors.length), majors)}\n`,
        );
      }),
    );
}
