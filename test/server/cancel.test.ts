/**
 * DELETE /api/jobs/:id on a real ensemble: the job ends `cancelled` long
 * before its runs are done, the store keeps the runs it finished (resumable),
 * and the queue is answered 429 when full.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer } from '../../src/server/index.js';

const SMALL = readFileSync(new URL('../scenario/fixtures/small.yaml', import.meta.url), 'utf8');
let app: FastifyInstance;

beforeAll(async () => {
  app = await buildServer({ storePath: ':memory:', webRoot: null, workers: 2, maxQueuedJobs: 1 });
});
afterAll(async () => {
  await app.close();
});

async function job(id: string) {
  return (await app.inject({ method: 'GET', url: `/api/jobs/${id}` })).json() as {
    status: string;
    progress: { done: number; total: number };
  };
}

describe('DELETE /api/jobs/:id', () => {
  it('cancels a queued job at once and a running ensemble after its chunks in flight; the queue cap answers 429', async () => {
    const start = async () =>
      app.inject({
        method: 'POST',
        url: '/api/scenarios/run',
        payload: { scenario: { text: SMALL }, runs: 100_000 },
      });
    const a = (await start()).json() as { id: string };
    const b = (await start()).json() as { id: string };
    const full = await start();
    expect(full.statusCode).toBe(429);
    expect(full.headers['retry-after']).toBe('30');
    expect(full.json().error.message).toMatch(/too many jobs/);

    const queued = await app.inject({ method: 'DELETE', url: `/api/jobs/${b.id}` });
    expect(queued.statusCode).toBe(200);
    expect(queued.json().status).toBe('cancelled');

    for (let i = 0; i < 200 && (await job(a.id)).progress.done === 0; i++)
      await new Promise((r) => setTimeout(r, 50));
    const del = await app.inject({ method: 'DELETE', url: `/api/jobs/${a.id}` });
    expect(del.statusCode).toBe(202);
    let view = await job(a.id);
    for (let i = 0; i < 200 && view.status !== 'cancelled'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      view = await job(a.id);
    }
    expect(view.status).toBe('cancelled');
    expect(view.progress.done).toBeLessThan(100_000);
    const runs = (await app.inject({ method: 'GET', url: '/api/runs' })).json() as {
      ensembles: { storedRuns: number; runs: number }[];
    };
    expect(runs.ensembles[0]?.storedRuns).toBeGreaterThan(0);
    expect(runs.ensembles[0]?.storedRuns).toBeLessThan(100_000);

    const again = await app.inject({ method: 'DELETE', url: `/api/jobs/${a.id}` });
    expect(again.statusCode).toBe(409);
  }, 120_000);
});
