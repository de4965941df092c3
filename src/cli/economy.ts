/**
 * `concert economy dependence | gains | gravity | transition`: trade
 * interdependence, gains from trade and their inequality, gravity
 * equations, and power transition (models/economy, reports/economy;
 * docs/models/economy.md). Parse → build the report → print or render it.
 */
import { type Command, Option } from '@commander-js/extra-typings';
import { readTextFile } from '../core/document.js';
import { type FieldPath, reroot } from '../core/errors.js';
import {
  DEFAULT_PARITY_THRESHOLD,
  DEFAULT_TRADE_ELASTICITY,
  parseDataFrame,
} from '../models/economy/index.js';
import {
  DEFAULT_GRAVITY_FORMULA,
  dependenceAnalysis,
  type EconomyDependenceDocument,
  type EconomyGainsDocument,
  type EconomyGravityDocument,
  type EconomyTransitionDocument,
  GAINS_FORM_NAMES,
  GAINS_QUANTITIES,
  GRAVITY_METHOD_NAMES,
  gainsAnalysis,
  gravityAnalysis,
  POWER_MEASURE_NAMES,
  TRADE_TOTALS_NAMES,
  transitionAnalysis,
  worldGravityInput,
} from '../reports/index.js';
import type { World } from '../world/index.js';
import { Flags } from './options.js';
import { action, group, printJson } from './run.js';
import { fixed, percent, renderTable, shortName } from './table.js';
import { resolveWorld } from './world-options.js';

const billions = (x: number | null, digits = 1) => (x === null ? '—' : fixed(x / 1000, digits));
const share = (x: number | null, digits = 2) => (x === null ? '—' : percent(x, digits));

/** Runs `fn`, locating a problem of the world's trade (path `[]`) at the option that chose the world. */
function withWorldProblems<T>(o: { world?: string }, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw reroot(e, (path: FieldPath) => {
      if (path.length === 0) return [o.world === undefined ? '--year' : '--world'];
      if (path[0] === 'states') return ['--states', ...path.slice(1)];
      if (path[0] === 'theta') return ['--theta', ...path.slice(1)];
      if (path[0] === 'epsilons') return ['--atkinson', ...path.slice(1)];
      return path;
    });
  }
}

function worldOf(o: { world?: string; year?: string }): World {
  return resolveWorld({
    ...(o.world === undefined ? {} : { file: o.world }),
    ...(o.year === undefined ? {} : { year: o.year }),
  });
}

function statesOf(flags: Flags, raw: string | undefined): readonly string[] | 'all' | undefined {
  if (raw === undefined) return undefined;
  if (raw.trim() === 'all') return 'all';
  return flags.list(raw, '--states');
}

/** The states table and the dyads with the strongest weak links. */
export function dependenceText(doc: EconomyDependenceDocument, top: number): string {
  const states = renderTable(
    [
      { header: 'Id' },
      { header: 'Name' },
      { header: 'GDP bn US$', align: 'right' },
      { header: 'Exports bn', align: 'right' },
      { header: 'Imports bn', align: 'right' },
      { header: 'Openness', align: 'right' },
    ],
    doc.states.map((s) => [
      s.id,
      shortName(s.name, 26),
      billions(s.gdpUsdM, 0),
      billions(s.exportsUsdM),
      billions(s.importsUsdM),
      share(s.openness, 1),
    ]),
  );
  const dyads = [...doc.dyads]
    .sort((x, y) => (y.weakLink ?? -1) - (x.weakLink ?? -1) || (y.tradeUsdM ?? -1) - (x.tradeUsdM ?? -1))
    .slice(0, top);
  const pairs = renderTable(
    [
      { header: 'Pair' },
      { header: 'Trade bn', align: 'right' },
      { header: 'T/GDP a', align: 'right' },
      { header: 'T/GDP b', align: 'right' },
      { header: 'Weak link', align: 'right' },
      { header: 'Share a', align: 'right' },
      { header: 'Share b', align: 'right' },
      { header: 'Salience', align: 'right' },
      { header: 'Symmetry', align: 'right' },
      { header: 'Interdep.', align: 'right' },
    ],
    dyads.map((d) => [
      `${d.a}–${d.b}`,
      billions(d.tradeUsdM),
      share(d.dependenceA),
      share(d.dependenceB),
      share(d.weakLink),
      share(d.shareA, 1),
      share(d.shareB, 1),
      d.salience === null ? '—' : fixed(d.salience, 4),
      d.symmetry === null ? '—' : fixed(d.symmetry, 4),
      d.interdependence === null ? '—' : fixed(d.interdependence, 4),
    ]),
  );
  return [
    `Trade dependence, ${doc.tradeYear} (${doc.source}; national totals: ${doc.totals})`,
    states,
    '',
    `Dyads by weak link (Oneal–Russett min(T/GDP)); Barbieri shares T/(X+M), salience, symmetry, interdependence${doc.dyads.length > dyads.length ? ` — top ${dyads.length} of ${doc.dyads.length}` : ''}`,
    pairs,
    ...doc.notes.map((n) => `Note: ${n}`),
  ].join('\n');
}

