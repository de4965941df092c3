/**
 * The worker-thread entry of {@link WorkerPool}: imports the task's module
 * (once per worker) and calls the named export with the task's input.
 */
import type { WorkerTask } from './pool.js';

const modules = new Map<string, Promise<Record<string, unknown>>>();

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
