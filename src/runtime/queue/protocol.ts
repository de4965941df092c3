/**
 * What coordinators and workers exchange through Redis (docs/scale-out.md).
 *
 * - The **ensemble record**, one Redis string per ensemble
 *   (`concert:ensemble:<id>`): the engine version, the parts' name, the seed
 *   and the scenario's definition (its JSON) — everything a worker on
 *   another machine needs to rebuild the scenario, and to check, by
 *   recomputing the ensemble id (a SHA-256 of the four), that it is the
 *   ensemble it was asked for and that its own engine computes it.
 * - **Chunk jobs** on the BullMQ queue `chunks`: chunk `c` of an ensemble is
 *   runs `[50c, 50c + 50)` (cut at the ensemble's run count), with the job id
 *   `<ensemble id>-c<c>`, so submitting a chunk twice is a no-op.
 * - **Result jobs** on the BullMQ queue `results-<ensemble id>`, with the
 *   chunk's job id: the chunk's runs as two base64 blocks of little-endian
 *   Float64 values. Only the ensemble's coordinator consumes them, writes
 *   them to its run store and only then lets BullMQ delete them, so results
 *   never pile up in Redis.
 *
 * Everything read from Redis is data, checked against these zod schemas;
 * nothing in it is evaluated as code.
 */
import { endianness } from 'node:os';
import { z } from 'zod';
import { MAX_SEED } from '../../core/rng.js';

/** Prefix of every Redis key Concert's queue uses (BullMQ's `prefix`). */
export const QUEUE_PREFIX = 'concert';

/** The BullMQ queue of chunk jobs, shared by every ensemble. */
export const CHUNK_QUEUE = 'chunks';

/** Runs per chunk job: fixed, so that a chunk's job id always names the same runs. */
export const QUEUE_CHUNK_RUNS = 50;

/** A worker reports a chunk's progress every this many runs. */
export const PROGRESS_EVERY_RUNS = 10;

/** Largest scenario definition a worker accepts (bytes of JSON). */
export const MAX_DEFINITION_CHARS = 16 * 1024 * 1024;

/** The queue of one ensemble's results. */
export function resultQueueName(ensemble: string): string {
  return `results-${ensemble}`;
}

/** The job id of chunk `index` of an ensemble (BullMQ ids may not contain ':'). */
export function chunkJobId(ensemble: string, index: number): string {
  return `${ensemble}-c${index}`;
}

/** The Redis key of an ensemble's record. */
export function ensembleRecordKey(ensemble: string): string {
  return `${QUEUE_PREFIX}:ensemble:${ensemble}`;
}

/** The Redis key of the lease held by an ensemble's coordinator. */
export function leaseKey(ensemble: string): string {
  return `${QUEUE_PREFIX}:lease:${ensemble}`;
}

/** The first run and run count of chunk `index` of an ensemble of `runs` runs. */
export function chunkRange(index: number, runs: number): { first: number; count: number } {
  const first = index * QUEUE_CHUNK_RUNS;
  return { first, count: Math.max(0, Math.min(QUEUE_CHUNK_RUNS, runs - first)) };
}

/** A short form of an ensemble id for messages (as `concert runs list` shows it). */
export function shortId(ensemble: string): string {
  return ensemble.slice(0, 12);
}

const EnsembleId = z.string().regex(/^[0-9a-f]{64}$/, 'expected a 64-digit hex ensemble id');
const Index = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/** An ensemble as a coordinator publishes it for the workers. */
export const EnsembleRecordSchema = z.strictObject({
  engineVersion: z.string().min(1).max(200),
  parts: z.string().min(1).max(2000),
  seed: z.number().int().min(0).max(MAX_SEED),
  /** The scenario's name, for workers' logs. */
  scenario: z.string().max(200),
  /** The prepared scenario's JSON, exactly as hashed into the ensemble id. */
  definition: z.string().min(2).max(MAX_DEFINITION_CHARS),
});
export type EnsembleRecord = z.infer<typeof EnsembleRecordSchema>;

/** A chunk job: runs `first`…`first + count − 1` of an ensemble. */
export const ChunkJobSchema = z
  .strictObject({
    ensemble: EnsembleId,
    index: Index,
    first: Index,
    count: z.number().int().min(1).max(QUEUE_CHUNK_RUNS),
  })
  .refine((c) => c.first === c.index * QUEUE_CHUNK_RUNS, {
    message: `a chunk's first run is its index × ${QUEUE_CHUNK_RUNS}`,
  });
export type ChunkJob = z.infer<typeof ChunkJobSchema>;

/** Base64 text; its decoded length is what the coordinator checks (a regular expression over it would cost as much as decoding). */
const Base64 = z.string();

/** A finished chunk, as a worker sends it to the ensemble's coordinator. */
export const ResultJobSchema = z.strictObject({
  ensemble: EnsembleId,
  index: Index,
  first: Index,
  count: z.number().int().min(1).max(QUEUE_CHUNK_RUNS),
  /** Every run's recorded values, run after run (little-endian Float64, base64). */
  values: Base64,
  /** Every run's drawn parameters, likewise. */
  draws: Base64,
  /** The worker that computed it (host:pid). */
  worker: z.string().max(300),
  /** Time the worker's thread spent on the chunk, ms. */
  computeMs: z.number().min(0),
});
export type ResultJob = z.infer<typeof ResultJobSchema>;

/** What a chunk job returns to BullMQ (kept small: the runs travel as a result job). */
export interface ChunkReturn {
  readonly worker: string;
  readonly runs: number;
  readonly computeMs: number;
}

const littleEndian = endianness() === 'LE';

/** Float64 values as base64 of their little-endian bytes. */
export function encodeFloats(values: Float64Array): string {
  if (littleEndian)
    return Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64');
  const bytes = Buffer.alloc(values.byteLength);
  for (let k = 0; k < values.length; k++) bytes.writeDoubleLE(values[k]!, 8 * k);
  return bytes.toString('base64');
}

/** The values of {@link encodeFloats}; undefined when the bytes are not a whole number of Float64 values. */
export function decodeFloats(text: string): Float64Array | undefined {
  const bytes = Buffer.from(text, 'base64');
  if (bytes.byteLength % 8 !== 0) return undefined;
  const out = new Float64Array(bytes.byteLength / 8);
  if (littleEndian) new Uint8Array(out.buffer).set(bytes);
  else for (let k = 0; k < out.length; k++) out[k] = bytes.readDoubleLE(8 * k);
  return out;
}
