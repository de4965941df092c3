/**
 * The lab's state in the address: `#/view?name=value&…`. A view keeps every
 * input that changes what it shows (year, states, sliders, scenario, run id)
 * as a parameter, so that reloading the page or opening the link in a fresh
 * browser reproduces what one sees. Changing a parameter replaces the
 * history entry (a slider does not fill the back button); switching views
 * (the navigation links) adds one. Values equal to their default are left out.
 */
import { useCallback, useMemo, useSyncExternalStore } from 'react';

export interface Route {
  readonly view: string;
  readonly params: URLSearchParams;
}

/** The view and parameters of a hash such as `#/deterrence?a=USA&b=CHN`. */
export function parseHash(hash: string): Route {
  const body = hash.replace(/^#\/?/, '');
  const q = body.indexOf('?');
  const view = (q < 0 ? body : body.slice(0, q)).split('/')[0] ?? '';
  return { view, params: new URLSearchParams(q < 0 ? '' : body.slice(q + 1)) };
}

/** The hash of a view with parameters. */
export function hashOf(view: string, params: URLSearchParams | Record<string, string> = {}): string {
  const q = new URLSearchParams(params).toString();
  return `#/${view}${q ? `?${q}` : ''}`;
}

const listeners = new Set<() => void>();
const notify = () => {
  for (const l of listeners) l();
};

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  window.addEventListener('hashchange', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('hashchange', listener);
  };
}

/** Sets (or, with null, removes) parameters of the current view, replacing the history entry. */
export function setParams(update: Record<string, string | null>): void {
  const { view, params } = parseHash(window.location.hash);
  for (const [k, v] of Object.entries(update)) {
    if (v === null) params.delete(k);
    else params.set(k, v);
  }
  const next = hashOf(view || 'world', params);
  if (next !== window.location.hash) {
    window.history.replaceState(window.history.state, '', next);
    notify();
  }
}

/** The current route; re-renders when the address changes. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => window.location.hash);
  return useMemo(() => parseHash(hash), [hash]);
}

/** How a parameter's value is written in the address and read back (undefined: not a valid value). */
export interface Codec<T> {
  parse(text: string): T | undefined;
  format(value: T): string;
}

export const codec = {
  /** A whole number in [min, max]. */
  int: (min: number, max: number): Codec<number> => ({
    parse: (s) => {
      const n = Number(s);
      return /^-?\d+$/.test(s) && n >= min && n <= max ? n : undefined;
    },
    format: String,
  }),
  /** A number in [min, max]. */
  num: (min: number, max: number): Codec<number> => ({
    parse: (s) => {
      const n = Number(s);
      return s.trim() !== '' && Number.isFinite(n) && n >= min && n <= max ? n : undefined;
    },
    format: String,
  }),
  /** One of a list of names. */
  oneOf: <T extends string>(values: readonly T[]): Codec<T> => ({
    parse: (s) => (values.includes(s as T) ? (s as T) : undefined),
    format: (v) => v,
  }),
  /** Free text (ids, names, scenario text). */
  text: { parse: (s: string) => s, format: (v: string) => v } as Codec<string>,
  /** A comma-separated list of ids (ISO 3166 alpha-3 or dataset ids). */
  ids: {
    parse: (s: string) => {
      const ids = s.split(',').filter((x) => /^[A-Z][A-Z0-9]{1,5}$/.test(x));
      return ids.length > 0 ? ids : undefined;
    },
    format: (v: readonly string[]) => v.join(','),
  } as Codec<string[]>,
  bool: {
    parse: (s: string) => (s === '1' ? true : s === '0' ? false : undefined),
    format: (v: boolean) => (v ? '1' : '0'),
  } as Codec<boolean>,
};

/**
 * A value kept in the address under `name`: the parsed parameter, or
 * `fallback` when it is absent or not valid; setting the fallback removes it.
 * Give a codec and a fallback that keep their identity (module constants).
 */
export function useParam<T>(name: string, fallback: T, c: Codec<T>): [T, (value: T) => void] {
  const { params } = useRoute();
  const raw = params.get(name);
  // Parsed once per text, so that a list keeps its identity between renders (give module-level codecs).
  const parsed = useMemo(() => (raw === null ? undefined : c.parse(raw)), [raw, c]);
  const value = parsed === undefined ? fallback : parsed;
  const fallbackText = c.format(fallback);
  const set = useCallback(
    (v: T) => {
      const text = c.format(v);
      setParams({ [name]: text === fallbackText ? null : text });
    },
    [name, fallbackText, c],
  );
  return [value, set];
}
