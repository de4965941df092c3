/**
 * Long work as jobs: an ensemble or a comparison is started by one request,
 * runs in the background (its runs on worker threads), reports progress to
 * any number of listeners (server-sent events) and keeps its result for a
 * later `GET /api/jobs/:id`. Jobs run one at a time, in order of arrival, so
 * that a burst of requests cannot oversubscribe the machine's cores; at most
 * `maxQueued` wait behind the running one (more are refused with
 * {@link JobQueueFull}, answered 429). A queued or running job can be
 * cancelled: a queued one never starts, a running one has its work's
 * AbortSignal aborted (the ensemble stops dispatching chunks; the runs it
 * finished stay in the store) and ends `cancelled`.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { isConcertError } from '../core/errors.js';
import { ServerBusy } from './busy.js';
import { type ApiProblem, apiProblem } from './errors.js';

export type JobKind = 'ensemble' | 'compare' | 'sensitivity';
export type JobStatus = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/** Progress of a job: units (runs) done out of the total, and what is being computed. */
export interface JobProgress {
  readonly done: number;
  readonly total: number;
  readonly label: string;
}

/** What a job reports about itself. */
export interface JobView {
  readonly id: string;
  readonly kind: JobKind;
  readonly status: JobStatus;
  readonly createdAt: string;
  readonly progress: JobProgress;
  readonly result?: unknown;
  readonly error?: { readonly message: string; readonly problems: ApiProblem[] };
}

/**
 * The work of a job: reports progress, resolves with its JSON result. It
 * should stop soon after `signal` is aborted (the job is cancelled); what it
 * resolves or rejects with then is ignored.
 */
export type JobWork = (report: (progress: JobProgress) => void, signal: AbortSignal) => Promise<unknown>;

interface Job {
  view: JobView;
  readonly events: EventEmitter;
  readonly work: JobWork;
  readonly abort: AbortController;
}

/** Thrown by {@link JobQueue.submit} when `maxQueued` jobs already wait. */
export class JobQueueFull extends ServerBusy {
  constructor(
    readonly queued: number,
    retryAfterS: number,
  ) {
    super(
      `too many jobs: ${queued} are already waiting behind the running one (the server's limit); try again later or cancel one with DELETE /api/jobs/:id`,
      retryAfterS,
    );
    this.name = 'JobQueueFull';
  }
}

/** What {@link JobQueue.cancel} did. */
export type CancelOutcome = 'cancelled' | 'cancelling' | 'finished' | 'unknown';

const FINISHED: readonly JobStatus[] = ['done', 'failed', 'cancelled'];

/** Whether a job has ended (done, failed or cancelled). */
export function isFinished(status: JobStatus): boolean {
  return FINISHED.includes(status);
}

/** Jobs that may wait behind the running one by default. */
export const DEFAULT_MAX_QUEUED_JOBS = 16;

/** Events a job emits: `progress` (JobProgress) and `end` (the final JobView). */
export type JobEvent = 'progress' | 'end';

/**
 * A registry of jobs with a serial run queue; keeps the most recent `keep`
 * finished jobs (queued and running ones are always kept) and refuses a job
 * when `maxQueued` already wait.
 */
export class JobQueue {
  private readonly jobs = new Map<string, Job>();
  private readonly pending: Job[] = [];
  private running: Promise<void> | undefined;
  private closed = false;

  constructor(
    private readonly keep = 100,
    private readonly onFault: (e: unknown) => void = () => undefined,
    readonly maxQueued = DEFAULT_MAX_QUEUED_JOBS,
  ) {}

  /** Jobs waiting to start. */
  get queued(): number {
    return this.pending.length;
  }

