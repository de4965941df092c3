/**
 * The distributed queue (DESIGN.md, "Storage and scale"; docs/scale-out.md):
 * ensembles' chunks computed by `concert worker` processes on any number of
 * machines, through BullMQ on Redis, with the bytes of a local run.
 */
export { checkRedis, connectRedis, redisOptions } from './connection.js';
export {
  CHUNK_ATTEMPTS,
  CHUNKS_PER_THREAD,
  LEASE_MS,
  MIN_WINDOW,
  QueueExecutor,
  type QueueExecutorOptions,
  type QueueStats,
} from './coordinator.js';
export {
  CHUNK_QUEUE,
  type ChunkJob,
  type ChunkReturn,
  chunkJobId,
  chunkRange,
  type EnsembleRecord,
  ensembleRecordKey,
  leaseKey,
  QUEUE_CHUNK_RUNS,
  QUEUE_PREFIX,
  type ResultJob,
  resultQueueName,
} from './protocol.js';
export { DEFAULT_REDIS_PORT, parseRedisUrl, REDIS_PASSWORD_ENV, type RedisTarget } from './url.js';
export {
  DEFAULT_LOCK_MS,
  MAX_STALLED,
  type QueueWorker,
  type QueueWorkerOptions,
  startQueueWorker,
  type WorkerEvent,
} from './worker.js';