/** The gains table and the inequality of the gains. */
export function gainsText(doc: EconomyGainsDocument): string {
  const reasons = doc.states.some((s) => s.reason !== null);
  const rows = doc.states.map((s) => [
    s.id,
    shortName(s.name, 26),
    s.lambda === null ? '—' : fixed(s.lambda, 4),
    share(s.gainShare),
    billions(s.gainUsdM),
    s.gainPerCapitaUsd === null ? '—' : fixed(s.gainPerCapitaUsd, 0),
    ...(reasons ? [s.reason ?? ''] : []),
  ]);
  const lines = [
    `Gains from trade, ${doc.tradeYear}: ${doc.formula}, θ = ${doc.theta} (${doc.form}; ${doc.source})`,
    renderTable(
      [
        { header: 'Id' },
        { header: 'Name' },
        { header: 'λ', align: 'right' },
        { header: 'Gain % GDP', align: 'right' },
        { header: 'Gain bn US$', align: 'right' },
        { header: 'Per person US$', align: 'right' },
        ...(reasons ? [{ header: 'Why undefined' }] : []),
      ],
      rows,
    ),
  ];
  const q = doc.inequality;
  if (q) {
    const line = (label: string, x: NonNullable<typeof q>['equalWeights']) =>
      `  ${label}: Gini ${fixed(x.gini, 4)}, Theil ${fixed(x.theil, 4)}, ${x.atkinson.map((a) => `Atkinson(${a.epsilon}) ${fixed(a.value, 4)}`).join(', ')}`;
    lines.push(
      '',
      `Inequality of the gains (${q.quantity === 'share' ? 'share of GDP' : q.quantity === 'usd' ? 'US$' : 'US$ per person'}) across ${q.states.join(', ')}:`,
      line('equal weights', q.equalWeights),
      q.populationWeights
        ? line('population weights', q.populationWeights)
        : '  population weights: — (a population is unknown)',
    );
  } else lines.push('', 'Inequality: fewer than two states with defined gains.');
  lines.push(...doc.notes.map((n) => `Note: ${n}`));
  return lines.join('\n');
}

/** The coefficient table of a gravity fit. */
export function gravityText(doc: EconomyGravityDocument): string {
  const table = renderTable(
    [
      { header: 'Term' },
      { header: 'Estimate', align: 'right' },
      { header: 'Robust s.e.', align: 'right' },
      { header: 'z', align: 'right' },
    ],
    doc.coefficients.map((c) => [c.term, fixed(c.estimate, 4), fixed(c.standardError, 4), fixed(c.z, 2)]),
  );
  const method = doc.method === 'ppml' ? 'PPML (Santos Silva & Tenreyro 2006)' : 'log-linear OLS';
  return [
    `Gravity, ${method}: ${doc.formula}`,
    `Data: ${doc.source}; ${doc.observations} observations (${doc.zeroResponses} zero flows kept; dropped: ${doc.dropped.missing} with missing values, ${doc.dropped.nonPositiveResponse} zero flows)`,
    table,
    `${doc.method === 'ppml' ? `IRLS ${doc.iterations} iterations, ${doc.converged ? 'converged' : 'NOT converged'}; pseudo-R²` : 'R²'} ${fixed(doc.rSquared, 4)}; robust (HC0) standard errors`,
  ].join('\n');
}

