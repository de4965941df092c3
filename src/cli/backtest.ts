/**
 * `concert backtest [--from 2000] [--to 2016] [--events FILE] [--runs N] [--seed S]
 *  [--scenario FILE] [--workers K | --queue URL] [--store PATH] [--json]`: starts the
 * engine in a past year and scores its spending forecast against what happened
 * (SIPRI), beside a random walk and an AR(1); MID onsets, relations and UNGA affinity
 * per dyad-year. docs/validation.md. With `--events` it runs two ensembles — the
 * unconditional one and the one conditioned on the observed events (same template,
 * calibration and seed) — and shows them side by side; the JSON document's top-level
 * scores are then the conditioned runs' and its `unconditional` block the others'
 * (null without `--events`, when the top level is unconditional).
 */
import type { Command } from '@commander-js/extra-typings';
import { readDocument } from '../core/document.js';
import { reroot } from '../core/errors.js';
import { MAX_SEED } from '../core/rng.js';
import { type BacktestDocument, backtestDocument } from '../reports/index.js';
import { defaultStorePath } from '../runtime/store.js';
import { runBacktest } from '../scenario/backtest.js';
import { readObservedEvents } from '../scenario/observed-events.js';
import { Flags } from './options.js';
import { action, printJson } from './run.js';
import { ensembleSettings, QUEUE_HELP, withEnsembleResources } from './scenario-run.js';
import { fixed, renderTable } from './table.js';

/** The template whose policies, couplings and uncertain ranges the backtest runs. */
const DEFAULT_TEMPLATE = 'scenarios/baseline-2017.yaml';
const DEFAULT_RUNS = 200;

const pct = (x: number) => `${fixed(100 * x, 1)} %`;

type Scores = Pick<BacktestDocument, 'years' | 'mids' | 'relations' | 'unga' | 'summary'>;

const rho = (x: number | null) => (x === null ? '–' : fixed(x, 3));

/** The lines that introduce a backtest: what ran, the events applied, the calibration, what is scored. */
function headerLines(doc: BacktestDocument): string[] {
  const out: string[] = [];
  const c = doc.conditioning;
  const both = doc.unconditional !== null;
  out.push(
    `${doc.scenario}: the engine started from the world of ${doc.from} (forces of ${doc.forcesYear}), ${doc.runs} runs${both ? ' each' : ''}, seed ${doc.seed}, ` +
      (c
        ? `${both ? 'unconditional and ' : ''}CONDITIONED on ${c.applied.length} of the ${c.listed} observed events of ${c.file}`
        : 'unconditional (no observed events imposed)'),
  );
  if (c) {
    for (const a of c.applied) {
      const moved = a.year === a.listedYear ? '' : ` (listed ${a.listedYear})`;
      out.push(`  ${a.year}${moved} ${a.type} ${a.actors.join(', ')}`);
    }
    if (c.applied.length === 0)
      out.push('  (none applies to these years and actors: the two ensembles are the same runs)');
  }
  const cal = doc.calibration;
  if (cal) {
    const est = (e: { estimate: number; standardError: number } | null) =>
      e ? `${fixed(e.estimate, 3)} (se ${fixed(e.standardError, 3)})` : 'not identified';
    out.push(
      `CALIBRATED on ${cal.from}–${cal.to}: reaction k ${est(cal.reaction)}, fatigue a ${est(cal.fatigue)}, crisis c0 ${est(cal.crisisBase)}, c1 ${est(cal.crisisHostility)}`,
      `  trend growth: ${Object.entries(cal.trend)
        .map(([id, e]) => `${id} ${pct(e.estimate)}`)
        .join(', ')}`,
    );
    const r = cal.relations;
    if (r) {
      const edge = r.atGridEdge.length > 0 ? ` (at the grid's upper edge: ${r.atGridEdge.join(', ')})` : '';
      out.push(
        `  relation rates ${r.from}–${r.to} (simulated moments): α ${est(r.interactionRate)}, β ${est(r.balanceRate)}; objective ${fixed(r.objective, 2)} (α = β = 0: ${fixed(r.objectiveWithoutRules, 2)}, persistence ${fixed(r.objectivePersistence, 2)})${edge}`,
      );
    } else if (cal.relationsNote) out.push(`  relation rates: not fitted, ${cal.relationsNote}`);
  }
  out.push(
    `scored: ${doc.series} — growth of the total military spending of ${doc.actors.join(', ')}`,
    `observed: ${doc.observedSource}`,
    `benchmarks fitted on the observed growth of ${doc.training.from}–${doc.training.to}`,
    '',
  );
  return out;
}

