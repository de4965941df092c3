/**
 * The web lab's HTTP client for the Concert API (src/server). Every call may
 * be aborted: views abort the previous request when an input changes, so a
 * slow stale answer never overwrites a newer one.
 */
import { useEffect, useRef, useState } from 'react';
import type { Job as JobDocument, Problem } from './types';

export type { Problem } from './types';

/** A failed API call: the HTTP status and every problem the server named. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly problems: Problem[],
  ) {
    super(message);
  }
}

/** True for the rejection of an aborted fetch. */
export function isAbort(e: unknown): boolean {
  return e instanceof DOMException && e.name === 'AbortError';
}

/** Calls the API: GET without a body, POST with a JSON body; throws {@link ApiError} on a non-2xx answer. */
export async function api<T>(
  path: string,
  options: { body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const hasBody = options.body !== undefined;
  const res = await fetch(path, {
    method: hasBody ? 'POST' : 'GET',
    headers: hasBody ? { 'content-type': 'application/json' } : {},
    body: hasBody ? JSON.stringify(options.body) : null,
    signal: options.signal ?? null,
  });
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const error = (data as { error?: { message?: string; problems?: Problem[] } } | null)?.error;
    throw new ApiError(error?.message ?? `HTTP ${res.status}`, res.status, error?.problems ?? []);
  }
  return data as T;
}

/** State of a request that follows its inputs: the newest answer, its error and whether one is in flight. */
export interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
}

/**
 * Runs `load` whenever `key` changes, aborting the request still in flight.
 * Keeps the previous answer while the next one loads, so charts do not flash.
 */
export function useApi<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ data: undefined, error: undefined, loading: key !== null });
  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true }));
    load(controller.signal).then(
      (data) => setState({ data, error: undefined, loading: false }),
      (e: unknown) => {
        if (!isAbort(e)) setState((s) => ({ data: s.data, error: e as Error, loading: false }));
      },
    );
    return () => controller.abort();
  }, [key]);
  return state;
}

/** A job of the API (ensemble or compare) whose result, when done, is an `R`. */
export type Job<R> = Omit<JobDocument, 'result'> & { result?: R };

/**
 * Follows a job's server-sent events (`progress`, then `end`) until it ends.
 * Resolves with the ended job; `onProgress` sees every progress event.
 */
export function followJob<R>(
  id: string,
  onProgress: (p: Job<R>['progress']) => void,
  signal: AbortSignal,
): Promise<Job<R>> {
  return new Promise((resolve, reject) => {
    const source = new EventSource(`/api/jobs/${encodeURIComponent(id)}/events`);
    const stop = () => source.close();
    signal.addEventListener('abort', () => {
      stop();
      reject(new DOMException('aborted', 'AbortError'));
    });
    source.addEventListener('progress', (e) => onProgress(JSON.parse((e as MessageEvent<string>).data)));
    source.addEventListener('end', (e) => {
      stop();
      resolve(JSON.parse((e as MessageEvent<string>).data) as Job<R>);
    });
    source.onerror = () => {
      stop();
      api<Job<R>>(`/api/jobs/${encodeURIComponent(id)}`, { signal }).then((job) => {
        if (job.status === 'done' || job.status === 'failed') resolve(job);
        else reject(new Error(`lost the progress stream of job ${id}`));
      }, reject);
    };
  });
}

/**
 * Starts API jobs (POST `path` with a body) and follows each to its end: the
 * latest job's progress, result or error, and whether it is running. Starting
 * a job abandons the one before; leaving the view aborts the running one.
 */
export function useJob<R>() {
  const [progress, setProgress] = useState<Job<R>['progress'] | null>(null);
  const [result, setResult] = useState<R | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  /** Posts the job; `total` is shown as its size until the server reports progress. */
  const start = async (path: string, body: unknown, total: number) => {
    controller.current?.abort();
    const c = new AbortController();
    controller.current = c;
    setRunning(true);
    setError(null);
    setResult(null);
    setProgress({ done: 0, total, label: '' });
    try {
      const job = await api<Job<R>>(path, { body, signal: c.signal });
      const ended = await followJob<R>(job.id, setProgress, c.signal);
      setProgress(ended.progress);
      if (ended.status === 'done' && ended.result) setResult(ended.result);
      else setError(ended.error?.message ?? ended.status);
    } catch (e) {
      if (!isAbort(e)) setError(e instanceof Error ? e.message : String(e));
    } finally {
      if (controller.current === c) setRunning(false);
    }
  };
  return { progress, result, error, running, start };
}
