/**
 * `concert/server`: the HTTP API and the web lab's host (docs/api.md).
 *
 * Every name here is public (docs/library.md lists them); anything else under src/ may change.
 */

// The app and its options
export { buildServer } from '../server/app.js';
export type { ServerOptions } from '../server/context.js';
