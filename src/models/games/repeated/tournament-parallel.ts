/**
 * Tournaments on a worker pool. Matches are cut into contiguous chunks of
 * match indices; each chunk is played by {@link playTournamentChunk} on some
 * worker, and since every match draws from its own (seed, index) stream the
 * result is identical for any number of workers — including none.
 */
import { moduleUrl, runChunked, WorkerPool } from '../../../runtime/pool.js';
import {
  FIELDS_PER_MATCH,
  playTournamentMatches,
  summariseTournament,
  type TournamentResult,
  type TournamentSpec,
  tournamentMatchCount,
} from './tournament.js';

export interface TournamentRunOptions {
  /** Worker threads; 1 (default) plays in this thread. Ignored when `pool` is given. */
  readonly workers?: number;
  /** An existing pool to use (not closed afterwards). */
  readonly pool?: WorkerPool;
  /** Called as matches complete: (matches done, matches in total). */
  readonly onProgress?: (done: number, total: number) => void;
}

const TASK_MODULE = moduleUrl(import.meta.url, './tournament');

/**
 * Plays a tournament, on `workers` threads or a given pool. Same spec, same
 * result, whatever the number of workers.
 */
export async function runTournament(
  spec: TournamentSpec,
  options: TournamentRunOptions = {},
): Promise<TournamentResult> {
  const total = tournamentMatchCount(spec);
  const workers = options.workers ?? 1;
  if (!options.pool && workers <= 1) {
    const block = new Float64Array(total * FIELDS_PER_MATCH);
    const step = Math.max(1, Math.ceil(total / 100));
    for (let start = 0; start < total; start += step) {
      const end = Math.min(total, start + step);
      block.set(playTournamentMatches(spec, start, end), start * FIELDS_PER_MATCH);
      options.onProgress?.(end, total);
    }
    return summariseTournament(spec, block);
  }
  const pool = options.pool ?? WorkerPool.create(workers);
  try {
    const parts = await runChunked<{ spec: TournamentSpec; start: number; end: number }, Float64Array>(
      pool,
      TASK_MODULE,
      'playTournamentChunk',
      total,
      (start, end) => ({ spec, start, end }),
      { onChunk: options.onProgress },
    );
    const block = new Float64Array(total * FIELDS_PER_MATCH);
    let offset = 0;
    for (const part of parts) {
      block.set(part, offset);
      offset += part.length;
    }
    return summariseTournament(spec, block);
  } finally {
    if (!options.pool) await pool.close();
  }
}
