/**
 * `concert deterrence [sweep | sspk | elasticities]`: force exchanges,
 * missile-defense attrition and first-strike stability (models/deterrence;
 * docs/models/deterrence.md). Parse → call the library → format.
 */
import type { Command } from '@commander-js/extra-typings';
import { readDocument } from '../core/document.js';
import { badInput, ConcertError, type Problem } from '../core/errors.js';
import {
  BROWN_MIN_HARDNESS_PSI,
  checkForcesAndDefenses,
  checkParameterValue,
  DYAD_MEASURES,
  type DeterrenceOptions,
  type DyadResult,
  dyad,
  allDyads,
  elasticities,
  type ExchangeResult,
  type LethalRadiusFormula,
  nuclearActors,
  type ParameterPath,
  type Posture,
  parseParameterPath,
  sspkCalculator,
  sweep,
} from '../models/deterrence/index.js';
import { resolveWorld, type World } from '../world/index.js';
import { action, printJson } from './run.js';
import { fixed, percent, renderTable } from './table.js';

function parseNumber(text: string, name: string, problems: Problem[]): number {
  const x = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(x)) problems.push({ path: [name], message: `expected a number; got "${text}"` });
  return x;
}

function parsePosture(text: string): Posture {
  if (text === 'generated' || text === 'day-to-day') return text;
  throw badInput({ path: ['--posture'], message: `expected generated or day-to-day; got "${text}"` });
}

function parseFormula(text: string): LethalRadiusFormula {
  if (text === 'cookie-cutter' || text === 'brown') return text;
  throw badInput({ path: ['--formula'], message: `expected cookie-cutter or brown; got "${text}"` });
}

/** The world with its forces checked; semantic problems are located in the user's file where they wrote them. */
function loadWorld(file: string | undefined): World {
  const world = resolveWorld({ file });
  const problems = checkForcesAndDefenses(world);
  if (problems.length > 0) {
    const doc = file !== undefined ? readDocument(file) : undefined;
    throw new ConcertError(
      'bad-input',
      problems.map((p) => ({ ...p, ...(doc ? { file: doc.file, ...doc.locate(p.path ?? []) } : {}) })),
    );
  }
  return world;
}

function parsePair(text: string, world: World): [string, string] {
  const ids = text.split(',').map((s) => s.trim());
  const armed = nuclearActors(world);
  if (ids.length !== 2 || ids[0] === ids[1] || ids.some((id) => id === ''))
    throw badInput({
      path: ['--pair'],
      message: `expected two different actor ids such as USA,RUS; got "${text}"`,
    });
  const problems: Problem[] = [];
  for (const id of ids) {
    if (!armed.includes(id))
      problems.push({
        path: ['--pair'],
        message: `${id} has no nuclear forces in this world: expected one of ${armed.join(', ')}`,
      });
  }
  if (problems.length > 0) throw new ConcertError('bad-input', problems);
  return [ids[0] as string, ids[1] as string];
}

interface CommonOptions {
  world?: string;
  posture: string;
  formula: string;
}

function modelOptions(opts: CommonOptions): Partial<DeterrenceOptions> {
  return { posture: parsePosture(opts.posture), formula: parseFormula(opts.formula) };
}

const VARIANTS = [
  { key: 'asGiven', label: 'as given', off: (_a: string, _b: string): string[] => [] },
  { key: 'withoutAttackerDefenses', label: 'without the first striker’s defenses', off: (a: string) => [a] },
  {
    key: 'withoutDefenderDefenses',
    label: 'without the defender’s defenses',
    off: (_a: string, b: string) => [b],
  },
  { key: 'withoutDefenses', label: 'without any defenses', off: (a: string, b: string) => [a, b] },
] as const;

function exchangeJson(e: ExchangeResult, d: DyadResult) {
  return { ...e, firstStrikeStability: d.firstStrikeStability };
}

function summary(e: ExchangeResult, d: DyadResult) {
  return {
    survivingWarheads: e.survivingWarheads,
    retaliatoryWarheadsDelivered: e.retaliatoryWarheadsDelivered,
    damageLimitation: e.damageLimitation,
    firstStrikeStability: d.firstStrikeStability,
  };
}

