/**
 * Regressions of the fuzz run (issue 21): each input below is one that `npm
 * run fuzz` found crashing, hanging, ending in an internal error or a NaN, or
 * refusing a valid input, on the main of 5 December 2026; each now ends in
 * exit 0 with finite numbers or in exit 2 with a located message. The
 * commands run through the real command line, in this process (./cli.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { Fraction } from '../../src/core/rational.js';
import { bimatrixGame, exactEquilibrium } from '../../src/models/games/normal/index.js';
import { type CliRun, runConcert } from './cli.js';

const dir = mkdtempSync(join(tmpdir(), 'concert-fuzz-regressions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Exit 0, and every number of the JSON document finite. */
function expectOk(r: CliRun): unknown {
  expect(r.thrown).toBeUndefined();
  expect(r.code, r.stderr).toBe(0);
  expect(r.nonFinite).toBeUndefined();
  return JSON.parse(r.stdout);
}

/** Exit 2, every line an `error:` line naming `where` (a file, a flag), and each of `also` said. */
function expectLocated(r: CliRun, where: string, ...also: string[]): void {
  expect(r.thrown).toBeUndefined();
  expect(r.code, r.stderr).toBe(2);
  const lines = r.stderr.trimEnd().split('\n');
  for (const line of lines)
    expect(line).toMatch(
      new RegExp(`^error: ${where.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}|^\\d+ problems found\\.$`),
    );
  for (const text of also) expect(r.stderr).toContain(text);
}

describe('coalitions: a one-player TU game', () => {
  it('has a core and a least core: the allocation v(N), ε = 0 (HiGHS was given an unbounded LP: model status 10)', async () => {
    const game = file('one.json', JSON.stringify({ players: ['A'], v: [4] }));
    for (const solution of ['core', 'least-core']) {
      const doc = expectOk(
        await runConcert(['coalitions', 'solve', game, '--solution', solution, '--json']),
      ) as {
        allocation: { player: string; value: number }[];
        epsilon: number;
        coreNonEmpty: boolean;
      };
      expect(doc.allocation).toEqual([expect.objectContaining({ player: 'A', value: 4 })]);
      expect(doc.epsilon).toBe(0);
      expect(doc.coreNonEmpty).toBe(true);
    }
  });
});

describe('games: payoffs are bounded', () => {
  const game = (payoffs: unknown) =>
    JSON.stringify({ players: ['P1', 'P2'], strategies: [['a'], ['x', 'y']], payoffs: [[[1, 2], payoffs]] });

  it.each([
    ['1e308 (HiGHS could not read the zero-sum LP: internal error)', '[1e308, 3.75]', 'within ±1e+9'],
    ['5.7e104', '[5.727107372474161e+104, 14]', 'within ±1e+9'],
    ['5e-324 (constant sum NaN)', '[5e-324, 4]', 'at most 9 decimal places'],
    ['3.2e-245 (a BigInt of Infinity)', '[3.22445148979618e-245, 1]', 'at most 9 decimal places'],
  ])('a payoff of %s is refused at its entry, in equilibria and classify', async (_, payoffs, message) => {
    const path = file('extreme.json', game(JSON.parse(payoffs)));
    for (const command of ['equilibria', 'classify'])
      expectLocated(
        await runConcert(['games', command, path, '--json']),
        `${path}:`,
        'payoffs[0][1][0]',
        message,
      );
  });

  it('an .nfg payoff of 1e-18 beside 1e12 is refused (the support enumeration ran past a minute)', async () => {
    const path = file(
      'fine.nfg',
      'NFG 1 R "fuzz" { "P1" "P2" "P3" } { 2 2 2 }\n\n3 9 -7.807632828687263e-18 -2 -17 0.5 -1.25 3.75 -1.25 11 3.75 -1.25 -3 -16 -16 -6 1e12 3.75 1 -1.25 -2 3.75 -10 0.5\n',
    );
    expectLocated(
      await runConcert(['games', 'equilibria', path, '--json']),
      `${path}:3:`,
      'payoff 3:',
      'payoff 17:',
    );
  });

  it('an exact equilibrium whose fractions pass 1e308 over 1e308 converts to finite decimals (was NaN)', () => {
    const big = 10n ** 400n;
    const g = bimatrixGame(
      [
        [1, 0],
        [0, 1],
      ],
      [
        [1, 0],
        [0, 1],
      ],
    );
    // Irreducible: 10^400 + 1 is prime to 3 and to 10.
    const third = new Fraction(big + 1n, 3n * big);
    const rest = new Fraction(2n * big - 1n, 3n * big);
    expect(third.valueOf()).toBeNaN();
    const eq = exactEquilibrium(g, [
      [third, rest],
      [third, rest],
    ]);
    expect(eq.strategies.flat().every(Number.isFinite)).toBe(true);
    expect(eq.strategies[0]![0]).toBeCloseTo(1 / 3, 12);
  });
});

