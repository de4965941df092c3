/**
 * The HiGHS LP/MIP solver (WASM), loaded once per process and reused.
 *
 * STACK.md, setup note 2: under NodeNext the package's default export is
 * mistyped (its `package.json` says CommonJS, its types say `export default`),
 * so the loader is cast once here. Per-call overhead is about 4.5 ms, so callers
 * should batch work into few solves.
 */
import highsDefault, { type Highs, type InitOptions } from 'highs';

export type { Highs } from 'highs';

const loadHighs = highsDefault as unknown as (options?: InitOptions) => Promise<Highs>;

let instance: Promise<Highs> | undefined;

/** The shared HiGHS module; the first call compiles the WASM (about 1 s). */
export function getHighs(): Promise<Highs> {
  instance ??= loadHighs();
  return instance;
}