/** The human table of a backtest document (both ensembles side by side when it holds an unconditional block). */
export function backtestText(doc: BacktestDocument): string {
  const out = headerLines(doc);
  if (doc.unconditional) out.push(...comparisonLines(doc, doc.unconditional));
  else out.push(...singleLines(doc));
  return `${out.join('\n')}\n`;
}

/** One ensemble: its per-year table and its scores. */
function singleLines(doc: BacktestDocument): string[] {
  const out: string[] = [];
  out.push(
    renderTable(
      [
        { header: 'year' },
        { header: 'observed', align: 'right' },
        { header: 'engine median [5 %, 95 %]', align: 'right' },
        { header: 'in 50 %', align: 'right' },
        { header: 'in 90 %', align: 'right' },
        { header: 'CRPS engine', align: 'right' },
        { header: 'random walk', align: 'right' },
        { header: 'AR(1)', align: 'right' },
      ],
      doc.years.map((y) => [
        String(y.year),
        pct(y.observed),
        band(y),
        y.in50 ? 'yes' : 'no',
        y.in90 ? 'yes' : 'no',
        fixed(y.crps, 4),
        fixed(y.crpsRandomWalk, 4),
        fixed(y.crpsAr1, 4),
      ]),
    ),
  );
  const s = doc.summary;
  out.push(
    '',
    `mean CRPS: engine ${fixed(s.crps, 4)}, random walk ${fixed(s.crpsRandomWalk, 4)}, AR(1) ${fixed(s.crpsAr1, 4)}`,
    `skill (1 − CRPS/benchmark; > 0 the engine is better): against the random walk ${fixed(s.skillRandomWalk, 3)}, against the AR(1) ${fixed(s.skillAr1, 3)}`,
    `coverage: ${pct(s.coverage50)} of the years inside the 50 % band, ${pct(s.coverage90)} inside the 90 % band`,
  );
  const m = doc.mids;
  out.push(
    '',
    m
      ? `MID onsets ${m.from}–${m.to} (COW MID v5.0, every dyad of the actors): ${m.onsets} in ${m.dyadYears} dyad-years; ` +
          `engine's mean crisis probability ${fixed(m.meanProbability, 3)} a dyad-year against ${fixed(m.onsets / m.dyadYears, 3)} observed; ` +
          `Brier ${fixed(m.brier, 4)}, base rate of ${doc.training.from}–${doc.training.to} (${fixed(m.baseRate, 3)}) ${fixed(m.brierBaseRate, 4)}, skill ${fixed(m.skill, 3)}`
      : MIDS_NOT_SCORED,
  );
  const r = doc.relations;
  out.push(
    r
      ? `relations ${r.from}–${r.to} (every dyad; the relation rule on each year's observed data): ` +
          `class (friendly / neutral ±0.15 / hostile) agrees in ${pct(r.classAgreement)} of ${r.dyadYears} dyad-years ` +
          `(persistence of ${doc.from}: ${pct(r.classAgreementPersistence)}); mean absolute error ${fixed(r.meanAbsoluteError, 3)} ` +
          `(persistence ${fixed(r.meanAbsoluteErrorPersistence, 3)})`
      : RELATIONS_NOT_SCORED,
  );
  const u = doc.unga;
  out.push(
    u
      ? `UNGA affinity ${u.from}–${u.to} (S-score of each year's roll calls, ${u.dyadYears} dyad-years): ` +
          `rank correlation across dyads, mean over years ${rho(u.meanRankCorrelation)} ` +
          `(start-year relations held ${rho(u.meanRankCorrelationPersistence)}, start-year S-scores held ${rho(u.meanRankCorrelationUngaPersistence)}); ` +
          `direction of change agrees in ${u.directionAgreement === null ? '–' : pct(u.directionAgreement)} of ${u.directionDyadYears} dyad-years (chance 50 %)`
      : UNGA_NOT_SCORED,
  );
  return out;
}

