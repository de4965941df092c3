/**
 * `concert powers`: the national-power ranking of a world (models/powers;
 * docs/models/powers.md). Parse → call the library → format.
 */
import type { Command } from '@commander-js/extra-typings';
import { DEFAULT_MAJOR_OPTIONS, type MajorRule, parseWeights } from '../models/powers/index.js';
import { type PowerRankingDocument, powersReport } from '../reports/index.js';
import { Flags, underFlag } from './options.js';
import { action, printJson } from './run.js';
import { fixed, percent, renderTable, shortName } from './table.js';
import { resolveWorld } from './world-options.js';

/** The human-readable ranking table (the first `shown` states) with its concentration and major-power lines. */
export function rankingText(doc: PowerRankingDocument, shown: number): string {
  const indexName =
    doc.index === 'cinc'
      ? 'COW CINC, recomputed from the six NMC components'
      : 'composite index (weighted mean of dimension shares; docs/models/powers.md)';
  const rows = doc.actors
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
      { header: doc.index === 'cinc' ? 'CINC' : 'Value', align: 'right' },
      { header: 'Share', align: 'right' },
      { header: 'Major' },
      { header: 'COW major' },
      { header: 'Why (data-driven classifier)' },
    ],
    rows,
  );
  const c = doc.concentration;
  const o = doc.classifier;
  const lines = [`National power, ${doc.year}: ${indexName}`, '', table];
  if (shown < doc.rankedStates)
    lines.push(`(${shown} of ${doc.rankedStates} states shown; --top N for more)`);
  lines.push(
    '',
    `Concentration over all ${doc.rankedStates} ranked states: CON ${fixed(c.con, 3)}, HHI ${fixed(c.hhi, 4)}, effective number of poles ${fixed(c.effectivePoles, 2)}.`,
    `Major powers by the data-driven classifier (rule "${o.rule}": share ≥ ${percent(o.shareThreshold)} and/or top of ${o.classes} natural-breaks classes): ${doc.actors
      .filter((a) => a.major)
      .map((a) => a.id)
      .join(', ')}.`,
    `COW major powers in ${doc.year}: ${doc.cowMajors.join(', ') || 'none'}.`,
  );
  return lines.join('\n');
}

const POWER_INDEX_KINDS = ['cinc', 'composite'] as const;
const MAJOR_RULES = ['threshold', 'breaks', 'either', 'both'] as const;

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
        const flags = new Flags();
        const index = flags.choice(opts.index, '--index', POWER_INDEX_KINDS);
        if (opts.weights !== undefined && index !== 'composite')
          flags.fail('--weights', '--weights applies to --index composite only');
        const majors: { shareThreshold?: number; classes?: number; rule?: MajorRule } = {};
        if (opts.threshold !== undefined) {
          const t = flags.number(opts.threshold, '--threshold', (x) =>
            x >= 0 && x <= 1 ? undefined : 'expected a share between 0 and 1 (e.g. 0.05)',
          );
          if (t !== undefined) majors.shareThreshold = t;
        }
        if (opts.classes !== undefined) {
          const k = flags.integer(opts.classes, '--classes', 1);
          if (k !== undefined) majors.classes = k;
        }
        if (opts.rule !== undefined) {
          const rule = flags.choice(opts.rule, '--rule', MAJOR_RULES);
          if (rule !== undefined) majors.rule = rule;
        }
        const top = opts.top !== undefined ? flags.integer(opts.top, '--top', 1) : undefined;
        flags.done();
        const weights =
          opts.weights !== undefined ? underFlag('--weights', () => parseWeights(opts.weights!)) : undefined;
        const world = resolveWorld({ year: opts.year, file: opts.world });
        const options = { index: index!, ...(weights ? { weights } : {}), majors };
        if (opts.json) {
          printJson(powersReport(world, options, top));
          return;
        }
        const doc = powersReport(world, options, top ?? 20);
        process.stdout.write(`${rankingText(doc, doc.actors.length)}\n`);
      }),
    );
}
