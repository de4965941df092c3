/**
 * Issue 23 and the HTTP bullets of issue 21: requests a hostile client may
 * send. Each is answered 4xx with one located message (or is refused before
 * it can take memory or time), and after each the server still answers a
 * small GET promptly.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/index.js';
import { runCli } from '../helpers/cli.js';

type Body = {
  error?: { message: string; problems: { path: (string | number)[]; message: string }[] };
  [k: string]: unknown;
};

let app: FastifyInstance;

beforeAll(async () => {
  app = await buildServer({ storePath: ':memory:', webRoot: null, workers: 2 });
});
afterAll(async () => {
  await app.close();
});

async function post(url: string, payload: unknown) {
  const r = await app.inject({ method: 'POST', url, payload: payload as object });
  return { status: r.statusCode, body: r.json() as Body, headers: r.headers };
}

/** The server answers GET /api/worlds within `ms`. */
async function expectResponsive(ms = 1000) {
  const t0 = performance.now();
  const r = await app.inject({ method: 'GET', url: '/api/worlds' });
  expect(r.statusCode).toBe(200);
  expect(performance.now() - t0).toBeLessThan(ms);
}

describe('deterrence overrides are bounded before any allocation', () => {
  it('refuses 1e9 interceptors with a located 400 (was: heap out of memory)', async () => {
    const r = await post('/api/deterrence', {
      pair: ['USA', 'CHN'],
      overrides: { 'defenses.USA.GMD.interceptors': 1e9 },
    });
    expect(r.status).toBe(400);
    expect(r.body.error?.problems).toEqual([
      {
        path: ['body', 'overrides', 'defenses.USA.GMD.interceptors'],
        message: expect.stringMatching(/^expected at most 10000 /),
      },
    ]);
    expect(r.body.error?.message).toMatch(
      /^body\.overrides\.defenses\.USA\.GMD\.interceptors: expected at most 10000 /,
    );
    await expectResponsive();
  });

  it('refuses 1e12 interceptors and absurd launchers and warheads (was: HTTP 500)', async () => {
    const r = await post('/api/deterrence', {
      pair: ['USA', 'RUS'],
      overrides: {
        'defenses.USA.GMD.interceptors': 1e12,
        'forces.RUS.SS-18.launchers': 1e7,
        'forces.RUS.SS-18.warheadsPerLauncher': 1e6,
      },
    });
    expect(r.status).toBe(400);
    expect(r.body.error?.problems.map((p) => p.path.at(-1))).toEqual([
      'defenses.USA.GMD.interceptors',
      'forces.RUS.SS-18.launchers',
      'forces.RUS.SS-18.warheadsPerLauncher',
    ]);
    for (const p of r.body.error?.problems ?? []) expect(p.message).toMatch(/^expected at most \d+ /);
  });

  it('still answers the largest allowed value promptly', async () => {
    const t0 = performance.now();
    const r = await post('/api/deterrence', {
      pair: ['USA', 'CHN'],
      overrides: { 'defenses.USA.GMD.interceptors': 10_000 },
    });
    expect(r.status).toBe(200);
    expect(performance.now() - t0).toBeLessThan(5000);
  });
});

