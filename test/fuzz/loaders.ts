/**
 * The fuzz suite's loaders (issue 21): one per input a user hands Concert — a
 * file of some format, or a flag's value — each with an arbitrary of valid
 * inputs and the `concert` commands that read it. A case writes its text to a
 * file (or passes it as the flag's value) and runs the commands in this
 * process through the real command line (./cli.ts), the cheap way: small
 * games, few turns, one run. It ends in one of five outcomes:
 *
 * - `ok`: exit 0, and every number of the printed JSON finite;
 * - `located`: exit 2, and every problem names the input (the file, or the
 *   flag or argument it was given as) — the located bad input of DESIGN.md;
 * - `unlocated`: exit 2 with a problem that names no file, flag or field;
 * - `crash`: anything else — an "internal error" (exit 1), an exception
 *   escaping the command, a NaN or infinite number in a result;
 * - `slow`: the case took longer than the loader's time bound.
 *
 * The commands of a case run in order while each ends `ok` (a file that one
 * reads badly, the next would too), and the case's outcome is the worst.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { ACCEPTANCE_RULES, BARGAINING_OPTION_VALUES } from '../../src/models/bargaining/index.js';
import { type CliRun, runConcert } from './cli.js';

export type Outcome = 'ok' | 'located' | 'unlocated' | 'crash' | 'slow';
export const OUTCOMES: readonly Outcome[] = ['ok', 'located', 'unlocated', 'crash', 'slow'];

/** A case slower than this (all its commands, wall time) is `slow` unless its loader says otherwise. */
export const SLOW_MS = 5_000;

export interface Loader {
  readonly name: string;
  /** What the input is, for the fuzz table and docs/reliability.md. */
  readonly input: string;
  /** The file name a case is written to (its extension picks the format); absent for a flag loader. */
  readonly file?: string;
  /** Valid inputs: each must end `ok`. */
  readonly valid: fc.Arbitrary<string>;
  /**
   * The commands a case runs, given the path of its file (or, for a flag
   * loader, the text itself) and the case's directory for anything else
   * (a run store).
   */
  commands(input: string, text: string, dir: string): string[][];
  /** What a located problem may start with besides the file's path and a flag (an argument's name). */
  readonly locatedAt?: readonly string[];
  /**
   * Refusals a valid input may end with: located bad input that the model
   * documents for some valid files (a Markov PCE that cycles, an integration
   * the step-size control cannot finish).
   */
  readonly refusals?: RegExp;
  /** Inputs run before the cases, untimed, so that data a case may load is cached (the default worlds). */
  readonly warmUp?: readonly string[];
  /** The case's time bound, ms (default {@link SLOW_MS}). */
  readonly slowMs?: number;
}

/** A small deterministic hash of a text, to pick a command variant per case. */
export function variantOf(text: string, count: number): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0) % count;
}

const pick = <T>(text: string, choices: readonly T[]): T => choices[variantOf(text, choices.length)]!;

// ---------------------------------------------------------------------------------------------
// Valid inputs

const ACTOR_IDS = ['AAA', 'BBB', 'CCC', 'DDD', 'EEE', 'FFF'] as const;
const KINDS = ['alliance', 'partnership', 'neutral', 'rivalry', 'hostility'] as const;
const yaml = (v: unknown) => JSON.stringify(v);

/** Unordered pairs of `ids`, in order. */
function pairsOf<T>(ids: readonly T[]): [T, T][] {
  const out: [T, T][] = [];
  for (let i = 0; i < ids.length; i++) for (let j = i + 1; j < ids.length; j++) out.push([ids[i]!, ids[j]!]);
  return out;
}

/** A complete world of 2–5 actors with capabilities, GDP, national and dyadic trade and relations. */
const completeWorld = fc
  .record({
    n: fc.integer({ min: 2, max: 5 }),
    year: fc.integer({ min: 1950, max: 2016 }),
    seed: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 80, maxLength: 80 }),
    format: fc.constantFrom('flow', 'block'),
  })
  .map(({ n, year, seed, format }) => {
    let k = 0;
    const next = () => seed[k++ % seed.length]!;
    const ids = ACTOR_IDS.slice(0, n);
    const actors: Record<string, unknown> = {};
    for (const id of ids) {
      const gdp = (next() + 1) * 1e10;
      actors[id] = {
        name: `State ${id}`,
        cowMajor: next() % 3 === 0,
        capabilities: {
          milexThousands: next() * 100,
          milperThousands: next(),
          ironSteelKt: next() * 10,
          energyKtCoalEq: next() * 50,
          totalPopulationThousands: (next() + 1) * 1000,
          urbanPopulationThousands: next() * 100,
        },
        gdpUsd: gdp,
        population: (next() + 1) * 1e6,
        trade: { year, importsUsdM: next() * 5 + 50, exportsUsdM: next() * 5 + 50, gdpUsd: gdp },
      };
    }
    const relations = pairsOf(ids)
      .filter(() => next() % 3 !== 0)
      .map(([a, b]) => {
        const score = Math.round((next() / 500 - 1) * 100) / 100;
        const kind = KINDS[Math.min(4, Math.floor(((1 - score) / 2) * 5))]!;
        return { a, b, score, kind };
      });
    const trade = pairsOf(ids).map(([a, b]) => ({
      a,
      b,
      importsOfAFromBUsdM: next() / 10,
      importsOfBFromAUsdM: next() / 10,
    }));
    const world = { year, description: 'fuzz world', actors, relations, trade };
    if (format === 'flow') return `${JSON.stringify(world, null, 1)}\n`;
    // Block YAML with flow entries: line-oriented, so that edits hit one field.
    const lines = [`year: ${year}`, 'description: fuzz world', 'actors:'];
    for (const [id, a] of Object.entries(actors)) lines.push(`  ${id}: ${yaml(a)}`);
    lines.push(
      relations.length === 0 ? 'relations: []' : 'relations:',
      ...relations.map((r) => `  - ${yaml(r)}`),
    );
    lines.push('trade:', ...trade.map((t) => `  - ${yaml(t)}`));
    return `${lines.join('\n')}\n`;
  });