const MIDS_NOT_SCORED = 'MID onsets: not scored (COW MID v5.0 ends in 2014)';
const RELATIONS_NOT_SCORED = 'relations: not scored (the embedded worlds end in 2016)';
const UNGA_NOT_SCORED = 'UNGA affinity: not scored (the UNGA data end in 2019)';

/** A year's median with its 90 % band. */
function band(y: BacktestDocument['years'][number]): string {
  return `${pct(y.q50)} [${pct(y.q05)}, ${pct(y.q95)}]`;
}

/**
 * Two ensembles side by side: the per-year table with both bands and CRPS, then
 * one table of the scores — a row per score, the unconditional and conditioned
 * values, and the benchmark the score is read against.
 */
function comparisonLines(doc: BacktestDocument, u: Scores): string[] {
  const out: string[] = [];
  const c: Scores = doc;
  out.push(
    renderTable(
      [
        { header: 'year' },
        { header: 'observed', align: 'right' },
        { header: 'unconditional [5 %, 95 %]', align: 'right' },
        { header: 'conditioned [5 %, 95 %]', align: 'right' },
        { header: 'CRPS uncond.', align: 'right' },
        { header: 'CRPS cond.', align: 'right' },
        { header: 'random walk', align: 'right' },
        { header: 'AR(1)', align: 'right' },
      ],
      c.years.map((y, t) => {
        const v = u.years[t]!;
        return [
          String(y.year),
          pct(y.observed),
          band(v),
          band(y),
          fixed(v.crps, 4),
          fixed(y.crps, 4),
          fixed(y.crpsRandomWalk, 4),
          fixed(y.crpsAr1, 4),
        ];
      }),
    ),
    '(medians of the engine with the 5 % and 95 % quantiles; CRPS lower is better)',
    '',
  );
  const rows: string[][] = [];
  const row = (label: string, f: (x: Scores) => string, benchmark = '') =>
    rows.push([label, f(u), f(c), benchmark]);
  const s = c.summary;
  row(
    'spending: mean CRPS',
    (x) => fixed(x.summary.crps, 4),
    `random walk ${fixed(s.crpsRandomWalk, 4)}, AR(1) ${fixed(s.crpsAr1, 4)}`,
  );
  row(
    '  skill against the random walk',
    (x) => fixed(x.summary.skillRandomWalk, 3),
    '> 0: the engine is better',
  );
  row('  skill against the AR(1)', (x) => fixed(x.summary.skillAr1, 3));
  row('  years inside the 50 % band', (x) => pct(x.summary.coverage50), '50 % if calibrated');
  row('  years inside the 90 % band', (x) => pct(x.summary.coverage90), '90 % if calibrated');
  const notes: string[] = [];
  const m = c.mids;
  if (m && u.mids) {
    row(
      `MID onsets ${m.from}–${m.to}: Brier`,
      (x) => fixed(x.mids!.brier, 4),
      `base rate of ${doc.training.from}–${doc.training.to} (${fixed(m.baseRate, 3)}) ${fixed(m.brierBaseRate, 4)}`,
    );
    row('  skill against the base rate', (x) => fixed(x.mids!.skill, 3));
    row(
      '  mean crisis probability',
      (x) => fixed(x.mids!.meanProbability, 3),
      `observed ${fixed(m.onsets / m.dyadYears, 3)} (${m.onsets} onsets in ${m.dyadYears} dyad-years)`,
    );
    notes.push(
      "MID onsets: COW MID v5.0, every dyad of the actors, against the ensemble's mean crisis probability",
    );
  } else notes.push(MIDS_NOT_SCORED);
  const r = c.relations;
  if (r && u.relations) {
    row(
      `relations ${r.from}–${r.to}: class agrees`,
      (x) => pct(x.relations!.classAgreement),
      `persistence of ${doc.from} ${pct(r.classAgreementPersistence)}`,
    );
    row(
      '  mean absolute error',
      (x) => fixed(x.relations!.meanAbsoluteError, 3),
      `persistence ${fixed(r.meanAbsoluteErrorPersistence, 3)}`,
    );
    notes.push(
      "relations: the ensemble's median against the relation rule on each year's observed data (friendly / neutral ±0.15 / hostile)",
    );
  } else notes.push(RELATIONS_NOT_SCORED);
  const g = c.unga;
  if (g && u.unga) {
    row(
      `UNGA affinity ${g.from}–${g.to}: mean ρ`,
      (x) => rho(x.unga!.meanRankCorrelation),
      `start-year relations held ${rho(g.meanRankCorrelationPersistence)}, S-scores held ${rho(g.meanRankCorrelationUngaPersistence)}`,
    );
    row(
      '  direction of change agrees',
      (x) =>
        x.unga!.directionAgreement === null
          ? '–'
          : `${pct(x.unga!.directionAgreement)} of ${x.unga!.directionDyadYears}`,
      'chance 50 %',
    );
    notes.push(
      "UNGA affinity: Spearman's ρ across dyads with the S-score of each year's roll calls, mean over the years",
    );
  } else notes.push(UNGA_NOT_SCORED);
  out.push(
    renderTable(
      [
        { header: 'score' },
        { header: 'unconditional', align: 'right' },
        { header: 'conditioned', align: 'right' },
        { header: 'benchmark' },
      ],
      rows,
    ),
    '',
    ...notes,
  );
  return out;
}

