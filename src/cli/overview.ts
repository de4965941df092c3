/**
 * `concert overview`: the strategic overview of the embedded default world in
 * the terminal (what `npm start` runs): the strongest states by CINC with
 * major-power flags, concentration, and the alliances and rivalries that tie
 * them (reports/world). Parse → build the report → render it.
 */
import type { Command } from '@commander-js/extra-typings';
import { DEFAULT_MAJOR_OPTIONS } from '../models/powers/index.js';
import { type OverviewDocument, overviewReport } from '../reports/index.js';
import { loadDefaultWorld, RELATION_RULE_ID, type World } from '../world/index.js';
import { Flags } from './options.js';
import { action, printJson } from './run.js';
import { fixed, percent, renderTable, shortName } from './table.js';
import { relationsTable } from './world.js';
import { parseYear } from './world-options.js';

function usdBillions(x: number | null | undefined): string {
  return x == null ? 'n/a' : Math.round(x / 1e9).toLocaleString('en-US');
}

function overviewText(world: World, o: OverviewDocument): string {
  const nameOf = (id: string) => world.actors[id]?.name ?? id;
  const table = renderTable(
    [
      { header: 'Rank', align: 'right' },
      { header: 'Id' },
      { header: 'Name' },
      { header: 'CINC', align: 'right' },
      { header: 'GDP, US$ bn', align: 'right' },
      { header: 'Major (data)' },
      { header: 'COW major' },
      { header: 'UNSC P5' },
    ],
    o.leaders.map((a) => [
      String(a.rank),
      a.id,
      shortName(a.name, 28),
      percent(a.value),
      usdBillions(a.gdpUsd),
      a.major ? 'yes' : '',
      a.cowMajor ? 'yes' : '',
      a.unscPermanent ? 'yes' : '',
    ]),
  );
  const c = o.concentration;
  const lines = [
    `Concert: strategic overview of the default world, ${o.year}`,
    `${Object.keys(world.actors).length} states (COW State System v2016). Capabilities: COW NMC v6.0; GDP: World Bank WDI, current US$.`,
    '',
    `The ${o.leaders.length} strongest states by CINC (COW's Composite Index of National Capability, recomputed; a share of the system's capabilities):`,
    table,
    '',
    `Major powers by the data-driven classifier (CINC share ≥ ${percent(DEFAULT_MAJOR_OPTIONS.shareThreshold, 0)} or in the top of ${DEFAULT_MAJOR_OPTIONS.classes} natural-breaks classes): ${o.majors.join(', ')}.`,
    `COW's official major powers: ${o.cowMajors.join(', ')}.`,
    '',
    `Concentration of capabilities: CON ${fixed(c.all.con, 3)}, HHI ${fixed(c.all.hhi, 4)}, effective number of poles ${fixed(c.all.effectivePoles, 1)} (all ${c.all.states} states)` +
      (c.cowMajors
        ? `; among the ${c.cowMajors.states} COW major powers: CON ${fixed(c.cowMajors.con, 3)}, effective poles ${fixed(c.cowMajors.effectivePoles, 1)}.`
        : '.'),
    '',
    `Alliances among these ${o.leaders.length} states:`,
    o.alliancesAmongLeaders.length > 0 ? relationsTable(nameOf, o.alliancesAmongLeaders) : '  none',
    `(${o.partnershipsAmongLeaders} further pairs among them are partnerships: neutrality, non-aggression or consultation obligations (or an alliance offset by disputes).)`,
    '',
    `Rivalries among them:`,
    o.rivalriesAmongLeaders.length > 0 ? relationsTable(nameOf, o.rivalriesAmongLeaders) : '  none',
    '',
    'Strongest rivalries in the whole system:',
    o.strongestRivalries.length > 0 ? relationsTable(nameOf, o.strongestRivalries) : '  none',
    '',
    `Relation scores follow Concert's rule ${RELATION_RULE_ID}, a modelling assumption: alliance obligations (ATOP v5.1, COW v4.1)`,
    'count positive, militarized disputes of the last 10 years (COW MID v5.0, data end 2014) and ongoing strategic',
    'rivalries (Thompson & Dreyer, data end 2010, carried forward) negative. See docs/world.md; `concert world` and',
    '`concert powers` give the full lists.',
  ];
  return lines.join('\n');
}

/** Registers `concert overview`. */
export function register(program: Command): void {
  program
    .command('overview')
    .description(
      'strategic overview of the embedded default world: strongest states, concentration, alliances and rivalries',
    )
    .option('--year <year>', 'year of the embedded default world, 1816–2016 (default 2016)')
    .option('--top <n>', 'how many of the strongest states to show (default 10)', '10')
    .option('--json', 'print JSON')
    .action(
      action((opts) => {
        const world = loadDefaultWorld(opts.year === undefined ? {} : { year: parseYear(opts.year) });
        const flags = new Flags();
        const top = flags.integer(opts.top, '--top', 1);
        flags.done();
        const o = overviewReport(world, top!);
        if (opts.json) printJson(o);
        else process.stdout.write(`${overviewText(world, o)}\n`);
      }),
    );
}