/** An overlay on the default world: a changed GDP, a relation, an added state. */
const overlayWorld = fc
  .record({
    base: fc.constantFrom('default', '{ default: 2000 }'),
    gdp: fc.integer({ min: 1, max: 30 }),
    score: fc.integer({ min: -10, max: 10 }),
    pair: fc.constantFrom(['USA', 'CHN'], ['RUS', 'CHN'], ['USA', 'RUS'], ['FRA', 'DEU']),
    add: fc.boolean(),
  })
  .map(({ base, gdp, score, pair, add }) =>
    [
      `extends: ${base}`,
      'actors:',
      `  USA: { gdpUsd: ${gdp}.0e12 }`,
      ...(add ? ['  XQQ: { name: Fuzzland, gdpUsd: 1.0e9, population: 1000000 }'] : []),
      'relations:',
      `  - { a: ${pair[0]}, b: ${pair[1]}, score: ${score / 10}, kind: ${score < 0 ? 'rivalry' : 'partnership'} }`,
      '',
    ].join('\n'),
  );

const WORLD_COMMANDS: ((p: string, ids: string) => string[])[] = [
  (p) => ['economy', 'dependence', '--world', p, '--states', 'all', '--json'],
  (p) => ['economy', 'gains', '--world', p, '--states', 'all', '--json'],
  (p) => ['balance', '--world', p, '--json'],
  (p, ids) => ['coalitions', 'solve', '--world', p, '--actors', ids, '--json'],
];

/** A delivery system of a small nuclear world. */
function system(basing: 'silo' | 'slbm' | 'road-mobile', launchers: number, warheads: number) {
  return {
    name: `${basing} missile`,
    basing,
    launchers,
    warheadsPerLauncher: warheads,
    yieldKt: 300,
    cepM: 150,
    reliability: 0.85,
    alertDayToDay: basing === 'silo' ? 0 : 0.4,
    alertGenerated: basing === 'silo' ? 0.2 : 0.8,
    ...(basing === 'silo' ? { hardnessPsi: 2000 } : {}),
  };
}

/** Two nuclear states with a few systems, a defense and cities. */
const nuclearWorld = fc
  .record({
    silos: fc.integer({ min: 0, max: 60 }),
    subs: fc.integer({ min: 1, max: 16 }),
    mobiles: fc.integer({ min: 0, max: 40 }),
    warheads: fc.integer({ min: 1, max: 4 }),
    interceptors: fc.integer({ min: 0, max: 40 }),
    pk: fc.integer({ min: 0, max: 100 }),
  })
  .map(({ silos, subs, mobiles, warheads, interceptors, pk }) => {
    const actor = (name: string, lat: number, lon: number, defended: boolean) => ({
      name,
      cowMajor: true,
      gdpUsd: 1e12,
      population: 1e8,
      forces: {
        systems: {
          ICBM: system('silo', silos, 1),
          SLBM: system('slbm', subs * 4, warheads),
          ...(mobiles > 0 ? { MOB: system('road-mobile', mobiles, 1) } : {}),
        },
      },
      ...(defended
        ? { defenses: { ABM: { name: 'ABM', interceptors, pk: pk / 100, salvo: 2, protects: ['value'] } } }
        : {}),
      cities: [
        { name: `${name} City`, lat, lon, population: 5_000_000 },
        { name: `${name} Port`, lat: lat + 1, lon: lon + 1, population: 800_000 },
      ],
    });
    return `${JSON.stringify(
      {
        year: 2017,
        actors: { AAA: actor('Aland', 50, 10, true), BBB: actor('Bland', 40, 100, false) },
        relations: [{ a: 'AAA', b: 'BBB', score: -0.5, kind: 'rivalry' }],
      },
      null,
      1,
    )}\n`;
  });

const payoff = fc.oneof(fc.integer({ min: -20, max: 20 }), fc.constantFrom(0.5, -1.25, 3.75));

/** A normal-form game of 1–3 players with 1–3 strategies each, as counts and payoffs by profile. */
const smallGame = fc
  .tuple(
    fc.integer({ min: 1, max: 3 }),
    fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 3, maxLength: 3 }),
  )
  .chain(([n, counts]) => {
    const strategies = counts.slice(0, n);
    const profiles = strategies.reduce((a, b) => a * b, 1);
    return fc.record({
      strategies: fc.constant(strategies),
      payoffs: fc.array(fc.array(payoff, { minLength: n, maxLength: n }), {
        minLength: profiles,
        maxLength: profiles,
      }),
    });
  });

/** Payoffs by profile (first player's strategy fastest, as in Gambit) as nested arrays s1 → s2 → … → payoffs. */
function nested(strategies: number[], flat: number[][], depth = 0, index = 0, stride = 1): unknown {
  if (depth === strategies.length) return flat[index];
  return Array.from({ length: strategies[depth]! }, (_, s) =>
    nested(strategies, flat, depth + 1, index + s * stride, stride * strategies[depth]!),
  );
}

const gameDocument = smallGame.map(({ strategies, payoffs }) => ({
  players: strategies.map((_, i) => `P${i + 1}`),
  strategies: strategies.map((k, i) => Array.from({ length: k }, (_, s) => `s${i}${s}`)),
  payoffs: nested(strategies, payoffs),
}));

/** Equilibria (by a method that fits the game's player count) and classification. */
function gameCommands(p: string, text: string): string[][] {
  const twoPlayers = /"P2"|\bP2\b/.test(text) && !/"P3"|\bP3\b/.test(text);
  const methods = twoPlayers ? ['vertex', 'support', 'lemke-howson', 'pure', 'qre'] : ['pure', 'qre'];
  const method = pick(text, [undefined, ...methods]);
  return [
    ['games', 'equilibria', p, ...(method ? ['--method', method] : []), '--json'],
    ['games', 'classify', p, '--json'],
  ];
}

const PLAYERS = ['A', 'B', 'C', 'D'];

/** Every coalition of `players` as the comma-separated key of a TU file (`''` for the empty one). */
function coalitionKeys(players: readonly string[]): string[] {
  const keys: string[] = [];
  for (let mask = 0; mask < 1 << players.length; mask++)
    keys.push(players.filter((_, i) => mask & (1 << i)).join(','));
  return keys;
}

/**
 * A TU game with a non-empty imputation set: v(S) = Σ a_i over S plus a
 * synergy b_S (|S| − 1), b_S ≥ 0, so that every solution concept applies.
 */
