/** POST /api/sensitivity: a job whose result is the sensitivity document; bad requests are located 400s. */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/index.js';

const SMALL = readFileSync(new URL('../scenario/fixtures/small.yaml', import.meta.url), 'utf8');
let app: FastifyInstance;

beforeAll(async () => {
  app = await buildServer({ storePath: ':memory:', webRoot: null, workers: 1 });
});
afterAll(async () => {
  await app.close();
});

const post = (body: unknown) =>
  app.inject({
    method: 'POST',
    url: '/api/sensitivity',
    payload: body as object,
    headers: { 'content-type': 'application/json' },
  });

describe('POST /api/sensitivity', { timeout: 120_000 }, () => {
  it('starts a job whose result is the document of concert sensitivity --json', async () => {
    const r = await post({ scenario: { text: SMALL }, n: 4, series: ['stability.index'] });
    expect(r.statusCode).toBe(202);
    const { id, kind } = r.json() as { id: string; kind: string };
    expect(kind).toBe('sensitivity');
    let job: { status: string; result?: { runs: number; results: { sobol: unknown[] }[] } };
    do {
      await new Promise((res) => setTimeout(res, 50));
      job = (await app.inject({ method: 'GET', url: `/api/jobs/${id}` })).json();
    } while (job.status === 'queued' || job.status === 'running');
    expect(job.status).toBe('done');
    expect(job.result!.runs).toBe(4 * 4);
    expect(job.result!.results[0]!.sobol).toHaveLength(2);
  });

  it('locates bad requests: unknown series, a year outside the scenario, odd levels, too many runs, no uncertain block', async () => {
    const problem = async (body: unknown) => {
      const r = await post(body);
      expect(r.statusCode).toBe(400);
      return (r.json() as { error: { problems: { path: unknown[]; message: string }[] } }).error.problems[0]!;
    };
    expect(await problem({ scenario: { text: SMALL }, series: ['nope'] })).toMatchObject({
      path: ['body', 'series', 0],
    });
    expect(await problem({ scenario: { text: SMALL }, year: 2030 })).toMatchObject({
      path: ['body', 'year'],
      message: 'expected a year of the scenario, 2017–2021; got 2030',
    });
    expect(await problem({ scenario: { text: SMALL }, method: 'morris', levels: 5 })).toMatchObject({
      path: ['body', 'levels'],
    });
    expect((await problem({ scenario: { text: SMALL }, n: 1_000_000 })).path).toEqual(['body', 'n']);
    const plain = SMALL.replace(/uncertain:[\s\S]*?couplings:/, 'couplings:');
    expect((await problem({ scenario: { text: plain } })).message).toContain('no uncertain parameter');
  });
});
