/**
 * server/: the HTTP API over the library and the run store, and the host of
 * the web lab (docs/api.md). `buildServer(options)` makes the app;
 * `concert serve` listens on it.
 */
export { buildServer } from './app.js';
export {
  DEFAULT_BODY_LIMIT_BYTES,
  DEFAULT_CLOSE_GRACE_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  DEFAULT_TASK_TIMEOUT_MS,
  LOOPBACK_HOSTS,
  type ServerOptions,
} from './context.js';
export { type ApiError, type ApiProblem, toHttpError } from './errors.js';
export type { JobProgress, JobStatus, JobView } from './jobs.js';
export { type ApiErrorJson, type ApiProblemJson, ErrorSchema, ProblemSchema } from './schemas.js';