const tuGame = fc.integer({ min: 1, max: 4 }).chain((n) => {
  const players = PLAYERS.slice(0, n);
  const keys = coalitionKeys(players)
    .slice(1)
    .sort((x, y) => x.split(',').length - y.split(',').length || (x < y ? -1 : 1));
  return fc
    .tuple(
      fc.array(fc.integer({ min: -5, max: 20 }), { minLength: n, maxLength: n }),
      fc.array(fc.integer({ min: 0, max: 10 }), { minLength: keys.length, maxLength: keys.length }),
      fc.boolean(),
    )
    .map(([a, b, asArray]) => {
      const worths = keys.map((k, i) => {
        const members = k.split(',');
        return members.reduce((sum, p) => sum + a[players.indexOf(p)]!, 0) + b[i]! * (members.length - 1);
      });
      const body = asArray ? worths : Object.fromEntries(keys.map((k, i) => [k, worths[i]]));
      return `${JSON.stringify({ name: 'fuzz TU game', players, v: body }, null, 1)}\n`;
    });
});

const simpleGame = fc.oneof(
  fc
    .tuple(
      fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 1, maxLength: 7 }),
      fc.integer({ min: 1, max: 40 }),
    )
    .map(([drawn, quota]) => {
      // A proper game (quota above half the weight, some weight), so that its imputation set is not empty.
      const weights = drawn.some((w) => w > 0) ? drawn : [1, ...drawn.slice(1)];
      const total = weights.reduce((a, b) => a + b, 0);
      return `${JSON.stringify({ weights, quota: Math.max(Math.floor(total / 2) + 1, Math.min(quota, total)) }, null, 1)}\n`;
    }),
  fc
    .tuple(
      fc.array(fc.integer({ min: 1, max: 5 }), { minLength: 3, maxLength: 6 }),
      fc.integer({ min: 1, max: 3 }),
    )
    .map(([weights, veto]) => {
      const players = weights.map((_, i) => `M${i + 1}`);
      const total = weights.reduce((a, b) => a + b, 0);
      return `${JSON.stringify(
        {
          players,
          layers: [
            { name: 'majority', weights, quota: Math.ceil(total / 2) },
            { name: 'veto', weights: weights.map((_, i) => (i < veto ? 1 : 0)), quota: veto },
          ],
        },
        null,
        1,
      )}\n`;
    }),
  fc
    .array(fc.uniqueArray(fc.constantFrom('A', 'B', 'C', 'D', 'E'), { minLength: 1, maxLength: 4 }), {
      minLength: 1,
      maxLength: 4,
    })
    .map((sets) => {
      // Every winning coalition holds A, so that any two meet (a proper game).
      const minimalWinning = sets.map((s) => ['A', ...s.filter((p) => p !== 'A')]);
      const players = [...new Set(minimalWinning.flat())].sort();
      return `${JSON.stringify({ players, minimalWinning }, null, 1)}\n`;
    }),
);

const bankruptcy = fc
  .tuple(
    fc.array(fc.integer({ min: 0, max: 500 }), { minLength: 1, maxLength: 6 }),
    fc.integer({ min: 0, max: 100 }),
    fc.boolean(),
  )
  .map(([claims, share, named]) => {
    const estate = Math.floor((claims.reduce((a, b) => a + b, 0) * share) / 100);
    return `${JSON.stringify(
      { ...(named ? { players: claims.map((_, i) => `C${i + 1}`) } : {}), estate, claims },
      null,
      1,
    )}\n`;
  });

const council = fc
  .record({
    permanent: fc.integer({ min: 1, max: 6 }),
    elected: fc.integer({ min: 2, max: 14 }),
    share: fc.integer({ min: 50, max: 80 }),
  })
  .map(({ permanent, elected, share }) => {
    const players = [
      ...Array.from({ length: permanent }, (_, i) => `P${i + 1}`),
      ...Array.from({ length: elected }, (_, i) => `E${i + 1}`),
    ];
    const n = players.length;
    return `${JSON.stringify(
      {
        name: 'fuzz council',
        players,
        layers: [
          {
            name: 'veto',
            weights: players.map((p) => (p.startsWith('P') ? 1 : 0)),
            quota: permanent,
          },
          { name: 'majority', weights: players.map(() => 1), quota: Math.ceil((n * share) / 100) },
        ],
        groups: { permanent: players.slice(0, permanent), elected: players.slice(permanent) },
      },
      null,
      1,
    )}\n`;
  });

const matrix = (n: number, m: number, min: number, max: number) =>
  fc.array(fc.array(fc.integer({ min, max }), { minLength: m, maxLength: m }), {
    minLength: n,
    maxLength: n,
  });

const replicator = fc
  .record({ n: fc.integer({ min: 1, max: 4 }), m: fc.integer({ min: 1, max: 4 }), kind: fc.nat(3) })
  .chain(({ n, m, kind }) =>
    fc
      .record({
        // The replicator–mutator equation needs non-negative fitness: positive payoffs with a mutation matrix.
        A: fc
          .boolean()
          .chain((positive) => matrix(n, kind === 3 ? m : n, positive || kind === 2 ? 1 : -9, 9)),
        B: matrix(n, m, -9, 9),
        mutation: fc.integer({ min: 0, max: 10 }),
        x0: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: n, maxLength: n }),
      })
      .map(({ A, B, mutation, x0 }) => {
        const total = x0.reduce((a, b) => a + b, 0);
        const shares = x0.map((x, i) =>
          i === n - 1 ? 1 - x0.slice(0, -1).reduce((a, b) => a + b / total, 0) : x / total,
        );
        const mu = mutation / 100;
        const doc: Record<string, unknown> = { A };
        if (kind === 1) doc.x0 = shares.map((s) => Math.max(0, s));
        if (kind === 2)
          doc.mutation = A.map((_, i) => A.map((__, j) => (n === 1 ? 1 : i === j ? 1 - mu : mu / (n - 1))));
        if (kind === 3) doc.B = B;
        return `${JSON.stringify(doc, null, 1)}\n`;
      }),
  );

/** Whether a replicator file is one population whose payoffs are all positive (JSON that parses). */
function positivePayoffs(text: string): boolean {
  try {
    const doc = JSON.parse(text) as { A?: unknown; B?: unknown };
    return (
      doc.B === undefined && Array.isArray(doc.A) && doc.A.flat().every((x) => typeof x === 'number' && x > 0)
    );
  } catch {
    return false;
  }
}

const STRATEGY_NAMES = [
  'Tit For Tat',
  'Defector',
  'Cooperator',
  'Grudger',
  'Alternator',
  'Random: 0.3',
  'Cycler DCDDC',
  'Tit For 2 Tats',
];

