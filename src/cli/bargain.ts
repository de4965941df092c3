/**
 * `concert bargain <file>`: KTAB's Spatial Model of Politics on a bargaining
 * file (YAML/JSON, KTAB's CSV or XML), run turn by turn to KTAB's stopping
 * rule (models/bargaining, reports/bargaining; docs/models/bargaining.md).
 * Parse → build the report → print or render it.
 */
import type { Command } from '@commander-js/extra-typings';
import { readTextFile } from '../core/document.js';
import { ConcertError, isConcertError, type Problem } from '../core/errors.js';
import {
  BARGAINING_OPTION_VALUES,
  type BargainingOptions,
  type BargainingProblem,
  DEFAULT_MAX_TURNS,
  parseBargaining,
} from '../models/bargaining/index.js';
import { type BargainingDocument, bargainingAnalysis } from '../reports/index.js';
import { Flags, seedHelp } from './options.js';
import { action, printJson } from './run.js';
import { fixed, renderTable } from './table.js';

/** The most turns `--turns` accepts. */
export const MAX_TURNS = 1000;
/** The most state columns of a dimension's table; a longer run shows evenly spaced turns. */
const MAX_COLUMNS = 10;

/** `--option NAME=VALUE` overrides, checked against KTAB's option names and values. */
function optionOverrides(flags: Flags, raw: readonly string[]): Partial<BargainingOptions> {
  const out: Record<string, string> = {};
  const names = Object.keys(BARGAINING_OPTION_VALUES) as (keyof BargainingOptions)[];
  raw.forEach((item, i) => {
    const m = /^([^=]+)=(.*)$/.exec(item);
    if (!m) {
      flags.fail(['--option', i], `expected NAME=VALUE such as votingRule=PropCbc; got "${item}"`);
      return;
    }
    const [name, value] = [m[1]!.trim(), m[2]!.trim()];
    if (!(names as string[]).includes(name)) {
      flags.fail(['--option', i], `unknown option "${name}"; expected one of ${names.join(', ')}`);
      return;
    }
    const allowed = BARGAINING_OPTION_VALUES[name as keyof BargainingOptions] as readonly string[];
    if (!allowed.includes(value)) {
      flags.fail(['--option', i], `${name} must be one of ${allowed.join(', ')}; got "${value}"`);
      return;
    }
    out[name] = value;
  });
  return out as Partial<BargainingOptions>;
}

/**
 * A problem of the run itself (a Markov PCE that does not settle, at
 * `options.pceModel`) located where that option came from: `--option` when
 * it overrode the file's, else the file.
 */
function locateRunProblems(e: unknown, file: string, overrides: Partial<BargainingOptions>): unknown {
  if (!isConcertError(e) || e.code !== 'bad-input') return e;
  return new ConcertError(
    'bad-input',
    e.problems.map((p): Problem => {
      if (p.file !== undefined) return p;
      const option = p.path?.[0] === 'options' ? p.path[1] : undefined;
      if (typeof option === 'string' && option in overrides)
        return { path: ['--option'], message: p.message };
      return { file, ...p };
    }),
  );
}

/** Indices of the states a dimension's table shows: all of them, or evenly spaced ones with the first and last. */
function shownStates(count: number): number[] {
  if (count <= MAX_COLUMNS) return Array.from({ length: count }, (_, t) => t);
  const picks = new Set<number>();
  for (let c = 0; c < MAX_COLUMNS; c++) picks.add(Math.round((c * (count - 1)) / (MAX_COLUMNS - 1)));
  return [...picks].sort((a, b) => a - b);
}

