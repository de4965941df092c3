/**
 * The HTTP API through `app.inject()` (no socket): every route, its JSON
 * shape (as the CLI's --json), and the error contract for bad requests —
 * malformed JSON, wrong types, unknown actors and years, oversized bodies,
 * unknown routes: always `{error: {message, problems}}`, never a stack.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/index.js';

const SMALL = readFileSync(new URL('../scenario/fixtures/small.yaml', import.meta.url), 'utf8');
const BAD = readFileSync(new URL('../scenario/fixtures/bad.yaml', import.meta.url), 'utf8');
const PD = {
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

let app: FastifyInstance;
let web: string;

type Body = {
  error?: {
    message: string;
    problems: { path: (string | number)[]; message: string; line?: number; column?: number }[];
  };
  [k: string]: unknown;
};

async function get(url: string) {
  const r = await app.inject({ method: 'GET', url });
  return { status: r.statusCode, body: r.json() as Body, headers: r.headers };
}

async function post(url: string, payload: unknown) {
  const r = await app.inject({ method: 'POST', url, payload: payload as object });
  return { status: r.statusCode, body: r.json() as Body };
}

/** Asserts the error contract: status, a message, problems with paths, and no stack trace. */
function expectError(r: { status: number; body: Body }, status: number, path?: (string | number)[]) {
  expect(r.status).toBe(status);
  expect(typeof r.body.error?.message).toBe('string');
  expect(JSON.stringify(r.body)).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);
  if (path) expect(r.body.error?.problems.map((p) => p.path)).toContainEqual(path);
}

beforeAll(async () => {
  web = mkdtempSync(join(tmpdir(), 'concert-web-'));
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Concert lab</title>');
  writeFileSync(join(web, 'app.js'), 'console.log(1)');
  app = await buildServer({ storePath: ':memory:', webRoot: web, workers: 1, bodyLimitBytes: 64 * 1024 });
});

afterAll(async () => {
  await app.close();
});

