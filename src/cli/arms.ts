/**
 * `concert arms fit | simulate | stability`: Richardson arms-race dynamics
 * (models/arms, reports/arms; docs/models/arms.md). Parse → build the report → print or render it.
 */
import type { Command } from '@commander-js/extra-typings';
import { parseDocument, readDocument, type SourceDocument, validateDocument } from '../core/document.js';
import { badInput, type Problem } from '../core/errors.js';
import {
  fitRichardson,
  milexFromWorldInputs,
  milexSeries,
  type RichardsonEigenvalue,
  RichardsonFileSchema,
  type RichardsonSystem,
  RichardsonSystemSchema,
  simulateRichardson,
} from '../models/arms/index.js';
import {
  type ArmsFitDocument,
  type ArmsSimulationDocument,
  type ArmsStabilityDocument,
  armsFitDocument,
  armsSimulationDocument,
  armsStabilityReport,
} from '../reports/index.js';
import { FIRST_YEAR, LAST_YEAR, loadWorldInputs } from '../world/index.js';
import { underFlag } from './options.js';
import { action, group, printJson } from './run.js';
import { fixed, renderTable } from './table.js';

/** Compact human formatting: exponent notation for huge values, grouped integers for large ones, else 4 decimals. */
function num(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Math.abs(x) >= 1e15) return x.toExponential(4);
  if (Math.abs(x) >= 1e4) return Math.round(x).toLocaleString('en-US');
  return fixed(x, 4);
}

function eigenText(e: RichardsonEigenvalue): string {
  if (e.im === 0) return fixed(e.re, 4);
  return `${fixed(e.re, 4)} ${e.im < 0 ? '−' : '+'} ${fixed(Math.abs(e.im), 4)}i`;
}

function systemText(d: ArmsStabilityDocument): string {
  const lines: string[] = [];
  const eqText = d.equilibrium
    ? d.actors.map((id, i) => `${id} ${num(d.equilibrium![i]!)}`).join(', ')
    : 'none (K − A is singular: no unique equilibrium)';
  lines.push(`Equilibrium x* = −(K − A)⁻¹g: ${eqText}`);
  if (d.equilibrium && !d.nonNegative)
    lines.push('  (some components are negative: not a feasible spending level)');
  lines.push(`Eigenvalues of K − A (per year): ${d.eigenvalues.map(eigenText).join(', ')}`);
  lines.push(
    d.stable
      ? `Stable: every path converges to x* (margin ${fixed(d.margin, 4)} per year, max Re λ = ${fixed(d.maxRealPart, 4)}).`
      : `Unstable: max Re λ = ${fixed(d.maxRealPart, 4)} per year ≥ 0; paths diverge from x* (runaway race or disarmament).`,
  );
  return lines.join('\n');
}

function parseYears(text: string): { first: number; last: number } {
  const m = /^(\d{4})\.\.(\d{4})$/.exec(text.trim());
  if (!m)
    throw badInput({ path: ['--years'], message: `expected a year range such as 1990..2016; got "${text}"` });
  const first = Number(m[1]);
  const last = Number(m[2]);
  const problems: Problem[] = [];
  if (first >= last)
    problems.push({ path: ['--years'], message: `the first year must be before the last; got ${text}` });
  if (first < FIRST_YEAR || last > LAST_YEAR) {
    problems.push({
      path: ['--years'],
      message: `${text} is outside the COW NMC v6.0 data (${FIRST_YEAR}..${LAST_YEAR})`,
    });
  }
  if (problems.length > 0) throw badInput(problems[0]!, ...problems.slice(1));
  return { first, last };
}

function parseStates(text: string): string[] {
  const ids = text.split(',').map((s) => s.trim());
  const problems: Problem[] = [];
  for (const [i, id] of ids.entries()) {
    if (!/^[A-Z][A-Z0-9_-]{1,15}$/.test(id)) {
      problems.push({ path: ['--states', i], message: `expected an actor id such as USA; got "${id}"` });
    }
  }
  if (new Set(ids).size !== ids.length)
    problems.push({ path: ['--states'], message: 'a state is listed twice' });
  if (ids.length < 1) problems.push({ path: ['--states'], message: 'expected at least one state' });
  if (problems.length > 0) throw badInput(problems[0]!, ...problems.slice(1));
  return ids;
}