const tournament = fc
  .record({
    players: fc.uniqueArray(fc.constantFrom(...STRATEGY_NAMES), { minLength: 2, maxLength: 4 }),
    turns: fc.integer({ min: 1, max: 30 }),
    repetitions: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
    noise: fc.option(fc.constantFrom(0, 0.01, 0.1), { nil: undefined }),
    game: fc.option(fc.constantFrom('{ R: 3, S: 0, T: 5, P: 1 }', '{ R: 4, S: -1, T: 6, P: 0 }'), {
      nil: undefined,
    }),
    seed: fc.option(fc.integer({ min: 0, max: 9999 }), { nil: undefined }),
  })
  .map(({ players, turns, repetitions, noise, game, seed }) =>
    [
      'players:',
      ...players.map((p) => `  - ${p.includes(':') ? `"${p}"` : p}`),
      `turns: ${turns}`,
      ...(repetitions === undefined ? [] : [`repetitions: ${repetitions}`]),
      ...(noise === undefined ? [] : [`noise: ${noise}`]),
      ...(game === undefined ? [] : [`game: ${game}`]),
      ...(seed === undefined ? [] : [`seed: ${seed}`]),
      '',
    ].join('\n'),
  );

/** A bargaining problem: 3–6 actors on 1–3 dimensions, KTAB's 0–100 scale, saliences summing to ≤ 90. */
const bargainingProblem = fc
  .record({ n: fc.integer({ min: 3, max: 6 }), k: fc.integer({ min: 1, max: 3 }) })
  .chain(({ n, k }) =>
    fc.record({
      dims: fc.constant(Array.from({ length: k }, (_, d) => `d${d}`)),
      actors: fc.tuple(
        ...Array.from({ length: n }, (_, i) =>
          fc.record({
            id: fc.constant(`A${i}`),
            capability: fc.integer({ min: 1, max: 1000 }),
            position: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: k, maxLength: k }),
            salience: fc.array(fc.integer({ min: 1, max: 100 }), { minLength: k, maxLength: k }).map((s) => {
              const total = s.reduce((a, b) => a + b, 0);
              return s.map((x) => Math.max(1, Math.floor((x * 90) / total)));
            }),
          }),
        ),
      ),
      options: fc.record(
        {
          votingRule: fc.constantFrom(...BARGAINING_OPTION_VALUES.votingRule),
          victoryProbModel: fc.constantFrom(...BARGAINING_OPTION_VALUES.victoryProbModel),
          pceModel: fc.constantFrom(...BARGAINING_OPTION_VALUES.pceModel),
          bigRRange: fc.constantFrom(...BARGAINING_OPTION_VALUES.bigRRange),
          stateTransitions: fc.constantFrom(...BARGAINING_OPTION_VALUES.stateTransitions),
          acceptance: fc.constantFrom(...ACCEPTANCE_RULES),
        },
        { requiredKeys: [] },
      ),
    }),
  );

/** KTAB's Markov PCEs may cycle on a valid problem; it is refused at options.pceModel, as KTAB does. */
const PCE_REFUSAL = /PCE did not converge/;

const bargainingDoc = bargainingProblem.map(({ dims, actors, options }) => ({
  title: 'fuzz',
  dimensions: dims,
  actors,
  options,
}));

const ktabCsv = bargainingProblem.map(({ dims, actors }) =>
  [
    `fuzz,KTAB CSV fuzz case,${actors.length},${dims.length},`,
    `Actor,Description,Influence,${dims.map((d) => `${d} Position,${d} Salience`).join(',')},`,
    ...actors.map(
      (a) =>
        `${a.id},Actor ${a.id},${a.capability}.0,${dims.map((_, k) => `${a.position[k]},${a.salience[k]}.0`).join(',')},`,
    ),
    '',
  ].join('\n'),
);

const headedCsv = bargainingProblem.map(({ dims, actors }) =>
  dims.length === 1
    ? [
        'actor,capability,position,salience',
        ...actors.map((a) => `${a.id},${a.capability},${a.position[0]},${a.salience[0]}`),
        '',
      ].join('\n')
    : [
        `actor,description,capability,${dims.map((d) => `${d}_position,${d}_salience`).join(',')}`,
        ...actors.map(
          (a) =>
            `${a.id},"Actor ${a.id}",${a.capability},${dims.map((_, k) => `${a.position[k]},${a.salience[k]}`).join(',')}`,
        ),
        '',
      ].join('\n'),
);

const ktabXml = bargainingProblem.map(({ dims, actors }) =>
  [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<Scenario>',
    '  <name>fuzz</name>',
    '  <desc>KTAB XML fuzz case</desc>',
    '  <ModelParameters>',
    '    <VictoryProbModel>Linear</VictoryProbModel>',
    '    <VotingRule>PropCbc</VotingRule>',
    '  </ModelParameters>',
    '  <Dimensions>',
    ...dims.map((d) => `    <dName>${d}</dName>`),
    '  </Dimensions>',
    '  <Actors>',
    ...actors.flatMap((a) => [
      '    <Actor>',
      `      <name>${a.id}</name>`,
      `      <description>Actor ${a.id}</description>`,
      `      <capability>${a.capability}</capability>`,
      `      <Position>${a.position.map((x) => `<dCoord>${x}</dCoord>`).join('')}</Position>`,
      `      <Salience>${a.salience.map((x) => `<dSal>${x}</dSal>`).join('')}</Salience>`,
      '    </Actor>',
    ]),
    '  </Actors>',
    '  <IdealAdjustment>',
    `    <iaPair><adjustingIdeal>${actors[0]!.id}</adjustingIdeal><referencePos>${actors[1]!.id}</referencePos><adjust>0.2</adjust></iaPair>`,
    '  </IdealAdjustment>',
    '</Scenario>',
    '',
  ].join('\n'),
);

/** Gravity data drawn from a gravity model, so that PPML and OLS converge. */
const gravityCsv = fc
  .array(
    fc.record({
      dist: fc.integer({ min: 100, max: 15000 }),
      gdpO: fc.integer({ min: 1, max: 2000 }),
      gdpD: fc.integer({ min: 1, max: 2000 }),
      contig: fc.nat(1),
      noise: fc.integer({ min: 50, max: 200 }),
    }),
    { minLength: 12, maxLength: 30 },
  )
  .map((rows) =>
    [
      'trade,dist,gdp_o,gdp_d,contig',
      ...rows.map((r) => {
        const trade = Math.round(((r.gdpO * r.gdpD) / r.dist) * (1 + r.contig) * (r.noise / 100) * 100) / 100;
        return `${trade},${r.dist},${r.gdpO},${r.gdpD},${r.contig}`;
      }),
      '',
    ].join('\n'),
  );

