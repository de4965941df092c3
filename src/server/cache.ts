/**
 * A small least-recently-used cache for the results of pure functions of a
 * request (powers rankings, deterrence dyads, balance reports): the same
 * inputs give the same output, so a repeated request (a slider moved back,
 * a view reopened) costs nothing.
 */
export class LruCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  /** The value for `key`, computing and storing it on a miss (the oldest entry is dropped when full). */
  get(key: string, compute: () => V): V {
    const hit = this.entries.get(key);
    if (hit !== undefined || this.entries.has(key)) {
      this.entries.delete(key);
      this.entries.set(key, hit as V);
      return hit as V;
    }
    const value = compute();
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return value;
  }

  /** Drops a key (e.g. a rejected promise that should not be cached). */
  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Caches a promise-returning computation, forgetting it if it rejects so the next call retries. */
export function cachedAsync<V>(
  cache: LruCache<Promise<V>>,
  key: string,
  compute: () => Promise<V>,
): Promise<V> {
  const p = cache.get(key, compute);
  p.catch(() => cache.delete(key));
  return p;
}