export function register(program: Command): void {
  program
    .command('backtest')
    .description(
      'start the scenario engine in a past year and score its spending forecast against what happened',
    )
    .option('--from <year>', 'start year: the world of this year (default 2000)')
    .option('--to <year>', 'last year scored (default 2016; SIPRI data to 2024)')
    .option(
      '--events <file>',
      'condition the runs on the observed events of this file, e.g. data/events-2001-2016.yaml (default: unconditional)',
    )
    .option(
      '--calibrate-from <year>',
      'fit the arms and crisis parameters on the years from this one to the start year (SIPRI, COW MID) and run the template with them, e.g. 1992 (default: the template as given)',
    )
    .option('--runs <n>', `runs of the ensemble (default ${DEFAULT_RUNS})`)
    .option(
      '--seed <s>',
      `ensemble seed, a whole number from 0 to ${MAX_SEED} (default: the template's ensemble.seed)`,
    )
    .option(
      '--scenario <file>',
      `template scenario: its actors, policies, couplings and uncertain ranges (default ${DEFAULT_TEMPLATE})`,
    )
    .option('--workers <k>', 'worker threads (default: the available cores)')
    .option('--queue <url>', QUEUE_HELP)
    .option('--store <path>', `run store file (default: ${defaultStorePath()})`)
    .option('--json', 'print one JSON document')
    .action(
      action(async (opts) => {
        const settings = ensembleSettings({ ...opts, runs: opts.runs ?? String(DEFAULT_RUNS) });
        const f = new Flags();
        const from = opts.from === undefined ? 2000 : f.integer(opts.from, '--from', 1816, 2100);
        const to = opts.to === undefined ? 2016 : f.integer(opts.to, '--to', 1816, 2100);
        const calibrateFrom =
          opts.calibrateFrom === undefined
            ? undefined
            : f.integer(opts.calibrateFrom, '--calibrate-from', 1949, 2016);
        f.done();
        const template = readDocument(opts.scenario ?? DEFAULT_TEMPLATE);
        const events = opts.events === undefined ? undefined : readObservedEvents(readDocument(opts.events));
        await withEnsembleResources(settings, opts.store, async ({ store, bar, compute }) => {
          let label = `backtest ${from}→${to}`;
          const outcome = await runBacktest(template, {
            from: from!,
            to: to!,
            runs: settings.runs!,
            ...(settings.seed === undefined ? {} : { seed: settings.seed }),
            ...(events ? { events } : {}),
            ...(calibrateFrom === undefined ? {} : { calibrateFrom }),
            ...compute,
            store,
            onEnsemble: (which) => {
              label = `backtest ${from}→${to} ${which}`;
            },
            onProgress: (done, total) => bar.update(label, done, total),
          }).catch((e: unknown) => {
            throw reroot(e, (path) =>
              path[0] === 'from' || path[0] === 'to' ? [`--${path[0]}`, ...path.slice(1)] : path,
            );
          });
          bar.stop();
          const doc = backtestDocument(outcome, from!, to!, settings.runs!, outcome.seed);
          if (opts.json) printJson(doc);
          else process.stdout.write(backtestText(doc));
        });
      }),
    );
}
