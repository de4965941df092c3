/**
 * The run store: `GET /api/runs`, `/api/runs/:id` and
 * `/api/runs/:id/export?format=csv|json` — the documents of
 * `concert runs list | show | export` (reports/scenario).
 */
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { z } from 'zod';
import { ConcertError, isConcertError } from '../../core/errors.js';
import {
  RunsListSchema,
  runsListDocument,
  StoredEnsembleSchema,
  storedEnsembleDocument,
} from '../../reports/index.js';
import { ensembleCsvChunks, ensembleJsonChunks } from '../../runtime/export.js';
import type { EnsembleRecord, RunStore } from '../../runtime/store.js';
import { summarizeStored } from '../../scenario/summary.js';
import type { ServerContext } from '../context.js';
import { errorBody } from '../errors.js';
import { errorResponses } from '../schemas.js';
import { type Api, json } from '../types.js';

/** Registers the run-store routes. */
export function runRoutes(app: Api, ctx: ServerContext): void {
  app.get(
    '/api/runs',
    {
      schema: {
        summary: 'Ensembles in the run store, newest first (concert runs list --json)',
        tags: ['runs'],
        response: {
          200: RunsListSchema,
          ...errorResponses,
        },
      },
    },
    async () => {
      const store = ctx.runStore();
      // The store's file name only: a response never reveals the server's folders.
      return json(runsListDocument(basename(store.path), store.listEnsembles()));
    },
  );

  app.get(
    '/api/runs/:id',
    {
      schema: {
        summary: 'One ensemble and its indicator bands over the stored runs (concert runs show --json)',
        tags: ['runs'],
        params: z.object({
          id: z.string().max(64).describe('ensemble id or a prefix of at least 6 hex digits'),
        }),
        response: {
          200: StoredEnsembleSchema,
          ...errorResponses,
        },
      },
    },
    async (req, reply) => {
      const store = ctx.runStore();
      const e = findEnsemble(store, req.params.id);
      if (!e) return reply.code(404).send(unknownEnsemble(req.params.id));
      if (e.storedRuns === 0)
        throw new ConcertError('bad-input', [
          { path: ['params', 'id'], message: `ensemble ${req.params.id} has no stored runs yet` },
        ]);
      // An interrupted ensemble may hold any subset of its run indices: summarise the runs it holds.
      return json(storedEnsembleDocument(e, summarizeStored(store, e)));
    },
  );

  app.get(
    '/api/runs/:id/export',
    {
      schema: {
        summary: 'Every stored run of an ensemble as CSV (run,kind,name,year,value) or JSON',
        tags: ['runs'],
        params: z.object({ id: z.string().max(64) }),
        querystring: z.object({ format: z.enum(['csv', 'json']).default('csv') }),
      },
    },
    async (req, reply) => {
      const store = ctx.runStore();
      const e = findEnsemble(store, req.params.id);
      if (!e) return reply.code(404).send(unknownEnsemble(req.params.id));
      const csv = req.query.format === 'csv';
      reply
        .type(csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8')
        .header('content-disposition', `attachment; filename="${e.id.slice(0, 12)}.${req.query.format}"`);
      return reply.send(Readable.from(csv ? ensembleCsvChunks(store, e) : ensembleJsonChunks(store, e)));
    },
  );
}

/** The 404 body for an ensemble id the store does not hold. */
function unknownEnsemble(id: string) {
  return errorBody(`no ensemble ${id}`, [{ path: ['params', 'id'], message: 'unknown ensemble id' }]);
}

/** The ensemble an id (or prefix) names; undefined when none; bad input for malformed or ambiguous ids. */
function findEnsemble(store: RunStore, id: string): EnsembleRecord | undefined {
  try {
    return store.findEnsemble(id);
  } catch (e) {
    if (isConcertError(e) && /^no ensemble/.test(e.problems[0]?.message ?? '')) return undefined;
    if (isConcertError(e))
      throw new ConcertError(
        'bad-input',
        e.problems.map((p) => ({ path: ['params', 'id'], message: p.message })),
      );
    throw e;
  }
}