const GRAVITY_FORMULA = 'trade ~ log(dist) + log(gdp_o) + log(gdp_d) + contig';

const richardson = fc.integer({ min: 1, max: 3 }).chain((n) =>
  fc
    .record({
      reaction: matrix(n, n, 0, 8),
      fatigue: fc.array(fc.integer({ min: 5, max: 20 }), { minLength: n, maxLength: n }),
      grievance: fc.array(fc.integer({ min: -5, max: 5 }), { minLength: n, maxLength: n }),
      initial: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: n, maxLength: n }),
      horizon: fc.integer({ min: 1, max: 40 }),
      step: fc.constantFrom(0.5, 1, 2),
      threshold: fc.option(fc.integer({ min: 1, max: 200 }), { nil: undefined }),
    })
    .map(({ reaction, fatigue, grievance, initial, horizon, step, threshold }) => {
      const actors = ACTOR_IDS.slice(0, n);
      return [
        `actors: [${actors.join(', ')}]`,
        'unit: arbitrary units',
        'startYear: 2017',
        'reaction:',
        ...reaction.map((row, i) => `  - [${row.map((x, j) => (i === j ? 0 : x / 10)).join(', ')}]`),
        `fatigue: [${fatigue.map((x) => x / 10).join(', ')}]`,
        `grievance: [${grievance.map((x) => x / 10).join(', ')}]`,
        `initial: [${initial.join(', ')}]`,
        `horizonYears: ${horizon}`,
        `outputStepYears: ${step}`,
        ...(threshold === undefined
          ? []
          : ['thresholds:', `  - { name: crossing, actor: ${actors[0]}, level: ${threshold} }`]),
        '',
      ].join('\n');
    }),
);

const edgeList = fc
  .record({
    n: fc.integer({ min: 3, max: 8 }),
    column: fc.constantFrom('sign', 'weight'),
    keep: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 28, maxLength: 28 }),
    values: fc.array(fc.integer({ min: -10, max: 10 }), { minLength: 28, maxLength: 28 }),
  })
  .map(({ n, column, keep, values }) => {
    const nodes = ['USA', 'RUS', 'CHN', 'GBR', 'FRA', 'JPN', 'DEU', 'IND'].slice(0, n);
    const rows = pairsOf(nodes)
      .map(([a, b], i) => ({ a, b, v: values[i]!, keep: keep[i]! }))
      .filter((e) => e.keep > 2 && e.v !== 0)
      .map((e) => `${e.a},${e.b},${column === 'sign' ? Math.sign(e.v) : e.v / 10}`);
    if (rows.length === 0) rows.push(`${nodes[0]},${nodes[1]},1`);
    return `from,to,${column}\n${rows.join('\n')}\n`;
  });

const SCENARIO_ACTORS = ['USA', 'RUS', 'CHN', 'GBR', 'FRA'] as const;

const scenario = fc
  .record({
    actors: fc.uniqueArray(fc.constantFrom(...SCENARIO_ACTORS), { minLength: 2, maxLength: 4 }),
    span: fc.integer({ min: 1, max: 4 }),
    strategy: fc.constantFrom('Tit For Tat', 'Grudger', 'Tit For 2 Tats', 'Cooperator'),
    noise: fc.integer({ min: 0, max: 10 }),
    events: fc.array(fc.nat(8), { maxLength: 4 }),
    uncertain: fc.array(fc.nat(5), { maxLength: 3 }),
    overrides: fc.boolean(),
    rounds: fc.integer({ min: 1, max: 4 }),
    runs: fc.integer({ min: 1, max: 50 }),
    seed: fc.integer({ min: 0, max: 99999 }),
  })
  .map(({ actors, span, strategy, noise, events, uncertain, overrides, rounds, runs, seed }) => {
    const [a, b] = actors as [string, string];
    const to = 2017 + span;
    const year = (k: number) => 2017 + (k % (span + 1));
    const EVENTS = [
      `{ type: change-forces, year: ${year(1)}, actor: ${a}, factor: 1.2 }`,
      `{ type: form-alignment, year: ${year(2)}, actors: [${a}, ${b}], floor: 0.6 }`,
      `{ type: break-alignment, year: ${year(3)}, actors: [${a}, ${b}], ceiling: -0.2 }`,
      `{ type: sanction, year: ${year(1)}, actor: ${a}, target: ${b}, severity: 0.3, duration: 2 }`,
      `{ type: consult, year: ${year(2)}, actors: [${a}, ${b}], probability: 0.8 }`,
      `{ type: arms-control-treaty, year: ${year(0)}, actors: [${a}, ${b}], warheadCap: 0.9 }`,
      `{ type: trade-war, year: ${year(1)}, actor: ${a}, target: ${b}, tariff: 0.25 }`,
      `{ type: change-forces, year: ${year(3)}, actor: ${b}, factor: 0.8 }`,
      // GMD is a defense of the United States in the default world: another change of forces otherwise.
      actors.includes('USA')
        ? `{ type: deploy-missile-defense, year: ${year(1)}, actor: USA, system: GMD, interceptors: 20 }`
        : `{ type: change-forces, year: ${year(2)}, actor: ${a}, factor: 1.5, duration: 1 }`,
    ];
    const UNCERTAIN = [
      '{ parameter: policies.default.misperception, distribution: { type: uniform, min: 0.01, max: 0.2 } }',
      '{ parameter: couplings.structuralBalance.rate, distribution: { type: triangular, min: 0, mode: 0.05, max: 0.1 } }',
      '{ parameter: policies.default.arms.reaction, distribution: { type: lognormal, mu: -3.0, sigma: 0.5 } }',
      '{ parameter: policies.default.arms.baselineGrowth, distribution: { type: normal, mean: 0.02, sd: 0.01, min: -0.02, max: 0.06 } }',
      '{ parameter: deterrence.reliability }',
      '{ parameter: deterrence.pk }',
    ];
    const uniqueUncertain = [...new Set(uncertain)];
    return [
      'name: fuzz-scenario',
      'description: A scenario drawn by the fuzz suite (not a claim about the world).',
      overrides
        ? `world: { default: 2016, overrides: { relations: [{ a: ${a}, b: ${b}, score: 0.3 }], actors: { ${a}: { gdpUsd: 2.0e13 } } } }`
        : 'world: default',
      `actors: [${actors.join(', ')}]`,
      `years: 2017..${to}`,
      'policies:',
      `  default: { strategy: ${strategy}, noise: ${noise / 100}, misperception: 0.05 }`,
      `  ${b}: { alignment: { ${a}: 0.5 } }`,
      ...(events.length === 0 ? [] : ['events:', ...events.map((k) => `  - ${EVENTS[k]}`)]),
      ...(uniqueUncertain.length === 0
        ? []
        : ['uncertain:', ...uniqueUncertain.map((k) => `  - ${UNCERTAIN[k]}`)]),
      'couplings:',
      `  interaction: { roundsPerYear: ${rounds} }`,
      `ensemble: { runs: ${runs}, seed: ${seed} }`,
      '',
    ].join('\n');
  });

