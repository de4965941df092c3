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