/** Both strike orders of a dyad under each defense variant (defenses of each side on/off). */
function dyadVariants(world: World, a: string, b: string, o: Partial<DeterrenceOptions>) {
  const base = dyad(world, a, b, o);
  const pairs = [
    { e: base.aFirst, x: a, y: b },
    { e: base.bFirst, x: b, y: a },
  ].map(({ e, x, y }) => {
    const variants: Record<string, ReturnType<typeof summary>> = {};
    for (const v of VARIANTS.slice(1)) {
      const dv = dyad(world, a, b, { ...o, disableDefenses: v.off(x, y) });
      variants[v.key] = summary(dv.a === x ? dv.aFirst : dv.bFirst, dv);
    }
    return { ...exchangeJson(e, base), variants };
  });
  return { dyad: base, pairs };
}

const n1 = (x: number) => fixed(x, 1);

function pairText(
  world: World,
  a: string,
  b: string,
  o: Partial<DeterrenceOptions>,
  v: ReturnType<typeof dyadVariants>,
) {
  const name = (id: string) => world.actors[id]?.name ?? id;
  const rows: string[][] = [];
  for (const variant of VARIANTS) {
    const off = (x: string, y: string) => variant.off(x, y);
    const d = variant.key === 'asGiven' ? v.dyad : undefined;
    for (const [x, y] of [
      [a, b],
      [b, a],
    ] as const) {
      const dv = d ?? dyad(world, a, b, { ...o, disableDefenses: off(x, y) });
      const e = dv.a === x ? dv.aFirst : dv.bFirst;
      rows.push([
        variant.label,
        `${x} first`,
        n1(e.counterforceWarheads),
        `${n1(e.survivingWarheads)} / ${n1(e.defenderWarheads)}`,
        `${n1(e.retaliatoryWarheadsDelivered)} [${e.retaliation.q05}–${e.retaliation.q95}]`,
        percent(e.damageLimitation, 1),
        fixed(dv.firstStrikeStability, 3),
      ]);
    }
  }
  const head = `${name(a)} (${a}) – ${name(b)} (${b}), posture ${o.posture}, lethal radius ${o.formula}; forces as of 2017`;
  const table = renderTable(
    [
      { header: 'defenses' },
      { header: 'order' },
      { header: 'counterforce', align: 'right' },
      { header: 'victim surviving / at risk', align: 'right' },
      { header: 'retaliation delivered [5–95%]', align: 'right' },
      { header: 'damage limitation', align: 'right' },
      { header: 'FSS', align: 'right' },
    ],
    rows,
  );
  const d = v.dyad;
  return `${head}\n${table}\nKent–Thaler first-strike stability ${fixed(d.firstStrikeStability, 3)} = ${a} ${fixed(d.ratioA, 3)} × ${b} ${fixed(d.ratioB, 3)} (1 = no gain from striking first).`;
}

const SPARKS = '▁▂▃▄▅▆▇█';
function sparkline(values: readonly number[]): string {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return values
    .map((x) => SPARKS[hi > lo ? Math.min(7, Math.floor(((x - lo) / (hi - lo)) * 8)) : 3] as string)
    .join('');
}

