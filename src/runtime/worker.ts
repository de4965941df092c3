/**
 * The worker-thread entry of {@link WorkerPool}: imports the task's module
 * (once per worker) and calls the named export with the task's input.
 */
import { workerData } from 'node:worker_threads';
import type { WorkerData, WorkerTask } from './pool.js';

const modules = new Map<string, Promise<Record<string, unknown>>>();

// Start importing the pool's preloaded modules now, while the first task is still on its way.
for (const url of (workerData as WorkerData | undefined)?.preload ?? []) {
  const loading = import(url) as Promise<Record<string, unknown>>;
  // A failure is reported by the task that uses the module, not here.
  loading.catch(() => undefined);
  modules.set(url, loading);
}

/** Runs one task. */
export default async function runTask(task: WorkerTask): Promise<unknown> {
  let mod = modules.get(task.module);
  if (!mod) {
    mod = import(task.module) as Promise<Record<string, unknown>>;
    modules.set(task.module, mod);
  }
  const fn = (await mod)[task.exportName];
  if (typeof fn !== 'function')
    throw new TypeError(`${task.module} has no exported function ${task.exportName}`);
  return (fn as (input: unknown) => unknown)(task.input);
}