const actor = (id: string, capability: number, position: number[], salience: number[]) => ({
  id,
  capability,
  position,
  salience,
});

describe('bargaining', () => {
  it('voluntary acceptance keeps the status quo when it refuses every bargain and the status quo underflowed (probabilities were NaN)', async () => {
    const problem = file(
      'voluntary.json',
      JSON.stringify({
        title: 'fuzz',
        dimensions: ['d0', 'd1', 'd2'],
        actors: [
          actor('A0', 436, [99, 52, 59], [9, 63, 17]),
          actor('A1', 571, [14, 0, 36], [26, 9, 54]),
          actor('A2', 310, [5, 98, 68], [70, 7, 12]),
          actor('A3', 3, [58, 38, 25], [21, 32, 35]),
          actor('A4', 402, [59, 49, 77], [10, 55, 24]),
          actor('A5', 7, [51, 5, 90], [48, 38, 2]),
        ],
        options: {
          victoryProbModel: 'Octic',
          bigRRange: 'Mid',
          stateTransitions: 'Deterministic',
          acceptance: 'Voluntary',
        },
      }),
    );
    expectOk(await runConcert(['bargain', problem, '--turns', '20', '--json']));
  });

  it('a Markov PCE that does not converge is bad input at options.pceModel in the file, or at --option (was exit 1)', async () => {
    const body = {
      title: 'fuzz',
      dimensions: ['d0', 'd1'],
      actors: [
        actor('A0', 7, [65, 96], [52, 37]),
        actor('A1', 7, [42, 2], [86, 3]),
        actor('A2', 9, [2, 97], [57, 32]),
        actor('A3', 642, [49, 79], [70, 19]),
        actor('A4', 235, [36, 16], [60, 29]),
        actor('A5', 619, [1, 44], [4, 85]),
      ],
      options: {
        votingRule: 'ASymProsp',
        victoryProbModel: 'Quartic',
        pceModel: 'MarkovIncentive',
        bigRRange: 'Mid',
        stateTransitions: 'Stochastic',
        acceptance: 'Coalition',
      },
    };
    const problem = file('cycling.json', JSON.stringify(body));
    expectLocated(
      await runConcert(['bargain', problem, '--turns', '20', '--json']),
      `${problem}: options.pceModel`,
      'did not converge',
      'pceModel: Conditional',
    );
    const { pceModel: _, ...options } = body.options;
    const plain = file('cycling-option.json', JSON.stringify({ ...body, options }));
    expectLocated(
      await runConcert(['bargain', plain, '--turns', '20', '--option', 'pceModel=MarkovIncentive', '--json']),
      '--option',
      'did not converge',
    );
  });
});

const richardson = (lines: string[]) =>
  [
    'actors: [AAA, BBB, CCC]',
    'initial: [84, 48, 6]',
    'horizonYears: 12',
    'outputStepYears: 1',
    ...lines,
    '',
  ].join('\n');