// ---------------------------------------------------------------------------------------------
// Flag values

const population = fc
  .array(fc.tuple(fc.constantFrom(...STRATEGY_NAMES), fc.integer({ min: 1, max: 4 })), {
    minLength: 2,
    maxLength: 4,
  })
  .map((xs) => xs.map(([s, k]) => (k === 1 ? s : `${s}*${k}`)).join(';'));

const claimsFlag = fc
  .array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 6 })
  .map((xs) => `${xs.reduce((a, b) => a + b, 0)}|${xs.join(',')}`);

const stageGameFlag = fc
  .record({
    s: fc.integer({ min: -5, max: 0 }),
    p: fc.integer({ min: 1, max: 2 }),
    r: fc.integer({ min: 3, max: 4 }),
  })
  .map(({ s, p, r }) => `${r},${s},${r + 2},${p}`);

const armsStability = fc.integer({ min: 1, max: 4 }).chain((n) =>
  fc
    .record({
      reaction: matrix(n, n, 0, 9),
      fatigue: fc.array(fc.integer({ min: 1, max: 20 }), { minLength: n, maxLength: n }),
    })
    .map(
      ({ reaction, fatigue }) =>
        `${JSON.stringify(reaction.map((row, i) => row.map((x, j) => (i === j ? 0 : x / 10))))}|${JSON.stringify(fatigue.map((x) => x / 10))}`,
    ),
);

/** `a|b` split at the first bar (a flag loader with two values). */
function halves(text: string): [string, string] {
  const i = text.indexOf('|');
  return i < 0 ? [text, ''] : [text.slice(0, i), text.slice(i + 1)];
}

// ---------------------------------------------------------------------------------------------
// The loaders