/** The readable form of a bargaining document: settings, one table per dimension, the final state. */
export function bargainingText(doc: BargainingDocument): string {
  const o = doc.options;
  const lines = [
    `${doc.title === '' ? 'Bargaining' : doc.title}${doc.description === '' ? '' : ` — ${doc.description}`}`,
    `Spatial Model of Politics (KTAB): ${doc.actors.length} actors, ${doc.dimensions.length} dimensions; ${o.votingRule} votes, ${o.victoryProbModel} victory, ${o.pceModel} PCE, risk ${o.bigRRange}/${o.bigRAdjust}, ${o.thirdPartyCommit}, ${o.interVecBrgn} ${o.bargnModel}, ${o.stateTransitions}${o.acceptance === 'Coalition' ? '' : `, ${o.acceptance} acceptance`}${doc.seed === null ? '' : ` (seed ${doc.seed})`}`,
    doc.stoppedBy === 'converged'
      ? `Converged after ${doc.turns} turns: the last turn moved ${fixed(100 * doc.steps.at(-1)!.fractionalChange, 2)}% as much as the first (stops below 2%).`
      : `Stopped at the limit of ${doc.maxTurns} turns (last fractional change ${fixed(doc.steps.at(-1)?.fractionalChange ?? 0, 4)}).`,
  ];
  const shown = shownStates(doc.states.length);
  doc.dimensions.forEach((d, k) => {
    lines.push(
      '',
      `${d.name}${d.low !== undefined && d.high !== undefined ? ` (0 = ${d.low}; 100 = ${d.high})` : ''}: position by turn`,
      renderTable(
        [{ header: 'Actor' }, ...shown.map((t) => ({ header: `t=${t}`, align: 'right' as const }))],
        doc.actors.map((a, i) => [a.id, ...shown.map((t) => fixed(doc.states[t]!.positions[i]![k]!, 1))]),
      ),
    );
  });
  const last = doc.states.at(-1)!;
  lines.push(
    '',
    `Final state (turn ${last.turn})`,
    renderTable(
      [
        { header: 'Actor' },
        ...doc.dimensions.map((d) => ({ header: d.id, align: 'right' as const })),
        { header: 'P(position)', align: 'right' },
        { header: 'Risk R', align: 'right' },
      ],
      doc.actors.map((a, i) => [
        a.id,
        ...doc.dimensions.map((_, k) => fixed(last.positions[i]![k]!, 1)),
        fixed(last.probabilities[i]!, 4),
        fixed(last.riskAttitudes[i]!, 3),
      ]),
    ),
    '',
    renderTable(
      [
        { header: 'Dimension' },
        { header: 'Weighted median t=0', align: 'right' },
        { header: `Weighted median t=${last.turn}`, align: 'right' },
        { header: 'Most probable final position', align: 'right' },
      ],
      doc.dimensions.map((d, k) => {
        const best = last.probabilities.indexOf(Math.max(...last.probabilities));
        return [
          d.id,
          fixed(doc.median.initial[k]!, 1),
          fixed(doc.median.final[k]!, 1),
          `${fixed(last.positions[best]![k]!, 1)} (${doc.actors[best]!.id})`,
        ];
      }),
    ),
    "Weighted median: Bueno de Mesquita's baseline forecast (weights capability × salience).",
  );
  return lines.join('\n');
}

/** Registers `bargain`. */
export function register(program: Command): void {
  program
    .command('bargain')
    .description("bargaining over issue dimensions: KTAB's Spatial Model of Politics, turn by turn")
    .argument('<file>', 'bargaining file: YAML/JSON, KTAB CSV (.csv) or KTAB XML (.xml)')
    .option(
      '--turns <n>',
      `the most turns (default ${DEFAULT_MAX_TURNS}; KTAB's stopping rule may stop earlier)`,
    )
    .option(
      '--option <name=value>',
      "override one of the file's model options, e.g. votingRule=PropCbc (repeatable)",
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .option('--seed <n>', seedHelp('seed of stochastic transitions (unused when deterministic)'))
    .option('--json', 'print JSON')
    .action(
      action((file, o) => {
        const flags = new Flags();
        const maxTurns = o.turns === undefined ? undefined : flags.integer(o.turns, '--turns', 1, MAX_TURNS);
        const seed = flags.seed(o.seed);
        const overrides = optionOverrides(flags, o.option);
        flags.done();
        const parsed = parseBargaining(readTextFile(file), file);
        const problem: BargainingProblem = { ...parsed, options: { ...parsed.options, ...overrides } };
        let doc: BargainingDocument;
        try {
          doc = bargainingAnalysis(problem, { ...(maxTurns === undefined ? {} : { maxTurns }), seed });
        } catch (e) {
          throw locateRunProblems(e, file, overrides);
        }
        if (o.json) printJson(doc);
        else process.stdout.write(`${bargainingText(doc)}\n`);
      }),
    );
}