/** The ratio over time (every `step` years and the last), overtakings and parity. */
export function transitionText(doc: EconomyTransitionDocument, step: number): string {
  const last = doc.series.length - 1;
  const shown = doc.series.filter((p, k) => k === 0 || k === last || p.year % step === 0);
  const fmt = (x: number) => (doc.measure === 'cinc' ? fixed(x, 4) : fixed(x / 1e9, 0));
  const g = (x: number | null) => (x === null ? '—' : percent(x, 2));
  const parity = doc.parityYears;
  return [
    `Power transition ${doc.a}–${doc.b}: ${doc.unit}${doc.measure === 'gdp-ppp' ? ', billions' : ''} (${doc.source})`,
    renderTable(
      [
        { header: 'Year', align: 'right' },
        { header: doc.a, align: 'right' },
        { header: doc.b, align: 'right' },
        { header: `${doc.a}/${doc.b}`, align: 'right' },
      ],
      shown.map((p) => [String(p.year), fmt(p.a), fmt(p.b), fixed(p.ratio, 3)]),
    ),
    `Overtakings: ${doc.overtakings.length === 0 ? 'none' : doc.overtakings.map((o) => `${o.year} ${o.leader} passes ${o.previous}`).join('; ')}`,
    `Parity (weaker ≥ ${percent(doc.parityThreshold, 0)} of the stronger): ${parity.length === 0 ? 'never' : `${parity.length} years, ${parity[0]}–${parity[parity.length - 1]}`}`,
    `Annual growth ${doc.series[0]!.year}–${doc.series[last]!.year}: ${doc.a} ${g(doc.growth.a)}, ${doc.b} ${g(doc.growth.b)}, ratio ${g(doc.growth.ratio)}`,
  ].join('\n');
}

