/**
 * `concert calibrate [--from 1992] [--to 2016] [--actors USA,CHN,…] [--scenario FILE]
 *  [--json] [--write FILE]`: fits the arms rule and the crisis constants on the
 * training years (src/scenario/calibrate.ts; docs/validation.md, "Calibration") for
 * the template's actors and prints the fit on its own. `--json` prints the
 * Calibration as one JSON document; `--write FILE` writes the template with the fit
 * written in (calibratedDocument) as a YAML scenario, refusing to overwrite a file.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from '@commander-js/extra-typings';
import { stringify } from 'yaml';
import { readDocument } from '../core/document.js';
import { badInput, reroot } from '../core/errors.js';
import type { FittedEstimate } from '../models/arms/fit.js';
import { type Calibration, calibrate, calibratedDocument } from '../scenario/calibrate.js';
import { Flags } from './options.js';
import { action, printJson } from './run.js';
import { fixed, renderTable } from './table.js';

/** The template whose actors are calibrated and into which `--write` writes the fit (as `concert backtest`). */
const DEFAULT_TEMPLATE = 'scenarios/baseline-2017.yaml';
const DEFAULT_FROM = 1992;
const DEFAULT_TO = 2016;

const pct = (x: number) => `${fixed(100 * x, 2)} %`;

/** One row of the pooled parameters' table: a fitted estimate, or a value without a standard error. */
interface ParameterRow {
  readonly parameter: string;
  /** What the parameter is and where it comes from. */
  readonly meaning: string;
  readonly fit: FittedEstimate | null;
  /** Shown instead of the fit when it is null (e.g. "not identified"). */
  readonly otherwise?: string;
  readonly digits?: number;
}

/**
 * The pooled parameters of a calibration, one row each: a new member of
 * {@link Calibration} (e.g. the rates of the relation rules) is one more push here.
 */
export function parameterRows(cal: Calibration): ParameterRow[] {
  const rows: ParameterRow[] = [
    {
      parameter: 'reaction k',
      meaning: 'arms: per year per unit of hostility-weighted rival index (pooled)',
      fit: cal.arms.reaction,
      otherwise: 'not identified (no dyad is ever hostile)',
    },
    {
      parameter: 'fatigue a',
      meaning: 'arms: per year (pooled)',
      fit: cal.arms.fatigue,
    },
  ];
  const c = cal.crises;
  rows.push(
    {
      parameter: 'crisis c0',
      meaning: c
        ? `crises: logistic intercept, MID onsets ${c.from}–${c.to} (${c.fit.events} in ${c.fit.observations} dyad-years)`
        : 'crises: logistic intercept',
      fit: c?.base ?? null,
      otherwise: 'not fitted',
    },
    {
      parameter: 'crisis c1',
      meaning: "crises: per unit of the previous year's hostility −r (written as ≥ 0)",
      fit: c?.hostility ?? null,
      otherwise: 'not fitted',
    },
  );
  const r = cal.relations;
  if (r) {
    rows.push(
      {
        parameter: 'interaction α',
        meaning: `relations R1 rate, simulated moments ${r.from}–${r.to} (bootstrap se)`,
        fit: r.interactionRate,
      },
      {
        parameter: 'balance β',
        meaning: `relations R2 rate, simulated moments ${r.from}–${r.to} (bootstrap se)`,
        fit: r.balanceRate,
      },
    );
  }
  return rows;
}

/** The human report of a calibration. */
export function calibrationText(cal: Calibration): string {
  const a = cal.arms;
  const out: string[] = [
    `calibration of ${cal.actors.join(', ')} on the training years ${cal.from}–${cal.to}`,
    `arms rule (trend × Richardson index): ${a.estimator}; ${a.observations} yearly increments ${a.firstYear}–${a.lastYear}, ${a.parameters} coefficients, R² ${fixed(a.rSquared, 3)}`,
    '',
    renderTable(
      [
        { header: 'actor' },
        { header: 'trend growth', align: 'right' },
        { header: 'se', align: 'right' },
        { header: 't', align: 'right' },
        { header: 'shock sd', align: 'right' },
      ],
      a.trend.map((t, i) => [
        t.actor,
        pct(t.estimate),
        pct(t.standardError),
        fixed(t.tStatistic, 2),
        fixed(a.shockSd[i]!.value, 4),
      ]),
    ),
    '(trend growth per year of SIPRI constant-dollar spending; shock sd: of the yearly shock to the spending index)',
    '',
    renderTable(
      [
        { header: 'parameter' },
        { header: 'estimate', align: 'right' },
        { header: 'se', align: 'right' },
        { header: 't', align: 'right' },
        { header: 'what' },
      ],
      parameterRows(cal).map((p) => {
        const d = p.digits ?? 4;
        return p.fit
          ? [
              p.parameter,
              fixed(p.fit.estimate, d),
              fixed(p.fit.standardError, d),
              fixed(p.fit.tStatistic, 2),
              p.meaning,
            ]
          : [p.parameter, p.otherwise ?? '–', '', '', p.meaning];
      }),
    ),
  ];
  const notes: string[] = [];
  if (cal.crises)
    notes.push(
      `crisis base rate: ${fixed(cal.crises.baseRate, 4)} onsets a dyad-year (${cal.crises.from}–${cal.crises.to}); ` +
        `log-likelihood ${fixed(cal.crises.fit.logLikelihood, 2)} against ${fixed(cal.crises.fit.nullLogLikelihood, 2)} for the base rate`,
    );
  const r = cal.relations;
  if (r) {
    const m = r.moments;
    notes.push(
      `relation moments ${r.from}–${r.to} (${r.gridPoints} grid points × ${r.runs} runs, seed ${r.seed}): volatility ${fixed(m.observed[0]!, 3)} observed, ${fixed(m.simulated[0]!, 3)} at the fit; ` +
        `objective ${fixed(r.objective, 3)} at the fit, ${fixed(r.objectiveWithoutRules, 3)} with α = β = 0, ${fixed(r.objectivePersistence, 3)} for persistence (each dyad's drift: --json)`,
    );
    for (const edge of r.atGridEdge)
      notes.push(
        `relations: ${edge === 'interactionRate' ? 'α' : 'β'} is at the upper edge of the searched grid; the best rate may be larger (and less plausible)`,
      );
  }
  if (cal.crisesNote) notes.push(`crises: ${cal.crisesNote}`);
  if (cal.relationsNote) notes.push(`relations: ${cal.relationsNote}`);
  if (notes.length > 0) out.push('', ...notes);
  return `${out.join('\n')}\n`;
}