describe('the same bound reaches the CLI', () => {
  it('concert deterrence --set refuses 1e9 interceptors at the flag', () => {
    const r = runCli(['deterrence', '--pair', 'USA,CHN', '--set', 'defenses.USA.GMD.interceptors=1e9']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--set.*defenses\.USA\.GMD\.interceptors.*expected at most 10000/);
  });

  it('concert deterrence sweep refuses a swept value beyond the bound', () => {
    const r = runCli([
      'deterrence',
      'sweep',
      '--pair',
      'USA,CHN',
      '--param',
      'defenses.USA.GMD.interceptors',
      '--from',
      '0',
      '--to',
      '1e9',
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--to.*expected at most 10000/);
  });
});

/** A scenario text of about `keys` mapping keys (a large `parameters`-like block in the description). */
function bigScenario(keys: number): string {
  const lines = ['name: big', 'years: 2017..2018', 'description: big', 'extra:'];
  for (let i = 0; i < keys; i++) lines.push(`  key${i}: ${i}`);
  return `${lines.join('\n')}\n`;
}

describe('heavy work does not hold the event loop', () => {
  it('a large scenario to validate is checked off the main thread: GET /api/worlds answers meanwhile', async () => {
    const text = bigScenario(20_000);
    const validating = post('/api/scenarios/validate', { text });
    await new Promise((r) => setTimeout(r, 50));
    await expectResponsive(500);
    const r = await validating;
    expect(r.status).toBe(200);
    expect(r.body.valid).toBe(false);
  }, 120_000);

  it('refuses vertex and support enumeration of random 64×64 games at once; a 2×2 classify answers meanwhile', async () => {
    const n = 64;
    const strategies = [0, 1].map((p) => Array.from({ length: n }, (_, i) => `s${p}${i}`));
    const payoffs = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => [
        ((i * 7919 + j * 104729) % 97) - 48,
        ((i * 31 + j * 17) % 89) - 44,
      ]),
    );
    const game = { players: ['A', 'B'], strategies, payoffs };
    const t0 = performance.now();
    const [vertex, support, classify] = await Promise.all([
      post('/api/games/equilibria', { game, method: 'vertex' }),
      post('/api/games/equilibria', { game, method: 'support' }),
      post('/api/games/classify', {
        game: {
          players: ['A', 'B'],
          strategies: [
            ['C', 'D'],
            ['C', 'D'],
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
        },
      }),
    ]);
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(vertex.status).toBe(400);
    expect(vertex.body.error?.problems[0]?.path).toEqual(['body', 'method']);
    expect(vertex.body.error?.message).toMatch(
      /method vertex on a game of 64×64 strategies .* at most 3000000/,
    );
    expect(support.status).toBe(400);
    expect(classify.status).toBe(200);
    await expectResponsive();
  }, 60_000);

  it('stops a computation past the time limit with a 422, and answers the next request', async () => {
    const timed = await buildServer({ storePath: ':memory:', webRoot: null, workers: 2, taskTimeoutMs: 300 });
    try {
      const n = 12;
      let seed = 7;
      const r = () => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return Math.floor((seed / 2147483648) * 100);
      };
      const strategies = [0, 1].map((p) => Array.from({ length: n }, (_, i) => `s${p}${i}`));
      const payoffs = Array.from({ length: n }, () => Array.from({ length: n }, () => [r(), r()]));
      const res = await timed.inject({
        method: 'POST',
        url: '/api/games/equilibria',
        payload: { game: { players: ['A', 'B'], strategies, payoffs }, method: 'vertex' },
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.message).toMatch(/longer than the server's limit of 0.3 s/);
      const next = await timed.inject({ method: 'GET', url: '/api/worlds' });
      expect(next.statusCode).toBe(200);
    } finally {
      await timed.close();
    }
  }, 60_000);
});

describe('API hygiene (issue 21)', () => {
  it('answers blank scenario text with a located problem, never 500: validate 200 (valid false), run 400 at body.scenario.text', async () => {
    for (const text of ['', '   \n\t']) {
      const r = await post('/api/scenarios/validate', { text });
      expect(r.status).toBe(200);
      expect(r.body).toMatchObject({ valid: false, problems: [{ line: 1, column: 1 }] });
      expect(JSON.stringify(r.body.problems)).toMatch(/empty/);
    }
    const run = await post('/api/scenarios/run', { scenario: { text: ' ' } });
    expect(run.status).toBe(400);
    expect(run.body.error?.problems[0]?.path).toEqual(['body', 'scenario', 'text']);
  });

  it('never puts an absolute path in GET /api/runs', async () => {
    const r = await app.inject({ method: 'GET', url: '/api/runs' });
    expect(r.statusCode).toBe(200);
    expect(r.body).not.toMatch(/"\/(tmp|home|root|work|Users)\b/);
  });

  it('refuses path traversal in ids without reading outside the store', async () => {
    for (const url of [
      '/api/jobs/..%2F..%2Fetc%2Fpasswd',
      '/api/jobs/%2e%2e',
      '/api/runs/..%2F..%2Fetc%2Fpasswd',
      '/api/runs/%2e%2e%2f%2e%2e',
      '/api/jobs/..%2F..%2Fetc%2Fpasswd/events',
    ]) {
      const r = await app.inject({ method: 'GET', url });
      expect([400, 404]).toContain(r.statusCode);
      expect(r.body).not.toMatch(/root:x:0/);
    }
    const del = await app.inject({ method: 'DELETE', url: '/api/jobs/..%2F..%2Fetc%2Fpasswd' });
    expect(del.statusCode).toBe(400);
    const s = await post('/api/scenarios/validate', { id: '../../etc/passwd' });
    expect(s.status).toBe(400);
    expect(s.body.error?.problems[0]?.path).toEqual(['body', 'id']);
  });

  it('sets security headers on every response', async () => {
    for (const url of ['/api/worlds', '/api/nope']) {
      const r = await app.inject({ method: 'GET', url });
      expect(r.headers['x-content-type-options']).toBe('nosniff');
      expect(r.headers['x-frame-options']).toBe('DENY');
      expect(r.headers['content-security-policy']).toMatch(/frame-ancestors 'none'/);
    }
  });

  it('answers only loopback Host names (DNS rebinding)', async () => {
    const bad = await app.inject({
      method: 'GET',
      url: '/api/worlds',
      headers: { host: 'attacker.example' },
    });
    expect(bad.statusCode).toBe(421);
    expect(bad.json().error.problems[0].path).toEqual(['headers', 'host']);
    for (const host of ['127.0.0.1:4173', 'localhost', '[::1]:80']) {
      const ok = await app.inject({ method: 'GET', url: '/api/worlds', headers: { host } });
      expect(ok.statusCode).toBe(200);
    }
  });

  it('refuses a comparison beyond the work budget (was: a day-long job)', async () => {
    const r = await post('/api/compare', {
      a: { id: 'baseline-2017' },
      b: { id: 'thaad-korea' },
      runs: 100_000,
    });
    expect(r.status).toBe(400);
    expect(r.body.error?.problems[0]?.path).toEqual(['body', 'runs']);
    expect(r.body.error?.message).toMatch(/at most 100000/);
  });
});

describe('YAML alias expansion is refused (core/document limits)', () => {
  it('a scenario with 1,500 aliases of a 100 KB string is refused at once, located, and the server stays responsive', async () => {
    const big = 'x'.repeat(100_000);
    const notes = Array.from({ length: 1500 }, (_, i) => `  - { year: 2017, type: note${i}, note: *a }`).join(
      '\n',
    );
    const text = `name: bomb\ndescription: &a "${big}"\nyears: 2017..2018\nevents:\n${notes}\n`;
    const t0 = performance.now();
    const run = await post('/api/scenarios/run', { scenario: { text } });
    expect(performance.now() - t0).toBeLessThan(10_000);
    expect(run.status).toBe(400);
    expect(JSON.stringify(run.body.error)).toMatch(/alias/i);
    await expectResponsive();
  }, 60_000);
});