/** Registers `concert economy …`. */
export function register(program: Command): void {
  const economy = group(
    program,
    'economy',
    'trade interdependence, gains from trade, gravity and power transition (COW trade to 2014)',
  );

  economy
    .command('dependence')
    .description('Oneal–Russett dependence and Barbieri interdependence of every pair of states')
    .option('--year <year>', 'year of the default world (trade to 2014; 2015–2016 carry 2014)')
    .option('--world <file>', 'world file with `trade` entries')
    .option('--states <ids>', 'comma-separated actor ids, or "all" (default: COW major powers)')
    .addOption(new Option('--totals <source>', 'national trade totals').choices(TRADE_TOTALS_NAMES))
    .option('--top <n>', 'dyads shown in the table (all are in --json)', '25')
    .option('--json', 'print one JSON document')
    .action(
      action((o) => {
        const flags = new Flags();
        const states = statesOf(flags, o.states);
        const top = flags.integer(o.top, '--top', 1);
        flags.done();
        const world = worldOf(o);
        const doc = withWorldProblems(o, () =>
          dependenceAnalysis(world, {
            ...(states === undefined ? {} : { states }),
            ...(o.totals === undefined ? {} : { totals: o.totals }),
          }),
        );
        if (o.json) printJson(doc);
        else process.stdout.write(`${dependenceText(doc, top!)}\n`);
      }),
    );

  economy
    .command('gains')
    .description('gains from trade (Arkolakis–Costinot–Rodríguez-Clare) and their inequality')
    .option('--year <year>', 'year of the default world (trade to 2014; 2015–2016 carry 2014)')
    .option('--world <file>', 'world file with `trade` entries and national trade')
    .option('--states <ids>', 'comma-separated actor ids, or "all" (default: COW major powers)')
    .option('--theta <θ>', `trade elasticity θ > 0 (ACR's ε = −θ; default ${DEFAULT_TRADE_ELASTICITY})`)
    .addOption(
      new Option('--form <form>', 'which ACR form').choices(GAINS_FORM_NAMES).default('loss-of-autarky'),
    )
    .addOption(
      new Option('--inequality-of <quantity>', 'what the inequality is measured on')
        .choices(GAINS_QUANTITIES)
        .default('share'),
    )
    .option('--atkinson <eps>', 'comma-separated Atkinson inequality aversions ε ≥ 0', '0.5,1,2')
    .addOption(new Option('--totals <source>', 'national trade totals').choices(TRADE_TOTALS_NAMES))
    .option('--json', 'print one JSON document')
    .action(
      action((o) => {
        const flags = new Flags();
        const states = statesOf(flags, o.states);
        const theta =
          o.theta === undefined
            ? DEFAULT_TRADE_ELASTICITY
            : flags.number(o.theta, '--theta', () => undefined);
        const epsilons = flags
          .list(o.atkinson, '--atkinson')
          .map((e, k) => flags.number(e, `--atkinson[${k}]`) ?? Number.NaN);
        flags.done();
        const world = worldOf(o);
        const doc = withWorldProblems(o, () =>
          gainsAnalysis(world, {
            ...(states === undefined ? {} : { states }),
            ...(o.totals === undefined ? {} : { totals: o.totals }),
            theta: theta!,
            form: o.form,
            quantity: o.inequalityOf,
            epsilons,
          }),
        );
        if (o.json) printJson(doc);
        else process.stdout.write(`${gainsText(doc)}\n`);
      }),
    );

  economy
    .command('gravity')
    .description('gravity equation by PPML (Santos Silva–Tenreyro) or log-linear OLS, robust standard errors')
    .option('--data <file.csv>', 'numeric CSV with a header (e.g. the SST 2006 replication data)')
    .option('--year <year>', 'year of the default world whose trade to fit')
    .option('--world <file>', 'world file whose trade to fit')
    .option(
      '--formula <f>',
      `response ~ term + log(column) + … (default on a world: "${DEFAULT_GRAVITY_FORMULA}")`,
    )
    .addOption(new Option('--method <m>', 'estimator').choices(GRAVITY_METHOD_NAMES).default('ppml'))
    .option('--json', 'print one JSON document')
    .action(
      action((o) => {
        const flags = new Flags();
        if (o.data !== undefined && (o.year !== undefined || o.world !== undefined))
          flags.fail('--data', 'give either --data or a world (--year / --world), not both');
        if (o.data !== undefined && o.formula === undefined)
          flags.fail('--formula', 'required with --data, e.g. "trade ~ lypex + lypim + ldist"');
        flags.done();
        let input: Parameters<typeof gravityAnalysis>[0];
        if (o.data !== undefined) {
          input = { frame: parseDataFrame(readTextFile(o.data), o.data), source: o.data, tradeYear: null };
        } else {
          input = withWorldProblems(o, () => worldGravityInput(worldOf(o)));
        }
        const formula = o.formula ?? DEFAULT_GRAVITY_FORMULA;
        let doc: EconomyGravityDocument;
        try {
          doc = gravityAnalysis(input, formula, o.method);
        } catch (e) {
          throw reroot(e, (path) => (path[0] === 'formula' ? ['--formula', ...path.slice(1)] : path));
        }
        if (o.json) printJson(doc);
        else process.stdout.write(`${gravityText(doc)}\n`);
      }),
    );

  economy
    .command('transition')
    .description('power transition of two states: PPP GDP (Maddison) or CINC ratio, overtaking, parity')
    .argument('<a>', 'first actor id, e.g. CHN')
    .argument('<b>', 'second actor id, e.g. USA')
    .addOption(new Option('--measure <m>', 'power measure').choices(POWER_MEASURE_NAMES).default('gdp-ppp'))
    .option('--from <year>', 'first year')
    .option('--to <year>', 'last year')
    .option('--parity <share>', `parity threshold in (0, 1] (default ${DEFAULT_PARITY_THRESHOLD})`)
    .option('--step <years>', 'table rows every this many years (all are in --json)', '5')
    .option('--json', 'print one JSON document')
    .action(
      action((a, b, o) => {
        const flags = new Flags();
        const from = o.from === undefined ? undefined : flags.integer(o.from, '--from', 1, 2100);
        const to = o.to === undefined ? undefined : flags.integer(o.to, '--to', 1, 2100);
        const parity =
          o.parity === undefined
            ? undefined
            : flags.number(o.parity, '--parity', (x) =>
                x > 0 && x <= 1 ? undefined : 'expected a share in (0, 1]',
              );
        const step = flags.integer(o.step, '--step', 1);
        if (from !== undefined && to !== undefined && to < from)
          flags.fail('--to', `the window ends (${to}) before it starts (${from})`);
        flags.done();
        let doc: EconomyTransitionDocument;
        try {
          doc = transitionAnalysis(a, b, {
            measure: o.measure,
            ...(from === undefined ? {} : { from }),
            ...(to === undefined ? {} : { to }),
            ...(parity === undefined ? {} : { parityThreshold: parity }),
          });
        } catch (e) {
          throw reroot(e, (path) =>
            path[0] === 'a' ? ['<a>'] : path[0] === 'b' ? ['<b>'] : path[0] === 'to' ? ['--to'] : path,
          );
        }
        if (o.json) printJson(doc);
        else process.stdout.write(`${transitionText(doc, step!)}\n`);
      }),
    );
}