describe('arms: Richardson coefficients are bounded', () => {
  it('a reaction coefficient of 1e308 is refused at its entry (the eigenvalue iteration looped for ever)', async () => {
    const system = file(
      'huge.yaml',
      richardson([
        'reaction:',
        '  - [0, 7.6e+25, 1e12]',
        '  - [1e308, 0, 0.5]',
        '  - [0.5, 0.2, 0]',
        'fatigue: [1.7, 0.5, 1.3]',
        'grievance: [-0.1, -0.2, 0.3]',
      ]),
    );
    expectLocated(
      await runConcert(['arms', 'simulate', system, '--json']),
      system,
      'reaction[1][0]',
      '±1000 per year',
    );
    expectLocated(
      await runConcert([
        'arms',
        'stability',
        '--reaction',
        '[[0,1e308],[0.5,0]]',
        '--fatigue',
        '[1,1]',
        '--json',
      ]),
      '--reaction',
    );
  });

  it('a fatigue of 1e-308 against a grievance of 1e9 has no finite equilibrium: reported as singular, not -Infinity', async () => {
    const system = file(
      'tiny.yaml',
      [
        'actors: [AAA]',
        'reaction: [[0]]',
        'fatigue: [1e-308]',
        'grievance: [-652174499]',
        'initial: [81]',
        'horizonYears: 11',
        '',
      ].join('\n'),
    );
    const doc = expectOk(await runConcert(['arms', 'simulate', system, '--json'])) as {
      equilibrium: unknown;
      singular: boolean;
    };
    expect(doc.equilibrium).toBeNull();
    expect(doc.singular).toBe(true);
  });
});

/** A world of two nuclear states, with one field of AAA's SLBM or defense, or BBB's first city, set. */
function nuclearWorld(set: { slbm?: object; defense?: object; city?: object } = {}): string {
  const system = (basing: string, launchers: number) => ({
    name: `${basing} missile`,
    basing,
    launchers,
    warheadsPerLauncher: 1,
    yieldKt: 300,
    cepM: 150,
    reliability: 0.85,
    alertDayToDay: basing === 'silo' ? 0 : 0.4,
    alertGenerated: basing === 'silo' ? 0.2 : 0.8,
    ...(basing === 'silo' ? { hardnessPsi: 2000 } : {}),
  });
  const state = (name: string, lat: number, lon: number, own: boolean) => ({
    name,
    cowMajor: true,
    forces: {
      systems: { ICBM: system('silo', 20), SLBM: { ...system('slbm', 16), ...(own ? set.slbm : {}) } },
    },
    defenses: own ? { ABM: { name: 'ABM', interceptors: 20, pk: 0.5, ...set.defense } } : {},
    cities: [
      { name: `${name} City`, lat, lon, population: 5_000_000, ...(own ? {} : set.city) },
      { name: `${name} Port`, lat: lat + 1, lon: lon + 1, population: 800_000 },
    ],
  });
  return JSON.stringify(
    {
      year: 2017,
      actors: { AAA: state('Aland', 50, 10, true), BBB: state('Bland', 40, 100, false) },
      relations: [{ a: 'AAA', b: 'BBB', score: -0.5, kind: 'rivalry' }],
    },
    null,
    1,
  );
}

describe('deterrence: the forces of a world file are bounded', () => {
  it('the unchanged world runs', async () => {
    expectOk(await runConcert(['deterrence', '--world', file('nuclear.json', nuclearWorld()), '--json']));
  });

  it.each([
    [
      '1e12 warheads per launcher (Invalid typed array length)',
      { slbm: { warheadsPerLauncher: 1e12 } },
      'SLBM.warheadsPerLauncher',
    ],
    ['1.3e9 interceptors (ran past a minute)', { defense: { interceptors: 1298911726 } }, 'ABM.interceptors'],
    ['a CEP of 8e-323 m (counter-military potential Infinity)', { slbm: { cepM: 8e-323 } }, 'SLBM.cepM'],
    ['a city of 4.4e-323 people (damage NaN)', { city: { population: 4.4e-323 } }, 'cities[0].population'],
  ])('%s is refused at its field', async (_, set, field) => {
    const world = file('bad-nuclear.json', nuclearWorld(set));
    expectLocated(await runConcert(['deterrence', '--world', world, '--json']), `${world}:`, field);
  });
});

describe('coalitions unsc --reform', () => {
  it("a seat named twice in a council file's groups names the file and line (it named neither)", async () => {
    const council = file(
      'council.json',
      JSON.stringify(
        {
          players: ['P1', 'E1', 'E2'],
          layers: [
            { weights: [1, 0, 0], quota: 1 },
            { weights: [1, 1, 1], quota: 2 },
          ],
          groups: { permanent: ['P1'], elected: ['E2', 'E2'] },
        },
        null,
        1,
      ),
    );
    expectLocated(
      await runConcert(['coalitions', 'unsc', '--reform', council, '--json']),
      `${council}:`,
      'groups.elected[1]',
    );
  });
});