  /**
   * Queues a job and returns its view (status `queued`).
   *
   * @throws {JobQueueFull} when `maxQueued` jobs already wait.
   */
  submit(kind: JobKind, label: string, total: number, work: JobWork): JobView {
    if (this.pending.length >= this.maxQueued) throw new JobQueueFull(this.pending.length, 30);
    const job: Job = {
      view: {
        id: randomUUID(),
        kind,
        status: 'queued',
        createdAt: new Date().toISOString(),
        progress: { done: 0, total, label },
      },
      events: new EventEmitter(),
      work,
      abort: new AbortController(),
    };
    job.events.setMaxListeners(0);
    this.jobs.set(job.view.id, job);
    this.prune();
    this.pending.push(job);
    this.pump();
    return job.view;
  }

  /** The job's current view, or undefined when unknown (or pruned). */
  get(id: string): JobView | undefined {
    return this.jobs.get(id)?.view;
  }

  /**
   * Subscribes to a job's events; returns the unsubscribe function, or
   * undefined when the job is unknown. A finished job calls `onEnd` at once.
   */
  subscribe(
    id: string,
    onProgress: (p: JobProgress) => void,
    onEnd: (view: JobView) => void,
  ): (() => void) | undefined {
    const job = this.jobs.get(id);
    if (!job) return undefined;
    if (isFinished(job.view.status)) {
      onEnd(job.view);
      return () => undefined;
    }
    job.events.on('progress', onProgress);
    job.events.on('end', onEnd);
    return () => {
      job.events.off('progress', onProgress);
      job.events.off('end', onEnd);
    };
  }

  /**
   * Cancels a job: a queued one is taken off the queue and ends `cancelled`
   * at once; a running one has its signal aborted and ends `cancelled` when
   * its work has stopped ('cancelling'). A finished or unknown job is left alone.
   */
  cancel(id: string): CancelOutcome {
    const job = this.jobs.get(id);
    if (!job) return 'unknown';
    if (isFinished(job.view.status)) return 'finished';
    const at = this.pending.indexOf(job);
    if (at >= 0) {
      this.pending.splice(at, 1);
      job.abort.abort();
      this.finish(job, { status: 'cancelled' });
      return 'cancelled';
    }
    job.abort.abort();
    return 'cancelling';
  }

  /** Stops taking jobs and waits for the running one to finish. Queued jobs fail. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.pending.splice(0)) {
      this.finish(job, { status: 'failed', error: { message: 'the server is shutting down', problems: [] } });
    }
    await this.running;
  }

  private prune(): void {
    for (const [id, job] of this.jobs) {
      if (this.jobs.size <= this.keep) break;
      if (isFinished(job.view.status)) this.jobs.delete(id);
    }
  }

  private pump(): void {
    if (this.running || this.closed) return;
    const job = this.pending.shift();
    if (!job) return;
    this.running = this.run(job).finally(() => {
      this.running = undefined;
      this.pump();
    });
  }

  private async run(job: Job): Promise<void> {
    job.view = { ...job.view, status: 'running' };
    const report = (progress: JobProgress) => {
      job.view = { ...job.view, progress };
      job.events.emit('progress', progress);
    };
    try {
      const result = await job.work(report, job.abort.signal);
      this.finish(job, job.abort.signal.aborted ? { status: 'cancelled' } : { status: 'done', result });
    } catch (e) {
      if (job.abort.signal.aborted) {
        this.finish(job, { status: 'cancelled' });
        return;
      }
      if (!(isConcertError(e) && e.code === 'bad-input')) this.onFault(e);
      const error =
        isConcertError(e) && e.code === 'bad-input'
          ? {
              message: 'the job could not run: its input has problems',
              problems: e.problems.map((p) => apiProblem(p)),
            }
          : { message: 'internal error: the job failed', problems: [] };
      this.finish(job, { status: 'failed', error });
    }
  }

  private finish(job: Job, end: Pick<JobView, 'status' | 'result' | 'error'>): void {
    job.view = { ...job.view, ...end };
    job.events.emit('end', job.view);
    job.events.removeAllListeners();
  }
}
