/**
 * One report layer: for every CLI command with `--json` that has an API
 * route, the same input gives the same document, and that document passes
 * its report schema unchanged (the schemas are strict, so a field the schema
 * does not declare fails here and in the server's response serializer).
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import * as S from '../../src/reports/schemas/index.js';
import { buildServer } from '../../src/server/index.js';
import { runCli, runCliJson } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'concert-parity-'));
const store = join(dir, 'runs.db');
const SMALL = readFileSync(new URL('../scenario/fixtures/small.yaml', import.meta.url), 'utf8');
const SMALL_BASE = readFileSync(new URL('../scenario/fixtures/small-base.yaml', import.meta.url), 'utf8');
const PD = {
  title: 'Prisoner’s dilemma',
  players: ['USA', 'CHN'],
  strategies: [
    ['Cooperate', 'Defect'],
    ['Cooperate', 'Defect'],
  ],
  payoffs: [
    [
      [3, 3],
      [0, 5],
    ],
    [
      [5, 0],
      [1, 1],
    ],
  ],
};
const TOURNAMENT = {
  players: ['Tit For Tat', 'Defector', 'Grudger', 'Random'],
  turns: 30,
  repetitions: 2,
  seed: 7,
};
const COUNCIL = { players: ['A', 'B', 'C', 'D'], weights: [4, 3, 2, 1], quota: 6 };

let app: FastifyInstance;

beforeAll(async () => {
  writeFileSync(join(dir, 'pd.json'), JSON.stringify(PD));
  writeFileSync(join(dir, 'tournament.json'), JSON.stringify(TOURNAMENT));
  writeFileSync(join(dir, 'council.json'), JSON.stringify(COUNCIL));
  writeFileSync(join(dir, 'small.yaml'), SMALL);
  writeFileSync(join(dir, 'small-base.yaml'), SMALL_BASE);
  app = await buildServer({ storePath: store, webRoot: null, workers: 2 });
});

afterAll(async () => {
  await app.close();
});

async function api(url: string, body?: unknown): Promise<unknown> {
  const r = await app.inject(
    body === undefined ? { method: 'GET', url } : { method: 'POST', url, payload: body as object },
  );
  expect(r.statusCode, `${url}: ${r.body.slice(0, 300)}`).toBeLessThan(300);
  return r.json();
}

/** Posts a job and waits for its result. */
async function job(url: string, body: unknown): Promise<unknown> {
  const started = (await api(url, body)) as { id: string };
  for (;;) {
    const j = (await api(`/api/jobs/${started.id}`)) as { status: string; result?: unknown; error?: unknown };
    if (j.status === 'done') return j.result;
    if (j.status === 'failed') throw new Error(`job failed: ${JSON.stringify(j.error)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The CLI's document, checked against its schema: parsing it changes nothing. */
function cli(schema: z.ZodType, args: readonly string[]): unknown {
  const doc = runCliJson(args);
  expect(schema.parse(doc)).toEqual(doc);
  return doc;
}

describe('CLI --json and the API give the same document', () => {
  it('world ↔ GET /api/worlds/:year', async () => {
    expect(cli(S.WorldSummarySchema, ['world', '--year', '1990', '--top', '5'])).toEqual(
      await api('/api/worlds/1990?top=5'),
    );
  });

  it('powers ↔ GET /api/powers', async () => {
    const args = [
      '--year',
      '2000',
      '--index',
      'composite',
      '--weights',
      'military=2,economic=1',
      '--top',
      '12',
    ];
    const more = ['--threshold', '0.04', '--classes', '3', '--rule', 'both'];
    expect(cli(S.PowerRankingSchema, ['powers', ...args, ...more])).toEqual(
      await api(
        '/api/powers?year=2000&index=composite&weights=military%3D2%2Ceconomic%3D1&top=12&threshold=0.04&classes=3&rule=both',
      ),
    );
  });

  it('balance ↔ GET /api/balance (with the k-group partition and a pair placement)', async () => {
    const actors = 'USA,CHN,RUS,GBR,FRA,DEU,JPN,IND,PAK,IRN';
    const args = ['balance', '--year', '2010', '--actors', actors, '--groups', '3', '--pair', 'USA,RUS'];
    expect(cli(S.BalanceSchema, [...args, '--time-limit', '20', '--seed', '5'])).toEqual(
      await api(`/api/balance?year=2010&actors=${actors}&groups=3&pair=USA,RUS&timeLimit=20&seed=5`),
    );
  });

  it('balance --triangles ↔ GET /api/balance?triangles= (the listing, filtered and bounded)', async () => {
    const actors = 'USA,CHN,RUS,GBR,FRA,DEU,JPN,IND,PAK,IRN';
    const args = ['balance', '--year', '2010', '--actors', actors, '--triangles', 'unbalanced'];
    const more = ['--triangles-with', 'USA', '--triangle-limit', '4', '--time-limit', '20'];
    const doc = cli(S.BalanceSchema, [...args, ...more]);
    expect(doc).toEqual(
      await api(
        `/api/balance?year=2010&actors=${actors}&triangles=unbalanced&trianglesWith=USA&triangleLimit=4&timeLimit=20`,
      ),
    );
    expect((doc as { triangles: { limit: number } }).triangles.limit).toBe(4);
  });

  it('balance --heuristic ↔ GET /api/balance?method=heuristic (the whole world)', async () => {
    expect(cli(S.BalanceSchema, ['balance', '--heuristic', '--seed', '3'])).toEqual(
      await api('/api/balance?method=heuristic&seed=3'),
    );
  });

  it('balance whatif ↔ POST /api/balance/whatif', async () => {
    const actors = ['USA', 'CHN', 'RUS', 'GBR', 'FRA', 'DEU', 'JPN', 'IND'];
    const doc = cli(S.WhatIfSchema, [
      'balance',
      'whatif',
      '--set',
      'USA,RUS=0.6',
      '--actors',
      actors.join(','),
      '--time-limit',
      '20',
    ]);
    expect(doc).toEqual(
      await api('/api/balance/whatif', { actors, change: { a: 'USA', b: 'RUS', score: 0.6 }, timeLimit: 20 }),
    );
  });

  it('triangle ↔ GET /api/triangle', async () => {
    expect(cli(S.TriangleSchema, ['triangle', 'USA', 'CHN', 'RUS', '--year', '2005'])).toEqual(
      await api('/api/triangle?actors=USA,CHN,RUS&year=2005'),
    );
  });

  it('relations explain ↔ GET /api/relations/explain', async () => {
    expect(
      cli(S.RelationExplanationSchema, ['relations', 'explain', 'CHN', 'RUS', '--year', '2012']),
    ).toEqual(await api('/api/relations/explain?a=CHN&b=RUS&year=2012'));
  });

  it('deterrence --pair --set ↔ POST /api/deterrence (with the defense variants)', async () => {
    const doc = cli(S.DeterrenceSchema, [
      'deterrence',
      '--pair',
      'USA,CHN',
      '--posture',
      'day-to-day',
      '--set',
      'defenses.USA.GMD.interceptors=100',
    ]);
    expect(doc).toEqual(
      await api('/api/deterrence', {
        pair: ['USA', 'CHN'],
        posture: 'day-to-day',
        overrides: { 'defenses.USA.GMD.interceptors': 100 },
        variants: true,
      }),
    );
  });

  it('deterrence coverage ↔ GET /api/deterrence/coverage (with a sensor switched on)', async () => {
    expect(
      cli(S.CoverageSchema, [
        'deterrence',
        'coverage',
        'USA.GMD',
        '--attackers',
        'CHN,PRK',
        '--sensor',
        'USA.TPY-2-Korea=on',
      ]),
    ).toEqual(
      await api('/api/deterrence/coverage?defense=USA.GMD&attackers=CHN,PRK&sensors=USA.TPY-2-Korea%3Don'),
    );
  });

  it('deterrence parameters ↔ GET /api/deterrence/parameters', async () => {
    expect(cli(S.DeterrenceParametersSchema, ['deterrence', 'parameters', '--pair', 'USA,RUS'])).toEqual(
      await api('/api/deterrence/parameters?pair=USA,RUS'),
    );
  });

  it('games equilibria ↔ POST /api/games/equilibria', async () => {
    expect(
      cli(S.EquilibriaSchema, ['games', 'equilibria', join(dir, 'pd.json'), '--method', 'support']),
    ).toEqual(await api('/api/games/equilibria', { game: PD, method: 'support' }));
  });

  it('games classify ↔ POST /api/games/classify', async () => {
    expect(cli(S.ClassificationSchema, ['games', 'classify', join(dir, 'pd.json')])).toEqual(
      await api('/api/games/classify', { game: PD }),
    );
  });

  it('games match ↔ POST /api/games/match (the same default seed)', async () => {
    const body = { players: ['Tit For Tat', 'Random'], turns: 40, noise: 0.05 };
    expect(
      cli(S.MatchSchema, ['games', 'match', 'Tit For Tat', 'Random', '--turns', '40', '--noise', '0.05']),
    ).toEqual(await api('/api/games/match', body));
  });

  it('games tournament ↔ POST /api/games/tournament', async () => {
    expect(cli(S.TournamentSchema, ['games', 'tournament', join(dir, 'tournament.json')])).toEqual(
      await api('/api/games/tournament', TOURNAMENT),
    );
  });

  it('games match ↔ POST /api/games/match with strategies named with parameters', async () => {
    const players = ['GTFT: 0.2', 'Cycler DCDDC'];
    const doc = cli(S.MatchSchema, ['games', 'match', ...players, '--turns', '30', '--seed', '4']);
    expect(doc).toEqual(await api('/api/games/match', { players, turns: 30, seed: 4 }));
    expect((doc as { players: string[] }).players).toEqual(players);
  });

  it('games tournament ↔ POST /api/games/tournament with parameterised players (names and {name: values})', async () => {
    const spec = {
      players: [
        'Tit For Tat',
        'Random: 0.3',
        { Cycler: 'CCDD' },
        { 'First by Feld': { end_coop_prob: 0.25 } },
      ],
      turns: 20,
      repetitions: 2,
      seed: 3,
    };
    writeFileSync(join(dir, 'tournament-parameters.json'), JSON.stringify(spec));
    const doc = cli(S.TournamentSchema, ['games', 'tournament', join(dir, 'tournament-parameters.json')]);
    expect(doc).toEqual(await api('/api/games/tournament', spec));
    expect((doc as { payoffMatrix: { ids: string[] } }).payoffMatrix.ids).toEqual([
      'Tit For Tat',
      'Random: 0.3',
      'Cycler CCDD',
      'First by Feld: 1, 0.25, 200',
    ]);
  });

  it('games strategies ↔ GET /api/games/strategies', async () => {
    expect(cli(S.StrategiesSchema, ['games', 'strategies'])).toEqual(await api('/api/games/strategies'));
  });

  it('coalitions power ↔ POST /api/coalitions/power (a game file, and a GDP-weighted game)', async () => {
    expect(
      cli(S.CoalitionPowerSchema, ['coalitions', 'power', join(dir, 'council.json'), '--index', 'banzhaf']),
    ).toEqual(await api('/api/coalitions/power', { game: COUNCIL, index: 'banzhaf' }));
    const gdp = [
      'coalitions',
      'power',
      '--world',
      'default',
      '--actors',
      'USA,CHN,JPN,DEU,IND',
      '--coalitions',
    ];
    expect(cli(S.CoalitionPowerSchema, gdp)).toEqual(
      await api('/api/coalitions/power', {
        gdp: { year: 2016, actors: ['USA', 'CHN', 'JPN', 'DEU', 'IND'] },
        coalitions: true,
      }),
    );
  });

  it('coalitions unsc ↔ GET /api/coalitions/unsc', async () => {
    expect(cli(S.CouncilsSchema, ['coalitions', 'unsc'])).toEqual(await api('/api/coalitions/unsc'));
  });

  it('economy dependence ↔ GET /api/economy/dependence', async () => {
    const args = ['economy', 'dependence', '--year', '2010', '--states', 'USA,CHN,JPN,DEU'];
    expect(cli(S.EconomyDependenceSchema, args)).toEqual(
      await api('/api/economy/dependence?year=2010&states=USA,CHN,JPN,DEU'),
    );
  });

  it('economy gains ↔ GET /api/economy/gains (θ, Atkinson aversions, per-person inequality)', async () => {
    const args = ['economy', 'gains', '--year', '2014', '--theta', '4', '--atkinson', '0.5,2'];
    expect(cli(S.EconomyGainsSchema, [...args, '--inequality-of', 'per-capita'])).toEqual(
      await api('/api/economy/gains?year=2014&theta=4&atkinson=0.5,2&inequalityOf=per-capita'),
    );
  });

  it('economy gravity ↔ POST /api/economy/gravity (the default world’s trade)', async () => {
    expect(cli(S.EconomyGravitySchema, ['economy', 'gravity', '--year', '2014', '--method', 'ols'])).toEqual(
      await api('/api/economy/gravity', { year: 2014, method: 'ols' }),
    );
  });

  it('economy transition ↔ GET /api/economy/transition', async () => {
    const args = ['economy', 'transition', 'CHN', 'USA', '--measure', 'cinc', '--from', '1990'];
    expect(cli(S.EconomyTransitionSchema, args)).toEqual(
      await api('/api/economy/transition?actors=CHN,USA&measure=cinc&from=1990'),
    );
  });

  it('validate ↔ POST /api/scenarios/validate (a shipped scenario)', async () => {
    expect(cli(S.ValidationSchema, ['validate', 'scenarios/thaad-korea.yaml'])).toEqual(
      await api('/api/scenarios/validate', { id: 'thaad-korea' }),
    );
  });

  it('run ↔ POST /api/scenarios/run; runs list ↔ GET /api/runs; runs show ↔ GET /api/runs/:id', async () => {
    const doc = cli(S.EnsembleSchema, [
      'run',
      join(dir, 'small.yaml'),
      '--runs',
      '12',
      '--seed',
      '4',
      '--store',
      store,
    ]);
    expect(doc).toEqual(await job('/api/scenarios/run', { scenario: { text: SMALL }, runs: 12, seed: 4 }));
    // The CLI names the store as the user gave it; the API names only the file (no server paths in responses).
    const listed = cli(S.RunsListSchema, ['runs', 'list', '--store', store]) as { store: string };
    expect(listed.store).toBe(store);
    expect({ ...listed, store: basename(store) }).toEqual(await api('/api/runs'));
    const id = (doc as { ensemble: string }).ensemble;
    expect(cli(S.StoredEnsembleSchema, ['runs', 'show', id, '--store', store])).toEqual(
      await api(`/api/runs/${id}`),
    );
    const csv = runCli(['runs', 'export', id, '--store', store]);
    const exported = await app.inject({ method: 'GET', url: `/api/runs/${id}/export?format=csv` });
    expect(csv.stdout).toBe(exported.body);
  });

  it('bargain ↔ POST /api/bargain (a stochastic run with MarkovIncentive and PropCbc)', async () => {
    const problem = {
      title: 'Four actors, two issues',
      dimensions: ['trade', 'security'],
      actors: [
        { id: 'A', capability: 100, position: [20, 80], salience: [40, 50] },
        { id: 'B', capability: 60, position: [70, 30], salience: [60, 30] },
        { id: 'C', capability: 40, position: [50, 50], salience: [30, 30] },
        { id: 'D', capability: 30, position: [90, 10], salience: [20, 70] },
      ],
      options: { pceModel: 'MarkovIncentive', votingRule: 'PropCbc', stateTransitions: 'Stochastic' },
    };
    writeFileSync(join(dir, 'bargain.json'), JSON.stringify(problem));
    const args = ['bargain', join(dir, 'bargain.json'), '--turns', '12', '--seed', '3'];
    expect(cli(S.BargainingSchema, args)).toEqual(await api('/api/bargain', { problem, turns: 12, seed: 3 }));
  });

  it('compare ↔ POST /api/compare', async () => {
    const args = [
      'compare',
      join(dir, 'small-base.yaml'),
      join(dir, 'small.yaml'),
      '--runs',
      '10',
      '--seed',
      '2',
    ];
    expect(cli(S.ComparisonSchema, args)).toEqual(
      await job('/api/compare', { a: { text: SMALL_BASE }, b: { text: SMALL }, runs: 10, seed: 2 }),
    );
  });

  it('sensitivity ↔ POST /api/sensitivity (Sobol and Morris)', async () => {
    const sobol = [
      'sensitivity',
      join(dir, 'small.yaml'),
      '--n',
      '8',
      '--seed',
      '2',
      '--indicator',
      'stability.index,crises.count',
      '--store',
      store,
    ];
    expect(cli(S.SensitivitySchema, sobol)).toEqual(
      await job('/api/sensitivity', {
        scenario: { text: SMALL },
        n: 8,
        seed: 2,
        series: ['stability.index', 'crises.count'],
      }),
    );
    const morris = [
      'sensitivity',
      join(dir, 'small.yaml'),
      '--method',
      'morris',
      '--n',
      '4',
      '--year',
      '2019',
      '--store',
      store,
    ];
    expect(cli(S.SensitivitySchema, morris)).toEqual(
      await job('/api/sensitivity', { scenario: { text: SMALL }, method: 'morris', n: 4, year: 2019 }),
    );
  });
});