/** The template's actors (a list of strings), or bad input at `actors`. */
function templateActors(template: ReturnType<typeof readDocument>): string[] {
  const listed = (template.value as { actors?: unknown } | null)?.actors;
  if (Array.isArray(listed) && listed.length > 0 && listed.every((x) => typeof x === 'string'))
    return listed as string[];
  throw badInput({
    file: template.file,
    ...(template.locate(['actors']) ?? { line: 1, column: 1 }),
    path: ['actors'],
    message: 'the template must list its actors (a list of actor ids)',
  });
}

export function register(program: Command): void {
  program
    .command('calibrate')
    .description(
      'fit the arms rule (trend, reaction, fatigue, shocks), the crisis constants and the relation rates on history (SIPRI, COW MID, the relation rule) and print the fit',
    )
    .option('--from <year>', `first training year (default ${DEFAULT_FROM})`)
    .option('--to <year>', `last training year (default ${DEFAULT_TO}, the last embedded world)`)
    .option('--actors <ids>', "comma-separated actors to fit (default: the template's actors)")
    .option(
      '--scenario <file>',
      `template scenario: its actors, and where --write writes the fit (default ${DEFAULT_TEMPLATE})`,
    )
    .option(
      '--no-relations',
      'skip the rates of the relation rules R1 and R2 (fitted by simulated moments: the engine runs the template on a grid, about half a minute)',
    )
    .option('--json', 'print the calibration as one JSON document')
    .option(
      '--write <file>',
      'write the template with the fit written in as a YAML scenario (refuses to overwrite a file)',
    )
    .action(
      action((opts) => {
        const f = new Flags();
        const from = opts.from === undefined ? DEFAULT_FROM : f.integer(opts.from, '--from', 1949, 2016);
        const to = opts.to === undefined ? DEFAULT_TO : f.integer(opts.to, '--to', 1949, 2016);
        const given = opts.actors === undefined ? undefined : f.list(opts.actors, '--actors');
        f.done();
        const template = readDocument(opts.scenario ?? DEFAULT_TEMPLATE);
        const known = templateActors(template);
        let actors = known;
        if (given) {
          const unknown = given.filter((id) => !known.includes(id));
          if (unknown.length > 0)
            throw badInput({
              path: ['--actors'],
              message: `unknown actor${unknown.length > 1 ? 's' : ''} ${unknown.map((id) => `"${id}"`).join(', ')}: expected actors of ${template.file} (${known.join(', ')})`,
            });
          actors = [...new Set(given)];
        }
        let cal: Calibration;
        try {
          const note = () =>
            process.stderr.write(
              'fitting the relation rates R1 and R2 by simulated moments (the engine on a grid of rates; up to half a minute; --no-relations skips it)\n',
            );
          cal = calibrate({
            actors,
            from: from!,
            to: to!,
            ...(opts.relations ? { template, onRelationFit: note } : {}),
          });
        } catch (e) {
          throw reroot(e, (path) =>
            path[0] === 'from' || path[0] === 'to' ? [`--${path[0]}`, ...path.slice(1)] : path,
          );
        }
        if (opts.write !== undefined) {
          const doc = calibratedDocument(template, cal);
          const yaml = `# ${template.file} calibrated on ${cal.from}–${cal.to} by \`concert calibrate\` (${cal.actors.join(', ')})\n${stringify(doc.value, { lineWidth: 0 })}`;
          try {
            writeFileSync(opts.write, yaml, { flag: 'wx' });
          } catch (e) {
            const code = (e as NodeJS.ErrnoException).code;
            throw badInput({
              path: ['--write'],
              message:
                code === 'EEXIST'
                  ? `${opts.write} exists; remove it or give another file (concert calibrate does not overwrite)`
                  : `cannot write ${opts.write}: ${(e as Error).message}`,
            });
          }
        }
        if (opts.json) printJson(cal);
        else {
          process.stdout.write(calibrationText(cal));
          if (opts.write !== undefined)
            process.stdout.write(`\nwrote ${opts.write} (check it with: concert validate ${opts.write})\n`);
        }
      }),
    );
}