function fitText(fit: ArmsFitDocument): string {
  const columns = [
    { header: 'actor' },
    ...fit.actors.map((id) => ({ header: `k(${id})`, align: 'right' as const })),
    { header: 'fatigue a', align: 'right' as const },
    { header: 'grievance g', align: 'right' as const },
    { header: 'R²', align: 'right' as const },
    { header: 'DW', align: 'right' as const },
  ];
  const rows = fit.equations.map((e, i) => [
    e.actor,
    ...fit.actors.map((id, j) => {
      if (i === j) return '—';
      const k = e.reaction.find((r) => r.actor === id)!;
      return `${fixed(k.estimate, 4)} (${fixed(k.standardError, 4)})`;
    }),
    `${fixed(e.fatigue.estimate, 4)} (${fixed(e.fatigue.standardError, 4)})`,
    `${num(e.grievance.estimate)} (${num(e.grievance.standardError)})`,
    fixed(e.rSquared, 3),
    fixed(e.durbinWatson, 2),
  ]);
  return [
    `Richardson fit, ${fit.actors.join(', ')}, ${fit.years.first}–${fit.years.last} (${fit.observations} yearly increments per equation)`,
    `Data: COW NMC v6.0 milex, ${fit.unit}, not deflated. Estimator: ${fit.estimator}; regressor: ${fit.regressor}-of-year levels.`,
    'Model: Δx_i = Σ_j k_ij x_j − a_i x_i + g_i (per year); standard errors in parentheses.',
    '',
    renderTable(columns, rows),
    '',
    systemText(fit),
    `Yearly map x(t+1) = (I + K − A)x(t) + g: spectral radius ${fixed(fit.discrete.spectralRadius, 4)} (${fit.discrete.stable ? 'stable' : 'unstable'}).`,
    'Caveat: trending, autocorrelated spending series make classical standard errors optimistic (see DW ≈ 2 for none).',
  ].join('\n');
}

/** The system, the path at each reported time, and the threshold events. */
function simulationText(d: ArmsSimulationDocument, horizonYears: number): string {
  const start = d.startYear;
  const when = (t: number) => {
    const v = start !== null ? start + t : t;
    return Number.isInteger(v) ? String(v) : fixed(v, 2);
  };
  const out = [
    `Richardson system ${d.actors.join(', ')}${d.unit ? ` (${d.unit})` : ''}, ${fixed(horizonYears, 2)} years`,
    systemText(d),
    '',
    renderTable(
      [
        { header: start !== null ? 'year' : 't (years)', align: 'right' },
        ...d.actors.map((id) => ({ header: id, align: 'right' as const })),
      ],
      d.path.tYears.map((t, k) => [when(t), ...d.path.states[k]!.map(num)]),
    ),
  ];
  for (const c of d.crossings)
    out.push(`Event: ${c.name} (${c.direction}) at ${start !== null ? 'year' : 't ='} ${when(c.tYears)}`);
  if (d.status === 'event') out.push(`Stopped at the first "${d.crossings.at(-1)?.name}" crossing.`);
  if (d.status !== 'done' && d.status !== 'event')
    out.push(`Integration ended early (${d.status}) at t = ${fixed(d.final.tYears, 4)}: the path diverges.`);
  return out.join('\n');
}

/** Parses a JSON option value as a located document (errors name the option and column). */
function optionDocument(name: string, text: string): SourceDocument {
  return parseDocument(text, `--${name}`, 'json');
}