export const LOADERS: readonly Loader[] = [
  {
    name: 'world',
    input: 'world file (--world; complete, or an overlay on the default world)',
    file: 'world.yaml',
    valid: fc.oneof({ weight: 9, arbitrary: completeWorld }, { weight: 1, arbitrary: overlayWorld }),
    warmUp: ['extends: default\n', 'extends: { default: 2000 }\n'],
    commands: (p, text) => {
      const ids = ACTOR_IDS.filter((id) => text.includes(id)).join(',') || 'AAA,BBB';
      return [
        ['world', '--world', p, '--json'],
        ['powers', '--world', p, '--json'],
        // An overlay carries the default world's ~190 states: its trade game is left out (≤ 20 players).
        pick(text, text.includes('extends') ? WORLD_COMMANDS.slice(0, 3) : WORLD_COMMANDS)(p, ids),
      ];
    },
  },
  {
    name: 'world-forces',
    input: 'world file with nuclear forces, defenses and cities (concert deterrence --world)',
    file: 'world.json',
    valid: nuclearWorld,
    commands: (p) => [['deterrence', '--world', p, '--json']],
  },
  {
    name: 'scenario',
    input: 'scenario file (concert validate / concert run: schema, world and semantic checks; one run)',
    file: 'scenario.yaml',
    valid: scenario,
    commands: (p, text, dir) => [
      ['validate', p, '--json'],
      // One engine run for a quarter of the cases that load (the engine is the costly part).
      ...(variantOf(text, 4) === 0
        ? [['run', p, '--runs', '1', '--workers', '1', '--store', join(dir, 'runs.db'), '--json']]
        : []),
    ],
  },
  {
    name: 'edges',
    input: 'signed edge-list CSV (concert balance --edges)',
    file: 'edges.csv',
    valid: edgeList,
    commands: (p, text) => [
      [
        'balance',
        '--edges',
        p,
        ...pick(text, [[], ['--heuristic'], ['--groups', '2'], ['--triangles'], ['--weighted']]),
        '--json',
      ],
    ],
  },
  {
    name: 'nfg',
    input: 'Gambit .nfg game (concert games equilibria | classify)',
    file: 'game.nfg',
    valid: smallGame.map(({ strategies, payoffs }) => {
      const players = strategies.map((_, i) => `"P${i + 1}"`).join(' ');
      return `NFG 1 R "fuzz" { ${players} } { ${strategies.join(' ')} }\n\n${payoffs.map((p) => p.join(' ')).join('\n')}\n`;
    }),
    commands: gameCommands,
  },
  {
    name: 'game-json',
    input: 'game JSON {players, strategies, payoffs}',
    file: 'game.json',
    valid: gameDocument.map((g) => `${JSON.stringify(g, null, 1)}\n`),
    commands: gameCommands,
  },
  {
    name: 'game-yaml',
    input: 'game YAML {players, strategies, payoffs}',
    file: 'game.yaml',
    valid: gameDocument.map(
      (g) =>
        `players: ${yaml(g.players)}\nstrategies:\n${g.strategies.map((s) => `  - ${yaml(s)}`).join('\n')}\npayoffs: ${yaml(g.payoffs)}\n`,
    ),
    commands: gameCommands,
  },
  {
    name: 'coalitions-tu',
    input: 'TU game file {players, v} (concert coalitions solve)',
    file: 'tu.json',
    valid: tuGame,
    commands: (p, text) => [
      [
        'coalitions',
        'solve',
        p,
        '--solution',
        pick(text, ['shapley', 'nucleolus', 'prenucleolus', 'core', 'least-core']),
        '--json',
      ],
    ],
  },
  {
    name: 'coalitions-simple',
    input: 'simple game file: weighted, layered or minimal winning (concert coalitions power | solve)',
    file: 'simple.json',
    valid: simpleGame,
    commands: (p, text) => [
      ['coalitions', 'power', p, '--index', pick(text, ['shapley-shubik', 'banzhaf']), '--json'],
      ['coalitions', 'solve', p, '--solution', pick(text, ['shapley', 'nucleolus', 'core']), '--json'],
    ],
  },
  {
    name: 'bankruptcy',
    input: 'bankruptcy file {players?, estate, claims} (concert coalitions bankruptcy | solve)',
    file: 'estate.json',
    valid: bankruptcy,
    commands: (p) => [
      ['coalitions', 'bankruptcy', p, '--rule', 'all', '--json'],
      ['coalitions', 'solve', p, '--solution', 'nucleolus', '--json'],
    ],
  },
  {
    name: 'council',
    input: 'council file, a layered simple game with groups (concert coalitions unsc --reform)',
    file: 'council.json',
    valid: council,
    commands: (p) => [['coalitions', 'unsc', '--reform', p, '--json']],
  },
  {
    name: 'replicator',
    input: 'replicator file {A, B?, mutation?, x0?} (concert games replicator)',
    file: 'replicator.json',
    valid: replicator,
    // Two populations may cycle ever closer to the boundary (a heteroclinic cycle) until the step size
    // control gives up: refused at A with the reason.
    refusals: /integration stopped early/,
    commands: (p, text) => [
      // The discrete map needs positive fitness: only for one population with positive payoffs.
      [
        'games',
        'replicator',
        p,
        ...(variantOf(text, 2) === 0 && positivePayoffs(text) ? ['--discrete'] : []),
        '--json',
      ],
    ],
  },
  {
    name: 'tournament',
    input: 'tournament spec (concert games tournament)',
    file: 'tournament.yaml',
    valid: tournament,
    commands: (p) => [['games', 'tournament', p, '--json']],
  },
  {
    name: 'bargain-yaml',
    input: 'bargaining YAML (concert bargain)',
    file: 'problem.yaml',
    valid: bargainingDoc.map(
      (d) =>
        `title: fuzz\ndimensions: ${yaml(d.dimensions)}\nactors:\n${d.actors.map((a) => `  - ${yaml(a)}`).join('\n')}\noptions: ${yaml(d.options)}\n`,
    ),
    refusals: PCE_REFUSAL,
    commands: (p) => [['bargain', p, '--turns', '20', '--json']],
  },
  {
    name: 'bargain-json',
    input: 'bargaining JSON (concert bargain)',
    file: 'problem.json',
    valid: bargainingDoc.map((d) => `${JSON.stringify(d, null, 1)}\n`),
    refusals: PCE_REFUSAL,
    commands: (p) => [['bargain', p, '--turns', '20', '--json']],
  },
  {
    name: 'bargain-ktab-csv',
    input: "KTAB's bargaining CSV (concert bargain)",
    file: 'ktab.csv',
    valid: ktabCsv,
    refusals: PCE_REFUSAL,
    commands: (p) => [['bargain', p, '--turns', '20', '--json']],
  },
  {
    name: 'bargain-headed-csv',
    input: 'headed bargaining CSV actor,capability,position,salience (concert bargain)',
    file: 'headed.csv',
    valid: headedCsv,
    refusals: PCE_REFUSAL,
    commands: (p) => [['bargain', p, '--turns', '20', '--json']],
  },
  {
    name: 'bargain-xml',
    input: "KTAB's bargaining XML (concert bargain)",
    file: 'scenario.xml',
    valid: ktabXml,
    refusals: PCE_REFUSAL,
    commands: (p) => [['bargain', p, '--turns', '20', '--json']],
  },
  {
    name: 'gravity-csv',
    input: 'economy data CSV (concert economy gravity --data)',
    file: 'gravity.csv',
    valid: gravityCsv,
    commands: (p, text) => [
      [
        'economy',
        'gravity',
        '--data',
        p,
        '--formula',
        GRAVITY_FORMULA,
        '--method',
        pick(text, ['ppml', 'ols']),
        '--json',
      ],
    ],
  },
  {
    name: 'arms',
    input: 'Richardson system file (concert arms simulate)',
    file: 'richardson.yaml',
    valid: richardson,
    commands: (p) => [['arms', 'simulate', p, '--json']],
  },
  {
    name: 'flag-moran',
    input: 'population arguments of concert games moran',
    valid: population,
    locatedAt: ['population'],
    commands: (text) => [
      ['games', 'moran', ...text.split(';'), '--turns', '10', '--max-generations', '200', '--json'],
    ],
  },
  {
    name: 'flag-bankruptcy',
    input: 'concert coalitions bankruptcy --estate --claims',
    valid: claimsFlag,
    commands: (text) => {
      const [estate, claims] = halves(text);
      return [
        ['coalitions', 'bankruptcy', '--estate', estate, '--claims', claims, '--rule', 'all', '--json'],
      ];
    },
  },
  {
    name: 'flag-game',
    input: 'concert games match --game R,S,T,P',
    valid: stageGameFlag,
    commands: (text) => [
      ['games', 'match', 'Tit For Tat', 'Random: 0.5', '--game', text, '--turns', '20', '--json'],
    ],
  },
  {
    name: 'flag-arms-stability',
    input: 'concert arms stability --reaction --fatigue',
    valid: armsStability,
    commands: (text) => {
      const [reaction, fatigue] = halves(text);
      return [['arms', 'stability', '--reaction', reaction, '--fatigue', fatigue, '--json']];
    },
  },
];

// ---------------------------------------------------------------------------------------------
// Mutations

/** Tokens and numbers that have broken loaders before, or might. */
const HOSTILE = [
  '1e308',
  '-1e308',
  '2e9',
  '4294967296',
  '1000000000',
  '999999999',
  '1e30',
  'NaN',
  '.inf',
  '-.inf',
  'Infinity',
  '-0',
  '1/0',
  '0x10',
  '&a',
  '*a',
  '&a [1]',
  '!!binary',
  '---',
  '...',
  '%YAML 1.2\n---\n',
  '{',
  '}',
  '[',
  ']',
  '"',
  "'",
  ',',
  ';',
  ':',
  ': ',
  '- ',
  '#',
  '\n',
  '\r\n',
  '\t',
  '',
  ' ',
  '\u0000',
  '\uFEFF',
  '<',
  '>',
  '</',
  '<!DOCTYPE x [<!ENTITY a "aaaa">]>',
  '&amp;',
  '&#0;',
  '<![CDATA[',
  '*',
  '*4294967296',
  '=',
  '|',
  'null',
  '~',
  'true',
  '__proto__',
  'constructor',
];

