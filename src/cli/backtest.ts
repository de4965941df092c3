/**
 * `concert backtest [--from 2000] [--to 2016] [--events FILE] [--runs N] [--seed S]
 *  [--scenario FILE] [--workers K | --queue URL] [--store PATH] [--json]`: starts the
 * engine in a past year, unconditionally or conditioned on observed events, and scores
 * its spending forecast against what happened (SIPRI), beside a random walk and an
 * AR(1); MID onsets, relations and UNGA affinity per dyad-year. docs/validation.md.
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

/** The human table of a backtest document. */
export function backtestText(doc: BacktestDocument): string {
  const out: string[] = [];
  const c = doc.conditioning;
  out.push(
    `${doc.scenario}: the engine started from the world of ${doc.from} (forces of ${doc.forcesYear}), ${doc.runs} runs, seed ${doc.seed}, ` +
      (c
        ? `CONDITIONED on ${c.applied.length} of the ${c.listed} observed events of ${c.file}`
        : 'unconditional (no observed events imposed)'),
  );
  if (c) {
    for (const a of c.applied) {
      const moved = a.year === a.listedYear ? '' : ` (listed ${a.listedYear})`;
      out.push(`  ${a.year}${moved} ${a.type} ${a.actors.join(', ')}`);
    }
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
  }
  out.push(
    `scored: ${doc.series} — growth of the total military spending of ${doc.actors.join(', ')}`,
    `observed: ${doc.observedSource}`,
    `benchmarks fitted on the observed growth of ${doc.training.from}–${doc.training.to}`,
    '',
  );
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
        `${pct(y.q50)} [${pct(y.q05)}, ${pct(y.q95)}]`,
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
      : 'MID onsets: not scored (COW MID v5.0 ends in 2014)',
  );
  const r = doc.relations;
  out.push(
    r
      ? `relations ${r.from}–${r.to} (every dyad; the relation rule on each year's observed data): ` +
          `class (friendly / neutral ±0.15 / hostile) agrees in ${pct(r.classAgreement)} of ${r.dyadYears} dyad-years ` +
          `(persistence of ${doc.from}: ${pct(r.classAgreementPersistence)}); mean absolute error ${fixed(r.meanAbsoluteError, 3)} ` +
          `(persistence ${fixed(r.meanAbsoluteErrorPersistence, 3)})`
      : 'relations: not scored (the embedded worlds end in 2016)',
  );
  const u = doc.unga;
  const rho = (x: number | null) => (x === null ? '–' : fixed(x, 3));
  out.push(
    u
      ? `UNGA affinity ${u.from}–${u.to} (S-score of each year's roll calls, ${u.dyadYears} dyad-years): ` +
          `rank correlation across dyads, mean over years ${rho(u.meanRankCorrelation)} ` +
          `(start-year relations held ${rho(u.meanRankCorrelationPersistence)}, start-year S-scores held ${rho(u.meanRankCorrelationUngaPersistence)}); ` +
          `direction of change agrees in ${u.directionAgreement === null ? '–' : pct(u.directionAgreement)} of ${u.directionDyadYears} dyad-years (chance 50 %)`
      : 'UNGA affinity: not scored (the UNGA data end in 2019)',
  );
  return `${out.join('\n')}\n`;
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
        const seed =
          settings.seed ??
          ((template.value as { ensemble?: { seed?: unknown } } | null)?.ensemble?.seed as
            | number
            | undefined) ??
          1;
        await withEnsembleResources(settings, opts.store, async ({ store, bar, compute }) => {
          const outcome = await runBacktest(template, {
            from: from!,
            to: to!,
            runs: settings.runs!,
            seed,
            ...(events ? { events } : {}),
            ...(calibrateFrom === undefined ? {} : { calibrateFrom }),
            ...compute,
            store,
            onProgress: (done, total) => bar.update(`backtest ${from}→${to}`, done, total),
          }).catch((e: unknown) => {
            throw reroot(e, (path) =>
              path[0] === 'from' || path[0] === 'to' ? [`--${path[0]}`, ...path.slice(1)] : path,
            );
          });
          bar.stop();
          const doc = backtestDocument(outcome, from!, to!, settings.runs!, seed);
          if (opts.json) printJson(doc);
          else process.stdout.write(backtestText(doc));
        });
      }),
    );
}
