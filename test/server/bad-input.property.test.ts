/**
 * No request body, however malformed, crashes the server or gets anything but
 * the error contract: for arbitrary JSON sent to every POST route the answer
 * is a 2xx or a 4xx with `{error: {message, problems}}` — never a 5xx, never
 * a stack trace.
 */
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/index.js';

const ROUTES = [
  '/api/deterrence',
  '/api/balance/whatif',
  '/api/games/equilibria',
  '/api/games/classify',
  '/api/games/match',
  '/api/games/tournament',
  '/api/coalitions/power',
  '/api/scenarios/validate',
  '/api/scenarios/run',
  '/api/compare',
  '/api/sensitivity',
];

let app: FastifyInstance;

beforeAll(async () => {
  app = await buildServer({ storePath: ':memory:', webRoot: null, workers: 1 });
});

afterAll(async () => {
  await app.close();
});

/** Bodies that look like requests of the routes, with wrong types and values mixed in. */
const body = fc.oneof(
  fc.jsonValue(),
  fc.record(
    {
      pair: fc.oneof(fc.constant(['USA', 'RUS']), fc.array(fc.string(), { maxLength: 3 }), fc.jsonValue()),
      overrides: fc.dictionary(fc.string(), fc.oneof(fc.double(), fc.jsonValue())),
      game: fc.jsonValue(),
      players: fc.array(fc.oneof(fc.constant('Tit For Tat'), fc.string()), { maxLength: 4 }),
      turns: fc.oneof(fc.integer({ min: -5, max: 50 }), fc.double(), fc.string()),
      text: fc.oneof(fc.string(), fc.constant('name: x\nyears: 2017..2016\n')),
      change: fc.record({ a: fc.string(), b: fc.string(), score: fc.double() }),
    },
    { requiredKeys: [] },
  ),
);

describe('arbitrary request bodies', () => {
  it('always get a 2xx or a located 4xx, never a 5xx or a stack', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), body, async (url, payload) => {
        const r = await app.inject({
          method: 'POST',
          url,
          payload: JSON.stringify(payload),
          headers: { 'content-type': 'application/json' },
        });
        expect(r.statusCode).toBeLessThan(500);
        if (r.statusCode >= 400) {
          const e = r.json() as {
            error: { message: string; problems: { path: unknown[]; message: string }[] };
          };
          expect(typeof e.error.message).toBe('string');
          expect(Array.isArray(e.error.problems)).toBe(true);
          expect(r.body).not.toMatch(/\n\s+at |\.ts:\d+/);
        }
      }),
      { numRuns: 150, seed: 8 },
    );
  }, 120_000);

  it('answers arbitrary query strings and path parameters of GET routes with 2xx or 4xx', async () => {
    const value = fc.oneof(
      fc.string(),
      fc.constantFrom('2016', '1815', '-1', '1e3', 'USA,CHN,RUS', 'USA,,', 'composite', 'true', ''),
    );
    const query = fc.dictionary(
      fc.constantFrom(
        'year',
        'top',
        'index',
        'weights',
        'actors',
        'method',
        'weighted',
        'timeLimit',
        'pair',
        'format',
        'rule',
      ),
      value,
    );
    const route = fc.constantFrom(
      '/api/worlds/{x}',
      '/api/worlds/{x}/relations',
      '/api/powers',
      '/api/triangle',
      '/api/deterrence/parameters',
      '/api/jobs/{x}',
      '/api/runs/{x}',
    );
    await fc.assert(
      fc.asyncProperty(route, fc.string({ maxLength: 12 }), query, async (path, x, q) => {
        const url = `${path.replace('{x}', encodeURIComponent(x) || '2016')}?${new URLSearchParams(q)}`;
        const r = await app.inject({ method: 'GET', url });
        expect(r.statusCode).toBeLessThan(500);
        if (r.statusCode >= 400)
          expect(typeof (r.json() as { error: { message: string } }).error.message).toBe('string');
      }),
      { numRuns: 120, seed: 10 },
    );
  }, 120_000);

  it('answers non-JSON text in a JSON body with 400 naming the body', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...ROUTES), fc.string({ minLength: 1 }), async (url, text) => {
        fc.pre(!isJson(text));
        const r = await app.inject({
          method: 'POST',
          url,
          payload: text,
          headers: { 'content-type': 'application/json' },
        });
        expect(r.statusCode).toBe(400);
        expect((r.json() as { error: { problems: { path: unknown[] }[] } }).error.problems[0]?.path).toEqual([
          'body',
        ]);
      }),
      { numRuns: 60, seed: 9 },
    );
  });
});

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