describe('worlds and powers', () => {
  it('lists the years of the default world', async () => {
    const r = await get('/api/worlds');
    expect(r.body).toEqual({ firstYear: 1816, lastYear: 2016, defaultYear: 2016 });
  });

  it('summarises a year with its actors (concert world --json)', async () => {
    const r = await get('/api/worlds/1962?top=3');
    expect(r.status).toBe(200);
    expect(r.body.year).toBe(1962);
    expect(r.body.cowMajors).toContain('USA');
    expect((r.body.strongestAlliances as unknown[]).length).toBeLessThanOrEqual(3);
    const actors = r.body.actors as { id: string; cowMajor: boolean }[];
    expect(actors.find((a) => a.id === 'RUS')?.cowMajor).toBe(true);
  });

  it('lists the relations among chosen actors', async () => {
    const r = await get('/api/worlds/2016/relations?actors=USA,GBR,FRA');
    const rel = r.body.relations as { a: string; b: string; score: number }[];
    expect(rel.length).toBeGreaterThan(0);
    for (const x of rel) expect(['USA', 'GBR', 'FRA']).toContain(x.a);
  });

  it('rejects an unknown year, a non-numeric year and an unknown actor', async () => {
    expectError(await get('/api/worlds/1700'), 400, ['params', 'year']);
    expectError(await get('/api/worlds/abc'), 400, ['params', 'year']);
    expectError(await get('/api/worlds/2016/relations?actors=USA,XYZ'), 400, ['querystring', 'actors', 1]);
  });

  it('ranks powers like concert powers --json, with top and composite weights', async () => {
    const r = await get('/api/powers?year=2016&top=5');
    expect(r.status).toBe(200);
    const actors = r.body.actors as { id: string; rank: number; share: number }[];
    expect(actors).toHaveLength(5);
    expect(actors.map((a) => a.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(
      actors
        .slice(0, 2)
        .map((a) => a.id)
        .sort(),
    ).toEqual(['CHN', 'USA']);
    const c = await get('/api/powers?index=composite&weights=military=1');
    expect(c.body.index).toBe('composite');
  });

  it('names the bad query field of powers', async () => {
    expectError(await get('/api/powers?index=cinc&weights=military=1'), 400, ['querystring', 'weights']);
    expectError(await get('/api/powers?index=composite&weights=army=1'), 400, ['querystring', 'weights']);
    expectError(await get('/api/powers?index=gdp'), 400, ['querystring', 'index']);
    expectError(await get('/api/powers?top=0'), 400, ['querystring', 'top']);
    expectError(await get('/api/powers?year=2017'), 400, ['querystring', 'year']);
  });
});

describe('relations', () => {
  it('reports structural balance of a sub-network (concert balance --json)', async () => {
    const r = await get('/api/balance?year=2016&actors=USA,GBR,FRA,RUS,CHN');
    expect(r.status).toBe(200);
    expect(r.body.nodes).toBe(5);
    const f = r.body.frustration as { exact: boolean; partition: string[][] };
    expect(f.exact).toBe(true);
    expect(f.partition.flat().sort()).toEqual(['CHN', 'FRA', 'GBR', 'RUS', 'USA']);
  });

  it('answers what-if changes of one relation', async () => {
    const r = await post('/api/balance/whatif', {
      actors: ['USA', 'GBR', 'FRA', 'RUS', 'CHN'],
      change: { a: 'USA', b: 'RUS', score: 0.6 },
    });
    expect(r.status).toBe(200);
    expect(r.body.change).toMatchObject({ a: 'USA', b: 'RUS', after: 0.6 });
    expectError(await post('/api/balance/whatif', { change: { a: 'USA', b: 'XYZ', score: 0.6 } }), 400, [
      'body',
      'change',
      'b',
    ]);
    expectError(await post('/api/balance/whatif', { change: { a: 'USA', b: 'RUS', score: 2 } }), 400, [
      'body',
      'change',
      'score',
    ]);
  });

  it('classifies a strategic triangle', async () => {
    const r = await get('/api/triangle?actors=USA,GBR,FRA&year=2016');
    expect(r.status).toBe(200);
    expect(r.body.configuration).toBe('menage-a-trois');
    expect(r.body.balanced).toBe(true);
    expectError(await get('/api/triangle?actors=USA,GBR'), 400, ['querystring', 'actors']);
    expectError(await get('/api/triangle?actors=USA,GBR,QQQ'), 400, ['querystring', 'actors', 2]);
  });
});

describe('deterrence', () => {
  it('computes both strike orders and first-strike stability', async () => {
    const r = await post('/api/deterrence', { pair: ['USA', 'RUS'] });
    expect(r.status).toBe(200);
    const pairs = r.body.pairs as { attacker: string; defender: string; survivingWarheads: number }[];
    expect(pairs.map((p) => [p.attacker, p.defender])).toEqual([
      ['USA', 'RUS'],
      ['RUS', 'USA'],
    ]);
    const [d] = r.body.dyads as { firstStrikeStability: number; ratioA: number; ratioB: number }[];
    expect(d!.firstStrikeStability).toBeCloseTo(d!.ratioA * d!.ratioB, 12);
  });

  it('applies overrides: more US interceptors change the outcome', async () => {
    const base = await post('/api/deterrence', { pair: ['USA', 'CHN'] });
    const more = await post('/api/deterrence', {
      pair: ['USA', 'CHN'],
      overrides: { 'defenses.USA.GMD.interceptors': 1000 },
      variants: true,
    });
    expect(more.status).toBe(200);
    const delivered = (b: Body) =>
      (b.pairs as { retaliatoryWarheadsDelivered: number }[])[0]!.retaliatoryWarheadsDelivered;
    expect(delivered(more.body)).toBeLessThan(delivered(base.body));
    const first = (
      more.body.pairs as { variants?: { withoutDefenses: { retaliatoryWarheadsDelivered: number } } }[]
    )[0]!;
    expect(first.variants?.withoutDefenses.retaliatoryWarheadsDelivered).toBeGreaterThanOrEqual(
      delivered(more.body),
    );
  });

  it('lists the parameters a slider may move', async () => {
    const r = await get('/api/deterrence/parameters?pair=USA,CHN');
    const params = r.body.parameters as { path: string; value: number }[];
    expect(params.some((p) => p.path === 'defenses.USA.GMD.interceptors')).toBe(true);
    expectError(await get('/api/deterrence/parameters?pair=USA,DEU'), 400, ['querystring', 'pair', 1]);
  });

  it('reports every bad override and unarmed actor at once', async () => {
    const r = await post('/api/deterrence', {
      pair: ['USA', 'RUS'],
      overrides: { 'defenses.USA.GMD.interceptors': -5, 'forces.USA.Nope.launchers': 3 },
    });
    expectError(r, 400, ['body', 'overrides', 'defenses.USA.GMD.interceptors']);
    expect(r.body.error?.problems).toHaveLength(2);
    expectError(await post('/api/deterrence', { pair: ['USA', 'DEU'] }), 400, ['body', 'pair', 1]);
    expectError(await post('/api/deterrence', { pair: ['USA', 'USA'] }), 400, ['body', 'pair', 1]);
    expectError(await post('/api/deterrence', { pair: 'USA,RUS' }), 400, ['body', 'pair']);
    expectError(await post('/api/deterrence', { pair: ['USA', 'RUS'], posture: 'high' }), 400, [
      'body',
      'posture',
    ]);
  });
});

describe('games', () => {
  it('finds the equilibria and class of a prisoner’s dilemma', async () => {
    const eq = await post('/api/games/equilibria', { game: PD });
    expect(eq.status).toBe(200);
    const list = eq.body.equilibria as { strategies: number[][]; payoffs: number[] }[];
    expect(list).toHaveLength(1);
    expect(list[0]!.strategies).toEqual([
      [0, 1],
      [0, 1],
    ]);
    const c = await post('/api/games/classify', { game: PD });
    expect(c.body.verdict).toBe('dilemma');
  });

  it('locates problems in a game body', async () => {
    const bad = { ...PD, strategies: [['Cooperate', 'Defect']] };
    expectError(await post('/api/games/equilibria', { game: bad }), 400, ['body', 'game', 'strategies']);
    expectError(await post('/api/games/equilibria', { game: { ...PD, players: 'USA' } }), 400, [
      'body',
      'game',
      'players',
    ]);
    expectError(await post('/api/games/equilibria', { game: PD, method: 'magic' }), 400, ['body', 'method']);
    const three = {
      players: ['A', 'B', 'C'],
      strategies: [['x'], ['x'], ['x']],
      payoffs: [[[[1, 1, 1]]]],
    };
    // Found on a worker thread: bad input still comes back as a located 400.
    const r = await post('/api/games/equilibria', { game: three, method: 'vertex' });
    expectError(r, 400, ['body', 'method']);
    expect(r.body.error?.message).toMatch(/two-player/);
  });

  it('plays a match and a tournament', async () => {
    const m = await post('/api/games/match', { players: ['Tit For Tat', 'Defector'], turns: 5 });
    expect(m.body.actions).toEqual(['CD', 'DD', 'DD', 'DD', 'DD']);
    expect(m.body.scores).toEqual([4, 9]);
    const t = await post('/api/games/tournament', {
      players: ['Tit For Tat', 'Defector', 'Cooperator'],
      turns: 20,
      repetitions: 2,
    });
    expect(t.status).toBe(200);
    const players = t.body.players as { id: string; rank: number }[];
    expect(players.map((p) => p.rank).sort()).toEqual([1, 2, 3]);
    const s = await get('/api/games/strategies');
    expect((s.body.strategies as { name: string }[]).some((x) => x.name === 'Tit For Tat')).toBe(true);
  });

  it('names unknown strategies', async () => {
    expectError(await post('/api/games/match', { players: ['Tit For Tat', 'Titt'] }), 400, [
      'body',
      'players',
      1,
    ]);
    expectError(await post('/api/games/tournament', { players: ['Tit For Tat', 'Nobody'] }), 400, [
      'body',
      'players',
      1,
    ]);
  });
});

describe('coalitions', () => {
  it('computes Security Council voting power', async () => {
    const r = await get('/api/coalitions/unsc');
    const councils = r.body.councils as { id: string }[];
    expect(councils[0]!.id).toBe('current');
    expect(councils.length).toBeGreaterThan(1);
  });

  it('computes power indices of a weighted game exactly', async () => {
    const r = await post('/api/coalitions/power', { game: { weights: [3, 2, 1], quota: 4 } });
    expect(r.body.values).toEqual([
      { player: 'P1', value: 2 / 3, exact: '2/3' },
      { player: 'P2', value: 1 / 6, exact: '1/6' },
      { player: 'P3', value: 1 / 6, exact: '1/6' },
    ]);
    expect(r.body.vetoPlayers).toEqual(['P1']);
  });

  it('rejects a game with no form and unknown GDP actors', async () => {
    expectError(await post('/api/coalitions/power', {}), 400, ['body', 'game']);
    expectError(await post('/api/coalitions/power', { gdp: { actors: ['USA', 'XYZ'] } }), 400, [
      'body',
      'gdp',
      'actors',
      1,
    ]);
  });
});

describe('scenarios, jobs and runs', () => {
  it('lists the shipped scenarios with their text', async () => {
    const r = await get('/api/scenarios');
    const list = r.body.scenarios as { id: string; text: string }[];
    for (const s of list) expect(s.text).toContain(`name: ${s.id}`);
  });

  it('validates a scenario: valid, and every problem located', async () => {
    const ok = await post('/api/scenarios/validate', { text: SMALL });
    expect(ok.body.valid).toBe(true);
    expect(ok.body.scenario).toMatchObject({ name: 'small', actors: ['USA', 'RUS', 'CHN'] });
    const bad = await post('/api/scenarios/validate', { text: BAD });
    expect(bad.status).toBe(200);
    expect(bad.body.valid).toBe(false);
    const problems = bad.body.problems as { line?: number; column?: number; path: (string | number)[] }[];
    expect(problems.length).toBeGreaterThan(3);
    for (const p of problems) expect(p.line).toBeGreaterThan(0);
    expect(problems.some((p) => p.line === 14 && p.path.join('.') === 'ensemble.runs')).toBe(true);
    const broken = await post('/api/scenarios/validate', { text: 'name: [unclosed' });
    expect(broken.body.valid).toBe(false);
  });

  it('refuses world files and unknown shipped scenarios', async () => {
    const r = await post('/api/scenarios/validate', {
      text: SMALL.replace('actors: [USA', 'world: { file: /etc/passwd }\nactors: [USA'),
    });
    expect(r.body.valid).toBe(false);
    expect((r.body.problems as { path: string[] }[])[0]!.path).toEqual(['world', 'file']);
    expectError(await post('/api/scenarios/validate', { id: 'no-such-scenario' }), 400, ['body', 'id']);
  });

  it('runs an ensemble as a job with progress events, then lists, shows and exports it', async () => {
    const start = await post('/api/scenarios/run', { scenario: { text: SMALL }, runs: 6, seed: 3 });
    expect(start.status).toBe(202);
    const id = start.body.id as string;
    const events = await app.inject({ method: 'GET', url: `/api/jobs/${id}/events` });
    expect(events.headers['content-type']).toMatch(/text\/event-stream/);
    expect(events.body).toMatch(/event: end\ndata: /);
    const end = /event: end\ndata: (.*)\n/.exec(events.body);
    expect(JSON.parse(end![1]!)).toMatchObject({ id, status: 'done', progress: { done: 6, total: 6 } });
    const job = await get(`/api/jobs/${id}`);
    expect(job.body.status).toBe('done');
    const result = job.body.result as {
      scenario: string;
      runs: number;
      ensemble: string;
      indicators: object;
    };
    expect(result).toMatchObject({ scenario: 'small', runs: 6, seed: 3 });
    expect(Object.keys(result.indicators)).toContain('stability.index');

    const list = await get('/api/runs');
    expect((list.body.ensembles as { id: string }[]).map((e) => e.id)).toContain(result.ensemble);
    const show = await get(`/api/runs/${result.ensemble.slice(0, 10)}`);
    expect(show.body.runs).toBe(6);
    const csv = await app.inject({ method: 'GET', url: `/api/runs/${result.ensemble}/export?format=csv` });
    expect(csv.body.split('\n')[0]).toBe('run,kind,name,year,value');
    const json = await app.inject({ method: 'GET', url: `/api/runs/${result.ensemble}/export?format=json` });
    expect((JSON.parse(json.body) as { runs: unknown[] }).runs).toHaveLength(6);
  });

  it('rejects a bad scenario run and unknown jobs and runs', async () => {
    const r = await post('/api/scenarios/run', { scenario: { text: BAD } });
    expectError(r, 400);
    expect(r.body.error?.problems.every((p) => p.path[0] === 'body' && p.line !== undefined)).toBe(true);
    expectError(await post('/api/scenarios/run', { scenario: { text: SMALL }, runs: 0 }), 400, [
      'body',
      'runs',
    ]);
    expectError(await get('/api/jobs/nope'), 400, ['params', 'id']);
    expectError(await get('/api/jobs/nope/events'), 400, ['params', 'id']);
    expectError(await get('/api/jobs/00000000-0000-4000-8000-000000000000'), 404);
    expectError(await get('/api/jobs/00000000-0000-4000-8000-000000000000/events'), 404);
    expectError(await get('/api/runs/abcdef0123'), 404);
    expectError(await get('/api/runs/xyz'), 400, ['params', 'id']);
  });

  it('compares two scenarios as a job', async () => {
    const b = SMALL.replace('name: small', 'name: small-b').replace('interceptors: 20', 'interceptors: 200');
    const start = await post('/api/compare', {
      a: { text: SMALL },
      b: { text: b },
      runs: 4,
      attribution: false,
    });
    expect(start.status).toBe(202);
    await app.inject({ method: 'GET', url: `/api/jobs/${start.body.id as string}/events` });
    const job = await get(`/api/jobs/${start.body.id as string}`);
    expect(job.body.status).toBe('done');
    expect(job.body.result).toMatchObject({ scenario: { a: 'small', b: 'small-b' }, runs: 4 });
  });
});

describe('the error contract and the web app', () => {
  it('answers malformed JSON, wrong types, unknown fields and oversized bodies with JSON errors', async () => {
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/deterrence',
      payload: '{"pair": [',
      headers: { 'content-type': 'application/json' },
    });
    expectError({ status: malformed.statusCode, body: malformed.json() }, 400, ['body']);
    expectError(await post('/api/games/match', { players: ['Tit For Tat', 'Grudger'], turns: 'ten' }), 400, [
      'body',
      'turns',
    ]);
    expectError(await post('/api/deterrence', { pair: ['USA', 'RUS'], extra: 1 }), 400);
    const big = await app.inject({
      method: 'POST',
      url: '/api/scenarios/validate',
      payload: { text: 'x'.repeat(100 * 1024) },
    });
    expectError({ status: big.statusCode, body: big.json() }, 413);
    expect((big.json() as Body).error?.message).toMatch(/65536 bytes/);
  });

  it('answers unknown API routes with 404 JSON and serves the web app with an SPA fallback', async () => {
    expectError(await get('/api/nothing'), 404, ['url']);
    const page = await app.inject({ method: 'GET', url: '/deterrence/USA-RUS' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Concert lab');
    const asset = await app.inject({ method: 'GET', url: '/app.js' });
    expect(asset.body).toBe('console.log(1)');
    expect((await app.inject({ method: 'GET', url: '/missing.js' })).statusCode).toBe(404);
  });

  it('publishes an OpenAPI document of every route', async () => {
    const r = await get('/api/openapi.json');
    const paths = Object.keys(r.body.paths as object);
    for (const p of [
      '/api/powers',
      '/api/deterrence',
      '/api/games/tournament',
      '/api/scenarios/run',
      '/api/jobs/{id}/events',
    ])
      expect(paths).toContain(p);
    expect(r.body.openapi).toBe('3.0.3');
  });
});
