/**
 * `concert deterrence sweep | elasticities`: how the measures of a dyad
 * respond to its parameters (models/deterrence params, reports/deterrence).
 */
import type { Command } from '@commander-js/extra-typings';
import { badInput } from '../core/errors.js';
import {
  checkParameterValue,
  type ParameterPath,
  parseParameterPath,
  sweep,
} from '../models/deterrence/index.js';
import {
  type ElasticitiesDocument,
  elasticitiesReport,
  type SweepDocument,
  sweepDocument,
} from '../reports/index.js';
import { loadDeterrenceWorld, modelOptions, parsePair } from './deterrence.js';
import { Flags } from './options.js';
import { action, group, printJson } from './run.js';
import { fixed, renderTable } from './table.js';

const SPARKS = '▁▂▃▄▅▆▇█';
function sparkline(values: readonly number[]): string {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return values
    .map((x) => SPARKS[hi > lo ? Math.min(7, Math.floor(((x - lo) / (hi - lo)) * 8)) : 3] as string)
    .join('');
}

/** Sparklines of three measures and a table of at most 21 of the swept values. */
export function sweepText(doc: SweepDocument): string {
  const { a, b, values } = doc;
  const show = [
    'firstStrikeStability',
    'aFirst.retaliatoryWarheadsDelivered',
    'bFirst.retaliatoryWarheadsDelivered',
  ] as const;
  const label: Record<(typeof show)[number], string> = {
    firstStrikeStability: 'first-strike stability',
    'aFirst.retaliatoryWarheadsDelivered': `${b} retaliation delivered (${a} first)`,
    'bFirst.retaliatoryWarheadsDelivered': `${a} retaliation delivered (${b} first)`,
  };
  const lines = [
    `${doc.param} from ${values[0]} to ${values.at(-1)} (${values.length} values), ${a}–${b}, posture ${doc.posture}`,
  ];
  for (const m of show) {
    const col = doc.measures[m];
    lines.push(`${label[m]}: ${sparkline(col)}  ${fixed(col[0]!, 3)} → ${fixed(col.at(-1)!, 3)}`);
  }
  const every = Math.max(1, Math.ceil(values.length / 21));
  const rows = values
    .map((x, i) => ({ x, i }))
    .filter(({ i }) => i % every === 0 || i === values.length - 1)
    .map(({ x, i }) => [fixed(x, 3), ...show.map((m) => fixed(doc.measures[m][i]!, 3))]);
  lines.push(
    renderTable(
      [
        { header: doc.param, align: 'right' },
        { header: 'FSS', align: 'right' },
        { header: `${b} delivered (${a} first)`, align: 'right' },
        { header: `${a} delivered (${b} first)`, align: 'right' },
      ],
      rows,
    ),
  );
  return lines.join('\n');
}

/** The parameters with an effect and their elasticities on three measures. */
export function elasticitiesText(doc: ElasticitiesDocument): string {
  const cell = (x: number | null) => (x === null ? '—' : fixed(x, 3));
  const rows = doc.parameters
    .filter((r) => Object.values(r.elasticities).some((x) => x !== null && Math.abs(x) > 1e-6))
    .map((r) => [
      r.param,
      fixed(r.value, 3),
      cell(r.elasticities.firstStrikeStability),
      cell(r.elasticities['aFirst.retaliatoryWarheadsDelivered']),
      cell(r.elasticities['bFirst.retaliatoryWarheadsDelivered']),
    ]);
  return `Elasticities (±5%), ${doc.a}–${doc.b}, posture ${doc.posture}; parameters with no effect omitted\n${renderTable(
    [
      { header: 'parameter' },
      { header: 'value', align: 'right' },
      { header: 'FSS', align: 'right' },
      { header: `${doc.b} delivered (${doc.a} first)`, align: 'right' },
      { header: `${doc.a} delivered (${doc.b} first)`, align: 'right' },
    ],
    rows,
  )}`;
}

/** Registers `deterrence sweep` and `deterrence elasticities`. */
export function register(program: Command): void {
  const det = group(
    program,
    'deterrence',
    'counterforce exchanges through missile defenses and Kent–Thaler first-strike stability of nuclear dyads',
  );
  det
    .command('sweep')
    .description('how every measure of a dyad changes as one parameter varies')
    .requiredOption('--pair <a,b>', 'the dyad, e.g. USA,CHN')
    .requiredOption(
      '--param <path>',
      'e.g. defenses.USA.GMD.interceptors, forces.RUS.SS-18.launchers, options.costExponent (list: concert deterrence parameters)',
    )
    .requiredOption('--from <x>', 'first value')
    .requiredOption('--to <x>', 'last value')
    .option('--steps <n>', 'number of values, evenly spaced (2–100000)', '21')
    .option('--world <file>', 'a world file (YAML or JSON) instead of the default world')
    .option('--posture <posture>', 'generated or day-to-day', 'generated')
    .option('--formula <formula>', 'cookie-cutter or brown', 'cookie-cutter')
    .option('--json', 'print JSON (columns for plotting)')
    .action(
      action((opts) => {
        const flags = new Flags();
        const o = modelOptions(flags, opts);
        const from = flags.number(opts.from, '--from');
        const to = flags.number(opts.to, '--to');
        const steps = flags.integer(opts.steps, '--steps', 2, 100_000);
        flags.done();
        const world = loadDeterrenceWorld(opts.world);
        const pair = parsePair(flags, opts.pair, world);
        const parsed = parseParameterPath(world, opts.param, pair);
        if ('message' in parsed) throw badInput({ ...parsed, path: ['--param'] });
        const param = parsed as ParameterPath;
        const n = steps!;
        const values = Array.from({ length: n }, (_, i) => from! + ((to! - from!) * i) / (n - 1));
        for (const [i, x] of [from!, to!].entries()) {
          const p = checkParameterValue(param, x, i === 0 ? '--from' : '--to');
          if (p) flags.problems.push(p);
        }
        if (flags.problems.length === 0) {
          const bad = values
            .map((x) => checkParameterValue(param, x, '--steps'))
            .find((p) => p !== undefined);
          if (bad) flags.problems.push({ ...bad, message: `a swept value is invalid: ${bad.message}` });
        }
        flags.done();
        const doc = sweepDocument(
          sweep(world, pair, param, opts.param, values, o),
          values,
          o.posture ?? 'generated',
        );
        if (opts.json) printJson(doc);
        else process.stdout.write(`${sweepText(doc)}\n`);
      }),
    );

  det
    .command('elasticities')
    .description('elasticity of each dyad measure to each parameter of the two actors and the model options')
    .requiredOption('--pair <a,b>', 'the dyad, e.g. USA,CHN')
    .option('--world <file>', 'a world file (YAML or JSON) instead of the default world')
    .option('--posture <posture>', 'generated or day-to-day', 'generated')
    .option('--formula <formula>', 'cookie-cutter or brown', 'cookie-cutter')
    .option('--json', 'print JSON')
    .action(
      action((opts) => {
        const flags = new Flags();
        const o = modelOptions(flags, opts);
        flags.done();
        const world = loadDeterrenceWorld(opts.world);
        const doc = elasticitiesReport(world, parsePair(flags, opts.pair, world), o);
        if (opts.json) printJson(doc);
        else process.stdout.write(`${elasticitiesText(doc)}\n`);
      }),
    );
}