function parseStabilityOptions(opts: {
  reaction: string;
  fatigue: string;
  grievance?: string;
  actors?: string;
}): RichardsonSystem {
  const docs = {
    reaction: optionDocument('reaction', opts.reaction),
    fatigue: optionDocument('fatigue', opts.fatigue),
    ...(opts.grievance !== undefined ? { grievance: optionDocument('grievance', opts.grievance) } : {}),
  };
  const reaction = docs.reaction.value;
  const n = Array.isArray(reaction) ? reaction.length : 0;
  const actors =
    opts.actors?.split(',').map((s) => s.trim()) ?? Array.from({ length: n }, (_, i) => `X${i + 1}`);
  const value = {
    actors,
    reaction,
    fatigue: docs.fatigue.value,
    grievance: docs.grievance?.value ?? new Array<number>(n).fill(0),
  };
  const r = RichardsonSystemSchema.safeParse(value);
  if (r.success) return r.data;
  const problems = r.error.issues.map((issue): Problem => {
    const path = issue.path.map((k) => (typeof k === 'symbol' ? String(k) : k)) as (string | number)[];
    const field = path[0];
    const doc =
      field === 'reaction' || field === 'fatigue' || field === 'grievance' ? docs[field] : undefined;
    const pos = doc?.locate(path.slice(1));
    const file = doc ? doc.file : field === 'actors' ? '--actors' : undefined;
    return { ...(file ? { file } : {}), ...pos, path, message: issue.message };
  });
  throw badInput(problems[0]!, ...problems.slice(1));
}

/** Registers `concert arms fit|simulate|stability`. */
export function register(program: Command): void {
  const arms = group(
    program,
    'arms',
    'Richardson arms-race dynamics: fit to COW NMC spending, simulate, stability',
  );

  arms
    .command('fit')
    .description(
      'fit a Richardson system to COW NMC v6.0 military expenditure (least squares on yearly increments)',
    )
    .requiredOption('--states <ids>', 'comma-separated actor ids (ISO alpha-3), e.g. USA,RUS')
    .requiredOption('--years <range>', 'year range FIRST..LAST within 1816..2016, e.g. 1990..2016')
    .option('--regressor <kind>', 'start (x at the start of the year) or midpoint (Richardson)', 'start')
    .option('--json', 'print one JSON document')
    .action(
      action((opts) => {
        const states = parseStates(opts.states);
        const { first, last } = parseYears(opts.years);
        if (opts.regressor !== 'start' && opts.regressor !== 'midpoint') {
          throw badInput({
            path: ['--regressor'],
            message: `expected start or midpoint; got "${opts.regressor}"`,
          });
        }
        const series = underFlag(
          (path) => (path[0] === 'actors' ? ['--states', ...path.slice(1)] : path),
          () => milexSeries(states, first, last, milexFromWorldInputs(loadWorldInputs())),
        );
        const doc = armsFitDocument(fitRichardson(series, { regressor: opts.regressor }), series.unit);
        if (opts.json) printJson(doc);
        else process.stdout.write(`${fitText(doc)}\n`);
      }),
    );

  arms
    .command('simulate')
    .description('solve a Richardson system from a YAML/JSON file (DOPRI5, threshold events)')
    .argument(
      '<file>',
      'system file: actors, reaction, fatigue, grievance, initial, horizonYears, thresholds',
    )
    .option('--json', 'print one JSON document')
    .action(
      action((file, opts) => {
        const input = validateDocument(RichardsonFileSchema, readDocument(file));
        const path = simulateRichardson(input, input.initial, {
          horizonYears: input.horizonYears,
          outputStepYears: input.outputStepYears,
          thresholds: input.thresholds,
        });
        const doc = armsSimulationDocument(input, path, { unit: input.unit, startYear: input.startYear });
        if (opts.json) printJson(doc);
        else process.stdout.write(`${simulationText(doc, input.horizonYears)}\n`);
      }),
    );

  arms
    .command('stability')
    .description('equilibrium and eigenvalue stability of dx/dt = (K − A)x + g')
    .requiredOption(
      '--reaction <matrix>',
      'JSON N×N reaction matrix K, zero diagonal, per year, e.g. [[0,0.5],[0.5,0]]',
    )
    .requiredOption('--fatigue <vector>', 'JSON fatigue coefficients a_i ≥ 0, per year, e.g. [1,1]')
    .option('--grievance <vector>', 'JSON grievances g_i, units per year (default all 0)')
    .option('--actors <ids>', 'comma-separated actor ids (default X1, X2, …)')
    .option('--json', 'print one JSON document')
    .action(
      action((opts) => {
        const doc = armsStabilityReport(parseStabilityOptions(opts));
        if (opts.json) printJson(doc);
        else process.stdout.write(`${systemText(doc)}\n`);
      }),
    );
}