describe('scenario', () => {
  const scenario = (lines: string[]) =>
    [
      'name: fuzz-scenario',
      'description: A scenario drawn by the fuzz suite (not a claim about the world).',
      ...lines,
      'couplings:',
      '  interaction: { roundsPerYear: 1 }',
      'ensemble: { runs: 4, seed: 1 }',
      '',
    ].join('\n');

  it('an event that is null (`- # …`) is located at its entry (internal error: reading "year" of null)', async () => {
    const path = file(
      'null-event.yaml',
      scenario([
        'actors: [RUS, FRA]',
        'years: 2017..2021',
        'events:',
        '  - { type: sanction, year: 2018, actor: RUS, target: FRA, severity: 0.3, duration: 2 }',
        '  - # type: sanction, year: 2018',
      ]),
    );
    expectLocated(await runConcert(['validate', path, '--json']), `${path}:`, 'events[1]');
  });

  it('a change-forces factor of 2e9 is refused at the factor (the engine allocated 2.4e11 launchers)', async () => {
    const path = file(
      'factor.yaml',
      scenario([
        'actors: [CHN, GBR]',
        'years: 2017..2021',
        'events:',
        '  - { type: change-forces, year: 2018, actor: CHN, factor: 2e9 }',
      ]),
    );
    expectLocated(
      await runConcert([
        'run',
        path,
        '--runs',
        '1',
        '--workers',
        '1',
        '--store',
        join(dir, 'runs.db'),
        '--json',
      ]),
      `${path}:`,
      'events[0].factor',
      'at most 100',
    );
  });

  it('factors that compound beyond 10,000 launchers of a system are refused at the event that crosses it', async () => {
    const path = file(
      'compound.yaml',
      scenario([
        'actors: [USA, RUS]',
        'years: 2017..2021',
        'events:',
        '  - { type: change-forces, year: 2018, actor: USA, factor: 10 }',
        '  - { type: change-forces, year: 2019, actor: USA, factor: 10 }',
      ]),
    );
    expectLocated(
      await runConcert(['validate', path, '--json']),
      `${path}:`,
      'events[1].factor',
      'at most 10000',
    );
  });

  it('a GDP override of 1e-308 US$ is refused (gains.giniShare was NaN)', async () => {
    const path = file(
      'gdp.yaml',
      scenario([
        'world: { default: 2016, overrides: { actors: { FRA: { gdpUsd: 1e-308 } } } }',
        'actors: [FRA, CHN]',
        'years: 2017..2020',
      ]),
    );
    expectLocated(
      await runConcert(['validate', path, '--json']),
      `${path}:`,
      'world.overrides.actors.FRA.gdpUsd',
      'expected 0 or at least 1 US$',
    );
  });
});

describe('YAML documents', () => {
  /** Runs `validate` on `text`, returning the run and the Node warnings emitted meanwhile. */
  async function validateText(
    name: string,
    text: string,
  ): Promise<{ path: string; run: CliRun; warnings: string[] }> {
    const path = file(name, text);
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(w.message);
    process.on('warning', onWarning);
    try {
      const run = await runConcert(['validate', path, '--json']);
      await new Promise((r) => setTimeout(r, 10));
      return { path, run, warnings };
    } finally {
      process.off('warning', onWarning);
    }
  }

  it('a list or mapping as a key is located, without a Node warning on stderr', async () => {
    const { path, run, warnings } = await validateText('key.yaml', 'name: x\n[a, b]: 1\nyears: 2017..2018\n');
    expectLocated(run, `${path}:2:1`, 'mapping key must be a plain value');
    expect(warnings).toEqual([]);
  });

  it('an alias of a list used as a key gives no Node warning either (the fuzz run printed one)', async () => {
    const { path, run, warnings } = await validateText('alias-key.yaml', 'a: &x [1]\n*x : 2\n');
    expectLocated(run, `${path}:1:1`, 'cannot tell what kind of file this is');
    expect(warnings).toEqual([]);
  });
});
