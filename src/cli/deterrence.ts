/**
 * `concert deterrence [exchange | parameters]`: force exchanges through
 * missile defenses and first-strike stability (models/deterrence,
 * reports/deterrence; docs/models/deterrence.md). Parse → build the report →
 * print or render it.
 */
import type { Command } from '@commander-js/extra-typings';
import { readDocument } from '../core/document.js';
import { ConcertError } from '../core/errors.js';
import {
  checkForcesAndDefenses,
  DEFENSE_VARIANTS,
  type DeterrenceOptions,
  type LethalRadiusFormula,
  type Posture,
} from '../models/deterrence/index.js';
import {
  type DeterrenceDocument,
  deterrenceAnalysis,
  deterrenceParameters,
  dyadProblems,
  sensorSwitches,
} from '../reports/index.js';
import type { World } from '../world/index.js';
import { Flags, underFlag } from './options.js';
import { action, group, printJson } from './run.js';
import { fixed, percent, renderTable } from './table.js';
import { resolveWorld } from './world-options.js';

const POSTURES = ['generated', 'day-to-day'] as const;
const FORMULAS = ['cookie-cutter', 'brown'] as const;

/** The world with its forces checked; semantic problems are located in the user's file where they wrote them. */
export function loadDeterrenceWorld(file: string | undefined): World {
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

/** `--pair A,B`: two nuclear-armed actors of the world, located at `--pair`. */
export function parsePair(flags: Flags, text: string, world: World): [string, string] {
  const ids = text.split(',').map((s) => s.trim());
  if (ids.length !== 2 || ids.some((id) => id === '')) {
    flags.fail('--pair', `expected two different actor ids such as USA,RUS; got "${text}"`);
  } else {
    for (const p of dyadProblems(world, ids)) flags.fail('--pair', p.message);
  }
  flags.done();
  return [ids[0]!, ids[1]!];
}

/** `--posture` and `--formula`. */
export function modelOptions(
  flags: Flags,
  o: { posture: string; formula: string },
): Partial<DeterrenceOptions> {
  const posture: Posture | undefined = flags.choice(o.posture, '--posture', POSTURES);
  const formula: LethalRadiusFormula | undefined = flags.choice(o.formula, '--formula', FORMULAS);
  return { ...(posture ? { posture } : {}), ...(formula ? { formula } : {}) };
}

/** `--set PATH=VALUE` (repeatable) → overrides. */
function parseOverrides(flags: Flags, sets: readonly string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of sets) {
    const m = /^\s*([^=\s]+)\s*=\s*(\S+)\s*$/.exec(s);
    if (!m) {
      flags.fail('--set', `expected PATH=VALUE such as defenses.USA.GMD.interceptors=100; got "${s}"`);
      continue;
    }
    const value = flags.number(m[2]!, '--set');
    if (value !== undefined) out[m[1]!] = value;
  }
  return out;
}

const n1 = (x: number) => fixed(x, 1);

/** The table of one dyad (both strike orders under each defense variant) and its stability line. */
function dyadText(doc: DeterrenceDocument, k: number): string {
  const d = doc.dyads[k]!;
  const orders = [doc.pairs[2 * k]!, doc.pairs[2 * k + 1]!];
  const rows: string[][] = [];
  for (const variant of DEFENSE_VARIANTS) {
    for (const e of orders) {
      const v =
        variant.key === 'asGiven'
          ? { ...e, firstStrikeStability: d.firstStrikeStability }
          : e.variants?.[variant.key];
      if (!v) continue;
      rows.push([
        variant.label,
        `${e.attacker} first`,
        n1(v.counterforceWarheads),
        `${n1(v.survivingWarheads)} / ${n1(v.defenderWarheads)}`,
        `${n1(v.retaliatoryWarheadsDelivered)} [${v.retaliation.q05}–${v.retaliation.q95}]`,
        percent(v.damageLimitation, 1),
        fixed(v.firstStrikeStability, 3),
      ]);
    }
  }
  const name = (id: string) => doc.names[id] ?? id;
  const overrides = Object.entries(doc.overrides);
  const head = `${name(d.a)} (${d.a}) – ${name(d.b)} (${d.b}), posture ${doc.posture}, lethal radius ${doc.formula}; world of ${doc.year}, ${doc.forcesYear === null ? "the world file's own forces" : `forces as of ${doc.forcesYear}`}${
    overrides.length > 0 ? `; with ${overrides.map(([p, x]) => `${p} = ${x}`).join(', ')}` : ''
  }`;
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
  const interceptorRows = orders.flatMap((e) =>
    e.interceptors
      .filter((u) => u.available > 0 || u.expectedUsed > 0)
      .map((u) => [
        `${e.attacker} first`,
        `${u.actor} ${u.defense}`,
        u.against,
        n1(u.available),
        fixed(u.perEngagedWarhead, 2),
        n1(u.expectedUsed),
        n1(u.left),
      ]),
  );
  const interceptorTable =
    interceptorRows.length > 0
      ? `\nInterceptors (as given; expected, mean-field)\n${renderTable(
          [
            { header: 'order' },
            { header: 'defense' },
            { header: 'against' },
            { header: 'available', align: 'right' },
            { header: 'per engaged warhead', align: 'right' },
            { header: 'used', align: 'right' },
            { header: 'left', align: 'right' },
          ],
          interceptorRows,
        )}`
      : '';
  const systemRows = [d.a, d.b].flatMap((id) =>
    (doc.systems[id] ?? []).map((x) => [
      `${id} ${x.system}`,
      n1(x.warheads),
      n1(x.yieldKt),
      n1(x.cepM),
      fixed(x.equivalentMegatonnage, 1),
      fixed(x.counterMilitaryPotential, 0),
    ]),
  );
  const systemTable = `\nSystems: equivalent megatonnage (Mt, Y^(2/3) ≤ 1 Mt, Y^(1/2) above) and counter-military potential (N·EMT/CEP², CEP in nmi)\n${renderTable(
    [
      { header: 'system' },
      { header: 'warheads', align: 'right' },
      { header: 'yield kt', align: 'right' },
      { header: 'CEP m', align: 'right' },
      { header: 'EMT', align: 'right' },
      { header: 'CMP', align: 'right' },
    ],
    systemRows,
  )}`;
  return `${head}\n${table}${interceptorTable}${systemTable}\nKent–Thaler first-strike stability ${fixed(d.firstStrikeStability, 3)} = ${d.a} ${fixed(d.ratioA, 3)} × ${d.b} ${fixed(d.ratioB, 3)} (1 = no gain from striking first).`;
}