export function register(program: Command): void {
  const det = program
    .command('deterrence')
    .description(
      'counterforce exchanges through missile defenses and Kent–Thaler first-strike stability of nuclear dyads',
    );
  // The default subcommand, so that `concert deterrence --pair USA,RUS` works and its options do not
  // shadow the same-named options of the other subcommands.
  det
    .command('exchange', { isDefault: true })
    .description(
      'both strike orders of each dyad, with and without each side’s defenses, and first-strike stability',
    )
    .option('--world <file>', 'a world file (YAML or JSON) instead of the default world (forces as of 2017)')
    .option('--pair <a,b>', 'one dyad, e.g. USA,RUS (default: every dyad whose members can reach each other)')
    .option('--posture <posture>', 'generated or day-to-day alert for both sides', 'generated')
    .option('--formula <formula>', 'lethal radius: cookie-cutter (2.62 rule) or brown', 'cookie-cutter')
    .option('--json', 'print JSON')
    .action(
      action((opts) => {
        const o = modelOptions(opts);
        const world = loadWorld(opts.world);
        const pairs: [string, string][] =
          opts.pair !== undefined ? [parsePair(opts.pair, world)] : allDyads(world, o).map((d) => [d.a, d.b]);
        const results = pairs.map(([a, b]) => ({ a, b, v: dyadVariants(world, a, b, o) }));
        if (opts.json) {
          printJson({
            year: world.year,
            posture: o.posture,
            formula: o.formula,
            dyads: results.map(({ v }) => ({
              a: v.dyad.a,
              b: v.dyad.b,
              firstStrikeStability: v.dyad.firstStrikeStability,
              ratioA: v.dyad.ratioA,
              ratioB: v.dyad.ratioB,
            })),
            pairs: results.flatMap(({ v }) => v.pairs),
          });
          return;
        }
        if (results.length === 0) {
          process.stdout.write(
            'No nuclear dyads in this world (no two armed actors can reach each other).\n',
          );
          return;
        }
        process.stdout.write(`${results.map(({ a, b, v }) => pairText(world, a, b, o, v)).join('\n\n')}\n`);
      }),
    );

  det
    .command('sweep')
    .description('how every measure of a dyad changes as one parameter varies')
    .requiredOption('--pair <a,b>', 'the dyad, e.g. USA,CHN')
    .requiredOption(
      '--param <path>',
      'e.g. defenses.USA.GMD.interceptors, forces.RUS.SS-18.launchers, options.costExponent',
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
        const o = modelOptions(opts);
        const problems: Problem[] = [];
        const from = parseNumber(opts.from, '--from', problems);
        const to = parseNumber(opts.to, '--to', problems);
        const steps = parseNumber(opts.steps, '--steps', problems);
        if (Number.isFinite(steps) && (!Number.isInteger(steps) || steps < 2 || steps > 100_000))
          problems.push({
            path: ['--steps'],
            message: `expected a whole number from 2 to 100000; got ${opts.steps}`,
          });
        if (problems.length > 0) throw new ConcertError('bad-input', problems);
        const world = loadWorld(opts.world);
        const pair = parsePair(opts.pair, world);
        const parsed = parseParameterPath(world, opts.param, pair);
        if ('message' in parsed) throw badInput(parsed);
        const param = parsed as ParameterPath;
        const values = Array.from({ length: steps }, (_, i) => from + ((to - from) * i) / (steps - 1));
        for (const [i, x] of [from, to].entries()) {
          const p = checkParameterValue(param, x, i === 0 ? '--from' : '--to');
          if (p) problems.push(p);
        }
        if (problems.length === 0) {
          const bad = values
            .map((x) => checkParameterValue(param, x, '--steps'))
            .find((p) => p !== undefined);
          if (bad) problems.push({ ...bad, message: `a swept value is invalid: ${bad.message}` });
        }
        if (problems.length > 0) throw new ConcertError('bad-input', problems);
        const result = sweep(world, pair, param, opts.param, values, o);
        const column = (m: (typeof DYAD_MEASURES)[number]) => result.points.map((p) => p.measures[m]);
        if (opts.json) {
          printJson({
            a: result.a,
            b: result.b,
            param: result.param,
            posture: o.posture,
            values,
            measures: Object.fromEntries(DYAD_MEASURES.map((m) => [m, column(m)])),
          });
          return;
        }
        const [a, b] = pair;
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
          `${opts.param} from ${from} to ${to} (${steps} values), ${a}–${b}, posture ${o.posture}`,
        ];
        for (const m of show) {
          const col = column(m);
          lines.push(
            `${label[m]}: ${sparkline(col)}  ${fixed(col[0] as number, 3)} → ${fixed(col.at(-1) as number, 3)}`,
          );
        }
        const every = Math.max(1, Math.ceil(values.length / 21));
        const rows = result.points
          .filter((_, i) => i % every === 0 || i === values.length - 1)
          .map((p) => [fixed(p.value, 3), ...show.map((m) => fixed(p.measures[m], 3))]);
        lines.push(
          renderTable(
            [
              { header: opts.param, align: 'right' },
              { header: 'FSS', align: 'right' },
              { header: `${b} delivered (${a} first)`, align: 'right' },
              { header: `${a} delivered (${b} first)`, align: 'right' },
            ],
            rows,
          ),
        );
        process.stdout.write(`${lines.join('\n')}\n`);
      }),
    );

  det
    .command('sspk')
    .description('single-target calculator: lethal radius, SSPK, terminal kill probability, n warheads')
    .requiredOption('--yield-kt <kt>', 'warhead yield, kilotons')
    .requiredOption('--cep-m <m>', 'circular error probable, metres')
    .requiredOption('--hardness-psi <psi>', 'target hardness, psi')
    .option('--reliability <r>', 'probability the warhead arrives and detonates', '1')
    .option('--warheads <n>', 'warheads aimed at the target', '1')
    .option('--bias-m <m>', 'aiming bias, metres (effective CEP = √(CEP² + B²))', '0')
    .option('--formula <formula>', 'cookie-cutter (2.62 rule) or brown', 'cookie-cutter')
    .option('--json', 'print JSON')
    .action(
      action((opts) => {
        const problems: Problem[] = [];
        const yieldKt = parseNumber(opts.yieldKt, '--yield-kt', problems);
        const cepM = parseNumber(opts.cepM, '--cep-m', problems);
        const hardnessPsi = parseNumber(opts.hardnessPsi, '--hardness-psi', problems);
        const reliability = parseNumber(opts.reliability, '--reliability', problems);
        const warheads = parseNumber(opts.warheads, '--warheads', problems);
        const biasM = parseNumber(opts.biasM, '--bias-m', problems);
        const formula = parseFormula(opts.formula);
        const check = (ok: boolean, path: string, message: string) => {
          if (!ok) problems.push({ path: [path], message });
        };
        if (Number.isFinite(yieldKt))
          check(yieldKt > 0, '--yield-kt', `expected a yield > 0 kt; got ${yieldKt}`);
        if (Number.isFinite(cepM)) check(cepM > 0, '--cep-m', `expected a CEP > 0 m; got ${cepM}`);
        if (Number.isFinite(hardnessPsi)) {
          check(hardnessPsi > 0, '--hardness-psi', `expected a hardness > 0 psi; got ${hardnessPsi}`);
          if (formula === 'brown')
            check(
              hardnessPsi >= BROWN_MIN_HARDNESS_PSI,
              '--hardness-psi',
              `Brown's fit holds from ${BROWN_MIN_HARDNESS_PSI} psi; got ${hardnessPsi} (use --formula cookie-cutter)`,
            );
        }
        if (Number.isFinite(reliability))
          check(
            reliability >= 0 && reliability <= 1,
            '--reliability',
            `expected a probability in [0, 1]; got ${reliability}`,
          );
        if (Number.isFinite(warheads))
          check(
            Number.isInteger(warheads) && warheads >= 1,
            '--warheads',
            `expected a whole number ≥ 1; got ${warheads}`,
          );
        if (Number.isFinite(biasM)) check(biasM >= 0, '--bias-m', `expected a bias ≥ 0 m; got ${biasM}`);
        if (problems.length > 0) throw new ConcertError('bad-input', problems);
        const r = sspkCalculator({ yieldKt, cepM, hardnessPsi, reliability, warheads, biasM, formula });
        if (opts.json) {
          printJson({
            lethalRadiusM: r.lethalRadiusM,
            sspk: r.sspk,
            terminalKillProbability: r.terminalKillProbability,
            killProbability: r.killProbability,
          });
          return;
        }
        const lines = [
          `Lethal radius (${formula}): ${fixed(r.lethalRadiusM, 1)} m`,
          `SSPK (CEP ${fixed(cepM, 1)} m${biasM > 0 ? `, bias ${fixed(biasM, 1)} m` : ''}): ${fixed(r.sspk, 6)}`,
          `Terminal kill probability (× reliability ${reliability}): ${fixed(r.terminalKillProbability, 6)}`,
          `Kill probability with ${warheads} warhead${warheads === 1 ? '' : 's'}: ${fixed(r.killProbability, 6)}`,
        ];
        process.stdout.write(`${lines.join('\n')}\n`);
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
        const o = modelOptions(opts);
        const world = loadWorld(opts.world);
        const pair = parsePair(opts.pair, world);
        const result = elasticities(world, pair, o);
        if (opts.json) {
          printJson({ a: pair[0], b: pair[1], posture: o.posture, parameters: result });
          return;
        }
        const cell = (x: number | null) => (x === null ? '—' : fixed(x, 3));
        const rows = result
          .filter((r) => Object.values(r.elasticities).some((x) => x !== null && Math.abs(x) > 1e-6))
          .map((r) => [
            r.param,
            fixed(r.value, 3),
            cell(r.elasticities.firstStrikeStability),
            cell(r.elasticities['aFirst.retaliatoryWarheadsDelivered']),
            cell(r.elasticities['bFirst.retaliatoryWarheadsDelivered']),
          ]);
        process.stdout.write(
          `Elasticities (±5%), ${pair[0]}–${pair[1]}, posture ${o.posture}; parameters with no effect omitted\n${renderTable(
            [
              { header: 'parameter' },
              { header: 'value', align: 'right' },
              { header: 'FSS', align: 'right' },
              { header: `${pair[1]} delivered (${pair[0]} first)`, align: 'right' },
              { header: `${pair[0]} delivered (${pair[1]} first)`, align: 'right' },
            ],
            rows,
          )}\n`,
        );
      }),
    );
}