/** Numbers a numeric field is replaced by. */
const HOSTILE_NUMBERS = [
  '0',
  '-1',
  '-0',
  '1e308',
  '-1e308',
  '1e-308',
  '5e-324',
  '2e9',
  '4294967296',
  '1e30',
  '1e12',
  '1e13',
  '999999999',
  '100000',
  '1000001',
  '0.5',
  '1.5',
  '9007199254740993',
  'NaN',
  '.nan',
  '.inf',
  '-.inf',
];

type Edit =
  | { readonly kind: 'insert'; readonly at: number; readonly cut: number; readonly text: string }
  | { readonly kind: 'copy'; readonly at: number; readonly from: number; readonly length: number }
  | { readonly kind: 'number'; readonly which: number; readonly text: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      cut: fc.integer({ min: 0, max: 8 }),
      text: fc.oneof(
        fc.constantFrom(...HOSTILE),
        fc.string({ maxLength: 6 }),
        fc.string({ maxLength: 3, unit: 'binary' }),
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant('copy' as const),
      at: fc.nat(),
      from: fc.nat(),
      length: fc.integer({ min: 1, max: 80 }),
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      kind: fc.constant('number' as const),
      which: fc.nat(),
      text: fc.oneof(fc.constantFrom(...HOSTILE_NUMBERS), fc.integer().map(String), fc.double().map(String)),
    }),
  },
);

function apply(t: string, e: Edit): string {
  if (e.kind === 'insert') {
    const i = t.length === 0 ? 0 : e.at % (t.length + 1);
    return t.slice(0, i) + e.text + t.slice(i + e.cut);
  }
  if (e.kind === 'copy') {
    if (t.length === 0) return t;
    const from = e.from % t.length;
    const i = e.at % (t.length + 1);
    return t.slice(0, i) + t.slice(from, from + e.length) + t.slice(i);
  }
  const numbers = [...t.matchAll(/-?\d+(\.\d+)?([eE][-+]?\d+)?/g)];
  if (numbers.length === 0) return t;
  const m = numbers[e.which % numbers.length]!;
  return t.slice(0, m.index) + e.text + t.slice(m.index + m[0].length);
}

/** Valid inputs with one to four edits: hostile tokens, random characters, copied pieces, replaced numbers. */
export function mutated(valid: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc
    .tuple(valid, fc.array(edit, { minLength: 1, maxLength: 4 }))
    .map(([text, edits]) => edits.reduce(apply, text));
}

// ---------------------------------------------------------------------------------------------
// Outcomes

export interface CaseResult {
  readonly outcome: Outcome;
  /** What went wrong (the first bad line, exception or number), for anything but ok and located. */
  readonly detail?: string;
  readonly ms: number;
  /** The command that decided the outcome. */
  readonly command?: readonly string[];
}

const SEVERITY: Record<Outcome, number> = { ok: 0, located: 1, unlocated: 2, slow: 3, crash: 4 };

/**
 * The outcome of one command: `located` only when exit 2 and every problem
 * line names one of `where` (the file, a flag, an argument). Lines that are
 * not `error:` lines are the continuation of a multi-line message.
 */
export function classify(run: CliRun, where: readonly string[]): { outcome: Outcome; detail?: string } {
  if (run.thrown !== undefined) return { outcome: 'crash', detail: `escaped the command: ${run.thrown}` };
  if (run.code === 0) {
    if (run.nonFinite !== undefined)
      return { outcome: 'crash', detail: `non-finite number ${run.nonFinite}` };
    return { outcome: 'ok' };
  }
  const first = run.stderr.split('\n')[0] ?? '';
  if (run.code !== 2) return { outcome: 'crash', detail: `exit ${run.code}: ${first}` };
  const lines = run.stderr.split('\n').filter((l) => l.startsWith('error: '));
  if (lines.length === 0) return { outcome: 'unlocated', detail: `exit 2 without an error line: ${first}` };
  const commander = /^error: (option '|unknown option '|too many arguments|missing required argument ')/;
  const bad = lines.find((l) => !commander.test(l) && !where.some((w) => l.startsWith(`error: ${w}`)));
  return bad === undefined
    ? { outcome: 'located', detail: lines[0]! }
    : { outcome: 'unlocated', detail: bad };
}

/**
 * Whether a case ended as its kind must: a valid input `ok` (or `located`
 * with one of the loader's documented refusals), a mutated one `ok` or
 * `located`.
 */
export function passes(loader: Loader, kind: 'valid' | 'mutated', r: CaseResult): boolean {
  if (kind === 'mutated') return r.outcome === 'ok' || r.outcome === 'located';
  return r.outcome === 'ok' || (r.outcome === 'located' && refused(loader, r));
}

/** Whether a located result is one of the loader's documented refusals of valid input. */
export function refused(loader: Loader, r: CaseResult): boolean {
  return r.outcome === 'located' && loader.refusals !== undefined && loader.refusals.test(r.detail ?? '');
}

/** Runs a loader's warm-up inputs and a few valid cases, untimed and unchecked. */
export async function warmUp(loader: Loader, dir: string): Promise<void> {
  const inputs = [...(loader.warmUp ?? []), ...fc.sample(loader.valid, { numRuns: 3, seed: 1 })];
  for (const text of inputs) await runCase(loader, text, dir);
}

/**
 * Runs one case of `loader` in `dir` (a directory of its own, emptied
 * before the case) and classifies it.
 */
export async function runCase(loader: Loader, text: string, dir: string): Promise<CaseResult> {
  for (const name of ['runs.db', 'runs.db-wal', 'runs.db-shm']) rmSync(join(dir, name), { force: true });
  const started = performance.now();
  let input = text;
  if (loader.file !== undefined) {
    input = join(dir, loader.file);
    writeFileSync(input, text);
  }
  // A problem may also be located at a flag of the command (`--groups: expected at most 2 groups …`).
  const where = [...(loader.file !== undefined ? [input] : []), '--', ...(loader.locatedAt ?? [])];
  let worst: CaseResult = { outcome: 'ok', ms: 0 };
  for (const command of loader.commands(input, text, dir)) {
    const r = classify(await runConcert(command), where);
    if (SEVERITY[r.outcome] > SEVERITY[worst.outcome]) worst = { ...r, ms: 0, command };
    if (r.outcome !== 'ok') break;
  }
  const ms = performance.now() - started;
  if (worst.outcome !== 'crash' && ms > (loader.slowMs ?? SLOW_MS))
    return { outcome: 'slow', detail: `${ms.toFixed(0)} ms`, ms, command: worst.command ?? [] };
  return { ...worst, ms };
}
