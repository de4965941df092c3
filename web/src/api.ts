/**
 * The web lab's HTTP client for the Concert API (src/server). Every call may
 * be aborted: views abort the previous request when an input changes, so a
 * slow stale answer never overwrites a newer one.
 */
import { useEffect, useRef, useState } from 'react';
import type { Job as JobDocument, Problem } from './types';

export type { Problem } from './types';

/** A failed API call: the HTTP status and every problem the server named (status 0: no answer). */
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

/** Calls the API: GET without a body, POST with a JSON body; throws {@link ApiError} on a non-2xx answer or no answer. */
export async function api<T>(
  path: string,
  options: { body?: unknown; signal?: AbortSignal; method?: string } = {},
): Promise<T> {
  const hasBody = options.body !== undefined;
  let res: Response;
  try {
    res = await fetch(path, {
      method: options.method ?? (hasBody ? 'POST' : 'GET'),
      headers: hasBody ? { 'content-type': 'application/json' } : {},
      body: hasBody ? JSON.stringify(options.body) : null,
      signal: options.signal ?? null,
    });
  } catch (e) {
    if (isAbort(e)) throw e;
    throw new ApiError(e instanceof Error ? e.message : String(e), 0, []);
  }
  if (!res.ok) {
    const data: unknown = await res.json().catch(() => null);
    const error = (data as { error?: { message?: string; problems?: Problem[] } } | null)?.error;
    throw new ApiError(error?.message ?? `HTTP ${res.status}`, res.status, error?.problems ?? []);
  }
  if ((res.headers.get('content-type') ?? '').includes('application/json')) return (await res.json()) as T;
  return (await res.text()) as T;
}

/**
 * State of a request that follows its inputs: the answer for the current
 * inputs, its error, and whether one is in flight. `stale` is true while the
 * answer shown belongs to earlier inputs (the next one is loading).
 */
export interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  stale: boolean;
}

/**
 * Runs `load` whenever `key` changes, aborting the request still in flight.
 * While the next answer loads, the previous one stays (marked `stale`) so that
 * charts do not flash; an error, or a `null` key (inputs that cannot be
 * sent), clears it, so a result is never shown under inputs it was not
 * computed for.
 */
export function useApi<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>): Loaded<T> {
  const [state, setState] = useState<Loaded<T> & { key: string | null }>({
    data: undefined,
    error: undefined,
    loading: key !== null,
    stale: false,
    key: null,
  });
  useEffect(() => {
    if (key === null) {
      setState({ data: undefined, error: undefined, loading: false, stale: false, key: null });
      return;
    }
    const controller = new AbortController();
    setState((s) => ({ ...s, loading: true, stale: s.data !== undefined }));
    load(controller.signal).then(
      (data) => setState({ data, error: undefined, loading: false, stale: false, key }),
      (e: unknown) => {
        if (!isAbort(e)) setState({ data: undefined, error: e as Error, loading: false, stale: false, key });
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
        else reject(new ApiError(`lost the progress stream of job ${id}`, 0, []));
      }, reject);
    };
  });
}

/**
 * Starts API jobs (POST `path` with a body) and follows each to its end: the
 * latest job's progress, result (with the request that produced it) or
 * error, and whether it is running. Starting a job abandons the one before;
 * leaving the view aborts the running one; `clear` forgets the result.
 */
export function useJob<R, Q = unknown>() {
  const [progress, setProgress] = useState<Job<R>['progress'] | null>(null);
  const [result, setResult] = useState<{ value: R; request: Q } | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [running, setRunning] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [cancelled, setCancelled] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const controller = useRef<AbortController | null>(null);
  useEffect(() => () => controller.current?.abort(), []);

  /** Posts the job; `total` is shown as its size until the server reports progress. */
  const start = async (path: string, body: unknown, total: number, request: Q): Promise<R | null> => {
    controller.current?.abort();
    const c = new AbortController();
    controller.current = c;
    setRunning(true);
    setError(null);
    setResult(null);
    setJobId(null);
    setCancelled(false);
    setCancelling(false);
    setProgress({ done: 0, total, label: '' });
    try {
      const job = await api<Job<R>>(path, { body, signal: c.signal });
      setJobId(job.id);
      const ended = await followJob<R>(job.id, setProgress, c.signal);
      setProgress(ended.progress);
      // The API's job status may also be 'cancelled' (DELETE /api/jobs/:id).
      if ((ended.status as string) === 'cancelled') {
        setCancelled(true);
        return null;
      }
      if (ended.status === 'done' && ended.result) {
        setResult({ value: ended.result, request });
        return ended.result;
      }
      const problems = (ended.error as { problems?: Problem[] } | undefined)?.problems ?? [];
      setError(new ApiError(ended.error?.message ?? ended.status, 500, problems));
    } catch (e) {
      if (!isAbort(e)) setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      if (controller.current === c) {
        setRunning(false);
        setCancelling(false);
      }
    }
    return null;
  };
  /** Asks the server to cancel the running job (DELETE /api/jobs/:id); its end event then says `cancelled`. */
  const cancel = async () => {
    if (jobId === null) return;
    setCancelling(true);
    try {
      await api(`/api/jobs/${encodeURIComponent(jobId)}`, { method: 'DELETE' });
    } catch (e) {
      setCancelling(false);
      if (!isAbort(e)) setError(e instanceof Error ? e : new Error(String(e)));
    }
  };
  const clear = () => {
    controller.current?.abort();
    setResult(null);
    setError(null);
    setProgress(null);
    setRunning(false);
    setCancelled(false);
  };
  return { progress, result, error, running, jobId, cancelled, cancelling, start, cancel, clear };
}