/** Every dyad's table. */
export function deterrenceText(doc: DeterrenceDocument): string {
  if (doc.dyads.length === 0)
    return 'No nuclear dyads in this world (no two armed actors can reach each other).';
  return doc.dyads.map((_, k) => dyadText(doc, k)).join('\n\n');
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** Registers `concert deterrence` with its default `exchange` and its `parameters` subcommands. */
export function register(program: Command): void {
  const det = group(
    program,
    'deterrence',
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
    .option(
      '--set <path=value>',
      'override a parameter of the pair, e.g. defenses.USA.GMD.interceptors=100 (repeatable; paths: concert deterrence parameters)',
      collect,
      [] as string[],
    )
    .option(
      '--sensor <id=on|off>',
      'switch a sensor, e.g. USA.TPY-2-Korea=on (repeatable; list: concert deterrence coverage)',
      collect,
      [] as string[],
    )
    .option(
      '--damage <model>',
      'cities (population share in lethal areas) or exponential (1 − 5^(−x/200))',
      'cities',
    )
    .option('--json', 'print JSON')
    .action(
      action((opts) => {
        const flags = new Flags();
        const model: Partial<DeterrenceOptions> = { ...modelOptions(flags, opts) };
        const damage = flags.choice(opts.damage, '--damage', ['cities', 'exponential'] as const);
        const overrides = parseOverrides(flags, opts.set);
        if (opts.set.length > 0 && opts.pair === undefined)
          flags.fail('--set', 'overrides apply to one dyad: give --pair A,B');
        flags.done();
        const world = loadDeterrenceWorld(opts.world);
        const switches = sensorSwitches(world, opts.sensor);
        if (Array.isArray(switches))
          for (const p of switches) flags.fail(['--sensor', ...(p.path ?? [])], p.message);
        const pairs = opts.pair !== undefined ? [parsePair(flags, opts.pair, world)] : undefined;
        flags.done();
        const doc = underFlag('--set', () =>
          deterrenceAnalysis(world, pairs, {
            model: {
              ...model,
              ...(damage ? { damageModel: damage } : {}),
              ...(Array.isArray(switches) ? {} : switches),
            },
            overrides,
          }),
        );
        if (opts.json) printJson(doc);
        else process.stdout.write(`${deterrenceText(doc)}\n`);
      }),
    );

  det
    .command('parameters')
    .description(
      'every parameter of a dyad that --set and deterrence sweep --param may change, with its value',
    )
    .requiredOption('--pair <a,b>', 'the dyad, e.g. USA,CHN')
    .option('--world <file>', 'a world file (YAML or JSON) instead of the default world')
    .option('--json', 'print JSON')
    .action(
      action((opts) => {
        const flags = new Flags();
        const world = loadDeterrenceWorld(opts.world);
        const doc = deterrenceParameters(world, parsePair(flags, opts.pair, world));
        if (opts.json) {
          printJson(doc);
          return;
        }
        process.stdout.write(
          `Parameters of ${doc.pair.join('–')} (values in the world; set with --set PATH=VALUE or sweep with --param PATH)\n${renderTable(
            [{ header: 'parameter' }, { header: 'value', align: 'right' }],
            doc.parameters.map((p) => [p.path, String(p.value)]),
          )}\n`,
        );
      }),
    );
}
